using AstraBit.SupportBot.Emulators.Discord;

namespace AstraBit.SupportBot.Sandbox;

/// <summary>
/// One person the page can act as: a guild member with the roles the bot is configured with. <c>Key</c> is the
/// page's id for the person, <c>Name</c> the switcher's name (an accessible-name contract of PRODUCT.md §8).
/// </summary>
public sealed record SandboxPerson(string Key, string Name, ulong UserId, string UserName, ulong[] Roles, ulong Permissions, bool DmsClosed = false);

/// <summary>The four people of the sandbox and the roles the bot is configured with.</summary>
public static class SandboxPeople
{
    public const ulong SupportRoleId = 1_300_000_000_000_000_001;
    public const ulong ModeratorRoleId = 1_300_000_000_000_000_002;

    // MANAGE_MESSAGES: the default permission of the moderator commands; MANAGE_THREADS: staff see private threads.
    private const ulong ManageMessages = 1UL << 13;
    private const ulong ManageThreads = 1UL << 34;

    public static IReadOnlyList<SandboxPerson> All { get; } =
    [
        new("member", "Member", 1_500_000_000_000_000_101, "alice.trader", [], DiscordRestEmulator.DefaultMemberPermissions),
        new("member-dms-closed", "Member (DMs closed)", 1_500_000_000_000_000_102, "bob.nodms", [], DiscordRestEmulator.DefaultMemberPermissions, DmsClosed: true),
        new("moderator", "Moderator", 1_500_000_000_000_000_201, "mia.mod", [ModeratorRoleId], DiscordRestEmulator.DefaultMemberPermissions | ManageMessages),
        new("staff", "Support staff", 1_500_000_000_000_000_301, "sam.support", [SupportRoleId], DiscordRestEmulator.DefaultMemberPermissions | ManageMessages | ManageThreads),
    ];

    public static SandboxPerson Find(string key) =>
        All.FirstOrDefault(p => p.Key == key) ?? throw new ArgumentException($"No person '{key}'. Known: {string.Join(", ", All.Select(p => p.Key))}.", nameof(key));

    /// <summary>Makes the people guild members (and closes one's DMs) in the emulator.</summary>
    public static void AddTo(DiscordRestEmulator rest)
    {
        foreach (var person in All)
        {
            rest.AddMember(person.UserId, person.Roles, person.UserName, person.Permissions);
            if (person.DmsClosed)
            {
                rest.CloseDms(person.UserId);
            }
        }
    }

    public static bool CanSeePrivateThreads(SandboxPerson person) => (person.Permissions & ManageThreads) != 0;
}
