using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace AstraBit.SupportBot.Hosting;

/// <summary>The keyed <see cref="TimeProvider"/> liveness is measured with; tests put a FakeTimeProvider here.</summary>
public static class LivenessClock
{
    public const string Key = "liveness";
}

/// <summary>Where the bot is with Discord's gateway.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GatewayState>))]
public enum GatewayState
{
    Starting,
    Connecting,
    Ready,
    Disconnected,
    Stopped,
}

/// <summary>What the health file holds: the bot's own record of its last signs of life (UTC).</summary>
public sealed record HealthSnapshot(
    GatewayState Gateway,
    DateTimeOffset WrittenAt,
    DateTimeOffset? ReadyAt,
    DateTimeOffset? LastHeartbeatAckAt,
    DateTimeOffset? DisconnectedAt,
    DateTimeOffset? LastRestSuccessAt,
    DateTimeOffset? RestFailingSince,
    int ProcessId,
    DateTimeOffset? StorageFailingSince = null,
    string? StorageProblem = null)
{
    /// <summary>Longest silence from the gateway (no READY, RESUMED or heartbeat ACK) that still counts as healthy: about three of Discord's 41.25 s heartbeats.</summary>
    public static readonly TimeSpan MaxSilence = TimeSpan.FromMinutes(2);

    /// <summary>Null when healthy at <paramref name="now"/>; otherwise one line saying what is wrong.</summary>
    public string? Problem(DateTimeOffset now)
    {
        switch (Gateway)
        {
            case GatewayState.Starting or GatewayState.Connecting:
                return $"not connected to Discord yet (the gateway is {Lower(Gateway)} since {Time(WrittenAt)})";
            case GatewayState.Disconnected:
                return $"the Discord gateway connection was lost at {Time(DisconnectedAt ?? WrittenAt)} and is not back";
            case GatewayState.Stopped:
                return $"the bot stopped at {Time(WrittenAt)}";
        }

        if (StorageFailingSince is { } storageFailing)
        {
            return $"the data file can't be written since {Time(storageFailing)} ({StorageProblem}); members are told their changes can't be saved";
        }

        var lastSign = Max(ReadyAt, LastHeartbeatAckAt) ?? WrittenAt;
        if (now - lastSign > MaxSilence)
        {
            return $"no heartbeat ACK from Discord since {Time(lastSign)} ({Minutes(now - lastSign)} ago)";
        }

        if (RestFailingSince is { } failing && now - failing > MaxSilence)
        {
            return $"Discord's REST API has failed every call since {Time(failing)} (last success {(LastRestSuccessAt is { } ok ? Time(ok) : "never")})";
        }

        return null;
    }

    private static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static string Lower(GatewayState state) => state.ToString().ToLowerInvariant();

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Minutes(TimeSpan span) => span.TotalMinutes >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalMinutes:0.#} minutes")
        : string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0} seconds");
}

/// <summary>
/// The bot's liveness as it happens (gateway state, heartbeat ACKs, REST outcomes), written to a small JSON file
/// beside the data file that the `health` verb reads: there is no network listener in the bot. The file is written
/// when the gateway's state changes and otherwise at most every <see cref="WriteInterval"/> (a change that comes
/// sooner is written when the interval ends), so a heartbeat ACK (every ~41 s) keeps it fresh; a hung or silent bot
/// leaves it old. Each write is also the moment the bot checks
/// it can still serve (<see cref="Pulse"/>).
/// </summary>
public sealed class BotLiveness
{
    public static readonly TimeSpan WriteInterval = TimeSpan.FromSeconds(5);

    private readonly Lock gate = new();
    private readonly TimeProvider clock;
    private readonly string? file;
    private readonly List<(Func<HealthSnapshot, bool> Condition, TaskCompletionSource<HealthSnapshot> Done)> waiters = [];
    private HealthSnapshot snapshot;
    private DateTimeOffset lastWrite = DateTimeOffset.MinValue;
    private ITimer? trailingWrite;

    public BotLiveness(TimeProvider clock, string? file)
    {
        this.clock = clock;
        this.file = file;
        snapshot = new HealthSnapshot(GatewayState.Starting, clock.GetUtcNow(), null, null, null, null, null, Environment.ProcessId);
    }

    /// <summary>Runs at each write of the health file; the host checks there that it can still serve.</summary>
    public event Action? Pulse;

    public HealthSnapshot Current
    {
        get
        {
            lock (gate)
            {
                return snapshot;
            }
        }
    }

    /// <summary>The health file for a data file: "name.health.json" beside it.</summary>
    public static string FileFor(string dataFile)
    {
        var full = Path.GetFullPath(dataFile);
        return Path.Combine(Path.GetDirectoryName(full) ?? "", Path.GetFileNameWithoutExtension(full) + ".health.json");
    }

    /// <summary>Writes the file as it stands (the gateway may already be connecting).</summary>
    public void Started() => Update(s => s, force: true);

    public void Connecting() => Update(s => s with { Gateway = GatewayState.Connecting }, force: true);

    public void Ready() => Update(s => s with { Gateway = GatewayState.Ready, ReadyAt = clock.GetUtcNow(), DisconnectedAt = null }, force: true);

    public void HeartbeatAcknowledged() => Update(s => s with { LastHeartbeatAckAt = clock.GetUtcNow() }, force: false);

    public void Disconnected() => Update(s => s.Gateway == GatewayState.Stopped ? s : s with { Gateway = GatewayState.Disconnected, DisconnectedAt = clock.GetUtcNow() }, force: true);

    public void Stopped() => Update(s => s with { Gateway = GatewayState.Stopped }, force: true);

    public void RestSucceeded() => Update(s => s with { LastRestSuccessAt = clock.GetUtcNow(), RestFailingSince = null }, force: false);

    public void RestFailed() => Update(s => s with { RestFailingSince = s.RestFailingSince ?? clock.GetUtcNow() }, force: false);

    /// <summary>Writes to the data file fail (a full disk): unhealthy until <see cref="StorageWorks"/>.</summary>
    public void StorageFailing(string problem) => Update(s => s with { StorageFailingSince = s.StorageFailingSince ?? clock.GetUtcNow(), StorageProblem = problem }, force: true);

    public void StorageWorks() => Update(s => s with { StorageFailingSince = null, StorageProblem = null }, force: true);

    /// <summary>Completes when the recorded state meets <paramref name="condition"/> (tests wait on this instead of sleeping).</summary>
    public Task<HealthSnapshot> WaitForAsync(Func<HealthSnapshot, bool> condition)
    {
        lock (gate)
        {
            if (condition(snapshot))
            {
                return Task.FromResult(snapshot);
            }

            var done = new TaskCompletionSource<HealthSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((condition, done));
            return done.Task;
        }
    }

    /// <summary>Reads a health file; null when there is none or it can't be read.</summary>
    public static HealthSnapshot? Read(string path)
    {
        // Written in place on a full disk, the file can be caught half way: one more read sees it whole.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return File.Exists(path) ? JsonSerializer.Deserialize(File.ReadAllBytes(path), SnapshotJson) : null;
            }
            catch (JsonException) when (attempt == 0)
            {
            }
            catch (Exception exception) when (exception is IOException or JsonException or UnauthorizedAccessException)
            {
                return null;
            }
        }
    }

    // Source-generated metadata (HealthFileJsonContext) with web defaults: no reflection, so it works in a Native AOT publish.
    private static readonly JsonTypeInfo<HealthSnapshot> SnapshotJson = (JsonTypeInfo<HealthSnapshot>)new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        TypeInfoResolver = HealthFileJsonContext.Default,
    }.GetTypeInfo(typeof(HealthSnapshot));

    private void Update(Func<HealthSnapshot, HealthSnapshot> change, bool force)
    {
        HealthSnapshot? toWrite = null;
        lock (gate)
        {
            var now = clock.GetUtcNow();
            snapshot = change(snapshot);
            if (force || now - lastWrite >= WriteInterval)
            {
                snapshot = snapshot with { WrittenAt = now };
                lastWrite = now;
                toWrite = snapshot;
                Write(toWrite);
                trailingWrite?.Dispose();
                trailingWrite = null;
            }
            else
            {
                // Too soon after the last write: write this change when the interval ends, unless another write comes first.
                trailingWrite ??= clock.CreateTimer(static state => ((BotLiveness)state!).Update(s => s, force: true), this, lastWrite + WriteInterval - now, Timeout.InfiniteTimeSpan);
            }

            for (var i = waiters.Count - 1; i >= 0; i--)
            {
                if (waiters[i].Condition(snapshot))
                {
                    waiters[i].Done.TrySetResult(snapshot);
                    waiters.RemoveAt(i);
                }
            }
        }

        if (toWrite is not null)
        {
            Pulse?.Invoke();
        }
    }

    private void Write(HealthSnapshot value)
    {
        if (file is null)
        {
            return;
        }

        // Written whole under another name and renamed, so `health` never reads half a file.
        var json = JsonSerializer.SerializeToUtf8Bytes(value, SnapshotJson);
        var temporary = file + ".tmp";
        try
        {
            File.WriteAllBytes(temporary, json);
            File.Move(temporary, file, overwrite: true);
        }
        catch (IOException)
        {
            // A full disk has no room for a new file, which is exactly when `health` must say so: the old file's own
            // space takes the news (a few hundred bytes, rewritten in place).
            TryDelete(temporary);
            OverwriteInPlace(json);
        }
        catch (UnauthorizedAccessException)
        {
            // Nothing to do here: a bot that can't write beside its data file is caught by the storage check on the next pulse.
        }
    }

    private void OverwriteInPlace(byte[] json)
    {
        try
        {
            using var stream = new FileStream(file!, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
            stream.Write(json);
            stream.SetLength(json.Length);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // No health file yet, or not even its own space: `health` finds it stale and says the bot is unhealthy.
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Best effort: the next write replaces it.
        }
    }
}

[JsonSerializable(typeof(HealthSnapshot))]
internal sealed partial class HealthFileJsonContext : JsonSerializerContext;
