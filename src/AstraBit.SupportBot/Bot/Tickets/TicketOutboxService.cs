using AstraBit.SupportBot.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AstraBit.SupportBot.Bot.Tickets;

/// <summary>
/// The outbox's background step: at start, and then every <see cref="Interval"/> on the ticket clock, completes the
/// tickets failed checks promised but no bot finished (a crash, a restart, Discord down) and repairs half-built ones
/// (<see cref="TicketDesk.CompletePendingAsync"/>). What fails is logged and stays pending for the next run.
/// </summary>
public sealed partial class TicketOutboxService(
    IServiceScopeFactory scopes,
    [FromKeyedServices(SupportClock.Key)] TimeProvider clock,
    ILogger<TicketOutboxService> logger) : SupportClockLoop(Interval, clock)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    /// <summary>Completes what is pending now; failures are logged and retried on the next run.</summary>
    protected override async Task RunDueAsync(CancellationToken cancellationToken)
    {
        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var completed = await scope.ServiceProvider.GetRequiredService<TicketDesk>().CompletePendingAsync(cancellationToken);
            if (completed > 0)
            {
                LogCompleted(logger, completed);
            }
            else
            {
                LogNothingPending(logger);
            }
        }
    }

    protected override void OnFailed(Exception exception) => LogFailed(logger, exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ticket outbox: {Count} pending or half-built ticket(s) completed")]
    private static partial void LogCompleted(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ticket outbox: nothing pending")]
    private static partial void LogNothingPending(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Ticket outbox: completing pending tickets failed; it is retried on the next run")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
