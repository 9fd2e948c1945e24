using AstraBit.SupportBot.Core.Tickets;
using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Core.Stats;

/// <summary>
/// The one place support figures are computed: /ticket stats and the `stats` verb both show what this returns for the
/// last N days, from one calculator (<see cref="SupportStatsCalculator"/>), so each quantity has one figure.
/// </summary>
public sealed class SupportStatsService(ISupportStatsSource source, TimeProvider clock, IOptions<TicketOptions> options)
{
    public async Task<SupportStats> ComputeAsync(TimeSpan period, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        var now = clock.GetUtcNow();
        var data = await source.LoadAsync(now - period, now, cancellationToken).ConfigureAwait(false);
        return SupportStatsCalculator.Compute(data, now - period, now, options.Value.Calendar());
    }
}
