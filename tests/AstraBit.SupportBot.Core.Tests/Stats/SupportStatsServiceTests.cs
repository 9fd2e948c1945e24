using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Stats;
using AstraBit.SupportBot.Core.Tests.Guide;
using AstraBit.SupportBot.Core.Tests.Tickets;
using AstraBit.SupportBot.Core.Tickets;
using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Core.Tests.Stats;

/// <summary>The one stats service over tickets the ticket service wrote: counts, medians, ratings and failing checks.</summary>
public sealed class SupportStatsServiceTests : IDisposable
{
    private readonly TicketHarness harness = new();

    private TicketLedgerDriver Tickets => harness.Service;

    [Fact]
    public async Task Compute_Nothing_NoneNotZero()
    {
        var stats = await ComputeAsync(TimeSpan.FromDays(7));

        Assert.Null(stats.OpenNow);
        Assert.Equal((0, 0), (stats.TicketsOpened, stats.TicketsClosed));
        Assert.Null(stats.MedianFirstResponse);
        Assert.Null(stats.MedianResolution);
        Assert.Null(stats.Ratings);
        Assert.Null(stats.TicketsByFirstFailingCheck);
        var text = SupportStatsReport.Text(stats, ShippedGuide.English);
        Assert.Contains($"  {"open now",-34} none\n", text, StringComparison.Ordinal);
        Assert.Contains($"  {"median first response",-34} none\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compute_SeveralTickets_CountsMediansRatingAndFailingChecks()
    {
        // #1: reply after 10 min, closed after 1 h, rated 5. #2: reply after 30 min, closed after 3 h, rated 2.
        // #3: reply after 20 min, still claimed. #4: open, no reply. #5: old, outside the period.
        var old = await harness.OpenAsync(5, TicketHarness.Card(CheckIds.Balance));
        await Tickets.CloseAsync(old.Number, TicketHarness.Staff, "done");
        await Tickets.RateAsync(old.Number, 5, 1);
        harness.Clock.Advance(TimeSpan.FromDays(10));
        var t0 = harness.Clock.GetUtcNow();

        var one = await harness.OpenAsync(1, TicketHarness.Card(CheckIds.PositionMode));
        var two = await harness.OpenAsync(2, TicketHarness.Card(CheckIds.PositionMode));
        var three = await harness.OpenAsync(3, TicketHarness.Card(CheckIds.Withdrawal));
        await harness.OpenAsync(4, TicketHarness.Card(CheckIds.PositionMode));
        await Tickets.AddCheckAsync(one.Number, TicketHarness.Card(CheckIds.Transfer));
        await Tickets.RecordMessageAsync(one.Number, TicketHarness.Staff, true, t0.AddMinutes(10));
        await Tickets.RecordMessageAsync(two.Number, TicketHarness.Staff, true, t0.AddMinutes(30));
        await Tickets.RecordMessageAsync(three.Number, TicketHarness.Staff, true, t0.AddMinutes(20));
        await Tickets.ClaimAsync(three.Number, TicketHarness.Staff);
        harness.Clock.Advance(TimeSpan.FromHours(1));
        await Tickets.CloseAsync(one.Number, TicketHarness.Staff, "done");
        await Tickets.RateAsync(one.Number, 1, 5);
        harness.Clock.Advance(TimeSpan.FromHours(2));
        await Tickets.CloseAsync(two.Number, TicketHarness.Staff, "done");
        await Tickets.RateAsync(two.Number, 2, 2);
        harness.Clock.Advance(TimeSpan.FromMinutes(1));

        var stats = await ComputeAsync(TimeSpan.FromDays(7));

        Assert.Equal(new OpenTickets(Unclaimed: 1, Claimed: 1), stats.OpenNow);
        Assert.Equal((4, 2), (stats.TicketsOpened, stats.TicketsClosed));
        Assert.Equal(TimeSpan.FromMinutes(20), stats.MedianFirstResponse);
        Assert.Equal(TimeSpan.FromHours(2), stats.MedianResolution);
        Assert.Equal(new RatingFigures(3.5, 2), stats.Ratings);
        // A later check's failure does not count again: each ticket counts once, by what failed when it opened.
        Assert.Equal([new CheckCount(CheckIds.PositionMode, 3), new CheckCount(CheckIds.Withdrawal, 1)], stats.TicketsByFirstFailingCheck);
        var text = SupportStatsReport.Text(stats, ShippedGuide.English);
        Assert.Contains($"  {"open now",-34} 1 unclaimed, 1 claimed\n", text, StringComparison.Ordinal);
        Assert.Contains($"  {"median first response",-34} 20 minutes\n", text, StringComparison.Ordinal);
        Assert.Contains($"  {"median resolution",-34} 2 hours\n", text, StringComparison.Ordinal);
        Assert.Contains($"  {"average rating",-34} 3.5 from 2 ratings\n", text, StringComparison.Ordinal);

        // The same figures as a German or Russian staff member reads them: words, plurals and decimals their language's.
        var german = SupportStatsReport.Text(stats, ShippedGuide.Texts.For("de"));
        Assert.StartsWith("Support-Kennzahlen der letzten 7 Tage (", german, StringComparison.Ordinal);
        Assert.Contains($"  {"jetzt offen",-34} 1 nicht übernommen, 1 übernommen\n", german, StringComparison.Ordinal);
        Assert.Contains($"  {"Median erste Antwort",-34} 20 Minuten\n", german, StringComparison.Ordinal);
        Assert.Contains($"  {"Durchschnittsbewertung",-34} 3,5 aus 2 Bewertungen\n", german, StringComparison.Ordinal);
        Assert.Contains($"  {"geöffnete Tickets",-34} 4\n", german, StringComparison.Ordinal);
        Assert.Contains("\nZeiten (", german, StringComparison.Ordinal);
        Assert.DoesNotContain("median", german, StringComparison.Ordinal);
        var russian = SupportStatsReport.Text(stats, ShippedGuide.Texts.For("ru"));
        Assert.Contains($"  {"средняя оценка",-34} 3,5 по 2 оценкам\n", russian, StringComparison.Ordinal);
        Assert.StartsWith("Показатели поддержки за последние 7 дней (", russian, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compute_ZeroPeriod_Throws()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => ComputeAsync(TimeSpan.Zero));
    }

    [Theory]
    [InlineData(new double[0], null)]
    [InlineData(new[] { 5.0 }, 5.0)]
    [InlineData(new[] { 1.0, 3.0 }, 2.0)]
    [InlineData(new[] { 9.0, 1.0, 4.0 }, 4.0)]
    [InlineData(new[] { 4.0, 1.0, 3.0, 10.0 }, 3.5)]
    public void Median_Values_MiddleOrMeanOfMiddleTwo(double[] minutes, double? expected)
    {
        Assert.Equal(expected is { } m ? TimeSpan.FromMinutes(m) : null, SupportStatsCalculator.Median(minutes.Select(TimeSpan.FromMinutes)));
    }

    public void Dispose() => harness.Dispose();

    private Task<SupportStats> ComputeAsync(TimeSpan period) =>
        new SupportStatsService(new StoredTickets(harness), harness.Clock, Options.Create(harness.Options)).ComputeAsync(period);

    private sealed class StoredTickets(TicketHarness harness) : ISupportStatsSource
    {
        public async Task<SupportStatsData> LoadAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
            new([.. (await harness.Store.ListActiveSinceAsync(DateTimeOffset.MinValue, cancellationToken)).Select(StatsTicket.Of)], [], [], StatsClaim.In(harness.Audit.Entries));
    }
}
