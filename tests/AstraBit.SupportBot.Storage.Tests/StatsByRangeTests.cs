using AstraBit.SupportBot.Core.Audit;
using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Core.Stats;
using AstraBit.SupportBot.Core.Tickets;
using AstraBit.SupportBot.Core.WorkingHours;
using AstraBit.SupportBot.Storage.Tests.Tickets;
using AstraBit.SupportBot.Storage.Tickets;

namespace AstraBit.SupportBot.Storage.Tests;

/// <summary>
/// The figures read by time range (issue 22) are the figures read whole: for every period, what the calculator makes
/// of <see cref="LiteSupportData.LoadAsync"/>'s range equals what it makes of the whole data file.
/// </summary>
public sealed class StatsByRangeTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 9, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = Start.AddDays(90);
    private readonly TempFolder folder = new();

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(30)]
    [InlineData(365)]
    public async Task LoadAsync_PeriodOfDays_SameFiguresAsTheWholeFile(int days)
    {
        using var database = new SupportDatabase(folder.File("bot.db"));
        await WriteNinetyDaysAsync(database, seed: days);
        var data = new LiteSupportData(database);
        var from = Now.AddDays(-days);

        var ranged = SupportStatsCalculator.Compute(await data.LoadAsync(from, Now), from, Now, WorkingCalendar.AlwaysOpen);
        var whole = SupportStatsCalculator.Compute(await data.LoadAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue), from, Now, WorkingCalendar.AlwaysOpen);

        Assert.Equal(SupportStatsReport.Json(whole), SupportStatsReport.Json(ranged));
    }

    [Fact]
    public async Task LoadAsync_ShortPeriod_ReadsOnlyWhatThePeriodNeeds()
    {
        using var database = new SupportDatabase(folder.File("bot.db"));
        await WriteNinetyDaysAsync(database, seed: 3);
        var from = Now.AddDays(-7);

        var loaded = await new LiteSupportData(database).LoadAsync(from, Now);

        Assert.All(loaded.Tickets, t => Assert.True(!t.IsClosed || t.OpenedAt >= from || t.ClosedAt >= from, t.ToString()));
        Assert.All(loaded.Walkthroughs, w => Assert.True(w.StartedAt >= from));
        Assert.All(loaded.Claims, c => Assert.True(c.At >= from));
        Assert.All(loaded.Checks.GroupBy(c => c.MemberId), g => Assert.True(g.Count(c => c.CheckedAt < from) <= 1));
        Assert.True(loaded.TicketsEverStored);
    }

    public void Dispose() => folder.Dispose();

    /// <summary>Ninety days of members checking, some failing into tickets that staff claim and close, and walkthroughs.</summary>
    internal static async Task WriteNinetyDaysAsync(SupportDatabase database, int seed)
    {
        var random = new Random(seed);
        var checks = new LiteCheckHistoryStore(database);
        var store = new LiteTicketStore(database);
        var audit = new LiteAuditLog(database);
        var walkthroughs = new LiteWalkthroughStore(database);
        for (var i = 0; i < 400; i++)
        {
            var member = (ulong)random.Next(1, 60);
            var at = Start.AddMinutes(random.Next(0, 90 * 24 * 60));
            var verdict = (Verdict)random.Next(0, 4);
            await checks.AddAsync(Samples.History(member, at, verdict));
            if (verdict == Verdict.Fail && random.Next(3) == 0 && await store.FindOpenForMemberAsync(member) is null)
            {
                var (ticket, _) = await store.GetOpenOrCreateAsync(member, n => new Ticket(n, member, TicketOrigin.CheckFailed, at, TicketSamples.Card()));
                var claimedAt = at.AddMinutes(random.Next(1, 300));
                var closedAt = claimedAt.AddHours(random.Next(1, 24 * 10));
                ticket = ticket with { State = TicketState.Claimed, ClaimedBy = 7, ClaimedAt = claimedAt, FirstStaffReplyAt = claimedAt.AddMinutes(1) };
                await audit.WriteAsync(new AuditEntry(7, AuditActions.TicketClaimed, member, ticket.Number, "claimed", claimedAt));
                if (closedAt < Now)
                {
                    ticket = ticket with { State = TicketState.Closed, ClosedAt = closedAt, ClosedBy = 7, Outcome = (TicketCloseOutcome)random.Next(0, 6), Rating = random.Next(0, 6) is var r && r > 0 ? r : null };
                }

                await store.UpdateAsync(ticket);
            }
        }

        for (var member = 1UL; member <= 40; member++)
        {
            var startedAt = Start.AddMinutes(random.Next(0, 90 * 24 * 60));
            var progress = Samples.Progress(member) with { Position = GuidePosition.BeforeYouBegin, LastCheck = null, StartedAt = startedAt, UpdatedAt = startedAt };
            await walkthroughs.SaveAsync(progress);
            for (var step = 1; step <= random.Next(0, 8); step++)
            {
                await walkthroughs.SaveAsync(progress with { Position = (GuidePosition)step, UpdatedAt = startedAt.AddMinutes(step) });
            }
        }
    }
}
