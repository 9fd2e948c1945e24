namespace AstraBit.SupportBot.Discord.Permissions;

/// <summary>
/// Discord permission bits (https://docs.discord.com/developers/topics/permissions, "Bitwise Permission Flags"):
/// the ones the bot needs or checks. Sent on the wire as decimal strings.
/// </summary>
[Flags]
#pragma warning disable CA1711 // "Permissions" is Discord's own name for the bit set.
public enum DiscordPermissions : ulong
#pragma warning restore CA1711
{
    None = 0,
    CreateInstantInvite = 1UL << 0,
    KickMembers = 1UL << 1,
    BanMembers = 1UL << 2,
    Administrator = 1UL << 3,
    ManageChannels = 1UL << 4,
    ManageGuild = 1UL << 5,
    AddReactions = 1UL << 6,
    ViewAuditLog = 1UL << 7,
    ViewChannel = 1UL << 10,
    SendMessages = 1UL << 11,
    ManageMessages = 1UL << 13,
    EmbedLinks = 1UL << 14,
    AttachFiles = 1UL << 15,
    ReadMessageHistory = 1UL << 16,
    MentionEveryone = 1UL << 17,
    ManageRoles = 1UL << 28,
    UseApplicationCommands = 1UL << 31,
    ManageThreads = 1UL << 34,
    CreatePublicThreads = 1UL << 35,
    CreatePrivateThreads = 1UL << 36,
    SendMessagesInThreads = 1UL << 38,
    ModerateMembers = 1UL << 40,
    PinMessages = 1UL << 51,

    /// <summary>Every bit: what an administrator or the guild owner has.</summary>
    All = ulong.MaxValue,
}

/// <summary>The names the Discord client shows for permissions (role settings, channel overwrites).</summary>
public static class DiscordPermissionNames
{
    private static readonly (DiscordPermissions Bit, string Name)[] Names =
    [
        (DiscordPermissions.ViewChannel, "View Channel"),
        (DiscordPermissions.SendMessages, "Send Messages"),
        (DiscordPermissions.SendMessagesInThreads, "Send Messages in Threads"),
        (DiscordPermissions.CreatePublicThreads, "Create Public Threads"),
        (DiscordPermissions.CreatePrivateThreads, "Create Private Threads"),
        (DiscordPermissions.ManageThreads, "Manage Threads"),
        (DiscordPermissions.EmbedLinks, "Embed Links"),
        (DiscordPermissions.AttachFiles, "Attach Files"),
        (DiscordPermissions.ReadMessageHistory, "Read Message History"),
        (DiscordPermissions.MentionEveryone, "Mention @everyone, @here and All Roles"),
        (DiscordPermissions.AddReactions, "Add Reactions"),
        (DiscordPermissions.ManageMessages, "Manage Messages"),
        (DiscordPermissions.PinMessages, "Pin Messages"),
        (DiscordPermissions.ManageChannels, "Manage Channels"),
        (DiscordPermissions.ManageRoles, "Manage Roles"),
        (DiscordPermissions.ManageGuild, "Manage Server"),
        (DiscordPermissions.UseApplicationCommands, "Use Application Commands"),
        (DiscordPermissions.ModerateMembers, "Timeout Members"),
        (DiscordPermissions.KickMembers, "Kick Members"),
        (DiscordPermissions.BanMembers, "Ban Members"),
        (DiscordPermissions.ViewAuditLog, "View Audit Log"),
        (DiscordPermissions.CreateInstantInvite, "Create Invite"),
        (DiscordPermissions.Administrator, "Administrator"),
    ];

    /// <summary>Each set bit's name, in the order the Discord client lists them; unknown bits as "permission bit N".</summary>
    public static IReadOnlyList<string> Describe(DiscordPermissions permissions)
    {
        var names = new List<string>();
        var rest = permissions;
        foreach (var (bit, name) in Names)
        {
            if ((permissions & bit) == bit)
            {
                names.Add(name);
                rest &= ~bit;
            }
        }

        for (var i = 0; i < 64 && rest != DiscordPermissions.None; i++)
        {
            var bit = (DiscordPermissions)(1UL << i);
            if ((rest & bit) != 0)
            {
                names.Add("permission bit " + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                rest &= ~bit;
            }
        }

        return names;
    }
}
