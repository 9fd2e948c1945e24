using AstraBit.SupportBot.Bot.Diagnose;
using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Tickets;
using AstraBit.SupportBot.Core.Walkthrough;
using AstraBit.SupportBot.Discord.Models;
using AstraBit.SupportBot.Discord.Rest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AstraBit.SupportBot.Bot.Tickets;

/// <summary>
/// The ticket buttons and forms ("tk:…"): Join and Claim on the staff notice; Claim, Unclaim and Close in the thread;
/// the member's "Run the check again"; the rating buttons. Staff buttons check the support roles on every click.
/// </summary>
public sealed partial class TicketInteractionHandler(
    TicketService tickets,
    TicketDesk desk,
    SupportRoles roles,
    DiscordRestClient rest,
    DiagnoseRunner runner,
    ILogger<TicketInteractionHandler> logger) : IInteractionHandler
{
    public bool CanHandle(Interaction interaction) =>
        TicketIds.Parse(interaction.Component?.CustomId ?? interaction.Modal?.CustomId) is not null;

    public async Task HandleAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        var id = TicketIds.Parse(interaction.Component?.CustomId ?? interaction.Modal?.CustomId)!;
        switch (id.Kind)
        {
            case TicketIdKind.RunCheck:
                await RunCheckAsync(interaction, id.Number, cancellationToken);
                return;
            case TicketIdKind.KeySubmit:
                await SubmitKeyAsync(interaction, id.Number, cancellationToken);
                return;
            case TicketIdKind.Rate:
                await RateAsync(interaction, id, cancellationToken);
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
            var ticket = await tickets.GetAsync(id.Number, cancellationToken);
            await (ticket is null
                ? rest.RespondAsync(interaction, TicketMessages.Private($"There is no ticket {Ticket.Format(id.Number)}."), cancellationToken)
                : rest.OpenModalAsync(interaction, CloseModal(ticket), cancellationToken));
            return;
        }

        await rest.DeferAsync(interaction, ephemeral: true, cancellationToken);
        var answer = id.Kind switch
        {
            TicketIdKind.Join => await JoinAsync(id.Number, staffId, cancellationToken),
            TicketIdKind.Claim => await ClaimAsync(tickets, desk, id.Number, staffId, cancellationToken),
            TicketIdKind.Unclaim => await UnclaimAsync(id.Number, staffId, cancellationToken),
            TicketIdKind.CloseReason => await CloseAsync(tickets, desk, id.Number, staffId, interaction.Modal?.GetTextInput(TicketIds.ReasonField), cancellationToken),
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

    internal static async Task<string> ClaimAsync(TicketService tickets, TicketDesk desk, int number, ulong staffId, CancellationToken cancellationToken)
    {
        var outcome = await tickets.ClaimAsync(number, staffId, cancellationToken);
        if (!outcome.Succeeded)
        {
            return outcome.Message!;
        }

        await desk.AnnounceClaimAsync(outcome.Ticket!, staffId, cancellationToken);
        return $"You claimed ticket {outcome.Ticket!.DisplayNumber}.";
    }

    internal static async Task<string> CloseAsync(TicketService tickets, TicketDesk desk, int number, ulong staffId, string? reason, CancellationToken cancellationToken)
    {
        var outcome = await tickets.CloseAsync(number, staffId, reason, cancellationToken);
        if (!outcome.Succeeded)
        {
            return outcome.Message!;
        }

        await desk.FinishCloseAsync(outcome.Ticket!, askForRating: true, cancellationToken);
        return $"Ticket {outcome.Ticket!.DisplayNumber} is closed; the transcript is in the log channel and the member was asked for a rating.";
    }

    private async Task<string> JoinAsync(int number, ulong staffId, CancellationToken cancellationToken)
    {
        var ticket = await tickets.GetAsync(number, cancellationToken);
        return ticket is null ? $"There is no ticket {Ticket.Format(number)}." : await desk.JoinAsync(ticket, staffId, cancellationToken);
    }

    private async Task<string> UnclaimAsync(int number, ulong staffId, CancellationToken cancellationToken)
    {
        var outcome = await tickets.UnclaimAsync(number, staffId, cancellationToken);
        if (!outcome.Succeeded)
        {
            return outcome.Message!;
        }

        await desk.AnnounceUnclaimAsync(outcome.Ticket!, staffId, cancellationToken);
        return $"Ticket {outcome.Ticket!.DisplayNumber} is unclaimed again.";
    }

    private async Task RunCheckAsync(Interaction interaction, int number, CancellationToken cancellationToken)
    {
        var ticket = await tickets.GetAsync(number, cancellationToken);
        var refusal = ticket switch
        {
            null => $"There is no ticket {Ticket.Format(number)}.",
            { IsClosed: true } => $"Ticket {ticket.DisplayNumber} is closed. Run `/diagnose` for a new check.",
            _ when ticket.MemberId != interaction.User.Id => $"Only {TicketMessages.Mention(ticket.MemberId)} can run their key check here: staff never need anyone's key or secret.",
            _ => null,
        };
        await (refusal is null
            ? rest.OpenModalAsync(interaction, KeyModal.Build(TicketIds.KeySubmit(number)), cancellationToken)
            : rest.RespondAsync(interaction, TicketMessages.Private(refusal), cancellationToken));
    }

    private async Task SubmitKeyAsync(Interaction interaction, int number, CancellationToken cancellationToken)
    {
        var userId = interaction.User.Id;
        var (key, secret) = KeyModal.Read(interaction.Modal!);
        var input = CredentialInput.Validate(key, secret);
        if (input.Credentials is not { } credentials)
        {
            await rest.RespondAsync(interaction, KeyModal.InputProblems(input.Problems, "Press **Run the check again** in the ticket"), cancellationToken);
            return;
        }

        await rest.DeferAsync(interaction, ephemeral: true, cancellationToken);
        LogRecheck(logger, number, userId, CredentialInput.MaskedKey(credentials.ApiKey));
        runner.Start("ticket check", (services, stopping) => RecheckAsync(interaction, credentials, services, stopping));
    }

    private static async Task RecheckAsync(Interaction interaction, Credentials credentials, IServiceProvider services, CancellationToken cancellationToken)
    {
        var rest = services.GetRequiredService<DiscordRestClient>();
        var userId = interaction.User.Id;
        var progress = await services.GetRequiredService<IWalkthroughStore>().GetAsync(userId, cancellationToken);
        var outcome = await services.GetRequiredService<KeyCheckService>().RunAsync(userId, credentials, progress?.RegionKey, cancellationToken);
        string answer;
        switch (outcome)
        {
            case KeyCheckOutcome.Completed completed:
                var posted = await services.GetRequiredService<TicketDesk>().PostCheckAsync(userId, completed.Report, completed.RegionKey, cancellationToken);
                answer = posted
                    ? Verdict(completed.Report.Verdict) + " The full result is posted in your ticket for the support team."
                    : Verdict(completed.Report.Verdict) + " Your ticket is closed, so the result wasn't posted; `/ticket open` starts a new one.";
                break;
            case KeyCheckOutcome.Refused refused:
                answer = refused.Message + " Your key wasn't sent to Bybit this time.";
                break;
            default:
                throw new InvalidOperationException($"Unexpected outcome {outcome.GetType().Name}.");
        }

        await rest.EditOriginalResponseAsync(interaction, TicketMessages.Private(answer), cancellationToken);
    }

    private async Task RateAsync(Interaction interaction, TicketId id, CancellationToken cancellationToken)
    {
        var outcome = await tickets.RateAsync(id.Number, interaction.User.Id, id.Stars, cancellationToken);
        if (!outcome.Succeeded)
        {
            await rest.RespondAsync(interaction, TicketMessages.Private(outcome.Message!), cancellationToken);
            return;
        }

        await rest.UpdateMessageAsync(interaction, TicketMessages.Rated(outcome.Ticket!, id.Stars), cancellationToken);
        await desk.LogRatingAsync(outcome.Ticket!, id.Stars, cancellationToken);
    }

    private static string Verdict(Verdict verdict) => verdict switch
    {
        Core.Diagnostics.Verdict.Pass => "✅ Your key passes every check.",
        Core.Diagnostics.Verdict.Warn => "⚠️ Your key works, with things to look at.",
        Core.Diagnostics.Verdict.Fail => "❌ The check still finds problems.",
        _ => "⚠️ The check couldn't run right now.",
    };

    private static string Refused(TicketIdKind kind) => kind switch
    {
        TicketIdKind.Join => "join tickets",
        TicketIdKind.Claim => "claim tickets",
        TicketIdKind.Unclaim => "unclaim tickets",
        _ => "close tickets",
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Member {UserId} re-runs the check in ticket {Number} with key {MaskedKey}")]
    private static partial void LogRecheck(ILogger logger, int number, ulong userId, string maskedKey);
}
