using System.Globalization;
using AstraBit.SupportBot.Core.Audit;
using Humanizer;
using AstraBit.SupportBot.Core.Diagnostics;

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

/// <summary>What the audit log gets for a change: who did it (null for the bot), the action and the detail.</summary>
public sealed record TicketAct(ulong? ActorId, string Action, string Detail);

/// <summary>A decision: the outcome (the changed ticket, or the refusal) and what to write to the audit log, if anything.</summary>
public sealed record TicketTransition(TicketOutcome Outcome, TicketAct? Act)
{
    /// <summary>True when the ticket changed and must be stored.</summary>
    public bool Changes(Ticket before) => Outcome.Succeeded && !ReferenceEquals(Outcome.Ticket, before);
}

/// <summary>
/// The ticket's rules (PRODUCT.md §6) in one place, with no Discord and no storage in them: pure functions of a ticket,
/// a command (which names who acts) and the time, giving the changed ticket or a refusal. Every entry point (button,
/// command, timer, gateway event) reaches these through the ticket desk, which stores what they decide.
/// </summary>
public static class TicketStateMachine
{
    public const string MemberLeftReason = "member left the server";
    public const string AutoCloseReason = "no reply from the member after the reminder";
    public const string ConfirmedReason = "the member confirmed it is fixed";
    public const string UnconfirmedReason = "no answer from the member to \"Is it fixed?\"";
    public const string CheckPassedReason = "the member's key check passed";

    /// <summary>A new ticket for <paramref name="memberId"/>, numbered by the store.</summary>
    public static Ticket Open(int number, ulong memberId, TicketOrigin origin, TicketCard? card, DateTimeOffset now) =>
        new(number, memberId, origin, now, card);

    /// <summary>What the audit log gets when staff or a moderator opened the ticket for the member; null when the member (or a failed check) did.</summary>
    public static TicketAct? Opened(Ticket ticket, ulong? requestedBy)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return requestedBy is { } staff
            ? new TicketAct(staff, AuditActions.TicketOpened, $"opened {ticket.DisplayNumber} for the member ({Describe(ticket.Origin)})")
            : null;
    }

    /// <summary>The member's open ticket with a later check added; null when there is no card to add.</summary>
    public static Ticket? Append(Ticket open, TicketCard? card)
    {
        ArgumentNullException.ThrowIfNull(open);
        return card is null ? null : open with { LaterChecks = [.. open.LaterChecks, card] };
    }

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

    /// <summary>
    /// Refuses a command whose own input is wrong, whatever the ticket (a close without a reason, an empty or long
    /// note): null when the input is fine.
    /// </summary>
    public static TicketOutcome? CheckInput(TicketCommand command) => command switch
    {
        TicketCommand.Close { Reason: var reason } when string.IsNullOrWhiteSpace(reason) =>
            TicketOutcome.Refused(TicketRefusal.ReasonRequired, "Give a reason for closing the ticket."),
        TicketCommand.Close { Reason: var reason } when reason!.Trim().Length > Ticket.MaxCloseReasonLength =>
            TicketOutcome.Refused(TicketRefusal.ReasonTooLong, $"The reason is {reason.Trim().Length} characters long; keep it to {Ticket.MaxCloseReasonLength}."),
        TicketCommand.AddNote { Text: var text } when string.IsNullOrWhiteSpace(text) =>
            TicketOutcome.Refused(TicketRefusal.NoteRequired, "Write the note's text."),
        TicketCommand.AddNote { Text: var text } when text!.Trim().Length > TicketNote.MaxLength =>
            TicketOutcome.Refused(TicketRefusal.NoteTooLong, $"The note is {text.Trim().Length} characters long; keep it to {TicketNote.MaxLength}."),
        _ => null,
    };

    /// <summary>
    /// Decides <paramref name="command"/> on <paramref name="ticket"/> at <paramref name="now"/>.
    /// <paramref name="membersOpenTicket"/> is the member's open ticket, which a reopen must not duplicate (only read
    /// for a closed ticket; null when there is none).
    /// </summary>
    public static TicketTransition Decide(Ticket ticket, TicketCommand command, DateTimeOffset now, TicketOptions options, Ticket? membersOpenTicket = null)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(options);
        if (CheckInput(command) is { } wrongInput)
        {
            return new TicketTransition(wrongInput, null);
        }

        return command switch
        {
            TicketCommand.AddCheck c => AddCheck(ticket, c.Card, now),
            TicketCommand.RequestClose c => RequestClose(ticket, c.StaffId, now),
            TicketCommand.ConfirmFixed c => Answerable(ticket, c.MemberId)
                ?? CloseNow(ticket, null, ConfirmedReason, TicketCloseOutcome.Resolved, now),
            TicketCommand.DeclineClose c => Answerable(ticket, c.MemberId)
                ?? Change(
                    ticket with { CloseRequestedAt = null, CloseRequestedBy = null, LastMemberMessageAt = Latest(ticket.LastMemberMessageAt, now) },
                    new TicketAct(null, AuditActions.TicketCloseDeclined, $"the member still needs help in {ticket.DisplayNumber}; it stays open")),
            TicketCommand.CloseUnconfirmed => TicketTimers.CloseUnconfirmedDueAt(ticket, options) is { } due && due <= now
                ? CloseNow(ticket, null, UnconfirmedReason, TicketCloseOutcome.ResolvedUnconfirmed, now)
                : Refuse(TicketRefusal.NotDue, $"Ticket {ticket.DisplayNumber} is not due to close.", ticket),
            TicketCommand.AddNote c => AddNote(ticket, c.StaffId, c.Text!.Trim(), now),
            TicketCommand.AttachThread c => ticket.ThreadId switch
            {
                null => Change(ticket with { ThreadId = c.ThreadId, Built = TicketBuildSteps.None }),
                var existing when existing == c.ThreadId => Change(ticket),
                _ => Refuse(TicketRefusal.ThreadAlreadyAttached, $"Ticket {ticket.DisplayNumber} already has a thread.", ticket),
            },
            TicketCommand.RecordBuildStep c => ticket.ThreadId is null
                ? Refuse(TicketRefusal.NotFound, $"Ticket {ticket.DisplayNumber} has no thread yet.", ticket)
                : Change(ticket with { Built = ticket.Built | c.Step }),
            TicketCommand.RecordCloseStep c => ticket.IsClosed
                ? Change(ticket with { CloseDone = ticket.CloseDone | c.Step })
                : Refuse(TicketRefusal.NotClosed, $"Ticket {ticket.DisplayNumber} is not closed.", ticket),
            TicketCommand.Claim c => Claim(ticket, c.StaffId, now),
            TicketCommand.Unclaim c => Unclaim(ticket, c.StaffId),
            TicketCommand.Close c => CloseNow(ticket, c.StaffId, SecretGuard.Scrub(c.Reason!.Trim()), TicketCloseOutcome.ClosedByStaff, now),
            TicketCommand.AutoClose => TicketTimers.AutoCloseDueAt(ticket, options) is { } due && due <= now
                ? CloseNow(ticket, null, AutoCloseReason, TicketCloseOutcome.NoReply, now)
                : Refuse(TicketRefusal.NotDue, $"Ticket {ticket.DisplayNumber} is not due to close.", ticket),
            TicketCommand.MemberLeft => CloseNow(ticket, null, MemberLeftReason, TicketCloseOutcome.MemberLeft, now),
            TicketCommand.Reopen c => Reopen(ticket, c.StaffId, now, membersOpenTicket),
            TicketCommand.RecordMessage c => RecordMessage(ticket, c.AuthorId, c.IsStaff, c.At),
            TicketCommand.Rate c => Rate(ticket, c.MemberId, c.Stars, now),
            TicketCommand.MarkEscalated => TicketTimers.EscalateDueAt(ticket, options) is { } due && due <= now
                ? Change(ticket with { EscalatedAt = now }, new TicketAct(null, AuditActions.TicketEscalated, $"{ticket.DisplayNumber} unclaimed for {AuditDuration(now - (ticket.ReopenedAt ?? ticket.OpenedAt))}; support pinged again"))
                : Refuse(TicketRefusal.NotDue, $"Ticket {ticket.DisplayNumber} is not due to escalate.", ticket),
            TicketCommand.MarkReminded => TicketTimers.RemindDueAt(ticket, options) is { } due && due <= now
                ? Change(ticket with { RemindedAt = now }, new TicketAct(null, AuditActions.TicketReminded, $"reminded the member in {ticket.DisplayNumber}"))
                : Refuse(TicketRefusal.NotDue, $"Ticket {ticket.DisplayNumber} is not due for a reminder.", ticket),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Unknown ticket command."),
        };
    }

    /// <summary>The refusal for a ticket number that does not exist.</summary>
    public static TicketOutcome NotFound(int number) => TicketOutcome.Refused(TicketRefusal.NotFound, $"There is no ticket {Ticket.Format(number)}.");

    private static TicketTransition AddCheck(Ticket ticket, TicketCard card, DateTimeOffset now)
    {
        if (ticket.IsClosed)
        {
            return Refuse(TicketRefusal.Closed, $"Ticket {ticket.DisplayNumber} is closed.", ticket);
        }

        var withCheck = ticket with { LaterChecks = [.. ticket.LaterChecks, card] };
        return ticket.AwaitingConfirmation && card.Verdict is Verdict.Pass or Verdict.Warn
            ? CloseNow(withCheck, null, CheckPassedReason, TicketCloseOutcome.ResolvedVerified, now)
            : Change(withCheck);
    }

    private static TicketTransition RequestClose(Ticket ticket, ulong staffId, DateTimeOffset now) => ticket switch
    {
        { IsClosed: true } => Refuse(TicketRefusal.Closed, $"Ticket {ticket.DisplayNumber} is already closed.", ticket),
        { AwaitingConfirmation: true } => Refuse(TicketRefusal.AlreadyAwaitingConfirmation, $"Ticket {ticket.DisplayNumber} is already waiting for the member to confirm the fix; force the close to close it now.", ticket),
        _ => Change(
            ticket with { CloseRequestedAt = now, CloseRequestedBy = staffId, RemindedAt = null },
            new TicketAct(staffId, AuditActions.TicketCloseRequested, $"asked the member whether {ticket.DisplayNumber} is fixed")),
    };

    private static TicketTransition AddNote(Ticket ticket, ulong staffId, string text, DateTimeOffset now) => ticket.ErasedAt is not null
        ? Refuse(TicketRefusal.Erased, $"Ticket {ticket.DisplayNumber}'s details were deleted at the member's request.", ticket)
        : Change(
            ticket with { Notes = [.. ticket.Notes, new TicketNote(staffId, SecretGuard.Scrub(text), now)] },
            new TicketAct(staffId, AuditActions.TicketNoteAdded, $"added a staff note to {ticket.DisplayNumber}"));

    private static TicketTransition Claim(Ticket ticket, ulong staffId, DateTimeOffset now) => ticket.State switch
    {
        TicketState.Closed => Refuse(TicketRefusal.Closed, $"Ticket {ticket.DisplayNumber} is closed; reopen it first.", ticket),
        TicketState.Claimed when ticket.ClaimedBy == staffId => Refuse(TicketRefusal.AlreadyClaimed, $"You have already claimed ticket {ticket.DisplayNumber}.", ticket),
        TicketState.Claimed => Refuse(TicketRefusal.AlreadyClaimed, $"Ticket {ticket.DisplayNumber} is already claimed by someone else; they, or any staff member, can unclaim it.", ticket),
        _ => Change(
            ticket with { State = TicketState.Claimed, ClaimedBy = staffId, ClaimedAt = now },
            new TicketAct(staffId, AuditActions.TicketClaimed, $"claimed {ticket.DisplayNumber}")),
    };

    private static TicketTransition Unclaim(Ticket ticket, ulong staffId) => ticket.State switch
    {
        TicketState.Closed => Refuse(TicketRefusal.Closed, $"Ticket {ticket.DisplayNumber} is closed.", ticket),
        TicketState.Open => Refuse(TicketRefusal.NotClaimed, $"Ticket {ticket.DisplayNumber} is not claimed.", ticket),
        _ => Change(
            ticket with { State = TicketState.Open, ClaimedBy = null, ClaimedAt = null },
            new TicketAct(staffId, AuditActions.TicketUnclaimed, ticket.ClaimedBy == staffId ? $"unclaimed {ticket.DisplayNumber}" : $"unclaimed {ticket.DisplayNumber} from <@{ticket.ClaimedBy}>")),
    };

    /// <summary>Reopened unclaimed, with its timers re-armed; a rating already given stays.</summary>
    private static TicketTransition Reopen(Ticket ticket, ulong staffId, DateTimeOffset now, Ticket? membersOpenTicket)
    {
        if (!ticket.IsClosed)
        {
            return Refuse(TicketRefusal.NotClosed, $"Ticket {ticket.DisplayNumber} is not closed.", ticket);
        }

        if (membersOpenTicket is { } other)
        {
            return Refuse(TicketRefusal.MemberHasAnotherOpenTicket, $"The member already has ticket {other.DisplayNumber} open; continue there.", ticket);
        }

        return Change(
            ticket with
            {
                State = TicketState.Open,
                ClaimedBy = null,
                ClaimedAt = null,
                ClosedAt = null,
                ClosedBy = null,
                CloseReason = null,
                Outcome = null,
                CloseRequestedAt = null,
                CloseRequestedBy = null,
                ReopenedAt = now,
                EscalatedAt = null,
                RemindedAt = null,
                CloseDone = TicketCloseSteps.All,
            },
            new TicketAct(staffId, AuditActions.TicketReopened, $"reopened {ticket.DisplayNumber}"));
    }

    /// <summary>
    /// Staff messages (from anyone but the member) set the first reply and last staff time; the member's set the last
    /// member time. Either clears the reminder, so the stale timer counts from the latest message.
    /// </summary>
    private static TicketTransition RecordMessage(Ticket ticket, ulong authorId, bool isStaff, DateTimeOffset at)
    {
        if (ticket.IsClosed)
        {
            return Refuse(TicketRefusal.Closed, $"Ticket {ticket.DisplayNumber} is closed.", ticket);
        }

        if (authorId == ticket.MemberId)
        {
            return Change(ticket with { LastMemberMessageAt = Latest(ticket.LastMemberMessageAt, at), RemindedAt = null });
        }

        return isStaff
            ? Change(ticket with
            {
                FirstStaffReplyAt = ticket.FirstStaffReplyAt is { } first && first <= at ? first : at,
                LastStaffMessageAt = Latest(ticket.LastStaffMessageAt, at),
                RemindedAt = null,
            })
            : Change(ticket);
    }

    private static TicketTransition Rate(Ticket ticket, ulong memberId, int stars, DateTimeOffset now)
    {
        if (ticket.MemberId != memberId)
        {
            return Refuse(TicketRefusal.NotTheMember, "Only the member the ticket was for can rate it.", ticket);
        }

        if (!ticket.IsClosed)
        {
            return Refuse(TicketRefusal.NotClosed, $"Ticket {ticket.DisplayNumber} can be rated once it is closed.", ticket);
        }

        if (ticket.Rating is not null)
        {
            return Refuse(TicketRefusal.AlreadyRated, $"Ticket {ticket.DisplayNumber} has already been rated. Thank you!", ticket);
        }

        return stars is < 1 or > 5
            ? Refuse(TicketRefusal.RatingOutOfRange, "A rating is 1 to 5 stars.", ticket)
            : Change(ticket with { Rating = stars, RatedAt = now });
    }

    private static TicketTransition? Answerable(Ticket ticket, ulong memberId)
    {
        if (OnlyTheMember(ticket, memberId, "answer whether their problem is fixed") is { } notTheMember)
        {
            return Refuse(TicketRefusal.NotTheMember, notTheMember, ticket);
        }

        if (ticket.IsClosed)
        {
            return Refuse(TicketRefusal.Closed, $"Ticket {ticket.DisplayNumber} is already closed.", ticket);
        }

        return ticket.AwaitingConfirmation
            ? null
            : Refuse(TicketRefusal.NotAwaitingConfirmation, $"Ticket {ticket.DisplayNumber} is not waiting for your answer any more.", ticket);
    }

    private static TicketTransition CloseNow(Ticket ticket, ulong? staffId, string reason, TicketCloseOutcome outcome, DateTimeOffset now)
    {
        if (ticket.IsClosed)
        {
            return Refuse(TicketRefusal.Closed, $"Ticket {ticket.DisplayNumber} is already closed.", ticket);
        }

        return Change(
            ticket with { State = TicketState.Closed, ClosedAt = now, ClosedBy = staffId, CloseReason = reason, Outcome = outcome, RemindedAt = null, CloseDone = FirstCloseSteps(outcome) },
            new TicketAct(staffId, AuditActions.TicketClosed, outcome is TicketCloseOutcome.ResolvedVerified or TicketCloseOutcome.Resolved or TicketCloseOutcome.ResolvedUnconfirmed
                ? $"closed {ticket.DisplayNumber}: {reason} ({outcome.Label()})"
                : $"closed {ticket.DisplayNumber}: {reason}"));
    }

    private static string Describe(TicketOrigin origin) => origin switch
    {
        TicketOrigin.CheckFailed => "a failed check",
        TicketOrigin.Stuck => "stuck in the walkthrough",
        TicketOrigin.ModeratorRequest => "at a moderator's request",
        _ => "by command",
    };

    private static TicketTransition Change(Ticket ticket, TicketAct? act = null) => new(TicketOutcome.Done(ticket), act);

    private static TicketTransition Refuse(TicketRefusal refusal, string message, Ticket ticket) => new(TicketOutcome.Refused(refusal, message, ticket), null);

    private static DateTimeOffset Latest(DateTimeOffset? current, DateTimeOffset candidate) =>
        current is { } value && value > candidate ? value : candidate;

    // An audit entry's sentence is a record, in English like every audit entry, shown as it was recorded: "3 hours".
    private static string AuditDuration(TimeSpan span) => span < TimeSpan.FromMinutes(1)
        ? "less than a minute"
        : span.Humanize(precision: 1, culture: CultureInfo.InvariantCulture, maxUnit: TimeUnit.Day, minUnit: TimeUnit.Minute);
}
