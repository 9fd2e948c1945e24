using Microsoft.Extensions.Hosting;

namespace AstraBit.SupportBot.Bot;

/// <summary>
/// Work run once at start and then every <c>interval</c> on the support clock (ticket timers, the ticket outbox, key
/// reminders). What is due comes from storage, so whatever came due while the bot was down runs at start; a run that
/// fails is handed to <see cref="OnFailed"/> and its work stays due for the next run.
/// </summary>
public abstract class SupportClockLoop(TimeSpan interval, TimeProvider clock) : BackgroundService
{
    private readonly TaskCompletionSource firstRun = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the run at start has ended (whatever it did), or when the loop stops before it.</summary>
    public Task FirstRun => firstRun.Task;

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // Created before the first await, so a clock that moves while the first run is busy still ticks it.
            using var timer = new PeriodicTimer(interval, clock);
            await RunOnceAsync(stoppingToken);
            firstRun.TrySetResult();
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await RunOnceAsync(stoppingToken);
            }
        }
        finally
        {
            firstRun.TrySetResult();
        }
    }

    /// <summary>Runs what is due now; stopping ends it quietly, any other failure goes to <see cref="OnFailed"/>.</summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            await RunDueAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            OnFailed(ex);
        }
    }

    protected abstract Task RunDueAsync(CancellationToken cancellationToken);

    protected abstract void OnFailed(Exception exception);
}
