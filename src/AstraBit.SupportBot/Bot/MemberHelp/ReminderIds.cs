using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Reminders;
using AstraBit.SupportBot.Core.Text;
using AstraBit.SupportBot.Discord.Models;

namespace AstraBit.SupportBot.Bot.MemberHelp;

/// <summary>
/// The reminder buttons (<see cref="ReminderId"/>). "Remind me" carries what the member's check just showed (site, masked key, expiry),
/// "Stop" names the reminder by site and masked key; whose reminder it is comes from whoever clicks, never the id.
/// </summary>
public static class ReminderIds
{
    public static MessageComponent Subscribe(string site, string maskedKey, DateTimeOffset expiresAt, LocaleTexts texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return Button.Create(
            ButtonStyle.Secondary,
            new ReminderId(ReminderIdKind.Subscribe, site, maskedKey, expiresAt).Build(),
            texts.Get(TextIds.Reminder.OfferButton));
    }

    /// <param name="reminder">The reminder to stop.</param>
    /// <param name="label">The button's text, in its reader's language.</param>
    /// <param name="listPage">The /reminders page the button is on (1-based), shown again in place once it is stopped; null under a DM.</param>
    public static MessageComponent Stop(KeyReminder reminder, string label, int? listPage = null)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        return Button.Create(ButtonStyle.Danger, new ReminderId(ReminderIdKind.Stop, reminder.Site, reminder.MaskedKey, ListPage: listPage).Build(), label);
    }

    /// <summary>"Previous" / "Next" under /reminders: shows <paramref name="page"/> (1-based) in place.</summary>
    public static MessageComponent Page(int page, string label, bool disabled = false) =>
        Button.Create(ButtonStyle.Secondary, new ReminderId(ReminderIdKind.Page, "", "", ListPage: page).Build(), label, disabled);

    /// <summary>
    /// The "Remind me" button a check's result offers: only for a key Bybit accepted that is not bound to IPs and has an
    /// expiry date still ahead.
    /// </summary>
    public static MessageComponent? OfferFor(DiagnosticReport report, string site, DateTimeOffset now, LocaleTexts texts)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Find(CheckIds.ApiKey)?.Status == CheckStatus.Pass && report.Find(CheckIds.KeyExpiry)?.ExpiresAt is { } expiresAt && expiresAt > now
            ? Subscribe(site, report.ApiKey, expiresAt, texts)
            : null;
    }

    /// <summary>What a completed check means for the reminders of the key it checked; null when it says nothing about them.</summary>
    public static (ReminderCheckFinding Finding, DateTimeOffset? ExpiresAt)? FindingOf(DiagnosticReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var apiKey = report.Find(CheckIds.ApiKey);
        var expiry = report.Find(CheckIds.KeyExpiry);
        return apiKey?.Code switch
        {
            "10003" => (ReminderCheckFinding.KeyInvalid, null),
            "33004" => (ReminderCheckFinding.KeyExpired, null),
            "10010" => (ReminderCheckFinding.NoLongerExpires, null),
            _ when apiKey?.Status != CheckStatus.Pass || expiry is null || expiry.Status == CheckStatus.Skip => null,
            _ when expiry.Status == CheckStatus.Fail => (ReminderCheckFinding.KeyExpired, null),
            _ when expiry.ExpiresAt is { } at => (ReminderCheckFinding.Expires, at),
            _ => (ReminderCheckFinding.NoLongerExpires, null),
        };
    }
}
