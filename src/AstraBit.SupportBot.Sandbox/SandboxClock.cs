namespace AstraBit.SupportBot.Sandbox;

/// <summary>
/// Real time plus whatever the page's "advance time by …" added. Timers created on it are due by this clock, so an
/// advance makes every timer that is now due fire at once (the ticket timers, the key memory) instead of after a day.
/// </summary>
public sealed class SandboxClock(TimeProvider real) : TimeProvider
{
    private readonly TimeProvider _real = real;
    private readonly Lock _lock = new();
    private readonly HashSet<AdvancingTimer> _timers = [];
    private TimeSpan _offset;

    public TimeSpan Offset
    {
        get
        {
            lock (_lock)
            {
                return _offset;
            }
        }
    }

    public override DateTimeOffset GetUtcNow() => _real.GetUtcNow() + Offset;

    public override TimeZoneInfo LocalTimeZone => _real.LocalTimeZone;

    /// <summary>Moves the clock forward; timers now due fire at once.</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        AdvancingTimer[] timers;
        lock (_lock)
        {
            _offset += by;
            timers = [.. _timers];
        }

        foreach (var timer in timers)
        {
            timer.Rearm();
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new AdvancingTimer(this, callback, state);
        lock (_lock)
        {
            _timers.Add(timer);
        }

        timer.Change(dueTime, period);
        return timer;
    }

    private void Forget(AdvancingTimer timer)
    {
        lock (_lock)
        {
            _timers.Remove(timer);
        }
    }

    /// <summary>A real timer aimed at a due time on the sandbox clock, re-aimed whenever the clock jumps.</summary>
    private sealed class AdvancingTimer : ITimer
    {
        private readonly Lock _lock = new();
        private readonly SandboxClock _clock;
        private readonly TimerCallback _callback;
        private readonly object? _state;
        private readonly ITimer _inner;
        private DateTimeOffset? _due;
        private TimeSpan _period;

        public AdvancingTimer(SandboxClock clock, TimerCallback callback, object? state)
        {
            _clock = clock;
            _callback = callback;
            _state = state;
            _inner = clock._real.CreateTimer(_ => Fire(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (_lock)
            {
                _due = dueTime == Timeout.InfiniteTimeSpan ? null : _clock.GetUtcNow() + dueTime;
                _period = period;
            }

            Rearm();
            return true;
        }

        public void Rearm()
        {
            lock (_lock)
            {
                var wait = _due is { } due ? Max(due - _clock.GetUtcNow(), TimeSpan.Zero) : Timeout.InfiniteTimeSpan;
                // Real timers can't wait longer than about 49 days; they re-aim when they fire early.
                _inner.Change(wait > TimeSpan.FromDays(40) ? TimeSpan.FromDays(40) : wait, Timeout.InfiniteTimeSpan);
            }
        }

        public void Dispose()
        {
            _clock.Forget(this);
            _inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }

        private void Fire()
        {
            lock (_lock)
            {
                if (_due is not { } due || due > _clock.GetUtcNow())
                {
                    Rearm();
                    return;
                }

                _due = _period == Timeout.InfiniteTimeSpan || _period == TimeSpan.Zero ? null : _clock.GetUtcNow() + _period;
            }

            Rearm();
            _callback(_state);
        }

        private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
    }
}
