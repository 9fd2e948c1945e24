namespace AstraBit.SupportBot.Core.Tickets;

/// <summary>
/// Everything that may change an existing ticket, as data: who acts is in the command (staff, the member, or nobody
/// for the bot's timers). <see cref="TicketStateMachine.Decide"/> turns a ticket and a command into the changed ticket
/// or a refusal; the ticket desk stores the result.
/// </summary>
public abstract record TicketCommand
{
    private TicketCommand()
    {
    }

    /// <summary>A check the member ran inside the ticket; a passing one while "Is it fixed?" waits closes it as verified.</summary>
    public sealed record AddCheck(TicketCard Card) : TicketCommand;

    /// <summary>Staff "Close" on a ticket that asks the member first: "Is it fixed?".</summary>
    public sealed record RequestClose(ulong StaffId) : TicketCommand;

    /// <summary>The member pressed "Yes, close it".</summary>
    public sealed record ConfirmFixed(ulong MemberId) : TicketCommand;

    /// <summary>The member pressed "No, I still need help".</summary>
    public sealed record DeclineClose(ulong MemberId) : TicketCommand;

    /// <summary>"Is it fixed?" went unanswered for <see cref="TicketOptions.CloseConfirmAfter"/>.</summary>
    public sealed record CloseUnconfirmed : TicketCommand;

    /// <summary>A staff-only note.</summary>
    public sealed record AddNote(ulong StaffId, string? Text) : TicketCommand;

    /// <summary>The thread Discord created for the ticket.</summary>
    public sealed record AttachThread(ulong ThreadId) : TicketCommand;

    /// <summary>Discord confirmed a build step of the ticket's thread.</summary>
    public sealed record RecordBuildStep(TicketBuildSteps Step) : TicketCommand;

    /// <summary>Discord confirmed a step of the ticket's close.</summary>
    public sealed record RecordCloseStep(TicketCloseSteps Step) : TicketCommand;

    public sealed record Claim(ulong StaffId) : TicketCommand;

    /// <summary>Any staff member may unclaim, not only the claimer.</summary>
    public sealed record Unclaim(ulong StaffId) : TicketCommand;

    /// <summary>A staff close with a reason (a forced close, or a ticket that does not ask the member).</summary>
    public sealed record Close(ulong StaffId, string? Reason) : TicketCommand;

    /// <summary>The reminder went unanswered for <see cref="TicketOptions.AutoCloseAfter"/>.</summary>
    public sealed record AutoClose : TicketCommand;

    /// <summary>The member left the server.</summary>
    public sealed record MemberLeft : TicketCommand;

    public sealed record Reopen(ulong StaffId) : TicketCommand;

    /// <summary>A message in the ticket's thread, for the first-response and stale times.</summary>
    public sealed record RecordMessage(ulong AuthorId, bool IsStaff, DateTimeOffset At) : TicketCommand;

    /// <summary>The member rates the closed ticket 1–5.</summary>
    public sealed record Rate(ulong MemberId, int Stars) : TicketCommand;

    /// <summary>The support role was pinged again for an unclaimed ticket.</summary>
    public sealed record MarkEscalated : TicketCommand;

    /// <summary>The member was reminded in the thread.</summary>
    public sealed record MarkReminded : TicketCommand;
}
