using AstraBit.SupportBot.Core.Diagnostics;
using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Core.Limits;

/// <summary>
/// One budget of Bybit requests shared by every check the bot runs, so that together they stay under Bybit's
/// per-IP limit. It is a sliding window over <see cref="TimeProvider"/>: a grant of N requests is placed at the
/// earliest moment when the last window holds room for N, and the caller waits until then. Grants are placed in
/// time order, so waiting checks go first come, first served; one that would wait longer than Limits:MaxQueueWait
/// is refused with the time to come back instead. A check's requests are counted from the moment it starts, for
/// the window plus Limits:CheckSpread (how long its requests may take to leave), so however a check spreads its
/// requests, no window of Bybit's ever sees more than the budget.
/// </summary>
/// <param name="limits">Limits section.</param>
/// <param name="time">The clock the window runs on.</param>
/// <param name="diagnostics">The key check's settings: its symbols decide what a check costs. Absent: the defaults.</param>
public sealed class BybitRequestBudget(IOptions<LimitsOptions> limits, TimeProvider time, IOptions<DiagnosticsOptions>? diagnostics = null)
{
    private readonly LimitsOptions options = limits.Value;
    private readonly IReadOnlyList<string> symbols = (diagnostics?.Value ?? new DiagnosticsOptions()).EffectiveSymbols;
    private readonly Queue<Grant> grants = new();
    private readonly Lock gate = new();
    private int inWindow;

    // How long one grant counts: a check's requests leave within CheckSpread of its start, and Bybit's window then
    // remembers each for BybitWindow.
    private TimeSpan Hold => options.BybitWindow + options.CheckSpread;

    /// <summary>
    /// What a check with the configured symbols really sends (<see cref="DiagnosticEngine.RequestsFor"/>: one
    /// request per symbol plus the fixed reads), never less than Limits:RequestsPerCheck.
    /// </summary>
    public int RequestsPerCheck => RequestsForCheck(symbols.Count);

    /// <summary>What a check reading <paramref name="symbolCount"/> symbols costs, never less than Limits:RequestsPerCheck.</summary>
    public int RequestsForCheck(int symbolCount) => Math.Max(options.RequestsPerCheck, DiagnosticEngine.RequestsFor(symbolCount));

    /// <summary>
    /// Reserves <paramref name="requests"/> now: either allowed, with <see cref="Reservation.Delay"/> to wait before
    /// sending them, or refused with the time to come back. Refusals reserve nothing.
    /// </summary>
    public Reservation Reserve(int requests)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(requests);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(requests, options.BybitRequests);

        var now = time.GetUtcNow();
        lock (gate)
        {
            Drop(now);
            var at = Earliest(now, requests);
            var delay = at - now;
            if (delay > options.MaxQueueWait)
            {
                return new Reservation(LimitDecision.Deny(delay, Busy(delay)), TimeSpan.Zero);
            }

            grants.Enqueue(new Grant(at, requests));
            inWindow += requests;
            return new Reservation(LimitDecision.Allow, delay);
        }
    }

    /// <summary>Reserves <paramref name="requests"/> and waits (on the injected clock) until they may be sent.</summary>
    public async ValueTask<LimitDecision> AcquireAsync(int requests, CancellationToken cancellationToken = default)
    {
        var reservation = Reserve(requests);
        if (reservation.Decision.Allowed && reservation.Delay > TimeSpan.Zero)
        {
            await Task.Delay(reservation.Delay, time, cancellationToken).ConfigureAwait(false);
        }

        return reservation.Decision;
    }

    /// <summary>Requests counted in the window ending now (including grants placed later that are waiting).</summary>
    public int Reserved
    {
        get
        {
            lock (gate)
            {
                Drop(time.GetUtcNow());
                return inWindow;
            }
        }
    }

    private static string Busy(TimeSpan wait) =>
        $"Lots of members are checking their keys right now, and I keep well under Bybit's limits so nobody gets blocked. Please {RetryWording.TryAgainIn(wait)}.";

    // Grants whose window has passed no longer count.
    private void Drop(DateTimeOffset now)
    {
        while (grants.Count > 0 && grants.Peek().At + Hold <= now)
        {
            inWindow -= grants.Dequeue().Requests;
        }
    }

    private DateTimeOffset Earliest(DateTimeOffset now, int requests)
    {
        // Never before the last grant, so grants stay in time order; then walk forward until the window holds room.
        var at = grants.Count > 0 && grants.Last().At > now ? grants.Last().At : now;
        var counted = 0;
        foreach (var grant in grants)
        {
            if (grant.At + Hold <= at)
            {
                continue;
            }

            counted += grant.Requests;
        }

        foreach (var grant in grants)
        {
            if (counted + requests <= options.BybitRequests)
            {
                break;
            }

            if (grant.At + Hold <= at)
            {
                continue;
            }

            at = grant.At + Hold;
            counted -= grant.Requests;
        }

        return at;
    }

    private readonly record struct Grant(DateTimeOffset At, int Requests);

    /// <summary>The budget's answer; when allowed, wait <see cref="Delay"/> before sending.</summary>
    public readonly record struct Reservation(LimitDecision Decision, TimeSpan Delay);
}
