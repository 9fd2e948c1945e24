using AstraBit.SupportBot.Core.Diagnostics;
using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Core.Limits;

/// <summary>One check per member per Diagnostics:Cooldown. A check that never reached Bybit can be given back with <see cref="Cancel"/>.</summary>
public sealed class CheckCooldown(IOptions<DiagnosticsOptions> options, TimeProvider time)
{
    // Past this many members, entries whose cooldown is over are dropped so the table doesn't grow forever.
    private const int PruneAbove = 10_000;

    private readonly TimeSpan cooldown = options.Value.Cooldown;
    private readonly Dictionary<ulong, DateTimeOffset> lastStarted = [];
    private readonly Lock gate = new();

    /// <summary>Allows the check and starts the member's cooldown, or says when they can try again.</summary>
    public LimitDecision TryBegin(ulong userId)
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            if (lastStarted.TryGetValue(userId, out var started) && now < started + cooldown)
            {
                var wait = started + cooldown - now;
                return LimitDecision.Deny(wait, $"You ran a check just now. Please {RetryWording.TryAgainIn(wait)}.");
            }

            if (lastStarted.Count > PruneAbove)
            {
                foreach (var stale in lastStarted.Where(p => now >= p.Value + cooldown).Select(p => p.Key).ToList())
                {
                    lastStarted.Remove(stale);
                }
            }

            lastStarted[userId] = now;
            return LimitDecision.Allow;
        }
    }

    /// <summary>Gives the cooldown back, for a check that didn't run (for example because Bybit's budget was full).</summary>
    public void Cancel(ulong userId)
    {
        lock (gate)
        {
            lastStarted.Remove(userId);
        }
    }

    /// <summary>How long until the member may check again; zero when they may now.</summary>
    public TimeSpan Remaining(ulong userId)
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            return lastStarted.TryGetValue(userId, out var started) && now < started + cooldown ? started + cooldown - now : TimeSpan.Zero;
        }
    }
}
