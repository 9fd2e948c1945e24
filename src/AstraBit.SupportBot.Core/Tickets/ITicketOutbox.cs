using AstraBit.SupportBot.Core.KeyChecks;

namespace AstraBit.SupportBot.Core.Tickets;

/// <summary>
/// A failed check's promise of a ticket: open the member's ticket with <paramref name="Card"/>, or add it to the open
/// one. Written in the same step as the check's history entry and kept until the ticket is built, so a crash between
/// "check failed" and "ticket built" can't lose it.
/// </summary>
/// <param name="Id">Assigned by the outbox; 0 before it is recorded.</param>
/// <param name="MemberId">Whose ticket.</param>
/// <param name="Origin">What opens it (a failed check, or a moderator's request that failed).</param>
/// <param name="Card">The diagnosis for the ticket.</param>
/// <param name="RequestedBy">The moderator who asked for the check, when one did.</param>
public sealed record PendingTicket(long Id, ulong MemberId, TicketOrigin Origin, TicketCard Card, ulong? RequestedBy);

/// <summary>
/// Ticket work that must survive a crash (an outbox). Failures throw: a promise that could not be written must not
/// look written.
/// </summary>
public interface ITicketOutbox
{
    /// <summary>
    /// Stores the check's history entry and, when <paramref name="work"/> is given, the pending ticket work, in one
    /// durable write: either both are on disk when this returns, or neither. Returns the work with its id.
    /// </summary>
    Task<PendingTicket?> RecordCheckAsync(CheckHistoryEntry entry, PendingTicket? work, CancellationToken cancellationToken = default);

    /// <summary>Every pending piece of work, oldest first.</summary>
    Task<IReadOnlyList<PendingTicket>> PendingAsync(CancellationToken cancellationToken = default);

    /// <summary>Whether the work is still pending (not completed by someone else meanwhile).</summary>
    Task<bool> IsPendingAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>The ticket is built: the work is done and leaves the outbox. Completing it twice is harmless.</summary>
    Task CompleteAsync(long id, CancellationToken cancellationToken = default);
}
