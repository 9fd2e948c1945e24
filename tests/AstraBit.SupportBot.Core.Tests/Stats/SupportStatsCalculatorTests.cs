using AstraBit.SupportBot.Core.Audit;
using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Core.KeyChecks;
using AstraBit.SupportBot.Core.Stats;
using AstraBit.SupportBot.Core.Tests.Guide;
using AstraBit.SupportBot.Core.Tests.Tickets;
using AstraBit.SupportBot.Core.Tests.WorkingHours;
using AstraBit.SupportBot.Core.Tickets;
using AstraBit.SupportBot.Core.WorkingHours;

namespace AstraBit.SupportBot.Core.Tests.Stats;

public sealed class SupportStatsCalculatorTests
{
    // Friday 2026-11-27; staff work Monday–Thursday 09:00–18:00 and Friday 09:00–17:00 (London, UTC in winter).
    private static readonly DateTimeOffset FridayHalfFour = new(2026, 11, 27, 16, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset MondayNine = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset From = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Compute_WithWorkingHours_MediansCountOnlyWorkingTime()
    {
        var ticket = new Ticket(1, 7, TicketOrigin.CheckFailed, FridayHalfFour, TicketHarness.Card())
        {
            State = TicketState.Closed,
            FirstStaffReplyAt = MondayNine.AddMinutes(30),
            ClosedAt = MondayNine.AddHours(2),
            ClosedBy = 900,
            Outcome = TicketCloseOutcome.ClosedByStaff,
        };
        var data = new SupportStatsData([StatsTicket.Of(ticket)], [], [], []);

        var working = SupportStatsCalculator.Compute(data, From, To, WorkingCalendar.From(WorkingCalendarTests.OfficeHours()));
        var wall = SupportStatsCalculator.Compute(data, From, To, WorkingCalendar.AlwaysOpen);

        Assert.Equal((TimeSpan.FromHours(1), TimeSpan.FromHours(2.5)), (working.MedianFirstResponse, working.MedianResolution));
        Assert.True(working.WorkingTimeOnly);
        Assert.Equal(MondayNine.AddMinutes(30) - FridayHalfFour, wall.MedianFirstResponse);
    }

    [Fact]
    public void Compute_NothingStored_EveryFigureIsNone()
    {
        var stats = SupportStatsCalculator.Compute(new SupportStatsData([], [], [], []), From, To, WorkingCalendar.AlwaysOpen);

        Assert.Equal(
            (null, null, null, null, null, null, null, null, null, null),
            (stats.OpenNow, stats.Funnel, stats.Checks, stats.TicketsByFirstFailingCheck, stats.SelfService, stats.Outcomes, stats.MedianFirstResponse, stats.MedianResolution, stats.Ratings, stats.Staff));
        Assert.Equal(30, stats.Days);
        Assert.DoesNotContain(" 0\n", SupportStatsReport.Text(stats, ShippedGuide.English), StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_ChecksThatCouldNotRun_DoNotDecideFirstTimePass()
    {
        var checks = new List<CheckHistoryEntry>
        {
            Check(1, From.AddDays(1), Verdict.Error),
            Check(1, From.AddDays(2), Verdict.Pass),
            Check(2, From.AddDays(1), Verdict.Error),
        };

        var stats = SupportStatsCalculator.Compute(new SupportStatsData([], [.. checks.Select(StatsCheck.Of)], [], []), From, To, WorkingCalendar.AlwaysOpen);

        Assert.Equal(new CheckFigures(3, 1, 1, 0, 0), stats.Checks);
        Assert.Null(stats.SelfService);
    }

    [Fact]
    public void Compute_StaffClaims_ComeFromTheAuditLogInThePeriod()
    {
        var audit = new List<AuditEntry>
        {
            new(900, AuditActions.TicketClaimed, 7, 1, "claimed #0001", From.AddDays(1)),
            new(900, AuditActions.TicketUnclaimed, 7, 1, "unclaimed #0001", From.AddDays(1)),
            new(901, AuditActions.TicketClaimed, 7, 1, "claimed #0001", From.AddDays(2)),
            new(902, AuditActions.TicketClaimed, 8, 2, "claimed #0002", From.AddDays(-1)),
        };

        var stats = SupportStatsCalculator.Compute(new SupportStatsData([], [], [], StatsClaim.In(audit)), From, To, WorkingCalendar.AlwaysOpen);

        Assert.Equal([new StaffFigures(900, 1, 0, null, 0), new StaffFigures(901, 1, 0, null, 0)], stats.Staff);
        Assert.Contains("claimed 1, closed 0, average rating none", SupportStatsReport.Text(stats, ShippedGuide.English), StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_AYearsMembersAndTickets_SelfServiceCountedWithoutAskingEveryTicketForEveryMember()
    {
        // 60,000 members each fail and then pass; every other one had a ticket opened between the two. Each member's
        // tickets are looked up once: asking all 30,000 tickets (a year's) for each member took 90 s on a year's data.
        var checks = new List<CheckHistoryEntry>();
        var tickets = new List<Ticket>();
        for (var member = 1UL; member <= 60_000; member++)
        {
            var failedAt = From.AddMinutes((double)member / 2);
            checks.Add(Check(member, failedAt, Verdict.Fail));
            checks.Add(Check(member, failedAt.AddHours(1), Verdict.Pass));
            if (member % 2 == 0)
            {
                tickets.Add(new Ticket((int)member, member, TicketOrigin.CheckFailed, failedAt.AddMinutes(1), TicketHarness.Card()));
            }
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var stats = SupportStatsCalculator.Compute(new SupportStatsData([.. tickets.Select(StatsTicket.Of)], [.. checks.Select(StatsCheck.Of)], [], []), From, To, WorkingCalendar.AlwaysOpen);

        Assert.Equal(new SelfServiceFigures(60_000, 30_000), stats.SelfService);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Compute_Funnel_CountsEachPositionOfTheWalkthroughsStartedInThePeriod()
    {
        static StatsWalkthrough Walkthrough(DateTimeOffset? started, bool passed, params GuidePosition[] reached) =>
            new(started, reached.Aggregate(0u, (bits, p) => bits | StatsWalkthrough.Bit(p)), passed);
        var walkthroughs = new List<StatsWalkthrough>
        {
            Walkthrough(From.AddDays(1), true, GuidePosition.BeforeYouBegin, GuidePosition.Step1, GuidePosition.Step2, GuidePosition.FinalCheck),
            // Done without a final check mark counts as having reached the final check.
            Walkthrough(From.AddDays(2), false, GuidePosition.BeforeYouBegin, GuidePosition.Step1, GuidePosition.Step2, GuidePosition.Step3, GuidePosition.Step4, GuidePosition.Step5, GuidePosition.Step6, GuidePosition.Done),
            Walkthrough(From.AddDays(3), false, GuidePosition.BeforeYouBegin),
            Walkthrough(From.AddDays(-1), true, GuidePosition.BeforeYouBegin, GuidePosition.Step1, GuidePosition.FinalCheck),
            Walkthrough(null, false, GuidePosition.Step1),
        };

        var funnel = SupportStatsCalculator.Compute(new SupportStatsData([], [], walkthroughs, []), From, To, WorkingCalendar.AlwaysOpen).Funnel;

        Assert.NotNull(funnel);
        Assert.Equal((3, 1), (funnel.Started, funnel.PassedFinalCheck));
        Assert.Equal(
            [(GuidePosition.Step1, 2), (GuidePosition.Step2, 2), (GuidePosition.Step3, 1), (GuidePosition.Step4, 1), (GuidePosition.Step5, 1), (GuidePosition.Step6, 1), (GuidePosition.FinalCheck, 2)],
            funnel.Reached);
    }

    [Fact]
    public void Compute_SelfService_ATicketBetweenTheFailureAndThePassMeansAHumanWasAsked()
    {
        var checks = new List<CheckHistoryEntry>
        {
            // 1: fails, a ticket opens at the very moment of the pass: asked.
            Check(1, From.AddDays(1), Verdict.Fail),
            Check(1, From.AddDays(2), Verdict.Pass),
            // 2: fails, passes; its ticket opened before the failure: self-served.
            Check(2, From.AddDays(1), Verdict.Fail),
            Check(2, From.AddDays(1).AddHours(1), Verdict.Warn),
            // 3: fails, never passes: not self-served.
            Check(3, From.AddDays(1), Verdict.Fail),
            // 4: fails, a ticket in between, passes later: asked.
            Check(4, From.AddDays(3), Verdict.Fail),
            Check(4, From.AddDays(5), Verdict.Pass),
        };
        var tickets = new List<StatsTicket>
        {
            new(1, 1, From.AddDays(2), TicketState.Open, null, null, null, null, null, null, null, null),
            new(2, 2, From.AddHours(1), TicketState.Open, null, null, null, null, null, null, null, null),
            new(3, 4, From.AddDays(4), TicketState.Open, null, null, null, null, null, null, null, null),
        };

        var stats = SupportStatsCalculator.Compute(new SupportStatsData(tickets, [.. checks.Select(StatsCheck.Of)], [], []), From, To, WorkingCalendar.AlwaysOpen);

        Assert.Equal(new SelfServiceFigures(4, 1), stats.SelfService);
    }

    private static CheckHistoryEntry Check(ulong member, DateTimeOffset at, Verdict verdict) =>
        new(member, at, verdict, new Dictionary<string, CheckStatus>(), "…Xy12", null, "https://api.bybit.com");
}
