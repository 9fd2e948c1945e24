using System.Collections.Concurrent;

namespace AstraBit.SupportBot.Bybit;

/// <summary>
/// Per-host cache of the offset between Bybit's clock and ours, shared by every <see cref="BybitClient"/> of
/// a host. Thread-safe; at most one measurement per host is in flight and concurrent callers await it.
/// </summary>
/// <param name="timeProvider">The local clock.</param>
/// <param name="refreshInterval">How long a measurement is trusted.</param>
public sealed class BybitTimeSync(TimeProvider timeProvider, TimeSpan refreshInterval)
{
    private readonly ConcurrentDictionary<string, HostClock> _hosts = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates a cache with the default 10-minute refresh interval.</summary>
    public BybitTimeSync(TimeProvider timeProvider)
        : this(timeProvider, TimeSpan.FromMinutes(10))
    {
    }

    /// <summary>The cached offset of a host, if it was measured.</summary>
    public TimeSpan? TryGetOffset(Uri host) =>
        _hosts.TryGetValue(Key(host), out var clock) ? clock.Snapshot?.Offset : null;

    /// <summary>
    /// Returns the host's offset, measuring it first when it was never measured, is older than the refresh
    /// interval, or is not newer than <paramref name="staleIfMeasuredBefore"/> (used after a 10002 to re-sync
    /// once no matter how many calls saw the rejection). A failed measurement leaves the cache as it was and
    /// yields the last known offset, or zero.
    /// </summary>
    /// <param name="host">The Bybit host.</param>
    /// <param name="measure">Measures the offset; null when the measurement failed.</param>
    /// <param name="staleIfMeasuredBefore">Force a new measurement unless one was taken after this instant.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public async ValueTask<TimeSyncSnapshot> GetAsync(
        Uri host,
        Func<CancellationToken, Task<TimeSpan?>> measure,
        DateTimeOffset? staleIfMeasuredBefore,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(measure);
        var clock = _hosts.GetOrAdd(Key(host), static _ => new HostClock());
        if (IsFresh(clock.Snapshot, staleIfMeasuredBefore))
        {
            return clock.Snapshot!;
        }

        await clock.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another caller may have measured while this one waited.
            if (IsFresh(clock.Snapshot, staleIfMeasuredBefore))
            {
                return clock.Snapshot!;
            }

            var offset = await measure(cancellationToken).ConfigureAwait(false);
            if (offset is null)
            {
                return clock.Snapshot ?? new TimeSyncSnapshot(TimeSpan.Zero, null);
            }

            clock.Snapshot = new TimeSyncSnapshot(offset.Value, timeProvider.GetUtcNow());
            return clock.Snapshot;
        }
        finally
        {
            clock.Gate.Release();
        }
    }

    /// <summary>
    /// The offset to sign with right now, without waiting: the cached one (zero when never measured). When it is
    /// missing or older than the refresh interval, a measurement starts in the background (at most one per host)
    /// so a request signed with the local clock and the clock measurement travel in the same round trip; a caller
    /// whose request is then rejected (10002) awaits that measurement through <see cref="GetAsync"/>.
    /// </summary>
    /// <param name="host">The Bybit host.</param>
    /// <param name="measure">Measures the offset; null when the measurement failed.</param>
    public TimeSyncSnapshot Current(Uri host, Func<CancellationToken, Task<TimeSpan?>> measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        var clock = _hosts.GetOrAdd(Key(host), static _ => new HostClock());
        var snapshot = clock.Snapshot;
        if (!IsFresh(snapshot, null) && clock.Gate.CurrentCount > 0)
        {
            _ = MeasureInBackgroundAsync(host, measure);
        }

        return snapshot ?? new TimeSyncSnapshot(TimeSpan.Zero, null);
    }

    private async Task MeasureInBackgroundAsync(Uri host, Func<CancellationToken, Task<TimeSpan?>> measure)
    {
        try
        {
            await GetAsync(host, measure, null, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A failed measurement leaves the cache as it was; the next signed call tries again.
        }
    }

    /// <summary>Records a measurement taken elsewhere (e.g. an explicit server-time call).</summary>
    public void Record(Uri host, TimeSpan offset) =>
        _hosts.GetOrAdd(Key(host), static _ => new HostClock()).Snapshot =
            new TimeSyncSnapshot(offset, timeProvider.GetUtcNow());

    private bool IsFresh(TimeSyncSnapshot? snapshot, DateTimeOffset? staleIfMeasuredBefore) =>
        snapshot?.MeasuredAt is { } at &&
        timeProvider.GetUtcNow() - at < refreshInterval &&
        (staleIfMeasuredBefore is null || at > staleIfMeasuredBefore.Value);

    private static string Key(Uri host) => host.GetLeftPart(UriPartial.Authority);

    private sealed class HostClock
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public volatile TimeSyncSnapshot? Snapshot;
    }
}

/// <summary>One measured offset.</summary>
/// <param name="Offset">Server time minus local time.</param>
/// <param name="MeasuredAt">Local time of the measurement; null when never measured.</param>
public sealed record TimeSyncSnapshot(TimeSpan Offset, DateTimeOffset? MeasuredAt);
