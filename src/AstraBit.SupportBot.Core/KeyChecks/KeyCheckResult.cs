using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Tickets;

namespace AstraBit.SupportBot.Core.KeyChecks;

/// <summary>One key check to run for a member.</summary>
/// <param name="MemberId">Whose key: the cooldown, history, key memory and ticket are theirs.</param>
/// <param name="Origin">Where the check came from.</param>
/// <param name="Credentials">The key the member just entered; null to use the one remembered for them (Diagnostics:KeyMemory).</param>
/// <param name="Site">The member's Bybit site ("mainnet", "eu", "testnet", …) as they chose it in the walkthrough; null when they never chose one (bybit.com).</param>
/// <param name="StoppedAt">Where in the walkthrough the member is, for a ticket's card ("Part 2 of 3 · Step 5 of 6: …"); null when they never started it.</param>
/// <param name="Locale">The member's Discord locale: the report's explanations and fixes are written in it.</param>
/// <param name="CardLocale">The language of a ticket's card (Support:StaffLocale): a failed check's card words its checks in it; null keeps the member's.</param>
public sealed record KeyCheckRequest(ulong MemberId, KeyCheckOrigin Origin, Credentials? Credentials, string? Site, string? StoppedAt, string? Locale = null, string? CardLocale = null);

/// <summary>What happens to a ticket after a completed check. Core decides; the host's ticket desk carries it out.</summary>
public enum KeyCheckTicketAction
{
    /// <summary>Nothing goes to a ticket.</summary>
    None,

    /// <summary>A failed check: opens the member's ticket, or adds the card to the open one (PRODUCT §6).</summary>
    OpenOrAppend,

    /// <summary>The result goes into the member's open ticket (a re-check from inside it).</summary>
    PostIntoOpenTicket,

    /// <summary>A moderator asked and the check didn't fail: into the open ticket, or the staff channel without one.</summary>
    PostIntoOpenTicketOrStaffChannel,
}

/// <param name="Action">What to do.</param>
/// <param name="Card">The card for <see cref="KeyCheckTicketAction.OpenOrAppend"/>; null otherwise.</param>
/// <param name="RequestedBy">The moderator who asked for the check, when one did.</param>
public sealed record KeyCheckTicketDecision(KeyCheckTicketAction Action, TicketCard? Card, ulong? RequestedBy)
{
    public static KeyCheckTicketDecision None { get; } = new(KeyCheckTicketAction.None, null, null);

    /// <summary>
    /// For <see cref="KeyCheckTicketAction.OpenOrAppend"/>: the ticket work written durably with the check's history,
    /// which the desk completes (or the outbox after a restart); null before it is recorded.
    /// </summary>
    public PendingTicket? Pending { get; init; }
}

/// <summary>What came of a key check.</summary>
public abstract record KeyCheckResult
{
    private KeyCheckResult()
    {
    }

    /// <summary>
    /// The check ran; the report says how it went (including "could not run"). KeyKeptFor is how long the typed key is
    /// now remembered for "Check it now" (null when it isn't); Ticket is what the result means for the member's ticket.
    /// </summary>
    public sealed record Completed(DiagnosticReport Report, string RegionKey, TimeSpan? KeyKeptFor, KeyCheckTicketDecision Ticket) : KeyCheckResult;

    /// <summary>The check did not run (cooldown, Bybit budget, unknown site); the message is for the member, in words.</summary>
    public sealed record Refused(string Message, TimeSpan RetryAfter) : KeyCheckResult;

    /// <summary>The remembered key was asked for, but none is remembered (expired, forgotten or never kept).</summary>
    public sealed record KeyNotRemembered : KeyCheckResult;
}
