using AstraBit.SupportBot.Core.Tests.Guide;
using AstraBit.SupportBot.Core.Tickets;

namespace AstraBit.SupportBot.Core.Tests.Tickets;

public sealed class TicketListTests : IDisposable
{
    private readonly TicketHarness harness = new();

    private TicketLedgerDriver Service => harness.Service;

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
        Assert.Equal("opened 3 hours, 5 minutes ago", TicketTime.AgeText(item, ShippedGuide.English));
        Assert.Equal("waiting for staff for 3 hours, 5 minutes", TicketTime.WaitText(item, ShippedGuide.English));
    }

    [Fact]
    public async Task ListOpen_MemberSpokeLast_WaitingForStaffSinceTheirMessage()
    {
        var ticket = await harness.OpenAsync();
        await Service.RecordMessageAsync(ticket.Number, TicketHarness.Staff, isStaff: true, TicketHarness.Start.AddMinutes(5));
        await Service.RecordMessageAsync(ticket.Number, TicketHarness.Member, isStaff: false, TicketHarness.Start.AddMinutes(20));
        harness.Clock.Advance(TimeSpan.FromMinutes(60));

        var item = Assert.Single(await Service.ListOpenAsync());

        Assert.Equal("opened 1 hour ago", TicketTime.AgeText(item, ShippedGuide.English));
        Assert.Equal(TimeSpan.FromMinutes(40), item.Wait);
        Assert.Equal("waiting for staff for 40 minutes", TicketTime.WaitText(item, ShippedGuide.English));
    }

    [Fact]
    public async Task ListOpen_StaffSpokeLast_WaitingForTheMember()
    {
        var ticket = await harness.OpenAsync();
        await Service.RecordMessageAsync(ticket.Number, TicketHarness.Staff, isStaff: true, TicketHarness.Start.AddMinutes(1));
        harness.Clock.Advance(TimeSpan.FromDays(2).Add(TimeSpan.FromMinutes(1)));

        var item = Assert.Single(await Service.ListOpenAsync());

        Assert.Equal("opened 2 days, 1 minute ago", TicketTime.AgeText(item, ShippedGuide.English));
        Assert.Equal("waiting for the member for 2 days", TicketTime.WaitText(item, ShippedGuide.English));
        Assert.Equal("wartet schon 2 Tage auf das Mitglied", TicketTime.WaitText(item, ShippedGuide.Texts.For("de")));
    }

    [Fact]
    public async Task ListOpen_JustOpened_JustNow()
    {
        await harness.OpenAsync();
        harness.Clock.Advance(TimeSpan.FromSeconds(20));

        var item = Assert.Single(await Service.ListOpenAsync());

        Assert.Equal("opened just now", TicketTime.AgeText(item, ShippedGuide.English));
        Assert.Equal("waiting for staff for less than a minute", TicketTime.WaitText(item, ShippedGuide.English));
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

        Assert.Equal("reopened 2 minutes ago", TicketTime.AgeText(item, ShippedGuide.English));
    }

    public void Dispose() => harness.Dispose();
}
