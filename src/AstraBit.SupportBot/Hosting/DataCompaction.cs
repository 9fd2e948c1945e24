using AstraBit.SupportBot.Storage;
using AstraBit.SupportBot.Storage.Retention;
using LiteDB;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Hosting;

/// <summary>
/// The daily compaction (Storage:Retention): once a day, starting a little after the bot starts (so a restart loop
/// never runs it in the middle of start-up), history past its retention is deleted and, when that freed a large share
/// of the file, the file is rebuilt (<see cref="DataRetention"/>). A failing pass is logged and tried again in an hour.
/// </summary>
public sealed partial class DataCompactionService(
    IOptions<StorageOptions> options,
    SupportDatabase database,
    [FromKeyedServices(LivenessClock.Key)] TimeProvider clock,
    ILogger<DataCompactionService> logger) : BackgroundService
{
    public static readonly TimeSpan FirstPassAfter = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromHours(1);

    /// <summary>Raised after each pass, with what it did (tests wait on it instead of sleeping).</summary>
    public event Action<RetentionResult>? Passed;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var policy = (options.Value.Retention ?? new RetentionOptions()).ToPolicy();
        var retention = new DataRetention(database);
        var wait = FirstPassAfter;
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(wait, clock, stoppingToken).ConfigureAwait(false);
            try
            {
                var result = await Task.Run(() => retention.Apply(policy, clock.GetUtcNow()), stoppingToken).ConfigureAwait(false);
                LogCompacted(logger, result.ToString());
                Passed?.Invoke(result);
                wait = Interval;
            }
            catch (Exception exception) when (exception is LiteException or IOException or StorageException or UnauthorizedAccessException)
            {
                LogCompactionFailed(logger, exception.Message);
                wait = RetryAfterFailure;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Daily data file compaction: {Result}")]
    private static partial void LogCompacted(ILogger logger, string result);

    [LoggerMessage(Level = LogLevel.Error, Message = "Daily data file compaction failed: {Reason}; trying again in an hour")]
    private static partial void LogCompactionFailed(ILogger logger, string reason);
}
