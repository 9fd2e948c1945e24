using System.Globalization;
using AstraBit.SupportBot.Core.Tickets;

namespace AstraBit.SupportBot.Core.Reminders;

/// <summary>
/// A member's opt-in reminder before an API key expires (PRODUCT.md §9). It holds only what the brief allows — the
/// member id, the masked key, the expiry date and the Bybit site — plus which of the 14/7/1-day reminders are done,
/// so a restart neither repeats nor loses one. Site is the Bybit site's name as the walkthrough knows it ("mainnet",
/// "eu", "testnet", …); Done lists the stages (days before expiry) already sent or passed over.
/// </summary>
public sealed record KeyReminder(ulong MemberId, string MaskedKey, DateTimeOffset ExpiresAt, string Site, DateTimeOffset CreatedAt, IReadOnlyList<int> Done)
{
    public string MaskedKey { get; init; } = SecretGuard.IsMaskedKey(MaskedKey) && MaskedKey.Length > 1
        ? MaskedKey
        : throw new ArgumentException("Only a masked key (\"…\" and its last 4 characters) may be kept with a reminder.", nameof(MaskedKey));

    public string Site { get; init; } = string.IsNullOrWhiteSpace(Site) ? throw new ArgumentException("The Bybit site is required.", nameof(Site)) : Site;

    /// <summary>One reminder per member, site and key: "111:mainnet:…Xy12".</summary>
    public string Id => IdOf(MemberId, Site, MaskedKey);

    public static string IdOf(ulong memberId, string site, string maskedKey) =>
        string.Create(CultureInfo.InvariantCulture, $"{memberId}:{site}:{maskedKey}");
}

/// <summary>A reminder that has come due: send the DM for <see cref="DaysBefore"/>, then <see cref="KeyReminderService.MarkSentAsync"/>.</summary>
public sealed record KeyReminderDue(KeyReminder Reminder, int DaysBefore, DateTimeOffset DueAt);

/// <summary>The reminders' stored form. Storage implements it (LiteKeyReminderStore).</summary>
public interface IKeyReminderStore
{
    Task<KeyReminder?> GetAsync(string id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<KeyReminder>> ListAsync(ulong memberId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<KeyReminder>> AllAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Reminders whose key expires after <paramref name="after"/> and at or before <paramref name="until"/>: the only ones
    /// that can be due in that window, read without reading the others (a year's file holds thousands).
    /// </summary>
    Task<IReadOnlyList<KeyReminder>> ExpiringAsync(DateTimeOffset after, DateTimeOffset until, CancellationToken cancellationToken = default);

    Task SaveAsync(KeyReminder reminder, CancellationToken cancellationToken = default);

    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes every reminder whose key expired at or before <paramref name="now"/>, in one write; returns how many. One
    /// write, not one per reminder: each delete of its own was a flushed commit, and a year's thousands of expired
    /// reminders held the reminders' gate for minutes, with a member's key check waiting behind it.
    /// </summary>
    Task<int> DeleteExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken = default);
}
