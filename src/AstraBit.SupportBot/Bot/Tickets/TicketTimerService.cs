using AstraBit.SupportBot.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AstraBit.SupportBot.Bot.Tickets;

/// <summary>
/// Runs the ticket timers (escalate, remind, auto-close) once at start and then every minute on the ticket clock.
/// Due times are computed from the stored tickets, so whatever came due while the bot was down happens at start.
/// </summary>
public sealed partial class TicketTimerService(
    IServiceScopeFactory scopes,
    [FromKeyedServices(SupportClock.Key)] TimeProvider clock,
    ILogger<TicketTimerService> logger) : SupportClockLoop(Interval, clock)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    /// <summary>Performs every timer due now; failures are logged and stay due for the next minute.</summary>
    protected override async Task RunDueAsync(CancellationToken cancellationToken)
    {
        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var performed = await scope.ServiceProvider.GetRequiredService<TicketDesk>().RunDueTimersAsync(cancellationToken);
            if (performed > 0)
            {
                LogPerformed(logger, performed);
            }
        }
    }

    protected override void OnFailed(Exception exception) => LogFailed(logger, exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ticket timers: {Count} action(s) performed")]
    private static partial void LogPerformed(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Ticket timers failed; what failed stays due for the next run")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
