using AstraBit.SupportBot.Core;
using AstraBit.SupportBot.Core.Reminders;
using AstraBit.SupportBot.Discord.Models;
using AstraBit.SupportBot.Discord.Rest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AstraBit.SupportBot.Bot.MemberHelp;

/// <summary>
/// Sends the key-expiry reminder DMs (14, 7 and 1 days before) once at start and then every <see cref="Interval"/> on the
/// bot's clock. What is due comes from the stored reminders, so a restart neither repeats nor loses one.
/// </summary>
public sealed partial class KeyReminderTimerService(
    KeyReminderService reminders,
    DiscordRestClient rest,
    [FromKeyedServices(SupportClock.Key)] TimeProvider clock,
    ILogger<KeyReminderTimerService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Created before the first await, so a clock that moves while the first run is busy still ticks it.
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            await RunOnceAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Sends every reminder due now; one that can't be sent stays due, except to closed DMs (it would never arrive).</summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            foreach (var due in await reminders.DueAsync(cancellationToken))
            {
                var memberId = due.Reminder.MemberId;
                try
                {
                    var dm = await rest.CreateDmChannelAsync(memberId, cancellationToken);
                    await rest.CreateMessageAsync(
                        dm.Id,
                        new MessageBuilder().WithContent(ReminderTexts.Reminder(due)).AddActionRow(ReminderIds.Stop(due.Reminder)).Build(),
                        cancellationToken);
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
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            LogFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Key-expiry reminder sent to member {MemberId} for key {MaskedKey}, {Days} day(s) before")]
    private static partial void LogSent(ILogger logger, ulong memberId, string maskedKey, int days);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Key-expiry reminder for member {MemberId} ({Days} day(s) before) not sent: their DMs are closed")]
    private static partial void LogDmsClosed(ILogger logger, ulong memberId, int days);

    [LoggerMessage(Level = LogLevel.Error, Message = "Key-expiry reminders failed; what failed stays due for the next run")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
