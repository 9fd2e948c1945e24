using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Guide;
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
        // One pass over the walkthroughs (a year's 50,000), counting every position at once.
        var reached = new int[FunnelPositions.Length];
        int started = 0, passed = 0;
        foreach (var walkthrough in data.Walkthroughs)
        {
            if (!inPeriod(walkthrough.StartedAt))
            {
                continue;
            }

            started++;
            passed += walkthrough.PassedFinalCheck ? 1 : 0;
            for (var i = 0; i < FunnelPositions.Length; i++)
            {
                var position = FunnelPositions[i];
                if (walkthrough.HasReached(position) || (position == GuidePosition.FinalCheck && walkthrough.HasReached(GuidePosition.Done)))
                {
                    reached[i]++;
                }
            }
        }

        return started == 0 ? null : new WalkthroughFunnel(started, FunnelPositions.Select((p, i) => (p, reached[i])).ToList(), passed);
    }

    private static CheckFigures? Checks(SupportStatsData data, Func<DateTimeOffset?, bool> inPeriod, DateTimeOffset to)
    {
        var run = 0;
        foreach (var check in data.Checks)
        {
            if (inPeriod(check.CheckedAt))
            {
                run++;
            }
        }

        if (run == 0)
        {
            return null;
        }

        // One pass, one entry per member (a year's 200,000 checks grouped and sorted per member took most of a second):
        // the member's first check that could run (the earliest; among equal times the first given) and whether any
        // passed. A first check that failed and any passed check means a later one passed.
        var members = new Dictionary<ulong, FirstCheck>();
        foreach (var check in data.Checks)
        {
            if (check.Verdict == Verdict.Error || check.CheckedAt >= to)
            {
                continue;
            }

            var at = check.CheckedAt.UtcTicks;
            var passed = Passed(check);
            if (members.TryGetValue(check.MemberId, out var known))
            {
                members[check.MemberId] = at < known.At ? new FirstCheck(at, passed, known.AnyPassed || passed) : known with { AnyPassed = known.AnyPassed || passed };
            }
            else
            {
                members[check.MemberId] = new FirstCheck(at, passed, passed);
            }
        }

        int first = 0, afterFix = 0, notYet = 0;
        foreach (var member in members.Values)
        {
            if (!inPeriod(new DateTimeOffset(member.At, TimeSpan.Zero)))
            {
                continue;
            }

            if (member.Passed)
            {
                first++;
            }
            else if (member.AnyPassed)
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

    private static List<CheckCount>? ByFirstFailingCheck(List<StatsTicket> opened)
    {
        if (opened.Count == 0)
        {
            return null;
        }

        return opened
            .Where(t => t.FirstFailingCheck is not null)
            .GroupBy(t => t.FirstFailingCheck!, StringComparer.Ordinal)
            .Select(g => new CheckCount(g.Key, g.Count()))
            .OrderByDescending(c => c.Tickets)
            .ThenBy(c => c.CheckId, StringComparer.Ordinal)
            .ToList();
    }

    private static SelfServiceFigures? SelfService(SupportStatsData data, Func<DateTimeOffset?, bool> inPeriod, DateTimeOffset to)
    {
        // Two passes over the checks, one entry per member: each member's first failing check in the period, then the
        // first passing check after it (only their times count, so among equal times any will do).
        var firstFailure = new Dictionary<ulong, long>();
        foreach (var check in data.Checks)
        {
            if (check.Verdict == Verdict.Fail && check.CheckedAt < to && inPeriod(check.CheckedAt))
            {
                var at = check.CheckedAt.UtcTicks;
                if (!firstFailure.TryGetValue(check.MemberId, out var known) || at < known)
                {
                    firstFailure[check.MemberId] = at;
                }
            }
        }

        var firstPass = new Dictionary<ulong, long>();
        foreach (var check in data.Checks)
        {
            if (check.CheckedAt < to && Passed(check) && firstFailure.TryGetValue(check.MemberId, out var failed))
            {
                var at = check.CheckedAt.UtcTicks;
                if (at > failed && (!firstPass.TryGetValue(check.MemberId, out var known) || at < known))
                {
                    firstPass[check.MemberId] = at;
                }
            }
        }

        var members = new HashSet<ulong>(firstFailure.Keys);

        // One pass over the tickets: a ticket opened between a member's failing check and their pass means a human was
        // asked. Asking every ticket for every member was quadratic (a year's 30,000 tickets against its members took
        // 90 s; docs/data-costs.md), and grouping every ticket by member first cost more than the rest of the figure.
        var asked = new HashSet<ulong>();
        foreach (var ticket in data.Tickets)
        {
            if (firstPass.TryGetValue(ticket.MemberId, out var pass) && ticket.OpenedAt.UtcTicks >= firstFailure[ticket.MemberId] && ticket.OpenedAt.UtcTicks <= pass)
            {
                asked.Add(ticket.MemberId);
            }
        }

        var served = new HashSet<ulong>();
        foreach (var member in firstPass.Keys)
        {
            if (!asked.Contains(member))
            {
                served.Add(member);
            }
        }

        foreach (var ticket in data.Tickets.Where(t => t.Outcome == TicketCloseOutcome.ResolvedVerified && inPeriod(t.ClosedAt) && t.FirstStaffReplyAt is null))
        {
            members.Add(ticket.MemberId);
            served.Add(ticket.MemberId);
        }

        return members.Count == 0 ? null : new SelfServiceFigures(members.Count, served.Count);
    }

    private static List<StaffFigures>? Staff(SupportStatsData data, List<StatsTicket> closed, Func<DateTimeOffset?, bool> inPeriod)
    {
        // One pass over the claims and one over the closed tickets, tallied per staff member.
        var staff = new SortedDictionary<ulong, StaffTally>();
        StaffTally Of(ulong id) => staff.TryGetValue(id, out var tally) ? tally : staff[id] = new StaffTally();
        foreach (var claim in data.Claims)
        {
            if (inPeriod(claim.At))
            {
                Of(claim.StaffId).Claimed++;
            }
        }

        foreach (var ticket in closed)
        {
            if ((ticket.ClosedBy ?? ticket.CloseRequestedBy) is { } closer)
            {
                Of(closer).Closed++;
            }

            if (ticket.Rating is { } rating && ticket.ResolvedBy is { } resolver)
            {
                var tally = Of(resolver);
                tally.Ratings++;
                tally.RatingSum += rating;
            }
        }

        if (staff.Count == 0)
        {
            return null;
        }

        return staff.Select(s => new StaffFigures(s.Key, s.Value.Claimed, s.Value.Closed, s.Value.Ratings == 0 ? null : (double)s.Value.RatingSum / s.Value.Ratings, s.Value.Ratings)).ToList();
    }

    private static bool Passed(StatsCheck check) => check.Verdict is Verdict.Pass or Verdict.Warn;

    /// <summary>A member's first check that could run (UTC ticks), whether it passed, and whether any of their checks passed.</summary>
    private readonly record struct FirstCheck(long At, bool Passed, bool AnyPassed);

    private sealed class StaffTally
    {
        public int Claimed { get; set; }

        public int Closed { get; set; }

        public int Ratings { get; set; }

        public long RatingSum { get; set; }
    }
}
