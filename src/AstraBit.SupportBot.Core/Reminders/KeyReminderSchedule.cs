namespace AstraBit.SupportBot.Core.Reminders;

/// <summary>
/// When reminders are due, as pure functions of a reminder's persisted fields (like TicketTimers): whatever came due
/// while the bot was down is due at the next look, and only the most urgent of several is sent.
/// </summary>
public static class KeyReminderSchedule
{
    /// <summary>Days before expiry a reminder is sent, earliest first.</summary>
    public static IReadOnlyList<int> Stages { get; } = [14, 7, 1];

    public static DateTimeOffset DueAt(KeyReminder reminder, int daysBefore)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        return reminder.ExpiresAt - TimeSpan.FromDays(daysBefore);
    }

    /// <summary>
    /// The stages already past when a member opts in (10 days before expiry: the 14-day one): marked done at once,
    /// since the check they just read told them the same.
    /// </summary>
    public static IReadOnlyList<int> PassedAt(DateTimeOffset expiresAt, DateTimeOffset now) =>
        Stages.Where(days => expiresAt - TimeSpan.FromDays(days) <= now).ToList();

    /// <summary>
    /// The reminder to send at <paramref name="now"/>, if any: the latest stage that is due and not done. Earlier stages
    /// it overtakes (after a long outage) are not sent; <see cref="KeyReminderService.MarkSentAsync"/> marks them done too.
    /// Nothing once the key has expired.
    /// </summary>
    public static KeyReminderDue? Due(KeyReminder reminder, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        if (now >= reminder.ExpiresAt)
        {
            return null;
        }

        var days = Stages.Where(d => !reminder.Done.Contains(d) && DueAt(reminder, d) <= now).DefaultIfEmpty(0).Min();
        return days == 0 ? null : new KeyReminderDue(reminder, days, DueAt(reminder, days));
    }

    /// <summary>When the next reminder of <paramref name="reminder"/> comes due; null when none will.</summary>
    public static DateTimeOffset? NextDueAt(KeyReminder reminder)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        var next = Stages.Where(d => !reminder.Done.Contains(d)).Select(d => DueAt(reminder, d)).Where(at => at < reminder.ExpiresAt).ToList();
        return next.Count == 0 ? null : next.Min();
    }
}
