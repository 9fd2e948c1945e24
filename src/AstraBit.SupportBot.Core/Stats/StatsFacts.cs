using AstraBit.SupportBot.Core.Audit;
using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Core.KeyChecks;
using AstraBit.SupportBot.Core.Tickets;
using AstraBit.SupportBot.Core.Walkthrough;

namespace AstraBit.SupportBot.Core.Stats;

// The few fields of a check, a walkthrough and a claim that the figures read, as values: a year's figures read 200,000
// checks, 50,000 walkthroughs and 30,000 claims, and as full records (each check with its dictionary of results, each
// walkthrough with a dictionary of marks) building them cost more than computing every figure (docs/data-costs.md).

/// <summary>A key check as the figures count it: who, when, and the verdict.</summary>
public readonly record struct StatsCheck(ulong MemberId, DateTimeOffset CheckedAt, Verdict Verdict)
{
    public static StatsCheck Of(CheckHistoryEntry check)
    {
        ArgumentNullException.ThrowIfNull(check);
        return new StatsCheck(check.UserId, check.CheckedAt, check.Verdict);
    }
}

/// <summary>A staff member's claim of a ticket (from the audit log).</summary>
public readonly record struct StatsClaim(ulong StaffId, DateTimeOffset At)
{
    /// <summary>The claims among <paramref name="entries"/> that name the staff member who claimed.</summary>
    public static IReadOnlyList<StatsClaim> In(IEnumerable<AuditEntry> entries) =>
        [.. entries.Where(e => e.Action == AuditActions.TicketClaimed && e.ActorId is not null).Select(e => new StatsClaim(e.ActorId!.Value, e.At))];
}

/// <summary>A member's walkthrough as the funnel counts it: when they first started, the positions they reached, whether they passed the final check.</summary>
/// <param name="StartedAt">When the member first started; null when the start was never marked.</param>
/// <param name="Reached">One bit per <see cref="GuidePosition"/> reached (bit n is position n).</param>
/// <param name="PassedFinalCheck">The full check at the end passed.</param>
public readonly record struct StatsWalkthrough(DateTimeOffset? StartedAt, uint Reached, bool PassedFinalCheck)
{
    public bool HasReached(GuidePosition position) => (Reached & Bit(position)) != 0;

    public static uint Bit(GuidePosition position) => 1u << (int)position;

    public static StatsWalkthrough Of(WalkthroughMarks marks)
    {
        ArgumentNullException.ThrowIfNull(marks);
        var reached = 0u;
        foreach (var position in marks.Reached.Keys)
        {
            reached |= Bit(position);
        }

        return new StatsWalkthrough(marks.StartedAt, reached, marks.FinalCheckPassedAt is not null);
    }
}

/// <summary>
/// A ticket as the figures read it: its times, state, outcome, rating, staff and the first failing check. A year's
/// figures read 30,000 tickets; as full <see cref="Ticket"/> records (each with its card, timeline and notes) building
/// them from the figures' copy was 70 MB and most of the read's time (docs/data-costs.md). FirstFailingCheck is the id of
/// the first failing check on the ticket's card (null without one).
/// </summary>
public sealed record StatsTicket(
    int Number,
    ulong MemberId,
    DateTimeOffset OpenedAt,
    TicketState State,
    DateTimeOffset? ClosedAt,
    DateTimeOffset? FirstStaffReplyAt,
    int? Rating,
    TicketCloseOutcome? Outcome,
    ulong? ClosedBy,
    ulong? CloseRequestedBy,
    ulong? ClaimedBy,
    string? FirstFailingCheck)
{
    public bool IsClosed => State == TicketState.Closed;

    /// <summary>Who the ticket's rating is credited to, as <see cref="Ticket.ResolvedBy"/>.</summary>
    public ulong? ResolvedBy => ClosedBy ?? CloseRequestedBy ?? ClaimedBy;

    public static StatsTicket Of(Ticket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return new StatsTicket(
            ticket.Number,
            ticket.MemberId,
            ticket.OpenedAt,
            ticket.State,
            ticket.ClosedAt,
            ticket.FirstStaffReplyAt,
            ticket.Rating,
            ticket.Outcome,
            ticket.ClosedBy,
            ticket.CloseRequestedBy,
            ticket.ClaimedBy,
            ticket.Card is { Failing.Count: > 0 } card ? card.Failing[0].Id : null);
    }
}
