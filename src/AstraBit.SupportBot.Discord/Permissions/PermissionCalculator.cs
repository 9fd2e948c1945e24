using AstraBit.SupportBot.Discord.Models;

namespace AstraBit.SupportBot.Discord.Permissions;

/// <summary>
/// A member's effective permissions in a guild channel, computed the way Discord computes them
/// (https://docs.discord.com/developers/topics/permissions, "Permission Overwrites" and "Implicit Permissions"):
/// the owner has everything; otherwise @everyone's role (whose id is the guild id) OR the member's roles;
/// Administrator means everything; then the channel's overwrites in order — @everyone, then all of the
/// member's roles together (deny first, then allow), then the member's own; and without View Channel
/// nothing else in the channel applies.
/// </summary>
public static class PermissionCalculator
{
    /// <summary>Guild-wide permissions of a member (no channel).</summary>
    public static DiscordPermissions Base(ulong guildId, ulong ownerId, ulong memberId, IEnumerable<ulong> memberRoleIds, IReadOnlyCollection<DiscordRole> guildRoles)
    {
        ArgumentNullException.ThrowIfNull(memberRoleIds);
        ArgumentNullException.ThrowIfNull(guildRoles);
        if (memberId == ownerId)
        {
            return DiscordPermissions.All;
        }

        var byId = guildRoles.ToDictionary(r => r.Id);
        var permissions = byId.TryGetValue(guildId, out var everyone) ? everyone.Permissions : DiscordPermissions.None;
        foreach (var roleId in memberRoleIds)
        {
            if (byId.TryGetValue(roleId, out var role))
            {
                permissions |= role.Permissions;
            }
        }

        return (permissions & DiscordPermissions.Administrator) != 0 ? DiscordPermissions.All : permissions;
    }

    /// <summary>Applies a channel's overwrites to <paramref name="basePermissions"/> (from <see cref="Base"/>).</summary>
    public static DiscordPermissions InChannel(DiscordPermissions basePermissions, ulong guildId, ulong memberId, IEnumerable<ulong> memberRoleIds, IReadOnlyCollection<PermissionOverwrite> overwrites)
    {
        ArgumentNullException.ThrowIfNull(memberRoleIds);
        ArgumentNullException.ThrowIfNull(overwrites);
        if ((basePermissions & DiscordPermissions.Administrator) != 0)
        {
            return DiscordPermissions.All;
        }

        var permissions = basePermissions;
        var everyone = overwrites.FirstOrDefault(o => o.Type == OverwriteType.Role && o.Id == guildId);
        if (everyone is not null)
        {
            permissions = (permissions & ~everyone.Deny) | everyone.Allow;
        }

        var roles = memberRoleIds.ToHashSet();
        var allow = DiscordPermissions.None;
        var deny = DiscordPermissions.None;
        foreach (var overwrite in overwrites.Where(o => o.Type == OverwriteType.Role && o.Id != guildId && roles.Contains(o.Id)))
        {
            allow |= overwrite.Allow;
            deny |= overwrite.Deny;
        }

        permissions = (permissions & ~deny) | allow;
        var member = overwrites.FirstOrDefault(o => o.Type == OverwriteType.Member && o.Id == memberId);
        if (member is not null)
        {
            permissions = (permissions & ~member.Deny) | member.Allow;
        }

        // Implicit permissions: a member who can't see the channel can do nothing in it.
        return (permissions & DiscordPermissions.ViewChannel) == 0 ? DiscordPermissions.None : permissions;
    }

    /// <summary><see cref="Base"/> then <see cref="InChannel"/>.</summary>
    public static DiscordPermissions Compute(ulong guildId, ulong ownerId, ulong memberId, IReadOnlyCollection<ulong> memberRoleIds, IReadOnlyCollection<DiscordRole> guildRoles, IReadOnlyCollection<PermissionOverwrite> overwrites) =>
        InChannel(Base(guildId, ownerId, memberId, memberRoleIds, guildRoles), guildId, memberId, memberRoleIds, overwrites);
}
