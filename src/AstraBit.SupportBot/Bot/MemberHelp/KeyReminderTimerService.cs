using AstraBit.SupportBot.Bot.Languages;
using AstraBit.SupportBot.Core;
using AstraBit.SupportBot.Core.Reminders;
using AstraBit.SupportBot.Discord.Rest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AstraBit.SupportBot.Bot.MemberHelp;

/// <summary>
/// Sends the key-expiry reminder DMs (14, 7 and 1 days before, in the member's stored language) once at start and then every <see cref="Interval"/> on the
/// bot's clock. What is due comes from the stored reminders, so a restart neither repeats nor loses one.
/// </summary>
public sealed partial class KeyReminderTimerService(
    KeyReminderService reminders,
    SupportLanguages languages,
    DiscordRestClient rest,
    [FromKeyedServices(SupportClock.Key)] TimeProvider clock,
    ILogger<KeyReminderTimerService> logger) : SupportClockLoop(Interval, clock)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    /// <summary>Sends every reminder due now; one that can't be sent stays due, except to closed DMs (it would never arrive).</summary>
    protected override async Task RunDueAsync(CancellationToken cancellationToken)
    {
        foreach (var due in await reminders.DueAsync(cancellationToken))
        {
            var memberId = due.Reminder.MemberId;
            try
            {
                // No interaction behind a reminder: it is in the member's language as last seen, English when none is known.
                var texts = await languages.ForMemberAsync(memberId, cancellationToken);
                var dm = await rest.CreateDmChannelAsync(memberId, cancellationToken);
                await rest.CreateMessageAsync(dm.Id, ReminderMessages.Reminder(due, texts), cancellationToken);
                LogSent(logger, memberId, due.Reminder.MaskedKey, due.DaysBefore);
            }
            catch (DiscordRestException ex) when (ex.Code == DiscordErrorCodes.CannotSendMessagesToThisUser)
            {
                LogDmsClosed(logger, memberId, due.DaysBefore);
            }

            // Not cancelled by shutdown: a reminder sent but not marked would be sent again by the next bot.
            await reminders.MarkSentAsync(due, CancellationToken.None);
        }
    }

    protected override void OnFailed(Exception exception) => LogFailed(logger, exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Key-expiry reminder sent to member {MemberId} for key {MaskedKey}, {Days} day(s) before")]
    private static partial void LogSent(ILogger logger, ulong memberId, string maskedKey, int days);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Key-expiry reminder for member {MemberId} ({Days} day(s) before) not sent: their DMs are closed")]
    private static partial void LogDmsClosed(ILogger logger, ulong memberId, int days);

    [LoggerMessage(Level = LogLevel.Error, Message = "Key-expiry reminders failed; what failed stays due for the next run")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
