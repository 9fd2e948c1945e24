using AstraBit.SupportBot.Bot.Interactions;
using AstraBit.SupportBot.Bot.KeyChecks;
using AstraBit.SupportBot.Core.KeyChecks;
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

        if (!(await roles.OfAsync(interaction, cancellationToken)).IsStaff)
        {
            await rest.RespondAsync(interaction, SupportRoles.Refusal(Refused(id.Kind)), cancellationToken);
            return;
        }

        var staffId = interaction.User.Id;
        if (id.Kind == TicketIdKind.Close)
        {
            var ticket = await desk.GetAsync(id.Number, cancellationToken);
            if (ticket is null)
            {
                await rest.RespondAsync(interaction, TicketMessages.Private($"There is no ticket {Ticket.Format(id.Number)}."), cancellationToken);
            }
            else if (TicketStateMachine.StaffClose(ticket, force: false, reason: null) == StaffCloseStep.AskTheMember)
            {
                await rest.DeferAsync(interaction, ephemeral: true, cancellationToken);
                var asked = await desk.RequestCloseAsync(ticket.Number, staffId, cancellationToken);
                await rest.EditOriginalResponseAsync(interaction, TicketMessages.Private(Asked(asked)), cancellationToken);
            }
            else
            {
                // Not a ticket from a failed check, or "Is it fixed?" already waits: Close again asks for the reason and closes now.
                await rest.OpenModalAsync(interaction, CloseModal(ticket), cancellationToken);
            }

            return;
        }

        if (id.Kind == TicketIdKind.CloseReason)
        {
            // The close is recorded before Discord hears the form was received: a crash right after still closes it.
            var closed = await desk.CloseAsync(id.Number, staffId, interaction.Modal?.GetTextInput(TicketIds.ReasonField), Acknowledge(interaction), cancellationToken);
            await rest.EditOriginalResponseAsync(interaction, TicketMessages.Private(Closed(closed)), cancellationToken);
            return;
        }

        await rest.DeferAsync(interaction, ephemeral: true, cancellationToken);
        var answer = id.Kind switch
        {
            TicketIdKind.Join => await desk.JoinAsync(id.Number, staffId, cancellationToken),
            TicketIdKind.Claim => Claimed(await desk.ClaimAsync(id.Number, staffId, cancellationToken)),
            TicketIdKind.Unclaim => Unclaimed(await desk.UnclaimAsync(id.Number, staffId, cancellationToken)),
            _ => "That button belongs to something that has ended.",
        };
        await rest.EditOriginalResponseAsync(interaction, TicketMessages.Private(answer), cancellationToken);
    }

    /// <summary>The form that asks staff why they close a ticket.</summary>
    public static Modal CloseModal(Ticket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return new ModalBuilder(TicketIds.CloseReason(ticket.Number), $"Close ticket {ticket.DisplayNumber}")
            .AddTextInput(
                "Reason",
                new TextInput(TicketIds.ReasonField, TextInputStyle.Paragraph, minLength: 1, maxLength: Ticket.MaxCloseReasonLength, placeholder: "e.g. Withdrawal permission removed, check passes now"),
                "Shown to the member and kept with the transcript.")
            .Build();
    }

    /// <summary>Acknowledges a close decided (or refused) already: privately deferred, answered by editing the reply afterwards.</summary>
    internal Func<TicketOutcome, CancellationToken, Task> Acknowledge(Interaction interaction) =>
        (_, cancellationToken) => rest.DeferAsync(interaction, ephemeral: true, cancellationToken);

    internal static string Asked(TicketOutcome outcome) =>
        outcome.Succeeded
            ? $"Asked {TicketMessages.Mention(outcome.Ticket.MemberId)} in the thread whether it is fixed. A passing check, their answer or the timer closes ticket {outcome.Ticket.DisplayNumber}; to close it now, press Close again or use `/ticket close force:true`."
            : outcome.Message;

    internal static string Claimed(TicketOutcome outcome) =>
        outcome.Succeeded ? $"You claimed ticket {outcome.Ticket.DisplayNumber}." : outcome.Message;

    internal static string Closed(TicketOutcome outcome) =>
        outcome.Succeeded
            ? $"Ticket {outcome.Ticket.DisplayNumber} is closed; the transcript is in the log channel and the member was asked for a rating."
            : outcome.Message;

    private static string Unclaimed(TicketOutcome outcome) =>
        outcome.Succeeded ? $"Ticket {outcome.Ticket.DisplayNumber} is unclaimed again." : outcome.Message;

    private async Task RunCheckAsync(Interaction interaction, int number, CancellationToken cancellationToken)
    {
        var ticket = await desk.GetAsync(number, cancellationToken);
        var refusal = ticket switch
        {
            null => $"There is no ticket {Ticket.Format(number)}.",
            { IsClosed: true } => $"Ticket {ticket.DisplayNumber} is closed. Run `/diagnose` for a new check.",
            _ when TicketStateMachine.OnlyTheMember(ticket, interaction.User.Id, "run their key check here") is { } notTheMember => $"{notTheMember} Staff never need anyone's key or secret.",
            _ => null,
        };
        await (refusal is null
            ? flow.OpenFormAsync(interaction, new KeyCheckOrigin.InTicket(number), cancellationToken)
            : rest.RespondAsync(interaction, TicketMessages.Private(refusal), cancellationToken));
    }

    private async Task AnswerIsItFixedAsync(Interaction interaction, TicketId id, CancellationToken cancellationToken)
    {
        // The answer is recorded before Discord hears the click: a refusal (not the member, not asked) is the reply
        // itself; a recorded answer is acknowledged privately and the reply says what happened once it is done.
        Task Acknowledge(TicketOutcome outcome, CancellationToken ct) => outcome.Succeeded
            ? rest.DeferAsync(interaction, ephemeral: true, ct)
            : rest.RespondAsync(interaction, TicketMessages.Private(outcome.Message), ct);

        var memberId = interaction.User.Id;
        var outcome = id.Kind == TicketIdKind.ConfirmFixed
            ? await desk.ConfirmFixedAsync(id.Number, memberId, Acknowledge, cancellationToken)
            : await desk.DeclineCloseAsync(id.Number, memberId, Acknowledge, cancellationToken);
        if (!outcome.Succeeded)
        {
            return;
        }

        var answer = id.Kind == TicketIdKind.ConfirmFixed
            ? $"Thank you! Ticket {outcome.Ticket.DisplayNumber} is closed as resolved."
            : $"Ticket {outcome.Ticket.DisplayNumber} stays open and the support team has been told. Tell them here what still goes wrong.";
        await rest.EditOriginalResponseAsync(interaction, TicketMessages.Private(answer), cancellationToken);
    }

    private async Task RateAsync(Interaction interaction, TicketId id, CancellationToken cancellationToken)
    {
        var outcome = await desk.RateAsync(id.Number, interaction.User.Id, id.Stars, cancellationToken);
        await (outcome.Succeeded
            ? rest.UpdateMessageAsync(interaction, TicketMessages.Rated(outcome.Ticket, id.Stars), cancellationToken)
            : rest.RespondAsync(interaction, TicketMessages.Private(outcome.Message), cancellationToken));
    }

    private static string Refused(TicketIdKind kind) => kind switch
    {
        TicketIdKind.Join => "join tickets",
        TicketIdKind.Claim => "claim tickets",
        TicketIdKind.Unclaim => "unclaim tickets",
        _ => "close tickets",
    };
}
