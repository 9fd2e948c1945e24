using AstraBit.SupportBot.Core.Telemetry;

namespace AstraBit.SupportBot.Core.Reminders;

/// <summary>Why a reminder could not be set.</summary>
public enum ReminderRefusal
{
    /// <summary>The key has already expired: there is nothing to remind of.</summary>
    AlreadyExpired,

    /// <summary>The key expires too soon for any of the 14/7/1-day reminders.</summary>
    TooSoon,

    /// <summary>The member already keeps <see cref="KeyReminderService.MaxPerMember"/> reminders.</summary>
    TooMany,
}

/// <summary>A reminder set, or why not, with a sentence for the member.</summary>
public sealed record ReminderOutcome(KeyReminder? Reminder, ReminderRefusal? Refusal)
{
    public bool Succeeded => Reminder is not null;
}

/// <summary>What a later check of the same key showed, as far as reminders care.</summary>
public enum ReminderCheckFinding
{
    /// <summary>Bybit doesn't know the key (10003): it was replaced or deleted. Its reminders end.</summary>
    KeyInvalid,

    /// <summary>The key has expired (33004, or key-expiry fail). Its reminders end.</summary>
    KeyExpired,

    /// <summary>The key is now bound to IPs and no longer expires. Its reminders end.</summary>
    NoLongerExpires,

    /// <summary>The key is valid and expires at the date given (a password change brings it forward). The reminder follows.</summary>
    Expires,
}

/// <summary>
/// Key-expiry reminders (PRODUCT.md §9, `/reminders`): opt in after a check, list and cancel, the 14/7/1-day DMs due
/// on the one clock from persisted times, and the end of a key's reminders when a check shows it is gone.
/// </summary>
public sealed class KeyReminderService(IKeyReminderStore store, TimeProvider time, SupportMetrics? metrics = null) : IDisposable
{
    // Every change is read, decided and written under one gate: a member's "Stop reminders" landing between the timer
    // reading a reminder and recording it as sent would otherwise be undone by that write.
    private readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>
    /// Reminders one member may keep: one per key and site, and a member rarely uses more than a few keys with AstraBit
    /// (a main account and some sub-accounts, on one or two sites). Ten covers that with room to spare, keeps
    /// `/reminders` to one page, and bounds what a member can make the bot send (three DMs per reminder) and store.
    /// </summary>
    public const int MaxPerMember = 10;

    private DateTimeOffset Now => time.GetUtcNow();

    /// <summary>Sets (or resets, for the same member, site and key) a reminder for a key that expires at <paramref name="expiresAt"/>.</summary>
    public Task<ReminderOutcome> SubscribeAsync(ulong memberId, string maskedKey, DateTimeOffset expiresAt, string site, CancellationToken cancellationToken = default) =>
        LockedAsync(() => SubscribeLockedAsync(memberId, maskedKey, expiresAt, site, cancellationToken), cancellationToken);

    private async Task<ReminderOutcome> SubscribeLockedAsync(ulong memberId, string maskedKey, DateTimeOffset expiresAt, string site, CancellationToken cancellationToken)
    {
        var now = Now;
        if (expiresAt <= now)
        {
            return new ReminderOutcome(null, ReminderRefusal.AlreadyExpired);
        }

        var passed = KeyReminderSchedule.PassedAt(expiresAt, now);
        if (passed.Count == KeyReminderSchedule.Stages.Count)
        {
            return new ReminderOutcome(null, ReminderRefusal.TooSoon);
        }

        var reminder = new KeyReminder(memberId, maskedKey, expiresAt, site, now, passed);
        var kept = await store.ListAsync(memberId, cancellationToken).ConfigureAwait(false);
        if (kept.Count >= MaxPerMember && !kept.Any(r => r.Id == reminder.Id))
        {
            // Setting one again (the same key and site) only resets it; a new one must wait for a free place.
            return new ReminderOutcome(null, ReminderRefusal.TooMany);
        }

        await store.SaveAsync(reminder, cancellationToken).ConfigureAwait(false);
        return new ReminderOutcome(reminder, null);
    }

    public Task<IReadOnlyList<KeyReminder>> ListAsync(ulong memberId, CancellationToken cancellationToken = default) => store.ListAsync(memberId, cancellationToken);

    /// <summary>Cancels one of the member's reminders ("Stop reminders", `/reminders`); false when it isn't theirs or is gone.</summary>
    public Task<bool> CancelAsync(ulong memberId, string reminderId, CancellationToken cancellationToken = default) =>
        LockedAsync(() => CancelLockedAsync(memberId, reminderId, cancellationToken), cancellationToken);

    private async Task<bool> CancelLockedAsync(ulong memberId, string reminderId, CancellationToken cancellationToken)
    {
        var reminder = await store.GetAsync(reminderId, cancellationToken).ConfigureAwait(false);
        return reminder is not null && reminder.MemberId == memberId && await store.DeleteAsync(reminderId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Cancels all of the member's reminders; returns how many there were.</summary>
    public Task<int> CancelAllAsync(ulong memberId, CancellationToken cancellationToken = default) =>
        LockedAsync(() => CancelAllLockedAsync(memberId, cancellationToken), cancellationToken);

    private async Task<int> CancelAllLockedAsync(ulong memberId, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var reminder in await store.ListAsync(memberId, cancellationToken).ConfigureAwait(false))
        {
            count += await store.DeleteAsync(reminder.Id, cancellationToken).ConfigureAwait(false) ? 1 : 0;
        }

        return count;
    }

    /// <summary>
    /// Applies what a check of the member's key on <paramref name="site"/> showed: a key Bybit no longer knows (10003),
    /// an expired key or one that no longer expires ends its reminders; a new expiry date moves them. Returns the
    /// reminders ended.
    /// </summary>
    public Task<int> ApplyCheckAsync(ulong memberId, string site, string maskedKey, ReminderCheckFinding finding, DateTimeOffset? expiresAt = null, CancellationToken cancellationToken = default) =>
        LockedAsync(() => ApplyCheckLockedAsync(memberId, site, maskedKey, finding, expiresAt, cancellationToken), cancellationToken);

    private async Task<int> ApplyCheckLockedAsync(ulong memberId, string site, string maskedKey, ReminderCheckFinding finding, DateTimeOffset? expiresAt, CancellationToken cancellationToken)
    {
        var reminder = await store.GetAsync(KeyReminder.IdOf(memberId, site, maskedKey), cancellationToken).ConfigureAwait(false);
        if (reminder is null)
        {
            return 0;
        }

        if (finding != ReminderCheckFinding.Expires)
        {
            return await store.DeleteAsync(reminder.Id, cancellationToken).ConfigureAwait(false) ? 1 : 0;
        }

        ArgumentNullException.ThrowIfNull(expiresAt);
        if (expiresAt.Value != reminder.ExpiresAt)
        {
            // The check the member just read told them the new date, so stages already past under it are done.
            var moved = reminder with { ExpiresAt = expiresAt.Value, Done = KeyReminderSchedule.PassedAt(expiresAt.Value, Now) };
            await store.SaveAsync(moved, cancellationToken).ConfigureAwait(false);
        }

        return 0;
    }

    /// <summary>Every reminder due now, most urgent first. Expired keys' reminders are removed on the way.</summary>
    public Task<IReadOnlyList<KeyReminderDue>> DueAsync(CancellationToken cancellationToken = default) =>
        LockedAsync(() => DueLockedAsync(cancellationToken), cancellationToken);

    private async Task<IReadOnlyList<KeyReminderDue>> DueLockedAsync(CancellationToken cancellationToken)
    {
        var now = Now;

        // Expired keys' reminders go in one write: deleted one by one, a file with thousands of them kept this gate (and
        // a member's key check, which applies its result to the reminders under it) waiting for minutes.
        await store.DeleteExpiredAsync(now, cancellationToken).ConfigureAwait(false);
        var due = new List<KeyReminderDue>();

        // Only a key expiring within the earliest stage (14 days) can have a reminder due: those are read, not every
        // reminder (reading them all kept a year's reminders' pages in the data file's cache for good).
        var window = now + TimeSpan.FromDays(KeyReminderSchedule.Stages.Max());
        foreach (var reminder in await store.ExpiringAsync(now, window, cancellationToken).ConfigureAwait(false))
        {
            if (now < reminder.ExpiresAt && KeyReminderSchedule.Due(reminder, now) is { } item)
            {
                due.Add(item);
            }
        }

        return due.OrderBy(d => d.Reminder.ExpiresAt).ToList();
    }

    /// <summary>The earliest time any reminder comes due, for the timer to wait until; null when none will.</summary>
    public async Task<DateTimeOffset?> NextDueAtAsync(CancellationToken cancellationToken = default)
    {
        var all = await store.AllAsync(cancellationToken).ConfigureAwait(false);
        return all.Select(KeyReminderSchedule.NextDueAt).Where(at => at is not null).Min();
    }

    /// <summary>Records that the reminder for <paramref name="due"/> was sent (and any earlier one it overtook); false when the reminder is gone.</summary>
    public Task<bool> MarkSentAsync(KeyReminderDue due, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(due);
        return LockedAsync(() => MarkSentLockedAsync(due, cancellationToken), cancellationToken);
    }

    private async Task<bool> MarkSentLockedAsync(KeyReminderDue due, CancellationToken cancellationToken)
    {
        var current = await store.GetAsync(due.Reminder.Id, cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            return false;
        }

        var done = current.Done.Union(KeyReminderSchedule.Stages.Where(d => d >= due.DaysBefore)).Order().ToList();
        await store.SaveAsync(current with { Done = done }, cancellationToken).ConfigureAwait(false);
        metrics?.ReminderSent(due.DaysBefore);
        return true;
    }

    public void Dispose() => gate.Dispose();

    private async Task<T> LockedAsync<T>(Func<Task<T>> change, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await change().ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }
}
