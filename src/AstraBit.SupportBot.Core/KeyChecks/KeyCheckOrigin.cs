using AstraBit.SupportBot.Core.Guide;

namespace AstraBit.SupportBot.Core.KeyChecks;

/// <summary>
/// Where a member's key check came from. Everything else about a check (limits, history, key memory, the ticket rule)
/// is the same for every origin; the origin only decides what the result is attached to. A new way into the check is
/// a new case here plus its answer in the host (Bot/KeyChecks).
/// </summary>
public abstract record KeyCheckOrigin
{
    private KeyCheckOrigin()
    {
    }

    /// <summary>`/diagnose`.</summary>
    public sealed record Command : KeyCheckOrigin;

    /// <summary>The walkthrough's "Check it now" at a step or the final check.</summary>
    public sealed record WalkthroughStep(GuidePosition Position) : KeyCheckOrigin;

    /// <summary>"Run the check again" inside the member's ticket: the result goes into that ticket, whatever it says.</summary>
    public sealed record InTicket(int TicketNumber) : KeyCheckOrigin;

    /// <summary>A moderator's request (PRODUCT §3); <paramref name="ModeratorId"/> is null when no request is pending any more.</summary>
    public sealed record ModeratorRequest(ulong? ModeratorId) : KeyCheckOrigin;

    /// <summary>A "Check my API key" button on a support panel or under a bot reply.</summary>
    public sealed record Panel : KeyCheckOrigin;
}
