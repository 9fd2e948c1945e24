using System.Globalization;
using AstraBit.SupportBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Hosting;

/// <summary>
/// The daily backup beside the data file (Storage:BackupDirectory, keeping Storage:BackupCopies): one consistent
/// copy a day, named by its time, the oldest deleted once there are more than the copies to keep. When the last
/// backup is a day old or there is none, the next one is due at once, so a bot that restarts often still backs up.
/// It runs in the bot, over the database the bot holds, so each copy has everything committed before it was taken.
/// </summary>
public sealed class DailyBackup(SupportDatabase database, string folder, int copies)
{
    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    public string Folder { get; } = Path.GetFullPath(folder);

    /// <summary>When the next backup is due: a day after the newest one in the folder, or now.</summary>
    public DateTimeOffset NextDue(DateTimeOffset now)
    {
        var newest = DataFileBackup.ListBackups(Folder).Select(TakenAt).Where(t => t is not null).Max();
        return newest is { } taken && taken + Interval > now ? taken + Interval : now;
    }

    /// <summary>Takes the backup and deletes the oldest beyond the copies to keep; returns the new backup.</summary>
    public BackupResult Run(DateTimeOffset now)
    {
        Directory.CreateDirectory(Folder);
        var result = database.Backup(Folder + Path.DirectorySeparatorChar, now);
        var all = DataFileBackup.ListBackups(Folder);
        foreach (var old in all.Take(Math.Max(0, all.Count - copies)))
        {
            File.Delete(old);
        }

        return result;
    }

    private static DateTimeOffset? TakenAt(string path) =>
        DateTime.TryParseExact(Path.GetFileNameWithoutExtension(path)["supportbot-".Length..], "yyyyMMdd-HHmmss", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time)
            ? new DateTimeOffset(time, TimeSpan.Zero)
            : null;
}

/// <summary>Runs <see cref="DailyBackup"/> while the bot runs, when Storage:BackupDirectory is set.</summary>
internal sealed partial class DailyBackupService(
    IOptions<StorageOptions> options,
    SupportDatabase database,
    [FromKeyedServices(LivenessClock.Key)] TimeProvider clock,
    ILogger<DailyBackupService> logger) : BackgroundService
{
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.BackupDirectory))
        {
            return;
        }

        var backup = new DailyBackup(database, settings.BackupDirectory, settings.BackupCopies);
        var retryAt = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            var due = backup.NextDue(clock.GetUtcNow());
            due = due > retryAt ? due : retryAt;
            var wait = due - clock.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, clock, stoppingToken).ConfigureAwait(false);
            }

            try
            {
                var result = await Task.Run(() => backup.Run(clock.GetUtcNow()), stoppingToken).ConfigureAwait(false);
                LogBackedUp(logger, result.Path, result.TotalDocuments);
            }
            catch (Exception exception) when (exception is StorageException or IOException or UnauthorizedAccessException)
            {
                LogBackupFailed(logger, backup.Folder, exception.Message);
                retryAt = clock.GetUtcNow() + RetryAfterFailure;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Daily backup written to {Path} ({Documents} documents)")]
    private static partial void LogBackedUp(ILogger logger, string path, int documents);

    [LoggerMessage(Level = LogLevel.Error, Message = "Daily backup into {Folder} failed: {Reason}; trying again in an hour")]
    private static partial void LogBackupFailed(ILogger logger, string folder, string reason);
}
