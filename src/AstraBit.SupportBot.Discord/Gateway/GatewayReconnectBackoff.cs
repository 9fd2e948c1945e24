namespace AstraBit.SupportBot.Discord.Gateway;

/// <summary>
/// Reconnect delays: exponential from <paramref name="initialDelay"/> up to <paramref name="maxDelay"/>, each
/// delay drawn from [half, full] so many bots do not reconnect in lock step. <see cref="Reset"/> after READY or
/// RESUMED. Not thread-safe: the client's run loop is its only user.
/// </summary>
public sealed class GatewayReconnectBackoff(TimeSpan initialDelay, TimeSpan maxDelay, Random? random = null)
{
    private readonly Random _random = random ?? Random.Shared;
    private int _attempt;

    /// <summary>The delay before the next attempt; each call doubles the ceiling until <c>maxDelay</c>.</summary>
    public TimeSpan NextDelay()
    {
        var ceiling = initialDelay * Math.Pow(2, Math.Min(_attempt, 30));
        if (ceiling > maxDelay)
        {
            ceiling = maxDelay;
        }

        _attempt++;
        return ceiling * (0.5 + (_random.NextDouble() * 0.5));
    }

    /// <summary>Starts again from the initial delay.</summary>
    public void Reset() => _attempt = 0;
}
