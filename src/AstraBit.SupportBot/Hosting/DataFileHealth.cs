using System.Globalization;
using AstraBit.SupportBot.Discord.Models;
using AstraBit.SupportBot.Discord.Rest;
using AstraBit.SupportBot.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Hosting;

/// <summary>
/// Whether the data file takes writes, found out the way members find out. A failure anywhere is put to the file
/// itself (<see cref="Explains"/>): when the file no longer answers (LiteDB closes it for good after a failed write,
/// e.g. on a full disk), the member hears that the bot can't save right now, `health` turns unhealthy, and the log
/// and the staff channel hear it once per outage, not once per member. At each liveness pulse, and when a member
/// meets the outage, at most every <see cref="RetryInterval"/>, the file is opened afresh and a write is tried: the
/// first that reaches the disk ends the outage, without a restart. Reads work meanwhile (they need no room).
/// </summary>
public sealed partial class DataFileHealth(
    SupportDatabase database,
    BotLiveness liveness,
    TimeProvider clock,
    DiscordRestClient rest,
    IOptions<SupportDiscordOptions> discord,
    ILogger<DataFileHealth> logger) : IHostedService
{
    public static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan ProofTimeout = TimeSpan.FromSeconds(10);

    private readonly Lock gate = new();
    private string? problem;
    private DateTimeOffset failingSince;
    private DateTimeOffset lastAttempt = DateTimeOffset.MinValue;

    /// <summary>Why the data file can't be written now; null while it can.</summary>
    public string? Problem
    {
        get
        {
            lock (gate)
            {
                return problem;
            }
        }
    }

    /// <summary>
    /// True when <paramref name="failure"/> is the data file's: it no longer answers, or the disk refused a write.
    /// The caller then tells the member that the bot can't save right now instead of "something went wrong".
    /// </summary>
    public bool Explains(Exception failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var reason = database.ProbeRead() ?? (IsDiskRefusal(failure) ? SupportDatabase.DescribeFailure(failure) : null);
        if (reason is null)
        {
            return false;
        }

        Failing(reason);
        TryRecover();
        return true;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        liveness.Pulse += OnPulse;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        liveness.Pulse -= OnPulse;
        return Task.CompletedTask;
    }

    // A pulse comes with each write of the health file: at least every heartbeat (about 41 s) while connected.
    private void OnPulse()
    {
        if (Problem is not null)
        {
            TryRecover();
        }
        else if (database.ProbeRead() is { } reason)
        {
            Failing(reason);
        }
    }

    private void TryRecover()
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            if (problem is null || now - lastAttempt < RetryInterval)
            {
                return;
            }

            lastAttempt = now;
        }

        string? reason;
        try
        {
            reason = database.Reopen(ProofTimeout);
        }
        catch (Exception exception) when (exception is LiteDB.LiteException or StorageException or IOException or UnauthorizedAccessException)
        {
            reason = SupportDatabase.DescribeFailure(exception);
        }

        if (reason is null)
        {
            Recovered();
        }
        else
        {
            LogStillFailing(logger, database.Path, reason);
        }
    }

    private void Failing(string reason)
    {
        lock (gate)
        {
            if (problem is not null)
            {
                return;
            }

            problem = reason;
            failingSince = clock.GetUtcNow();
            lastAttempt = failingSince;
        }

        liveness.StorageFailing(reason);
        LogFailing(logger, database.Path, reason);
        _ = TellStaffAsync(
            $"⚠️ The bot can't save to its data file: {reason}. Members who do something that needs saving (a check, a ticket, /privacy, /reminders) are told it couldn't be saved; " +
            $"nothing they do now is recorded. Free space where `{database.Path}` lives: the bot notices by itself within a minute, no restart needed.");
    }

    private void Recovered()
    {
        TimeSpan lasted;
        lock (gate)
        {
            if (problem is null)
            {
                return;
            }

            problem = null;
            lasted = clock.GetUtcNow() - failingSince;
        }

        liveness.StorageWorks();
        var duration = lasted.TotalMinutes >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{lasted.TotalMinutes:0.#} minutes")
            : string.Create(CultureInfo.InvariantCulture, $"{lasted.TotalSeconds:0} seconds");
        LogRecovered(logger, database.Path, duration);
        _ = TellStaffAsync($"✅ The bot saves to its data file again (it couldn't for {duration}). What members did meanwhile was not recorded.");
    }

    private async Task TellStaffAsync(string text)
    {
        try
        {
            await rest.CreateMessageAsync(discord.Value.StaffChannelId, new MessageBuilder().WithContent(text).WithAllowedMentions(AllowedMentions.None).Build());
        }
        catch (Exception exception) when (exception is DiscordRestException or HttpRequestException or TaskCanceledException or ObjectDisposedException)
        {
            LogStaffNotTold(logger, exception.Message);
        }
    }

    // The disk refused a write the database survived (e.g. folding the journal into a full disk); never a network error.
    private static bool IsDiskRefusal(Exception failure)
    {
        for (var inner = failure; inner is not null; inner = inner.InnerException)
        {
            if (inner is HttpRequestException)
            {
                return false;
            }

            if (inner is IOException && (inner.HResult & 0xFFFF) is 28 or 122 or 30 or 112 or 39)
            {
                return true;
            }
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "The data file {Path} can't be written: {Reason}. Members are told their changes can't be saved; the bot retries by itself")]
    private static partial void LogFailing(ILogger logger, string path, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The data file {Path} still can't be written: {Reason}")]
    private static partial void LogStillFailing(ILogger logger, string path, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The data file {Path} takes writes again, after {Duration}")]
    private static partial void LogRecovered(ILogger logger, string path, string duration);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the staff channel about the data file: {Reason}")]
    private static partial void LogStaffNotTold(ILogger logger, string reason);
}
