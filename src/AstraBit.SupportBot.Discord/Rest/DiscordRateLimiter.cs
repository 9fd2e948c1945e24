using System.Collections.Concurrent;
using System.Globalization;

namespace AstraBit.SupportBot.Discord.Rest;

/// <summary>
/// Shared REST rate-limit state for one bot token (register as a singleton): per-route buckets
/// learned from the <c>X-RateLimit-*</c> headers, the global 50 requests/s limit, and pauses
/// ordered by 429 answers. All waits go through the injected <see cref="TimeProvider"/>.
/// With a <see cref="IDiscordRateLimitStore"/> the state outlives the process: a bucket's count is saved before each
/// request it allows (so even a process killed mid-request leaves a count no higher than Discord's), every answer and
/// 429 is saved after, and a new process starts from what the last one knew instead of meeting the same 429s again.
/// </summary>
public sealed class DiscordRateLimiter
{
    /// <summary>Discord's global limit per bot.</summary>
    public const int GlobalRequestsPerSecond = 50;

    private readonly TimeProvider time;
    private readonly IDiscordRateLimitStore? store;
    private readonly SemaphoreSlim _saving = new(1, 1);
    private long _changes;
    private long _saved;
    private readonly ConcurrentDictionary<string, string> _routeToHash = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);

    /// <summary>Buckets are pruned once there are this many; then again at twice what a prune left (at least <see cref="PruneFloor"/>).</summary>
    private const int PruneFloor = 512;
    private int _pruneAt = PruneFloor;

    /// <summary>Single-use routes (interaction callbacks) told to wait by a 429, by major parameter; empty otherwise.</summary>
    private readonly ConcurrentDictionary<string, Bucket> _pausedSingleUse = new(StringComparer.Ordinal);
    private readonly Lock _globalLock = new();
    private DateTimeOffset _globalWindowStart = DateTimeOffset.MinValue;
    private int _globalCount;
    private DateTimeOffset _globalPauseUntil = DateTimeOffset.MinValue;

    /// <param name="time">The clock every wait and reset is measured on.</param>
    /// <param name="store">Where the state is kept between processes; none keeps it in memory only.</param>
    public DiscordRateLimiter(TimeProvider time, IDiscordRateLimitStore? store = null)
    {
        this.time = time ?? throw new ArgumentNullException(nameof(time));
        this.store = store;
        if (store?.Load() is { } saved)
        {
            Restore(saved);
        }
    }

    /// <summary>
    /// Waits until the route's bucket and the global limit allow one more request. Requests in one
    /// bucket run one at a time so the remaining count from each answer is known before the next.
    /// </summary>
    internal async Task<Lease> AcquireAsync(DiscordRoute route, CancellationToken ct)
    {
        var bucket = Resolve(route);
        await bucket.Gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            while (true)
            {
                var wait = bucket.TryTake(time.GetUtcNow(), out var counted);
                if (wait <= TimeSpan.Zero)
                {
                    if (counted)
                    {
                        // Saved before it is sent: a process that dies now leaves the count Discord will have.
                        Changed();
                        await SaveAsync(ct).ConfigureAwait(false);
                    }

                    break;
                }

                await Task.Delay(wait, time, ct).ConfigureAwait(false);
            }

            await WaitGlobalAsync(route.ExemptFromGlobal, ct).ConfigureAwait(false);
            return new Lease(this, route, bucket);
        }
        catch
        {
            bucket.Gate.Release();
            throw;
        }
    }

    private DateTimeOffset Now => time.GetUtcNow();

    /// <summary>Saves what changed since the last save (one write serves every change made before it); nothing without a store.</summary>
    internal async Task SaveAsync(CancellationToken ct)
    {
        if (store is null)
        {
            return;
        }

        var wanted = Interlocked.Read(ref _changes);
        await _saving.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (Interlocked.Read(ref _saved) >= wanted)
            {
                return;
            }

            var upTo = Interlocked.Read(ref _changes);
            store.Save(Snapshot());
            Interlocked.Exchange(ref _saved, upTo);
        }
        finally
        {
            _saving.Release();
        }
    }

    private void Changed() => Interlocked.Increment(ref _changes);

    private DiscordRateLimitState Snapshot()
    {
        var now = Now;
        var buckets = new List<DiscordRateLimitBucket>();
        foreach (var group in _buckets.GroupBy(entry => entry.Value, ReferenceEqualityComparer.Instance))
        {
            if (((Bucket)group.Key!).TryRead(now, out var remaining, out var resetAt))
            {
                buckets.Add(new DiscordRateLimitBucket([.. group.Select(entry => entry.Key).Order(StringComparer.Ordinal)], remaining, resetAt));
            }
        }

        DateTimeOffset? pause;
        lock (_globalLock)
        {
            pause = _globalPauseUntil > now ? _globalPauseUntil : null;
        }

        return new DiscordRateLimitState(new Dictionary<string, string>(_routeToHash, StringComparer.Ordinal), buckets, pause);
    }

    private void Restore(DiscordRateLimitState saved)
    {
        var now = Now;
        foreach (var (route, hash) in saved.RouteHashes ?? new Dictionary<string, string>())
        {
            _routeToHash[route] = hash;
        }

        foreach (var entry in (saved.Buckets ?? []).Where(b => b.ResetAt > now && b.Keys is { Count: > 0 }))
        {
            var bucket = new Bucket();
            bucket.Set(Math.Max(0, entry.Remaining), entry.ResetAt);
            foreach (var key in entry.Keys)
            {
                _buckets[key] = bucket;
            }
        }

        if (saved.GlobalPauseUntil is { } until && until > now)
        {
            _globalPauseUntil = until;
        }
    }

    private Bucket Resolve(DiscordRoute route)
    {
        if (route.SingleUse)
        {
            // One request per interaction: a bucket of its own that nothing else shares, remembered only while a 429
            // holds it back (so the retry waits), never accumulating one entry per interaction.
            return _pausedSingleUse.TryGetValue(route.Major, out var paused) ? paused : new Bucket();
        }

        var key = _routeToHash.TryGetValue(route.RouteKey, out var hash)
            ? hash + ":" + route.Major
            : route.RouteKey + ":" + route.Major;
        if (_buckets.Count >= Volatile.Read(ref _pruneAt))
        {
            Prune();
        }

        // A webhook route's major parameter holds the interaction token: its buckets are never written to the store.
        return _buckets.GetOrAdd(key, static (_, kept) => new Bucket(kept), !route.Template.Contains("token}", StringComparison.Ordinal));
    }

    /// <summary>How many buckets are remembered (for tests).</summary>
    internal int BucketCount => _buckets.Count;

    /// <summary>
    /// Forgets the buckets that know nothing any more: reset has passed (or no answer ever said) and no request holds
    /// them, so a new bucket would behave the same. Every interaction's webhook routes and every channel written to
    /// make one (a busy day: thousands); kept, they grew without end. Runs when the count doubles since the last
    /// prune, so its cost spreads over the requests that made them.
    /// </summary>
    private void Prune()
    {
        var now = time.GetUtcNow();
        foreach (var (key, bucket) in _buckets)
        {
            if (bucket.IsSpent(now))
            {
                _buckets.TryRemove(new KeyValuePair<string, Bucket>(key, bucket));
            }
        }

        Volatile.Write(ref _pruneAt, Math.Max(PruneFloor, 2 * _buckets.Count));
    }

    private async Task WaitGlobalAsync(bool exempt, CancellationToken ct)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_globalLock)
            {
                var now = time.GetUtcNow();
                if (now < _globalPauseUntil)
                {
                    wait = _globalPauseUntil - now;
                }
                else if (exempt)
                {
                    return;
                }
                else
                {
                    if (now >= _globalWindowStart.AddSeconds(1))
                    {
                        _globalWindowStart = now;
                        _globalCount = 0;
                    }

                    if (_globalCount < GlobalRequestsPerSecond)
                    {
                        _globalCount++;
                        return;
                    }

                    wait = _globalWindowStart.AddSeconds(1) - now;
                }
            }

            await Task.Delay(wait, time, ct).ConfigureAwait(false);
        }
    }

    private void PauseGlobal(TimeSpan retryAfter)
    {
        lock (_globalLock)
        {
            var until = time.GetUtcNow() + retryAfter;
            if (until > _globalPauseUntil)
            {
                _globalPauseUntil = until;
            }
        }

        Changed();
    }

    internal static bool TryParseSeconds(string? value, out TimeSpan span)
    {
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
        {
            span = TimeSpan.FromSeconds(seconds);
            return true;
        }

        span = TimeSpan.Zero;
        return false;
    }

    /// <summary>Holds the bucket for one request; report what the answer said, then dispose.</summary>
    internal sealed class Lease(DiscordRateLimiter owner, DiscordRoute route, Bucket bucket) : IDisposable
    {
        private int _released;

        public void Update(HttpResponseMessage response)
        {
            if (route.SingleUse)
            {
                // Nothing to learn: no later request shares this bucket. A 429 still reaches TooManyRequests.
                return;
            }

            var h = response.Headers;
            if (h.TryGetValues("X-RateLimit-Bucket", out var hashes) && hashes.FirstOrDefault() is { Length: > 0 } hash)
            {
                owner._routeToHash[route.RouteKey] = hash;
                // Alias this bucket object under the hash so later calls on this route (and on routes
                // sharing the hash) queue behind the same gate.
                owner._buckets.TryAdd(hash + ":" + route.Major, bucket);
            }

            var remaining = h.TryGetValues("X-RateLimit-Remaining", out var r)
                && int.TryParse(r.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var rem) ? rem : (int?)null;
            var resetAfter = h.TryGetValues("X-RateLimit-Reset-After", out var ra) && TryParseSeconds(ra.FirstOrDefault(), out var span)
                ? span : (TimeSpan?)null;
            if (remaining is { } remainingValue && resetAfter is { } resetValue)
            {
                bucket.Set(remainingValue, owner.Now + resetValue);
                owner.Changed();
            }
        }

        public void TooManyRequests(TimeSpan retryAfter, bool global)
        {
            if (global)
            {
                owner.PauseGlobal(retryAfter);
            }
            else
            {
                bucket.Set(0, owner.Now + retryAfter);
                if (route.SingleUse)
                {
                    owner._pausedSingleUse[route.Major] = bucket;
                }
                else
                {
                    owner.Changed();
                }
            }
        }

        /// <summary>Saves what the answer taught (see <see cref="DiscordRateLimiter.SaveAsync"/>).</summary>
        public Task SaveAsync(CancellationToken ct) => route.SingleUse ? Task.CompletedTask : owner.SaveAsync(ct);

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                if (route.SingleUse && !bucket.IsPaused(owner.Now))
                {
                    owner._pausedSingleUse.TryRemove(new KeyValuePair<string, Bucket>(route.Major, bucket));
                }

                bucket.Gate.Release();
            }
        }
    }

    internal sealed class Bucket(bool kept = true)
    {
        private readonly Lock _lock = new();
        private int? _remaining;
        private DateTimeOffset _resetAt;

        public SemaphoreSlim Gate { get; } = new(1, 1);

        /// <summary>Takes one request from the bucket, or says how long to wait; <paramref name="counted"/> when a known count went down.</summary>
        public TimeSpan TryTake(DateTimeOffset now, out bool counted)
        {
            lock (_lock)
            {
                counted = false;
                if (_remaining is null || now >= _resetAt)
                {
                    // Unknown or expired: allowed; the answer's headers teach the new state.
                    _remaining = null;
                    return TimeSpan.Zero;
                }

                if (_remaining > 0)
                {
                    _remaining--;
                    counted = true;
                    return TimeSpan.Zero;
                }

                return _resetAt - now;
            }
        }

        /// <summary>The count and reset while they still apply, for a bucket that may be saved.</summary>
        public bool TryRead(DateTimeOffset now, out int remaining, out DateTimeOffset resetAt)
        {
            lock (_lock)
            {
                (remaining, resetAt) = (_remaining ?? 0, _resetAt);
                return kept && _remaining is not null && now < _resetAt;
            }
        }

        /// <summary>True when the bucket holds nothing a new one wouldn't: no count known, or its reset has come, and no request in it.</summary>
        public bool IsSpent(DateTimeOffset now)
        {
            lock (_lock)
            {
                return (_remaining is null || now >= _resetAt) && Gate.CurrentCount == 1;
            }
        }

        /// <summary>True while an answer said the bucket is empty and its reset has not come.</summary>
        public bool IsPaused(DateTimeOffset now)
        {
            lock (_lock)
            {
                return _remaining == 0 && now < _resetAt;
            }
        }

        public void Set(int remaining, DateTimeOffset resetAt)
        {
            lock (_lock)
            {
                _remaining = remaining;
                _resetAt = resetAt;
            }
        }
    }
}
