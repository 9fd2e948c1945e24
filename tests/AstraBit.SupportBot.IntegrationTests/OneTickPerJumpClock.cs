namespace AstraBit.SupportBot.IntegrationTests;

/// <summary>
/// The test's fake support clock as the bot sees it: the same time, but a periodic timer ticks once when the clock
/// jumps past its due time and then counts its period from the new now, as a real timer does after the machine
/// wakes. A FakeTimeProvider replays every missed period instead, so a four-day jump ran the 30-second ticket
/// outbox some 11,000 times (each a database query and a log line) before the test could go on.
/// </summary>
internal sealed class OneTickPerJumpClock(TimeProvider clock) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => clock.GetUtcNow();

    public override long GetTimestamp() => clock.GetTimestamp();

    public override long TimestampFrequency => clock.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => clock.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new OneShotRearmed(clock, callback, state, dueTime, period);

    private sealed class OneShotRearmed : ITimer
    {
        private readonly ITimer _inner;
        private readonly TimerCallback _callback;
        private readonly Lock _gate = new();
        private TimeSpan _period;

        public OneShotRearmed(TimeProvider clock, TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            _callback = callback;
            _period = period;
            _inner = clock.CreateTimer(_ => Fire(state), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _inner.Change(dueTime, Timeout.InfiniteTimeSpan);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (_gate)
            {
                _period = period;
                return _inner.Change(dueTime, Timeout.InfiniteTimeSpan);
            }
        }

        public void Dispose() => _inner.Dispose();

        public ValueTask DisposeAsync() => _inner.DisposeAsync();

        private void Fire(object? state)
        {
            lock (_gate)
            {
                if (_period != Timeout.InfiniteTimeSpan && _period > TimeSpan.Zero)
                {
                    // Re-armed from now, so it is not due again within the jump that fired it.
                    _inner.Change(_period, Timeout.InfiniteTimeSpan);
                }
            }

            _callback(state);
        }
    }
}
