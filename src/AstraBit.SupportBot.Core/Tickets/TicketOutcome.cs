using System.Diagnostics.CodeAnalysis;

namespace AstraBit.SupportBot.Core.Tickets;

/// <summary>Why a ticket operation was refused. Expected refusals are results, not exceptions.</summary>
public enum TicketRefusal
{
    NotFound,
    Closed,
    NotClosed,
    AlreadyClaimed,
    NotClaimed,
    ThreadAlreadyAttached,
    ReasonRequired,
    ReasonTooLong,
    MemberHasAnotherOpenTicket,
    NotTheMember,
    AlreadyRated,
    RatingOutOfRange,
    NotDue,
    NotAwaitingConfirmation,
    AlreadyAwaitingConfirmation,
    NoteRequired,
    NoteTooLong,
    Erased,
}

/// <summary>Either the ticket after the operation, or the refusal with a sentence to show.</summary>
public sealed record TicketOutcome
{
    private TicketOutcome(Ticket? ticket, TicketRefusal? refusal, string? message)
    {
        Ticket = ticket;
        Refusal = refusal;
        Message = message;
    }

    public Ticket? Ticket { get; }

    public TicketRefusal? Refusal { get; }

    /// <summary>Why it was refused, in plain words; null on success.</summary>
    public string? Message { get; }

    [MemberNotNullWhen(true, nameof(Ticket))]
    [MemberNotNullWhen(false, nameof(Message))]
    public bool Succeeded => Refusal is null;

    public static TicketOutcome Done(Ticket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return new TicketOutcome(ticket, null, null);
    }

    /// <param name="refusal">Why.</param>
    /// <param name="message">Why, in a sentence to show.</param>
    /// <param name="ticket">The ticket as it stands, when there is one.</param>
    public static TicketOutcome Refused(TicketRefusal refusal, string message, Ticket? ticket = null) => new(ticket, refusal, message);
}

/// <summary>The result of <see cref="TicketLedger.OpenOrAppendAsync"/>.</summary>
/// <param name="Ticket">The new ticket, or the member's open one.</param>
/// <param name="IsNew">True when a ticket was opened: the caller creates its thread and then calls <see cref="TicketCommand.AttachThread"/>.</param>
/// <param name="AppendedCard">The card added to the existing ticket's later checks, for the caller to post into its thread.</param>
public sealed record TicketOpening(Ticket Ticket, bool IsNew, TicketCard? AppendedCard);
