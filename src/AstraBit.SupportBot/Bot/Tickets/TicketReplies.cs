using AstraBit.SupportBot.Core.Text;
using AstraBit.SupportBot.Core.Tickets;
using AstraBit.SupportBot.Discord.Models;
using Ids = AstraBit.SupportBot.Core.Text.TextIds;

namespace AstraBit.SupportBot.Bot.Tickets;

/// <summary>
/// The private answers of the ticket commands and buttons, in the language of whoever used them (their interaction's
/// locale): what happened, or why it was refused (<see cref="TicketRefusal"/>, said from the catalogue rather than the
/// ledger's English sentence, which stays for logs and tests of the rules).
/// </summary>
public static class TicketReplies
{
    /// <summary>The outcome's refusal in <paramref name="reader"/>'s language; <paramref name="readerId"/> tells "you" from someone else.</summary>
    public static string Refusal(TicketOutcome outcome, LocaleTexts reader, ulong readerId, int? number = null)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(reader);
        var ticket = outcome.Ticket;
        var display = ticket?.DisplayNumber ?? (number is { } n ? Ticket.Format(n) : "");
        var id = outcome.Refusal switch
        {
            TicketRefusal.NotFound when ticket is not null => Ids.TicketRefusals.NoThread,
            TicketRefusal.NotFound => Ids.TicketRefusals.NotFound,
            TicketRefusal.Closed => Ids.TicketRefusals.Closed,
            TicketRefusal.NotClosed => Ids.TicketRefusals.NotClosed,
            TicketRefusal.AlreadyClaimed when ticket?.ClaimedBy == readerId => Ids.TicketRefusals.AlreadyClaimedByYou,
            TicketRefusal.AlreadyClaimed => Ids.TicketRefusals.AlreadyClaimed,
            TicketRefusal.NotClaimed => Ids.TicketRefusals.NotClaimed,
            TicketRefusal.ReasonRequired => Ids.TicketRefusals.ReasonRequired,
            TicketRefusal.ReasonTooLong => Ids.TicketRefusals.ReasonTooLong,
            TicketRefusal.MemberHasAnotherOpenTicket => Ids.TicketRefusals.MemberHasAnotherOpenTicket,
            TicketRefusal.NotTheMember => Ids.TicketRefusals.NotTheMember,
            TicketRefusal.AlreadyRated => Ids.TicketRefusals.AlreadyRated,
            TicketRefusal.RatingOutOfRange => Ids.TicketRefusals.RatingOutOfRange,
            TicketRefusal.NotAwaitingConfirmation => Ids.TicketRefusals.NotAwaitingConfirmation,
            TicketRefusal.AlreadyAwaitingConfirmation => Ids.TicketRefusals.AlreadyAwaitingConfirmation,
            TicketRefusal.NoteRequired => Ids.TicketRefusals.NoteRequired,
            TicketRefusal.NoteTooLong => Ids.TicketRefusals.NoteTooLong,
            TicketRefusal.Erased => Ids.TicketRefusals.Erased,
            _ => Ids.TicketRefusals.NotDue,
        };
        var max = outcome.Refusal == TicketRefusal.NoteTooLong ? TicketNote.MaxLength : Ticket.MaxCloseReasonLength;
        return reader.Get(
            id,
            ("ticket", display),
            ("member", ticket is null ? "" : TicketMessages.Mention(ticket.MemberId)),
            ("max", reader.Number(max)));
    }

    /// <summary>Only staff may: the refusal a member sees, naming what they tried (<see cref="Ids.TicketReply"/>'s action texts).</summary>
    public static MessagePayload StaffOnly(LocaleTexts reader, string actionId)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return MessagePayload.Text(reader.Get(Ids.TicketReply.StaffOnly, ("action", reader.Get(actionId))), ephemeral: true);
    }

    public static string Asked(TicketOutcome outcome, LocaleTexts reader, LocaleTexts staff, ulong readerId)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(staff);
        return outcome.Succeeded
            ? reader.Get(
                Ids.TicketReply.Asked,
                ("member", TicketMessages.Mention(outcome.Ticket.MemberId)),
                ("ticket", outcome.Ticket.DisplayNumber),
                ("button", staff.Get(Ids.TicketStaff.CloseButton)))
            : Refusal(outcome, reader, readerId);
    }

    public static string Claimed(TicketOutcome outcome, LocaleTexts reader, ulong readerId) => Done(outcome, reader, readerId, Ids.TicketReply.Claimed);

    public static string Unclaimed(TicketOutcome outcome, LocaleTexts reader, ulong readerId) => Done(outcome, reader, readerId, Ids.TicketReply.Unclaimed);

    public static string Closed(TicketOutcome outcome, LocaleTexts reader, ulong readerId) => Done(outcome, reader, readerId, Ids.TicketReply.Closed);

    public static string Reopened(TicketOutcome outcome, LocaleTexts reader, ulong readerId) => Done(outcome, reader, readerId, Ids.TicketReply.Reopened);

    /// <summary>The form that asks staff why they close a ticket, in their language.</summary>
    public static Modal CloseModal(Ticket ticket, LocaleTexts reader)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(reader);
        return new ModalBuilder(TicketIds.CloseReason(ticket.Number), reader.Get(Ids.TicketReply.CloseFormTitle, ("ticket", ticket.DisplayNumber)))
            .AddTextInput(
                reader.Get(Ids.TicketReply.CloseReasonLabel),
                new TextInput(TicketIds.ReasonField, TextInputStyle.Paragraph, minLength: 1, maxLength: Ticket.MaxCloseReasonLength, placeholder: reader.Get(Ids.TicketReply.CloseReasonPlaceholder)),
                reader.Get(Ids.TicketReply.CloseReasonHint))
            .Build();
    }

    private static string Done(TicketOutcome outcome, LocaleTexts reader, ulong readerId, string id)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(reader);
        return outcome.Succeeded ? reader.Get(id, ("ticket", outcome.Ticket.DisplayNumber)) : Refusal(outcome, reader, readerId);
    }
}
