using AstraBit.SupportBot.Core.KeyChecks;
using AstraBit.SupportBot.Core.Tickets;

namespace AstraBit.SupportBot.Bot;

/// <summary>
/// What other flows call to reach tickets: a check's result (<see cref="KeyCheckTicketDecision"/>), "I'm stuck" and
/// /ticket open all end up here. It keeps PRODUCT §6's rule of one open ticket per member.
/// </summary>
public interface ITicketDesk
{
    /// <summary>
    /// Opens the member's ticket (private thread in the support channel with the member added, the card first,
    /// a notice with Join and Claim in the staff channel) or, when one is open, posts the card into it.
    /// </summary>
    Task<Ticket> OpenOrAppendAsync(ulong memberId, TicketOrigin origin, TicketCard? card, ulong? requestedBy, CancellationToken cancellationToken);

    /// <summary>Carries out what Core decided for a completed check's ticket: open or add to it, post into it, or tell the staff channel.</summary>
    Task<CheckTicketOutcome> TakeCheckAsync(ulong memberId, KeyCheckResult.Completed check, CancellationToken cancellationToken);
}

/// <summary>Where a check's result went for staff.</summary>
/// <param name="Ticket">The ticket it went into; null when it went into none (none open, or the staff channel instead).</param>
/// <param name="Posted">Whether it reached a ticket.</param>
/// <param name="Failed">Whether Discord or the store failed on the way, so staff may not have it.</param>
public sealed record CheckTicketOutcome(Ticket? Ticket, bool Posted, bool Failed = false)
{
}
