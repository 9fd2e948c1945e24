using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Tickets;

namespace AstraBit.SupportBot.Bot;

/// <summary>
/// The Discord side of tickets that other flows call into: a failed check, "I'm stuck", /ticket open and a
/// moderator's request all end up here. It keeps PRODUCT §6's rule of one open ticket per member.
/// </summary>
public interface ITicketDesk
{
    /// <summary>
    /// Opens the member's ticket (private thread in the support channel with the member added, the card first,
    /// a notice with Join and Claim in the staff channel) or, when one is open, posts the card into it.
    /// </summary>
    Task<Ticket> OpenOrAppendAsync(ulong memberId, TicketOrigin origin, TicketCard? card, ulong? requestedBy, CancellationToken cancellationToken);

    /// <summary>Posts a check result into the member's open ticket; false when the member has none open.</summary>
    Task<bool> PostCheckAsync(ulong memberId, DiagnosticReport report, string regionKey, CancellationToken cancellationToken);
}
