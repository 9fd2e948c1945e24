using AstraBit.SupportBot.Bot.Interactions;
using AstraBit.SupportBot.Bot.KeyChecks;
using AstraBit.SupportBot.Bot.Languages;
using AstraBit.SupportBot.Core.KeyChecks;
using AstraBit.SupportBot.Core.Text;
using AstraBit.SupportBot.Core.Tickets;
using AstraBit.SupportBot.Discord.Models;
using AstraBit.SupportBot.Discord.Rest;

namespace AstraBit.SupportBot.Bot.Tickets;

/// <summary>
/// The ticket buttons and forms ("tk:…"): Join and Claim on the staff notice; Claim, Unclaim and Close in the thread;
/// the member's "Run the check again"; the rating buttons. Staff buttons check the support roles on every click. Each
/// is one call on the <see cref="TicketDesk"/>; this only reads what was clicked and answers.
/// </summary>
public sealed class TicketInteractionHandler(
    TicketDesk desk,
    SupportRoles roles,
    KeyCheckFlow flow,
    SupportLanguages languages,
    DiscordRestClient rest) : IComponentHandler<TicketId>
{
    public async Task HandleAsync(Interaction interaction, TicketId id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        ArgumentNullException.ThrowIfNull(id);
        switch (id.Kind)
        {
            case TicketIdKind.RunCheck:
                await RunCheckAsync(interaction, id.Number, cancellationToken);
                return;
            case TicketIdKind.Rate:
                await RateAsync(interaction, id, cancellationToken);
                return;
            case TicketIdKind.ConfirmFixed or TicketIdKind.StillNeedHelp:
                await AnswerIsItFixedAsync(interaction, id, cancellationToken);
                return;
            default:
                break;
        }

        // Whoever pressed a staff button reads the answer in their own language; the thread and card stay in the staff language.
        var reader = languages.For(interaction);
        if (!(await roles.OfAsync(interaction, cancellationToken)).IsStaff)
        {
            await rest.RespondAsync(interaction, TicketReplies.StaffOnly(reader, Refused(id.Kind)), cancellationToken);
            return;
        }

        var staffId = interaction.User.Id;
        if (id.Kind == TicketIdKind.Close)
        {
            var ticket = await desk.GetAsync(id.Number, cancellationToken);
            if (ticket is null)
            {
                await rest.RespondAsync(interaction, TicketMessages.Private(reader.Get(TextIds.TicketRefusals.NotFound, ("ticket", Ticket.Format(id.Number)))), cancellationToken);
            }
            else if (TicketStateMachine.StaffClose(ticket, force: false, reason: null) == StaffCloseStep.AskTheMember)
            {
                await rest.DeferAsync(interaction, ephemeral: true, cancellationToken);
                var asked = await desk.RequestCloseAsync(ticket.Number, staffId, cancellationToken);
                await rest.EditOriginalResponseAsync(interaction, TicketMessages.Private(TicketReplies.Asked(asked, reader, languages.Staff, staffId)), cancellationToken);
            }
            else
            {
                // Not a ticket from a failed check, or "Is it fixed?" already waits: Close again asks for the reason and closes now.
                await rest.OpenModalAsync(interaction, TicketReplies.CloseModal(ticket, reader), cancellationToken);
            }

            return;
        }

        if (id.Kind == TicketIdKind.CloseReason)
        {
            // The close is recorded before Discord hears the form was received: a crash right after still closes it.
            var closed = await desk.CloseAsync(id.Number, staffId, interaction.Modal?.GetTextInput(TicketIds.ReasonField), Acknowledge(interaction), cancellationToken);
            await rest.EditOriginalResponseAsync(interaction, TicketMessages.Private(TicketReplies.Closed(closed, reader, staffId)), cancellationToken);
            return;
        }

        await rest.DeferAsync(interaction, ephemeral: true, cancellationToken);
        var answer = id.Kind switch
        {
            TicketIdKind.Join => await desk.JoinAsync(id.Number, staffId, reader, cancellationToken),
            TicketIdKind.Claim => TicketReplies.Claimed(await desk.ClaimAsync(id.Number, staffId, cancellationToken), reader, staffId),
            TicketIdKind.Unclaim => TicketReplies.Unclaimed(await desk.UnclaimAsync(id.Number, staffId, cancellationToken), reader, staffId),
            _ => reader.Get(TextIds.TicketReply.Ended),
        };
        await rest.EditOriginalResponseAsync(interaction, TicketMessages.Private(answer), cancellationToken);
    }

    /// <summary>Acknowledges a close decided (or refused) already: privately deferred, answered by editing the reply afterwards.</summary>
    internal Func<TicketOutcome, CancellationToken, Task> Acknowledge(Interaction interaction) =>
        (_, cancellationToken) => rest.DeferAsync(interaction, ephemeral: true, cancellationToken);

    private async Task RunCheckAsync(Interaction interaction, int number, CancellationToken cancellationToken)
    {
        var reader = languages.For(interaction);
        var ticket = await desk.GetAsync(number, cancellationToken);
        var refusal = ticket switch
        {
            null => reader.Get(TextIds.TicketRefusals.NotFound, ("ticket", Ticket.Format(number))),
            { IsClosed: true } => reader.Get(TextIds.TicketReply.ClosedRunDiagnose, ("ticket", ticket.DisplayNumber)),
            _ when ticket.MemberId != interaction.User.Id =>
                reader.Get(TextIds.TicketReply.OnlyTheMemberChecks, ("member", TicketMessages.Mention(ticket.MemberId))),
            _ => null,
        };
        await (refusal is null
            ? flow.OpenFormAsync(interaction, new KeyCheckOrigin.InTicket(number), cancellationToken)
            : rest.RespondAsync(interaction, TicketMessages.Private(refusal), cancellationToken));
    }

    private async Task AnswerIsItFixedAsync(Interaction interaction, TicketId id, CancellationToken cancellationToken)
    {
        var reader = languages.For(interaction);
        var memberId = interaction.User.Id;

        // The answer is recorded before Discord hears the click: a refusal (not the member, not asked) is the reply
        // itself; a recorded answer is acknowledged privately and the reply says what happened once it is done.
        Task Acknowledge(TicketOutcome outcome, CancellationToken ct) => outcome.Succeeded
            ? rest.DeferAsync(interaction, ephemeral: true, ct)
            : rest.RespondAsync(interaction, TicketMessages.Private(TicketReplies.Refusal(outcome, reader, memberId, id.Number)), ct);

        var outcome = id.Kind == TicketIdKind.ConfirmFixed
            ? await desk.ConfirmFixedAsync(id.Number, memberId, Acknowledge, cancellationToken)
            : await desk.DeclineCloseAsync(id.Number, memberId, Acknowledge, cancellationToken);
        if (!outcome.Succeeded)
        {
            return;
        }

        var answer = reader.Get(id.Kind == TicketIdKind.ConfirmFixed ? TextIds.TicketReply.ConfirmedFixed : TextIds.TicketReply.StaysOpen, ("ticket", outcome.Ticket.DisplayNumber));
        await rest.EditOriginalResponseAsync(interaction, TicketMessages.Private(answer), cancellationToken);
    }

    private async Task RateAsync(Interaction interaction, TicketId id, CancellationToken cancellationToken)
    {
        var reader = languages.For(interaction);
        var outcome = await desk.RateAsync(id.Number, interaction.User.Id, id.Stars, cancellationToken);
        await (outcome.Succeeded
            ? rest.UpdateMessageAsync(interaction, TicketMessages.Rated(outcome.Ticket, id.Stars, reader), cancellationToken)
            : rest.RespondAsync(interaction, TicketMessages.Private(TicketReplies.Refusal(outcome, reader, interaction.User.Id, id.Number)), cancellationToken));
    }

    private static string Refused(TicketIdKind kind) => kind switch
    {
        TicketIdKind.Join => TextIds.TicketReply.ActionJoin,
        TicketIdKind.Claim => TextIds.TicketReply.ActionClaim,
        TicketIdKind.Unclaim => TextIds.TicketReply.ActionUnclaim,
        _ => TextIds.TicketReply.ActionClose,
    };
}
