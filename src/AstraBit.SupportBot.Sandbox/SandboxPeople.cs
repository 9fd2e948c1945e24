using AstraBit.SupportBot.Emulators.Discord;

namespace AstraBit.SupportBot.Sandbox;

/// <summary>
/// One person the page can act as: a guild member with the roles the bot is configured with. <c>Key</c> is the
/// page's id for the person, <c>Name</c> the switcher's name (an accessible-name contract of PRODUCT.md §8).
/// </summary>
public sealed record SandboxPerson(string Key, string Name, ulong UserId, string UserName, ulong[] Roles, ulong Permissions, bool DmsClosed = false);

/// <summary>
/// The four people of the sandbox and the roles the bot is configured with: alice.trader (a member, DMs open) walks the
/// guide; bob.nodms (a member with DMs closed) meets the bot's DM fallbacks; mia.mod (Moderator) uses the moderator
/// commands and apps; sam.support (Support) claims and closes tickets and reads #staff and #support-log.
/// </summary>
public static class SandboxPeople
{
    public const ulong SupportRoleId = 1_300_000_000_000_000_001;
    public const ulong ModeratorRoleId = 1_300_000_000_000_000_002;

    // MANAGE_MESSAGES: the default permission of the moderator commands; MANAGE_THREADS: staff see private threads.
    private const ulong ManageMessages = 1UL << 13;
    private const ulong ManageThreads = 1UL << 34;
    private const ulong EmbedLinks = 1UL << 14;
    private const ulong AttachFiles = 1UL << 15;

    public static IReadOnlyList<SandboxPerson> All { get; } =
    [
        new("member", "Member", 1_500_000_000_000_000_101, "alice.trader", [], DiscordRestEmulator.DefaultMemberPermissions),
        new("member-dms-closed", "Member (DMs closed)", 1_500_000_000_000_000_102, "bob.nodms", [], DiscordRestEmulator.DefaultMemberPermissions, DmsClosed: true),
        new("moderator", "Moderator", 1_500_000_000_000_000_201, "mia.mod", [ModeratorRoleId], DiscordRestEmulator.DefaultMemberPermissions | ManageMessages),
        new("staff", "Support staff", 1_500_000_000_000_000_301, "sam.support", [SupportRoleId], DiscordRestEmulator.DefaultMemberPermissions | ManageMessages | ManageThreads),
    ];

    /// <summary>
    /// The Discord languages a person can be switched to: the bot's eight, and one it doesn't ship (answered in
    /// English) and a regional variant (answered in the shipped one), to try the fallbacks.
    /// </summary>
    public static IReadOnlyList<(string Locale, string Name)> Languages { get; } =
    [
        ("en-US", "English"), ("es-ES", "Español"), ("pt-BR", "Português (Brasil)"), ("ru", "Русский"), ("tr", "Türkçe"),
        ("vi", "Tiếng Việt"), ("de", "Deutsch"), ("fr", "Français"), ("es-419", "Español (Latinoamérica)"), ("ja", "日本語 (not shipped: English)"),
    ];

    public static SandboxPerson Find(string key) =>
        All.FirstOrDefault(p => p.Key == key) ?? throw new ArgumentException($"No person '{key}'. Known: {string.Join(", ", All.Select(p => p.Key))}.", nameof(key));

    /// <summary>
    /// Sets up the guild as the bot's set-up guide asks: the support and moderator roles the bot is configured with,
    /// #staff and #support-log hidden from @everyone and open to those roles and the bot; then makes the people
    /// guild members (and closes one's DMs).
    /// </summary>
    public static void AddTo(DiscordRestEmulator rest, SandboxChannels channels)
    {
        ArgumentNullException.ThrowIfNull(rest);
        ArgumentNullException.ThrowIfNull(channels);
        rest.AddRole("Support", ManageMessages | ManageThreads, SupportRoleId);
        rest.AddRole("Moderator", ManageMessages, ModeratorRoleId);
        const ulong staffCanWrite = DiscordRestEmulator.ViewChannel | DiscordRestEmulator.SendMessages | DiscordRestEmulator.ReadMessageHistory;
        const ulong botPosts = staffCanWrite | EmbedLinks | AttachFiles;
        foreach (var staffOnly in new[] { channels.Staff, channels.Log })
        {
            rest.SetOverwrite(staffOnly, rest.EveryoneRoleId, 0, allow: 0, deny: DiscordRestEmulator.ViewChannel);
            rest.SetOverwrite(staffOnly, SupportRoleId, 0, allow: staffCanWrite, deny: 0);
            rest.SetOverwrite(staffOnly, ModeratorRoleId, 0, allow: staffCanWrite, deny: 0);
            rest.SetOverwrite(staffOnly, rest.BotRoleId, 0, allow: botPosts, deny: 0);
        }

        foreach (var person in All)
        {
            rest.AddMember(person.UserId, person.Roles, person.UserName, person.Permissions);
            if (person.DmsClosed)
            {
                rest.CloseDms(person.UserId);
            }
        }
    }
}
