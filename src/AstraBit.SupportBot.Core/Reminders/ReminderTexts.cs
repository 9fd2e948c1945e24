using System.Globalization;

namespace AstraBit.SupportBot.Core.Reminders;

/// <summary>What the member reads about their reminders. Dates in UTC, written out so no locale can misread them.</summary>
public static class ReminderTexts
{
    public static string Subscribed(KeyReminder reminder, DateTimeOffset next)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        return $"Done. I'll send you a DM 14, 7 and 1 days before your key {reminder.MaskedKey} expires on {Date(reminder.ExpiresAt)}; "
            + $"the next one on {Date(next)}. Use /reminders to see or stop them.";
    }

    public static string TooMany(int max) =>
        $"You already have {max.ToString(CultureInfo.InvariantCulture)} key-expiry reminders, the most one member can keep. "
        + "Stop one you no longer need with /reminders, then press \"Remind me before this key expires\" again.";

    public static string UnknownSite(string site) =>
        $"I can't set that reminder: \"{site}\" isn't one of the Bybit sites this bot checks. Run /diagnose again and use the button under its result.";

    /// <summary>The heading of one page of /reminders.</summary>
    public static string ListHeading(int count, int page, int pages) => pages <= 1
        ? "Your key-expiry reminders (a DM 14, 7 and 1 days before):"
        : string.Create(CultureInfo.InvariantCulture, $"Your key-expiry reminders (a DM 14, 7 and 1 days before), {count} in all · page {page} of {pages}:");

    public static string Stopped(string maskedKey, string site) => $"Done: no more reminders for key {maskedKey} ({site}).";

    public static string AlreadyGone(string maskedKey, string site) => $"There are no reminders for key {maskedKey} ({site}) any more.";

    /// <summary>The reminder DM: when, how to make the new key, and that binding AstraBit's IPs ends expiry.</summary>
    public static string Reminder(KeyReminderDue due)
    {
        ArgumentNullException.ThrowIfNull(due);
        var reminder = due.Reminder;
        var when = due.DaysBefore == 1 ? "tomorrow" : $"in {due.DaysBefore.ToString(CultureInfo.InvariantCulture)} days";
        return $"Your Bybit API key {reminder.MaskedKey} ({reminder.Site}) expires {when}, on {Date(reminder.ExpiresAt)}. "
            + "When it expires AstraBit can no longer trade for you.\n\n"
            + "To replace it: on Bybit open API Management, create a new system-generated key with Read and Contract Trading only "
            + "(never Withdrawal or Transfer), copy the key and secret, and enter them in AstraBit Nexus under Exchanges. "
            + "/connect-bybit walks you through it, and /diagnose checks the new key. Then delete the old key on Bybit.\n\n"
            + "Tip: a key bound to AstraBit's IP addresses doesn't expire. Ask support for the addresses if you'd like that.";
    }

    /// <summary>One line per reminder for /reminders.</summary>
    public static string Line(KeyReminder reminder)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        var next = KeyReminderSchedule.NextDueAt(reminder);
        var nextText = next is { } at ? $"next reminder {Date(at)}" : "no more reminders";
        return $"Key {reminder.MaskedKey} on {reminder.Site}: expires {Date(reminder.ExpiresAt)}, {nextText}";
    }

    public static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
