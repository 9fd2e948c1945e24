using AstraBit.SupportBot.Core.Walkthrough;

namespace AstraBit.SupportBot.Bot.Walkthrough;

/// <summary>
/// What "I'm stuck" does with the member's context (a ticket: TicketStuckEscalation), kept behind one seam so
/// the walkthrough knows nothing of tickets.
/// </summary>
public interface IStuckEscalation
{
    /// <summary>Hands the member over to a human; returns what to tell the member. Throws when nobody could be told.</summary>
    Task<string> EscalateAsync(StuckContext context, CancellationToken cancellationToken);
}
