using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Tickets;

namespace AstraBit.SupportBot.Core.Tests.Tickets;

public sealed class TicketListAndStatsTests : IDisposable
{
    private readonly TicketHarness harness = new();

    private TicketService Service => harness.Service;

    [Fact]
    public async Task ListOpen_Mixed_UnclaimedFirstThenOldestFirstClosedLeftOut()
    {
        var claimedOld = await harness.OpenAsync(1);
        harness.Clock.Advance(TimeSpan.FromMinutes(10));
        var unclaimedNewer = await harness.OpenAsync(2);
        harness.Clock.Advance(TimeSpan.FromMinutes(10));
        var closed = await harness.OpenAsync(3);
        harness.Clock.Advance(TimeSpan.FromMinutes(10));
        var unclaimedNewest = await harness.OpenAsync(4);
        harness.Clock.Advance(TimeSpan.FromMinutes(10));
        var claimedNew = await harness.OpenAsync(5);
        await Service.ClaimAsync(claimedOld.Number, TicketHarness.Staff);
        await Service.ClaimAsync(claimedNew.Number, TicketHarness.Staff);
        await Service.CloseAsync(closed.Number, TicketHarness.Staff, "done");

        var list = await Service.ListOpenAsync();

        Assert.Equal(
            [unclaimedNewer.Number, unclaimedNewest.Number, claimedOld.Number, claimedNew.Number],
            list.Select(i => i.Ticket.Number));
    }

    [Fact]
    public async Task ListOpen_NoMessages_AgeAndWaitingForStaffInWords()
    {
        await harness.OpenAsync();
        harness.Clock.Advance(TimeSpan.FromHours(3).Add(TimeSpan.FromMinutes(5)));

        var item = Assert.Single(await Service.ListOpenAsync());

        Assert.Equal(TimeSpan.FromMinutes(185), item.Age);
        Assert.Equal("opened 3 hours ago", item.AgeText);
        Assert.Equal("waiting for staff for 3 hours", item.WaitText);
    }

    [Fact]
    public async Task ListOpen_MemberSpokeLast_WaitingForStaffSinceTheirMessage()
    {
        var ticket = await harness.OpenAsync();
        await Service.RecordMessageAsync(ticket.Number, TicketHarness.Staff, isStaff: true, TicketHarness.Start.AddMinutes(5));
        await Service.RecordMessageAsync(ticket.Number, TicketHarness.Member, isStaff: false, TicketHarness.Start.AddMinutes(20));
        harness.Clock.Advance(TimeSpan.FromMinutes(60));

        var item = Assert.Single(await Service.ListOpenAsync());

        Assert.Equal("opened 1 hour ago", item.AgeText);
        Assert.Equal(TimeSpan.FromMinutes(40), item.Wait);
        Assert.Equal("waiting for staff for 40 minutes", item.WaitText);
    }

    [Fact]
    public async Task ListOpen_StaffSpokeLast_WaitingForTheMember()
    {
        var ticket = await harness.OpenAsync();
        await Service.RecordMessageAsync(ticket.Number, TicketHarness.Staff, isStaff: true, TicketHarness.Start.AddMinutes(1));
        harness.Clock.Advance(TimeSpan.FromDays(2).Add(TimeSpan.FromMinutes(1)));

        var item = Assert.Single(await Service.ListOpenAsync());

        Assert.Equal("opened 2 days ago", item.AgeText);
        Assert.Equal("waiting for the member for 2 days", item.WaitText);
    }

    [Fact]
    public async Task ListOpen_JustOpened_JustNow()
    {
        await harness.OpenAsync();
        harness.Clock.Advance(TimeSpan.FromSeconds(20));

        var item = Assert.Single(await Service.ListOpenAsync());

        Assert.Equal("opened just now", item.AgeText);
        Assert.Equal("waiting for staff for less than a minute", item.WaitText);
    }

    [Fact]
    public async Task ListOpen_Reopened_SaysReopened()
    {
        var ticket = await harness.OpenAsync();
        await Service.CloseAsync(ticket.Number, TicketHarness.Staff, "done");
        harness.Clock.Advance(TimeSpan.FromDays(3));
        await Service.ReopenAsync(ticket.Number, TicketHarness.Staff);
        harness.Clock.Advance(TimeSpan.FromMinutes(2));

        var item = Assert.Single(await Service.ListOpenAsync());

        Assert.Equal("reopened 2 minutes ago", item.AgeText);
    }

    [Fact]
    public async Task Stats_Nothing_NoneNotZero()
    {
        var stats = await Service.StatsAsync(TimeSpan.FromDays(7));

        Assert.Equal((0, 0, 0), (stats.Open, stats.Claimed, stats.ClosedInPeriod));
        Assert.Null(stats.MedianFirstResponse);
        Assert.Null(stats.MedianTimeToClose);
        Assert.Null(stats.AverageRating);
        Assert.Equal(0, stats.RatingCount);
        Assert.Empty(stats.TopFailingChecks);
        Assert.Equal("none", TicketWording.Duration(stats.MedianFirstResponse));
        Assert.Equal("none", TicketWording.Rating(stats.AverageRating, stats.RatingCount));
    }

    [Fact]
    public async Task Stats_SeveralTickets_CountsMediansRatingAndTopChecks()
    {
        // #1: reply after 10 min, closed after 1 h, rated 5. #2: reply after 30 min, closed after 3 h, rated 2.
        // #3: reply after 20 min, still claimed. #4: open, no reply. #5: old, outside the period.
        var old = await harness.OpenAsync(5, TicketHarness.Card(CheckIds.Balance));
        await Service.CloseAsync(old.Number, TicketHarness.Staff, "done");
        await Service.RateAsync(old.Number, 5, 1);
        harness.Clock.Advance(TimeSpan.FromDays(10));
        var t0 = harness.Clock.GetUtcNow();

        var one = await harness.OpenAsync(1, TicketHarness.Card(CheckIds.PositionMode));
        var two = await harness.OpenAsync(2, TicketHarness.Card(CheckIds.PositionMode));
        var three = await harness.OpenAsync(3, TicketHarness.Card(CheckIds.Withdrawal));
        await harness.OpenAsync(4, TicketHarness.Card(CheckIds.PositionMode));
        await Service.AddCheckAsync(one.Number, TicketHarness.Card(CheckIds.PositionMode));
        await Service.AddCheckAsync(one.Number, TicketHarness.Card(CheckIds.Transfer));
        await Service.RecordMessageAsync(one.Number, TicketHarness.Staff, true, t0.AddMinutes(10));
        await Service.RecordMessageAsync(two.Number, TicketHarness.Staff, true, t0.AddMinutes(30));
        await Service.RecordMessageAsync(three.Number, TicketHarness.Staff, true, t0.AddMinutes(20));
        await Service.ClaimAsync(three.Number, TicketHarness.Staff);
        harness.Clock.Advance(TimeSpan.FromHours(1));
        await Service.CloseAsync(one.Number, TicketHarness.Staff, "done");
        await Service.RateAsync(one.Number, 1, 5);
        harness.Clock.Advance(TimeSpan.FromHours(2));
        await Service.CloseAsync(two.Number, TicketHarness.Staff, "done");
        await Service.RateAsync(two.Number, 2, 2);

        var stats = await Service.StatsAsync(TimeSpan.FromDays(7));

        Assert.Equal(1, stats.Open);
        Assert.Equal(1, stats.Claimed);
        Assert.Equal(2, stats.ClosedInPeriod);
        Assert.Equal(TimeSpan.FromMinutes(20), stats.MedianFirstResponse);
        Assert.Equal(TimeSpan.FromHours(2), stats.MedianTimeToClose);
        Assert.Equal(3.5, stats.AverageRating);
        Assert.Equal(2, stats.RatingCount);
        Assert.Equal(
            [new CheckCount(CheckIds.PositionMode, 3), new CheckCount(CheckIds.Transfer, 1), new CheckCount(CheckIds.Withdrawal, 1)],
            stats.TopFailingChecks);
        Assert.Equal("20 minutes", TicketWording.Duration(stats.MedianFirstResponse));
        Assert.Equal("3.5 from 2 ratings", TicketWording.Rating(stats.AverageRating, stats.RatingCount));
    }

    [Fact]
    public async Task Stats_MoreThanFiveFailingChecks_TopFive()
    {
        string[] ids = [CheckIds.ApiKey, CheckIds.ReadWrite, CheckIds.ContractTrading, CheckIds.Withdrawal, CheckIds.Transfer, CheckIds.PositionMode, CheckIds.Balance];
        for (var i = 0; i < ids.Length; i++)
        {
            await harness.OpenAsync((ulong)i + 1, TicketHarness.Card(ids[i]));
        }

        var stats = await Service.StatsAsync(TimeSpan.FromDays(1));

        Assert.Equal(TicketStats.TopCount, stats.TopFailingChecks.Count);
    }

    [Fact]
    public async Task Stats_ZeroPeriod_Throws()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Service.StatsAsync(TimeSpan.Zero));
    }

    [Theory]
    [InlineData(new[] { 5.0 }, 5.0)]
    [InlineData(new[] { 1.0, 3.0 }, 2.0)]
    [InlineData(new[] { 9.0, 1.0, 4.0 }, 4.0)]
    [InlineData(new[] { 4.0, 1.0, 3.0, 10.0 }, 3.5)]
    public void Median_Values_MiddleOrMeanOfMiddleTwo(double[] minutes, double expected)
    {
        Assert.Equal(TimeSpan.FromMinutes(expected), TicketService.Median(minutes.Select(TimeSpan.FromMinutes)));
    }

    [Fact]
    public void Median_Empty_Null()
    {
        Assert.Null(TicketService.Median([]));
    }

    public void Dispose() => harness.Dispose();
}
