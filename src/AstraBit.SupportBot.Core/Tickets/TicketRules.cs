namespace AstraBit.SupportBot.Core.Tickets;

/// <summary>What a staff member's "Close" (the button, or `/ticket close`) does to a ticket.</summary>
public enum StaffCloseStep
{
    /// <summary>A ticket from a failed check, not yet asked: the member is asked "Is it fixed?" instead of closing.</summary>
    AskTheMember,

    /// <summary>No reason given: staff are asked for one (the close form).</summary>
    AskForReason,

    /// <summary>Close now, as closed by staff, with the reason given.</summary>
    Close,
}

/// <summary>
/// The ticket's rules that do not change it, in one place with no Discord in them: who may answer the member's
/// questions, what staff "Close" does, which close steps a close starts with. The changes themselves are decided in
/// <see cref="TicketService"/>; every entry point (button, command, timer) asks here instead of deciding for itself.
/// </summary>
public static class TicketRules
{
    /// <summary>
    /// Staff "Close": a ticket from a failed check asks the member first (unless forced, or already asked); otherwise a
    /// reason is needed before it closes.
    /// </summary>
    public static StaffCloseStep StaffClose(Ticket ticket, bool force, string? reason)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        if (!force && ticket.ClosesWithConfirmation && !ticket.AwaitingConfirmation && !ticket.IsClosed)
        {
            return StaffCloseStep.AskTheMember;
        }

        return string.IsNullOrWhiteSpace(reason) ? StaffCloseStep.AskForReason : StaffCloseStep.Close;
    }

    /// <summary>
    /// Only the member the ticket is for answers "Is it fixed?", runs the check in it and rates it: null when
    /// <paramref name="userId"/> may, else the sentence to show.
    /// </summary>
    public static string? OnlyTheMember(Ticket ticket, ulong userId, string what)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return ticket.MemberId == userId ? null : $"Only <@{ticket.MemberId}> can {what}.";
    }

    /// <summary>The close steps a close with <paramref name="outcome"/> starts with: nobody is asked for a rating when the member left.</summary>
    public static TicketCloseSteps FirstCloseSteps(TicketCloseOutcome outcome) =>
        outcome == TicketCloseOutcome.MemberLeft ? TicketCloseSteps.RatingRequested : TicketCloseSteps.None;
}
