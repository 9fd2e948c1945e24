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

    /// <summary>Deletes every stored check of the member; returns how many.</summary>
    Task<int> DeleteChecksAsync(ulong memberId, CancellationToken cancellationToken = default);
}
