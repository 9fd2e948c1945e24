using AstraBit.SupportBot.Core.Audit;
using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Core.KeyChecks;
using AstraBit.SupportBot.Core.Tickets;
using AstraBit.SupportBot.Core.WorkingHours;

namespace AstraBit.SupportBot.Core.Stats;

/// <summary>Computes <see cref="SupportStats"/> from stored data: a pure function, so every figure can be checked against a scripted data set.</summary>
public static class SupportStatsCalculator
{
    private static readonly GuidePosition[] FunnelPositions =
        [GuidePosition.Step1, GuidePosition.Step2, GuidePosition.Step3, GuidePosition.Step4, GuidePosition.Step5, GuidePosition.Step6, GuidePosition.FinalCheck];

    public static SupportStats Compute(SupportStatsData data, DateTimeOffset from, DateTimeOffset to, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(calendar);
        bool In(DateTimeOffset? at) => at is { } value && value >= from && value < to;

        var opened = data.Tickets.Where(t => In(t.OpenedAt)).ToList();
        var closed = data.Tickets.Where(t => t.IsClosed && In(t.ClosedAt)).ToList();

        var open = data.Tickets.Where(t => !t.IsClosed).ToList();
        var ratings = closed.Where(t => t.Rating is not null).Select(t => t.Rating!.Value).ToList();

        return new SupportStats(
            from,
            to,
            !(data.TicketsEverStored ?? data.Tickets.Count > 0) ? null : new OpenTickets(open.Count(t => t.State == TicketState.Open), open.Count(t => t.State == TicketState.Claimed)),
            opened.Count,
            closed.Count,
            Funnel(data, In),
            Checks(data, In, to),
            ByFirstFailingCheck(opened),
            SelfService(data, In, to),
            closed.Count == 0 ? null : TicketCloseOutcomes.All.ToDictionary(o => o, o => closed.Count(t => t.Outcome == o)),
            Median(opened.Where(t => t.FirstStaffReplyAt is not null).Select(t => calendar.WorkingTimeBetween(t.OpenedAt, t.FirstStaffReplyAt!.Value))),
            Median(closed.Select(t => calendar.WorkingTimeBetween(t.OpenedAt, t.ClosedAt!.Value))),
            ratings.Count == 0 ? null : new RatingFigures(ratings.Average(), ratings.Count),
            Staff(data, closed, In),
            !calendar.IsAlwaysOpen);
    }

    /// <summary>The middle value, or the mean of the two middle values; null for none.</summary>
    public static TimeSpan? Median(IEnumerable<TimeSpan> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return null;
        }

        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1
            ? sorted[middle]
            : TimeSpan.FromTicks((sorted[middle - 1].Ticks + sorted[middle].Ticks) / 2);
    }

    private static WalkthroughFunnel? Funnel(SupportStatsData data, Func<DateTimeOffset?, bool> inPeriod)
    {
        var cohort = data.Walkthroughs.Where(w => inPeriod(w.StartedAt)).ToList();
        if (cohort.Count == 0)
        {
            return null;
        }

        return new WalkthroughFunnel(
            cohort.Count,
            FunnelPositions.Select(p => (p, cohort.Count(w => w.Reached.ContainsKey(p) || (p == GuidePosition.FinalCheck && w.Reached.ContainsKey(GuidePosition.Done))))).ToList(),
            cohort.Count(w => w.FinalCheckPassedAt is not null));
    }

    private static CheckFigures? Checks(SupportStatsData data, Func<DateTimeOffset?, bool> inPeriod, DateTimeOffset to)
    {
        var run = data.Checks.Count(c => inPeriod(c.CheckedAt));
        if (run == 0)
        {
            return null;
        }

        int first = 0, afterFix = 0, notYet = 0;
        foreach (var member in data.Checks.Where(c => c.Verdict != Verdict.Error && c.CheckedAt < to).GroupBy(c => c.UserId))
        {
            var ordered = member.OrderBy(c => c.CheckedAt).ToList();
            if (!inPeriod(ordered[0].CheckedAt))
            {
                continue;
            }

            if (Passed(ordered[0]))
            {
                first++;
            }
            else if (ordered.Skip(1).Any(Passed))
            {
                afterFix++;
            }
            else
            {
                notYet++;
            }
        }

        return new CheckFigures(run, first + afterFix + notYet, first, afterFix, notYet);
    }

    private static List<CheckCount>? ByFirstFailingCheck(List<Ticket> opened)
    {
        if (opened.Count == 0)
        {
            return null;
        }

        return opened
            .Where(t => t.Card is { Failing.Count: > 0 })
            .GroupBy(t => t.Card!.Failing[0].Id, StringComparer.Ordinal)
            .Select(g => new CheckCount(g.Key, g.Count()))
            .OrderByDescending(c => c.Tickets)
            .ThenBy(c => c.CheckId, StringComparer.Ordinal)
            .ToList();
    }

    private static SelfServiceFigures? SelfService(SupportStatsData data, Func<DateTimeOffset?, bool> inPeriod, DateTimeOffset to)
    {
        var members = new HashSet<ulong>();
        var served = new HashSet<ulong>();

        // Each member's tickets looked up once: asking every ticket for every member was quadratic (a year's 30,000
        // tickets against its members took 90 s; docs/data-costs.md).
        var ticketsOf = data.Tickets.ToLookup(t => t.MemberId);
        foreach (var member in data.Checks.Where(c => c.CheckedAt < to).GroupBy(c => c.UserId))
        {
            var firstFailure = member.Where(c => c.Verdict == Verdict.Fail && inPeriod(c.CheckedAt)).OrderBy(c => c.CheckedAt).FirstOrDefault();
            if (firstFailure is null)
            {
                continue;
            }

            members.Add(member.Key);
            var pass = member.Where(c => c.CheckedAt > firstFailure.CheckedAt && Passed(c)).OrderBy(c => c.CheckedAt).FirstOrDefault();
            if (pass is not null && !ticketsOf[member.Key].Any(t => t.OpenedAt >= firstFailure.CheckedAt && t.OpenedAt <= pass.CheckedAt))
            {
                served.Add(member.Key);
            }
        }

        foreach (var ticket in data.Tickets.Where(t => t.Outcome == TicketCloseOutcome.ResolvedVerified && inPeriod(t.ClosedAt) && t.FirstStaffReplyAt is null))
        {
            members.Add(ticket.MemberId);
            served.Add(ticket.MemberId);
        }

        return members.Count == 0 ? null : new SelfServiceFigures(members.Count, served.Count);
    }

    private static List<StaffFigures>? Staff(SupportStatsData data, List<Ticket> closed, Func<DateTimeOffset?, bool> inPeriod)
    {
        var claims = data.Audit.Where(e => e.Action == AuditActions.TicketClaimed && e.ActorId is not null && inPeriod(e.At)).ToList();
        var ids = claims.Select(e => e.ActorId!.Value)
            .Concat(closed.Select(t => t.ClosedBy ?? t.CloseRequestedBy).OfType<ulong>())
            .Concat(closed.Where(t => t.Rating is not null).Select(t => t.ResolvedBy).OfType<ulong>())
            .Distinct()
            .Order()
            .ToList();
        if (ids.Count == 0)
        {
            return null;
        }

        return ids.Select(id =>
        {
            var ratings = closed.Where(t => t.Rating is not null && t.ResolvedBy == id).Select(t => t.Rating!.Value).ToList();
            return new StaffFigures(
                id,
                claims.Count(e => e.ActorId == id),
                closed.Count(t => (t.ClosedBy ?? t.CloseRequestedBy) == id),
                ratings.Count == 0 ? null : ratings.Average(),
                ratings.Count);
        }).ToList();
    }

    private static bool Passed(CheckHistoryEntry check) => check.Verdict is Verdict.Pass or Verdict.Warn;
}
