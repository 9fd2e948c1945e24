using System.Text.Json.Nodes;

namespace AstraBit.SupportBot.Discord.Models;

/// <summary>
/// Who a message may ping. Always serialized: the default (<see cref="None"/>) is <c>{"parse":[]}</c>,
/// so echoed user text can never ping @everyone, roles or users.
/// </summary>
public sealed record AllowedMentions
{
    private AllowedMentions(IReadOnlyList<ulong> users, IReadOnlyList<ulong> roles, bool repliedUser)
    {
        DiscordLimits.Count(users.Count, DiscordLimits.AllowedMentionIds, "allowed_mentions.users");
        DiscordLimits.Count(roles.Count, DiscordLimits.AllowedMentionIds, "allowed_mentions.roles");
        UserIds = users;
        RoleIds = roles;
        RepliedUser = repliedUser;
    }

    /// <summary>No pings at all.</summary>
    public static AllowedMentions None { get; } = new([], [], false);

    /// <summary>Users that may be pinged.</summary>
    public IReadOnlyList<ulong> UserIds { get; }

    /// <summary>Roles that may be pinged.</summary>
    public IReadOnlyList<ulong> RoleIds { get; }

    /// <summary>Whether the author of a replied-to message is pinged.</summary>
    public bool RepliedUser { get; }

    /// <summary>Only these users may be pinged.</summary>
    public static AllowedMentions ForUsers(params IEnumerable<ulong> userIds) => new([.. userIds.Distinct()], [], false);

    /// <summary>Only these roles may be pinged.</summary>
    public static AllowedMentions ForRoles(params IEnumerable<ulong> roleIds) => new([], [.. roleIds.Distinct()], false);

    /// <summary>Adds users that may be pinged.</summary>
    public AllowedMentions AndUsers(params IEnumerable<ulong> userIds) => new([.. UserIds.Concat(userIds).Distinct()], RoleIds, RepliedUser);

    /// <summary>Adds roles that may be pinged.</summary>
    public AllowedMentions AndRoles(params IEnumerable<ulong> roleIds) => new(UserIds, [.. RoleIds.Concat(roleIds).Distinct()], RepliedUser);

    internal JsonObject ToJson()
    {
        var o = new JsonObject { ["parse"] = new JsonArray() };
        if (UserIds.Count > 0)
        {
            o["users"] = new JsonArray([.. UserIds.Select(id => (JsonNode)JsonRead.Id(id))]);
        }

        if (RoleIds.Count > 0)
        {
            o["roles"] = new JsonArray([.. RoleIds.Select(id => (JsonNode)JsonRead.Id(id))]);
        }

        o["replied_user"] = RepliedUser;
        return o;
    }
}

/// <summary>Message flags the bot sets.</summary>
[Flags]
#pragma warning disable CA1711 // "Flags" is Discord's name for the field.
public enum MessageFlags
#pragma warning restore CA1711
{
    None = 0,
    SuppressEmbeds = 1 << 2,
    Ephemeral = 1 << 6,
    SuppressNotifications = 1 << 12,
    IsComponentsV2 = 1 << 15,
}
