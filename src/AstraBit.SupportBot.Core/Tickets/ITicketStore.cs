namespace AstraBit.SupportBot.Core.Tickets;

/// <summary>Where tickets live. Failures throw: an outage must never look like "no tickets".</summary>
public interface ITicketStore
{
    /// <summary>
    /// The member's open (or claimed) ticket if there is one; otherwise allocates the next number (never reused,
    /// also across restarts), builds the ticket with <paramref name="create"/> and stores it, atomically.
    /// </summary>
    Task<(Ticket Ticket, bool Created)> GetOpenOrCreateAsync(ulong memberId, Func<int, Ticket> create, CancellationToken cancellationToken = default);

    /// <summary>Replaces a stored ticket; throws when there is no ticket with that number.</summary>
    Task UpdateAsync(Ticket ticket, CancellationToken cancellationToken = default);

    Task<Ticket?> GetAsync(int number, CancellationToken cancellationToken = default);

    Task<Ticket?> FindByThreadAsync(ulong threadId, CancellationToken cancellationToken = default);

    /// <summary>The member's open or claimed ticket.</summary>
    Task<Ticket?> FindOpenForMemberAsync(ulong memberId, CancellationToken cancellationToken = default);

    /// <summary>Every open or claimed ticket, in number order.</summary>
    Task<IReadOnlyList<Ticket>> ListOpenAsync(CancellationToken cancellationToken = default);

    /// <summary>Closed tickets whose close still has Discord steps to do (<see cref="Ticket.IsClosing"/>), in number order.</summary>
    Task<IReadOnlyList<Ticket>> ListClosingAsync(CancellationToken cancellationToken = default);

    /// <summary>Tickets opened or closed at or after <paramref name="since"/>, in number order.</summary>
    Task<IReadOnlyList<Ticket>> ListActiveSinceAsync(DateTimeOffset since, CancellationToken cancellationToken = default);

    /// <summary>
    /// Erases the member's details (diagnostic cards, later checks, staff notes) from every closed ticket of theirs at
    /// once, keeping each one's number, times, outcome, rating and staff ids, and marking it erased at <paramref name="at"/>
    /// (an earlier mark stays). Open tickets stay whole. Returns how many closed tickets it went through and the open ones.
    /// </summary>
    Task<(int ClosedErased, IReadOnlyList<int> OpenKept)> EraseClosedTicketDetailsAsync(ulong memberId, DateTimeOffset at, CancellationToken cancellationToken = default);
}
