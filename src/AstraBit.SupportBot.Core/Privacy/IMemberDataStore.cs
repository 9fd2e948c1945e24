using AstraBit.SupportBot.Core.KeyChecks;
using AstraBit.SupportBot.Core.Tickets;
using AstraBit.SupportBot.Core.Walkthrough;

namespace AstraBit.SupportBot.Core.Privacy;

/// <summary>What the data file holds about one member, for history, export and deletion. Failures throw.</summary>
public interface IMemberDataStore
{
    /// <summary>Every ticket of the member, newest first.</summary>
    Task<IReadOnlyList<Ticket>> TicketsForMemberAsync(ulong memberId, CancellationToken cancellationToken = default);

    /// <summary>Every stored check of the member, newest first.</summary>
    Task<IReadOnlyList<CheckHistoryEntry>> ChecksForMemberAsync(ulong memberId, CancellationToken cancellationToken = default);

    /// <summary>The member's walkthrough funnel marks; null when none.</summary>
    Task<WalkthroughMarks?> MarksForMemberAsync(ulong memberId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Erases the member's details (diagnostic cards, later checks, staff notes) from every closed ticket of theirs at
    /// once, keeping each one's number, times, outcome, rating and staff ids, and marking it erased at <paramref name="at"/>
    /// (an earlier mark stays). Open tickets stay whole. Returns how many closed tickets it went through and the open ones.
    /// </summary>
    Task<(int ClosedErased, IReadOnlyList<int> OpenKept)> EraseClosedTicketDetailsAsync(ulong memberId, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Deletes every stored check of the member; returns how many.</summary>
    Task<int> DeleteChecksAsync(ulong memberId, CancellationToken cancellationToken = default);
}
