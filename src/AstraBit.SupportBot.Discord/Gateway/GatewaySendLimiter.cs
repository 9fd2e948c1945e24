namespace AstraBit.SupportBot.Discord.Gateway;

/// <summary>
/// Sliding-window log of sends for one connection (reference 1.9: 120 per 60 s, heartbeats included).
/// Ordinary payloads may use <c>limit - heartbeatReserve</c> slots; heartbeats may use all of them, so a
/// burst of sends never starves the heartbeat. Time comes from the injected <see cref="TimeProvider"/>.
/// </summary>
internal sealed class GatewaySendLimiter(int limit, int heartbeatReserve, TimeSpan window, TimeProvider timeProvider)
{
    private readonly Queue<long> _sent = new();
    private readonly Lock _lock = new();

    /// <summary>Completes when a payload may be sent, and records it as sent.</summary>
    public async ValueTask WaitAsync(bool heartbeat, CancellationToken cancellationToken)
    {
        var capacity = heartbeat ? limit : Math.Max(1, limit - heartbeatReserve);
        while (true)
        {
            TimeSpan wait;
            lock (_lock)
            {
                var now = timeProvider.GetTimestamp();
                while (_sent.Count > 0 && timeProvider.GetElapsedTime(_sent.Peek(), now) >= window)
                {
                    _sent.Dequeue();
                }

                if (_sent.Count < capacity)
                {
                    _sent.Enqueue(now);
                    return;
                }

                // The send that must leave the window before one more fits.
                var blocking = _sent.ElementAt(_sent.Count - capacity);
                wait = window - timeProvider.GetElapsedTime(blocking, now);
            }

            await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(1), timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }
}
