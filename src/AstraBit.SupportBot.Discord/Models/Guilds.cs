using System.Globalization;
using System.Text.Json;
using AstraBit.SupportBot.Discord.Permissions;

namespace AstraBit.SupportBot.Discord.Models;

/// <summary>A guild role. The @everyone role's id is the guild's id.</summary>
public sealed record DiscordRole(ulong Id, string Name, DiscordPermissions Permissions, int Position, bool Managed)
{
    internal static DiscordRole Parse(JsonElement e) =>
        new(e.RequiredSnowflake("id"), e.Str("name") ?? "", JsonPermissions.Parse(e.Str("permissions")), e.Int("position") ?? 0, e.Bool("managed") ?? false);
}

/// <summary>Whose permissions a channel overwrite changes.</summary>
public enum OverwriteType
{
    Role = 0,
    Member = 1,
}

/// <summary>A channel's permission overwrite for one role or member.</summary>
public sealed record PermissionOverwrite(ulong Id, OverwriteType Type, DiscordPermissions Allow, DiscordPermissions Deny)
{
    internal static PermissionOverwrite Parse(JsonElement e) =>
        new(e.RequiredSnowflake("id"), (OverwriteType)(e.Int("type") ?? 0), JsonPermissions.Parse(e.Str("allow")), JsonPermissions.Parse(e.Str("deny")));
}

/// <summary>A guild (partial: what the set-up checks need).</summary>
public sealed record DiscordGuild(ulong Id, string Name, ulong OwnerId, IReadOnlyList<DiscordRole> Roles)
{
    internal static DiscordGuild Parse(JsonElement e) =>
        new(e.RequiredSnowflake("id"), e.Str("name") ?? "", e.Snowflake("owner_id") ?? 0, [.. e.Array("roles").Select(DiscordRole.Parse)]);
}

/// <summary>Application flags (https://docs.discord.com/developers/resources/application, "Application Flags"): the privileged-intent switches.</summary>
[Flags]
#pragma warning disable CA1711 // Discord's name for the field is "flags".
public enum ApplicationFlags
#pragma warning restore CA1711
{
    None = 0,
    GatewayPresence = 1 << 12,
    GatewayPresenceLimited = 1 << 13,
    GatewayGuildMembers = 1 << 14,
    GatewayGuildMembersLimited = 1 << 15,
    GatewayMessageContent = 1 << 18,
    GatewayMessageContentLimited = 1 << 19,
}

/// <summary>The bot's own application (GET /applications/@me).</summary>
public sealed record DiscordApplication(ulong Id, string Name, ApplicationFlags Flags)
{
    internal static DiscordApplication Parse(JsonElement e) =>
        new(e.RequiredSnowflake("id"), e.Str("name") ?? "", (ApplicationFlags)(e.Int("flags") ?? 0));
}

internal static class JsonPermissions
{
    public static DiscordPermissions Parse(string? value) =>
        ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var bits) ? (DiscordPermissions)bits : DiscordPermissions.None;
}
