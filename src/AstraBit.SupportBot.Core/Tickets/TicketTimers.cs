namespace AstraBit.SupportBot.Core.Tickets;

public enum TicketActionKind
{
    /// <summary>Ping the support role again in the staff channel; then <see cref="TicketCommand.MarkEscalated"/>.</summary>
    Escalate,

    /// <summary>Remind the member in the thread; then <see cref="TicketCommand.MarkReminded"/>.</summary>
    Remind,

    /// <summary>Close the ticket with <see cref="TicketCommand.AutoClose"/>, then archive the thread.</summary>
    AutoClose,

    /// <summary>
    /// The member did not answer "Is it fixed?" within <see cref="TicketOptions.CloseConfirmAfter"/>: recorded by
    /// <see cref="TicketCommand.CloseUnconfirmed"/> (as resolved — unconfirmed), then archive the thread like an auto-close.
    /// </summary>
    CloseUnconfirmed,
}

/// <summary>A timer that has come due for a ticket.</summary>
public sealed record TicketAction(TicketActionKind Kind, int Number, ulong MemberId, ulong? ThreadId, DateTimeOffset DueAt);

/// <summary>
/// The ticket timers as pure functions of a ticket's persisted times, so nothing is lost in a restart: whatever
/// came due while the bot was down is due at the next look. Escalation, reminder and auto-close count working time
/// only (<see cref="TicketOptions.WorkingHours"/>); the close confirmation counts the member's time, so wall-clock.
/// </summary>
public static class TicketTimers
{
    /// <summary>
    /// When an unclaimed ticket escalates: <see cref="TicketOptions.EscalateAfter"/> after it was (re)opened. Once per
    /// opening: unclaiming does not re-arm it, reopening does. Null when it will not escalate.
    /// </summary>
    public static DateTimeOffset? EscalateDueAt(Ticket ticket, TicketOptions options)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(options);
        return ticket.State == TicketState.Open && ticket.EscalatedAt is null && !ticket.AwaitingConfirmation
            ? options.Calendar().AddWorkingTime(ticket.ReopenedAt ?? ticket.OpenedAt, options.EscalateAfter)
            : null;
    }

    /// <summary>When the member is reminded: <see cref="TicketOptions.StaleAfter"/> after staff last spoke with no member reply; once per staff message; not while "Is it fixed?" waits for an answer.</summary>
    public static DateTimeOffset? RemindDueAt(Ticket ticket, TicketOptions options)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(options);
        return !ticket.IsClosed && !ticket.AwaitingConfirmation && ticket.RemindedAt is null && ticket.WaitingForMember
            ? options.Calendar().AddWorkingTime(ticket.LastStaffMessageAt!.Value, options.StaleAfter)
            : null;
    }

    /// <summary>When a reminded ticket closes: <see cref="TicketOptions.AutoCloseAfter"/> after the reminder, unless the member answered.</summary>
    public static DateTimeOffset? AutoCloseDueAt(Ticket ticket, TicketOptions options)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(options);
        return !ticket.IsClosed && !ticket.AwaitingConfirmation && ticket.RemindedAt is { } reminded && ticket.WaitingForMember
            ? options.Calendar().AddWorkingTime(reminded, options.AutoCloseAfter)
            : null;
    }

    /// <summary>When a ticket awaiting the member's "Is it fixed?" closes as unconfirmed: <see cref="TicketOptions.CloseConfirmAfter"/> after the question.</summary>
    public static DateTimeOffset? CloseUnconfirmedDueAt(Ticket ticket, TicketOptions options)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(options);
        return ticket.AwaitingConfirmation ? ticket.CloseRequestedAt!.Value + options.CloseConfirmAfter : null;
    }

    /// <summary>
    /// The actions due for <paramref name="ticket"/> at <paramref name="now"/>, earliest first. A close due (unconfirmed
    /// or auto) makes the others moot, so it comes alone.
    /// </summary>
    public static IReadOnlyList<TicketAction> Due(Ticket ticket, DateTimeOffset now, TicketOptions options)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        if (CloseUnconfirmedDueAt(ticket, options) is { } unconfirmed && unconfirmed <= now)
        {
            return [new TicketAction(TicketActionKind.CloseUnconfirmed, ticket.Number, ticket.MemberId, ticket.ThreadId, unconfirmed)];
        }

        if (AutoCloseDueAt(ticket, options) is { } close && close <= now)
        {
            return [new TicketAction(TicketActionKind.AutoClose, ticket.Number, ticket.MemberId, ticket.ThreadId, close)];
        }

        var due = new List<TicketAction>(2);
        if (EscalateDueAt(ticket, options) is { } escalate && escalate <= now)
        {
            due.Add(new TicketAction(TicketActionKind.Escalate, ticket.Number, ticket.MemberId, ticket.ThreadId, escalate));
        }

        if (RemindDueAt(ticket, options) is { } remind && remind <= now)
        {
            due.Add(new TicketAction(TicketActionKind.Remind, ticket.Number, ticket.MemberId, ticket.ThreadId, remind));
        }

        return due.OrderBy(a => a.DueAt).ToList();
    }
}
