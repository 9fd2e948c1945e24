using System.Globalization;

namespace AstraBit.SupportBot.Emulators.Discord;

/// <summary>
/// Discord refused what a member (or the bot) tried: the JSON error code and message Discord answers with, e.g.
/// 50001 Missing Access for a channel they can't see, 50013 Missing Permissions, 160005 Thread is locked.
/// </summary>
public sealed class DiscordRefusedException(int code, string message) : InvalidOperationException($"{message} ({code.ToString(CultureInfo.InvariantCulture)})")
{
    public int Code { get; } = code;
}

/// <summary>
/// Channel permissions as Discord computes them (reference/discord-api.md §6.3, §6.5): @everyone and the member's
/// roles give the base, ADMINISTRATOR and the owner have everything, then the channel's overwrites apply in order
/// (@everyone, the roles together, the member), denies before allows. A thread takes its parent's permissions; a
/// private thread is seen only by its members and MANAGE_THREADS holders; posting in a thread needs
/// SEND_MESSAGES_IN_THREADS, and in a locked thread MANAGE_THREADS too.
/// </summary>
public sealed partial class DiscordRestEmulator
{
    public const ulong ViewChannel = 1UL << 10;
    public const ulong SendMessages = 1UL << 11;
    public const ulong ReadMessageHistory = 1UL << 16;
    public const ulong ManageThreads = 1UL << 34;
    public const ulong CreatePrivateThreads = 1UL << 36;
    public const ulong SendMessagesInThreads = 1UL << 38;
    private const ulong Administrator = 1UL << 3;
    private const ulong AllPermissions = ulong.MaxValue >> 12;
    private const ulong DmPermissions = ViewChannel | SendMessages | ReadMessageHistory | (1UL << 14) | (1UL << 15);

    /// <summary>The guild's members by user name (not the bot), as Discord's member picker lists them.</summary>
    public IReadOnlyList<string> MemberNames
    {
        get
        {
            lock (_lock)
            {
                return [.. _members.Keys.Where(id => id != _options.BotUserId).Select(id => _users.GetValueOrDefault(id) ?? "user" + Id(id)).Order(StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>What <paramref name="userId"/> may do in <paramref name="channelId"/>; 0 when they can't see it.</summary>
    public ulong PermissionsIn(ulong userId, ulong channelId)
    {
        lock (_lock)
        {
            return ComputePermissions(userId, channelId);
        }
    }

    /// <summary>Whether the user can see the channel (and so its messages).</summary>
    public bool CanView(ulong userId, ulong channelId) => (PermissionsIn(userId, channelId) & ViewChannel) != 0;

    /// <summary>Why Discord would refuse <paramref name="userId"/> writing in <paramref name="channelId"/>, or null when it wouldn't.</summary>
    public DiscordRefusedException? WhyCannotPost(ulong userId, ulong channelId)
    {
        lock (_lock)
        {
            return PostRefusal(userId, channelId);
        }
    }

    /// <summary>Throws what Discord answers when the user can't see the channel.</summary>
    /// <exception cref="DiscordRefusedException">50001 Missing Access.</exception>
    public void EnsureCanView(ulong userId, ulong channelId)
    {
        lock (_lock)
        {
            if (_channels.ContainsKey(channelId) && (ComputePermissions(userId, channelId) & ViewChannel) == 0)
            {
                throw new DiscordRefusedException(50001, "Missing Access");
            }
        }
    }

    private DiscordRefusedException? PostRefusal(ulong userId, ulong channelId)
    {
        if (!_channels.TryGetValue(channelId, out var channel))
        {
            return null;
        }

        var permissions = ComputePermissions(userId, channelId);
        if ((permissions & ViewChannel) == 0)
        {
            return new DiscordRefusedException(50001, "Missing Access");
        }

        if ((permissions & (channel.IsThread ? SendMessagesInThreads : SendMessages)) == 0)
        {
            return new DiscordRefusedException(50013, "Missing Permissions");
        }

        return channel.IsThread && channel.Locked && (permissions & ManageThreads) == 0
            ? new DiscordRefusedException(160005, "Thread is locked")
            : null;
    }

    // The bot's REST calls meet the same rules (a guild channel only; DMs have their own).
    private Reply? BotCannot(EmulatedChannel channel, ulong need)
    {
        if (channel.GuildId is null)
        {
            return null;
        }

        var permissions = ComputePermissions(_options.BotUserId, channel.Id);
        if ((permissions & ViewChannel) == 0)
        {
            return Error(403, 50001, "Missing Access");
        }

        return (permissions & need) == need ? null : Error(403, 50013, "Missing Permissions");
    }

    private ulong ComputePermissions(ulong userId, ulong channelId)
    {
        if (!_channels.TryGetValue(channelId, out var channel))
        {
            return 0;
        }

        if (channel.Type == 1)
        {
            return channel.RecipientId == userId || userId == _options.BotUserId ? DmPermissions : 0;
        }

        if (channel.GuildId != _options.GuildId)
        {
            return 0;
        }

        // Someone the emulator was never told about acts as a member with no roles (as interactions treat them).
        var member = _members.TryGetValue(userId, out var known) ? known : ([], 0UL);

        if (userId == OwnerId)
        {
            return AllPermissions;
        }

        // A member added with explicit permissions (what their interactions report) holds them guild-wide; the bot's
        // come from its roles alone, so a test that takes a permission from the bot's role takes it from the bot.
        var granted = (_roles.TryGetValue(_options.GuildId, out var everyone) ? everyone.Permissions : 0)
            | (userId == _options.BotUserId ? 0 : member.Permissions);
        foreach (var roleId in member.Roles)
        {
            granted |= _roles.TryGetValue(roleId, out var role) ? role.Permissions : 0;
        }

        if ((granted & Administrator) != 0)
        {
            return AllPermissions;
        }

        var source = channel.IsThread && channel.ParentId is { } parentId && _channels.TryGetValue(parentId, out var parent) ? parent : channel;
        var permissions = ApplyOverwrites(granted, source.OverwriteList, userId, member.Roles);
        if ((permissions & ViewChannel) == 0)
        {
            return 0;
        }

        return channel.Type == 12 && !channel.MemberSet.Contains(userId) && (permissions & ManageThreads) == 0 ? 0 : permissions;
    }

    private ulong ApplyOverwrites(ulong permissions, List<EmulatedOverwrite> overwrites, ulong userId, ulong[] roles)
    {
        if (overwrites.FirstOrDefault(o => o.Type == 0 && o.Id == _options.GuildId) is { } everyone)
        {
            permissions = (permissions & ~everyone.Deny) | everyone.Allow;
        }

        ulong allow = 0, deny = 0;
        foreach (var o in overwrites.Where(o => o.Type == 0 && roles.Contains(o.Id)))
        {
            allow |= o.Allow;
            deny |= o.Deny;
        }

        permissions = (permissions & ~deny) | allow;
        return overwrites.FirstOrDefault(o => o.Type == 1 && o.Id == userId) is { } own
            ? (permissions & ~own.Deny) | own.Allow
            : permissions;
    }
}
