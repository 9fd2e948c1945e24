using System.Globalization;
using AstraBit.SupportBot.Core.Reminders;
using AstraBit.SupportBot.Core.Text;
using AstraBit.SupportBot.Discord.Models;

namespace AstraBit.SupportBot.Bot.MemberHelp;

/// <summary>
/// What the member reads about their key-expiry reminders, in their language: the answer to "Remind me", the /reminders
/// list and the DM. Dates are Discord timestamps, which each client writes in its reader's language and time zone.
/// </summary>
public static class ReminderMessages
{
    /// <summary>The answer to "Remind me before this key expires": the reminders set, or why not.</summary>
    public static string Subscribed(ReminderOutcome outcome, LocaleTexts texts)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(texts);
        return (outcome.Reminder, outcome.Refusal) switch
        {
            ({ } reminder, _) => texts.Get(
                TextIds.Reminder.Subscribed,
                ("key", reminder.MaskedKey),
                ("date", Date(reminder.ExpiresAt)),
                ("next", KeyReminderSchedule.NextDueAt(reminder) is { } next ? Date(next) : Date(reminder.ExpiresAt))),
            (_, ReminderRefusal.AlreadyExpired) => texts.Get(TextIds.Reminder.AlreadyExpired),
            (_, ReminderRefusal.TooSoon) => texts.Get(TextIds.Reminder.TooSoon),
            _ => texts.Count(TextIds.Reminder.TooMany, KeyReminderService.MaxPerMember, ("button", texts.Get(TextIds.Reminder.OfferButton))),
        };
    }

    public static string UnknownSite(string site, LocaleTexts texts) => Texts(texts).Get(TextIds.Reminder.UnknownSite, ("site", site));

    public static string Stopped(string maskedKey, string site, LocaleTexts texts) =>
        Texts(texts).Get(TextIds.Reminder.Stopped, ("key", maskedKey), ("site", site));

    public static string AlreadyGone(string maskedKey, string site, LocaleTexts texts) =>
        Texts(texts).Get(TextIds.Reminder.AlreadyGone, ("key", maskedKey), ("site", site));

    /// <summary>What /reminders says when there are none, and how to get one.</summary>
    public static string None(LocaleTexts texts) => Texts(texts).Get(TextIds.Reminder.None, ("button", texts.Get(TextIds.Reminder.OfferButton)));

    /// <summary>The heading of one page of /reminders.</summary>
    public static string Heading(int count, int page, int pages, LocaleTexts texts) => pages <= 1
        ? Texts(texts).Get(TextIds.Reminder.Heading)
        : Texts(texts).Get(TextIds.Reminder.HeadingPaged, ("count", texts.Number(count)), ("page", texts.Number(page)), ("pages", texts.Number(pages)));

    /// <summary>One line per reminder for /reminders.</summary>
    public static string Line(KeyReminder reminder, LocaleTexts texts)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        ArgumentNullException.ThrowIfNull(texts);
        return KeyReminderSchedule.NextDueAt(reminder) is { } next
            ? texts.Get(TextIds.Reminder.Line, ("key", reminder.MaskedKey), ("site", reminder.Site), ("date", Date(reminder.ExpiresAt)), ("next", Date(next)))
            : texts.Get(TextIds.Reminder.LineLast, ("key", reminder.MaskedKey), ("site", reminder.Site), ("date", Date(reminder.ExpiresAt)));
    }

    /// <summary>The reminder DM: when, how to make the new key, and that binding AstraBit's IPs ends expiry; with its Stop button.</summary>
    public static MessagePayload Reminder(KeyReminderDue due, LocaleTexts texts)
    {
        ArgumentNullException.ThrowIfNull(due);
        ArgumentNullException.ThrowIfNull(texts);
        var reminder = due.Reminder;
        (string Name, string Value)[] holes = [("key", reminder.MaskedKey), ("site", reminder.Site), ("date", Date(reminder.ExpiresAt))];
        var when = due.DaysBefore == 1
            ? texts.Get(TextIds.Reminder.DmTomorrow, holes)
            : texts.Count(TextIds.Reminder.DmInDays, due.DaysBefore, holes);
        return new MessageBuilder()
            .WithContent(when + "\n\n" + texts.Get(TextIds.Reminder.DmHowTo))
            .AddActionRow(ReminderIds.Stop(reminder, texts.Get(TextIds.Reminder.StopButton)))
            .Build();
    }

    /// <summary>A day as a Discord timestamp ("8 December 2026" in the reader's own language and calendar).</summary>
    public static string Date(DateTimeOffset at) => string.Create(CultureInfo.InvariantCulture, $"<t:{at.ToUnixTimeSeconds()}:D>");

    private static LocaleTexts Texts(LocaleTexts texts) => texts ?? throw new ArgumentNullException(nameof(texts));
}
