using System.Globalization;
using System.Text.Json.Nodes;

namespace AstraBit.SupportBot.Emulators.Discord;

/// <summary>A guild role in the emulator. The @everyone role's id is the guild id.</summary>
public sealed record EmulatedRole(ulong Id, string Name, ulong Permissions, int Position, bool Managed);

/// <summary>A channel permission overwrite: <paramref name="Type"/> 0 for a role, 1 for a member.</summary>
public sealed record EmulatedOverwrite(ulong Id, int Type, ulong Allow, ulong Deny);

public sealed partial class DiscordRestEmulator
{
    /// <summary>What the bot's own role grants by default: the permissions the invite link in docs/operations.md asks for.</summary>
    public const ulong DefaultBotPermissions = 360_777_370_624;

    /// <summary>GATEWAY_GUILD_MEMBERS_LIMITED | GATEWAY_MESSAGE_CONTENT_LIMITED: both intents switched on in the portal.</summary>
    public const int DefaultApplicationFlags = (1 << 15) | (1 << 19);

    private readonly Dictionary<ulong, EmulatedRole> _roles = [];
    private int _applicationFlags = DefaultApplicationFlags;

    /// <summary>The role Discord gives the bot when it joins (holding <see cref="DefaultBotPermissions"/>).</summary>
    public ulong BotRoleId { get; private set; }

    /// <summary>The guild's owner (a user who is not the bot).</summary>
    public ulong OwnerId => _options.GuildId + 1_000;

    /// <summary>The @everyone role's id: the guild id.</summary>
    public ulong EveryoneRoleId => _options.GuildId;

    /// <summary>The application's flags as GET /applications/@me reports them.</summary>
    public void SetApplicationFlags(int flags)
    {
        lock (_lock)
        {
            _applicationFlags = flags;
        }
    }

    /// <summary>Adds a role (or replaces the one with <paramref name="id"/>) and returns its id.</summary>
    public ulong AddRole(string name, ulong permissions, ulong? id = null, bool managed = false)
    {
        lock (_lock)
        {
            var roleId = id ?? NextId();
            _roles[roleId] = new EmulatedRole(roleId, name, permissions, _roles.Count, managed);
            return roleId;
        }
    }

    public void SetRolePermissions(ulong roleId, ulong permissions)
    {
        lock (_lock)
        {
            _roles[roleId] = _roles[roleId] with { Permissions = permissions };
        }
    }

    public void DeleteRole(ulong roleId)
    {
        lock (_lock)
        {
            _roles.Remove(roleId);
        }
    }

    public IReadOnlyList<EmulatedRole> Roles
    {
        get
        {
            lock (_lock)
            {
                return [.. _roles.Values];
            }
        }
    }

    /// <summary>Sets (or with allow and deny both 0, removes) a channel's overwrite for a role (type 0) or member (type 1).</summary>
    public void SetOverwrite(ulong channelId, ulong targetId, int type, ulong allow, ulong deny)
    {
        lock (_lock)
        {
            var channel = _channels[channelId];
            channel.OverwriteList.RemoveAll(o => o.Id == targetId && o.Type == type);
            if (allow != 0 || deny != 0)
            {
                channel.OverwriteList.Add(new EmulatedOverwrite(targetId, type, allow, deny));
            }
        }
    }

    /// <summary>Adds a channel of any type, in this guild or (with <paramref name="guildId"/>) in another one the bot is not in.</summary>
    public ulong AddChannel(string name, int type, ulong? guildId = null)
    {
        lock (_lock)
        {
            var id = NextId();
            _channels[id] = new EmulatedChannel(id, type, guildId ?? _options.GuildId, null, name, null);
            return id;
        }
    }

    /// <summary>Removes a channel (as if deleted in Discord).</summary>
    public void DeleteChannel(ulong channelId)
    {
        lock (_lock)
        {
            _channels.Remove(channelId);
        }
    }

    private void SeedGuild()
    {
        _roles[_options.GuildId] = new EmulatedRole(_options.GuildId, "@everyone", DefaultMemberPermissions, 0, false);
        BotRoleId = NextId();
        _roles[BotRoleId] = new EmulatedRole(BotRoleId, "SupportBot", DefaultBotPermissions, 1, true);
        _members[_options.BotUserId] = ([BotRoleId], DefaultBotPermissions);
    }

    private bool BotInGuild(Match m, out Reply? failure)
    {
        failure = null;
        if (m.Args["guild_id"] != Id(_options.GuildId))
        {
            failure = Error(404, 10004, "Unknown Guild");
        }
        else if (!_members.ContainsKey(_options.BotUserId))
        {
            failure = Error(403, 50001, "Missing Access");
        }

        return failure is null;
    }

    private Reply CurrentUser() => new(200, UserJson(_options.BotUserId));

    private Reply CurrentApplication() => new(200, new JsonObject
    {
        ["id"] = Id(_options.ApplicationId),
        ["name"] = "SupportBot",
        ["flags"] = _applicationFlags,
        ["bot_public"] = false,
        ["bot"] = UserJson(_options.BotUserId),
    });

    private Reply GetGuild(Match m) => BotInGuild(m, out var failure)
        ? new Reply(200, new JsonObject
        {
            ["id"] = Id(_options.GuildId),
            ["name"] = "AstraBit",
            ["owner_id"] = Id(OwnerId),
            ["roles"] = RolesJson(),
        })
        : failure!;

    private Reply GetRoles(Match m) => BotInGuild(m, out var failure) ? new Reply(200, RolesJson()) : failure!;

    private Reply GetGuildChannels(Match m) => BotInGuild(m, out var failure)
        ? new Reply(200, new JsonArray([.. _channels.Values.Where(c => c.GuildId == _options.GuildId && !c.IsThread).OrderBy(c => c.Id).Select(c => (JsonNode)ChannelJson(c))]))
        : failure!;

    private Reply GetChannel(Match m)
    {
        if (Channel(m) is not { } channel)
        {
            return Error(404, 10003, "Unknown Channel");
        }

        // A channel of a guild the bot is not in: Discord answers Missing Access, not the channel.
        return channel.GuildId is { } g && (g != _options.GuildId || !_members.ContainsKey(_options.BotUserId))
            ? Error(403, 50001, "Missing Access")
            : new Reply(200, ChannelJson(channel));
    }

    private Reply GetGuildCommands(Match m)
    {
        if (m.Args["application_id"] != Id(_options.ApplicationId))
        {
            return Error(403, 50001, "Missing Access");
        }

        var guild = ulong.Parse(m.Args["guild_id"], CultureInfo.InvariantCulture);
        return new Reply(200, _guildCommands.GetValueOrDefault(guild)?.DeepClone() ?? new JsonArray());
    }

    private JsonArray RolesJson() => new([.. _roles.Values.OrderBy(r => r.Position).Select(r => (JsonNode)new JsonObject
    {
        ["id"] = Id(r.Id),
        ["name"] = r.Name,
        ["permissions"] = Id(r.Permissions),
        ["position"] = r.Position,
        ["managed"] = r.Managed,
        ["color"] = 0,
        ["hoist"] = false,
        ["mentionable"] = false,
    })]);

    private static JsonArray OverwritesJson(EmulatedChannel c) => new([.. c.OverwriteList.Select(o => (JsonNode)new JsonObject
    {
        ["id"] = Id(o.Id),
        ["type"] = o.Type,
        ["allow"] = Id(o.Allow),
        ["deny"] = Id(o.Deny),
    })]);
}
