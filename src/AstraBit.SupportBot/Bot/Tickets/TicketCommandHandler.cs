using AstraBit.SupportBot.Bot.Interactions;
using AstraBit.SupportBot.Core.Audit;
using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Tickets;
using AstraBit.SupportBot.Core.Walkthrough;
using AstraBit.SupportBot.Discord.Models;
using AstraBit.SupportBot.Discord.Rest;
using Microsoft.Extensions.DependencyInjection;

namespace AstraBit.SupportBot.Bot.Tickets;

/// <summary>
/// `/ticket open|claim|close|reopen|list|stats|audit`. `open` is for everyone; the rest are checked against the
/// support roles on every use, before anything else, and answered privately.
/// </summary>
public sealed class TicketCommandHandler(
    TicketService tickets,
    TicketDesk desk,
    SupportRoles roles,
    DiscordRestClient rest,
    ICheckHistoryStore history,
    IAuditLog audit,
    [FromKeyedServices(TicketClock.Key)] TimeProvider clock) : ICommandHandler
{
    public const string Open = "open";
    public const string Claim = "claim";
    public const string Close = "close";
    public const string Reopen = "reopen";
    public const string List = "list";
    public const string Stats = "stats";
    public const string Audit = "audit";

    /// <summary>How far /ticket stats looks back.</summary>
    public static readonly TimeSpan StatsPeriod = TimeSpan.FromDays(30);

    /// <summary>How many entries /ticket audit shows.</summary>
    public const int AuditCount = 20;

    public IReadOnlyList<string> Commands { get; } = [SupportCommands.Ticket];

    public async Task HandleAsync(Interaction interaction, ApplicationCommandData command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        ArgumentNullException.ThrowIfNull(command);
        var sub = command.SubcommandName;
        if (sub == Open)
        {
            await OpenAsync(interaction, cancellationToken);
            return;
        }

        if (!(await roles.OfAsync(interaction, cancellationToken)).IsStaff)
        {
            await rest.RespondAsync(interaction, SupportRoles.Refusal(Refused(sub)), cancellationToken);
            return;
        }

        switch (sub)
        {
            case List:
                await rest.RespondAsync(interaction, TicketMessages.List(await tickets.ListOpenAsync(cancellationToken)), cancellationToken);
                break;
            case Stats:
                await rest.RespondAsync(interaction, TicketMessages.Stats(await tickets.StatsAsync(StatsPeriod, cancellationToken)), cancellationToken);
                break;
            case Audit:
                await rest.RespondAsync(interaction, TicketMessages.Audit(await audit.RecentAsync(AuditCount, cancellationToken), clock.GetUtcNow()), cancellationToken);
                break;
            case Claim or Close or Reopen:
                await InThreadAsync(interaction, sub, command.GetOption("reason")?.AsString(), cancellationToken);
                break;
            default:
                await rest.RespondAsync(interaction, Replies.NotHandled(interaction), cancellationToken);
                break;
        }
    }

    /// <summary>What `/ticket open` does, for any interaction (the support panel's "Talk to support" too).</summary>
    public async Task OpenAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        await rest.DeferAsync(interaction, ephemeral: true, cancellationToken);
        var memberId = interaction.User.Id;
        var existing = await tickets.FindOpenForMemberAsync(memberId, cancellationToken);
        var ticket = existing is { ThreadId: not null }
            ? existing
            : await desk.OpenOrAppendAsync(memberId, TicketOrigin.Command, existing is null ? await LastCheckCardAsync(memberId, cancellationToken) : null, requestedBy: null, cancellationToken);
        var where = ticket.ThreadId is { } thread ? TicketMessages.Channel(thread) : "the support channel";
        var text = existing is null
            ? $"Your private ticket {ticket.DisplayNumber} is open: {where}. The support team has been told; tell them there what you need."
            : $"You already have ticket {ticket.DisplayNumber} open: {where}. Continue there.";
        await rest.EditOriginalResponseAsync(interaction, TicketMessages.Private(text), cancellationToken);
    }

    private async Task InThreadAsync(Interaction interaction, string sub, string? reason, CancellationToken cancellationToken)
    {
        var staffId = interaction.User.Id;
        var ticket = interaction.ChannelId is { } channel ? await tickets.FindByThreadAsync(channel, cancellationToken) : null;
        if (ticket is null)
        {
            await rest.RespondAsync(interaction, TicketMessages.Private($"Use `/ticket {sub}` inside a ticket's thread. `/ticket list` shows the open ones."), cancellationToken);
            return;
        }

        if (sub == Close && string.IsNullOrWhiteSpace(reason))
        {
            // No reason given: ask for one in the same form the Close button opens.
            await rest.OpenModalAsync(interaction, TicketInteractionHandler.CloseModal(ticket), cancellationToken);
            return;
        }

        await rest.DeferAsync(interaction, ephemeral: true, cancellationToken);
        var answer = sub switch
        {
            Claim => TicketInteractionHandler.Claimed(await desk.ClaimAsync(ticket.Number, staffId, cancellationToken)),
            Close => TicketInteractionHandler.Closed(await desk.CloseAsync(ticket.Number, staffId, reason, cancellationToken)),
            _ => Reopened(await desk.ReopenAsync(ticket.Number, staffId, cancellationToken)),
        };
        await rest.EditOriginalResponseAsync(interaction, TicketMessages.Private(answer), cancellationToken);
    }

    private static string Reopened(TicketOutcome outcome) =>
        outcome.Succeeded ? $"Ticket {outcome.Ticket.DisplayNumber} is open again, unclaimed." : outcome.Message;

    /// <summary>Without a recent check the ticket opens with no card; with one, the ids it failed on.</summary>
    private async Task<TicketCard?> LastCheckCardAsync(ulong memberId, CancellationToken cancellationToken)
    {
        var last = (await history.RecentAsync(memberId, 1, cancellationToken)).FirstOrDefault();
        if (last is null || !CheckHistoryEntry.IsMasked(last.MaskedKey))
        {
            return null;
        }

        static TicketCheck Summarised(string id, CheckStatus status) =>
            new(id, status, id, "From the member's last check; run the check in the ticket for the full details.", null, null);

        return new TicketCard(
            last.Verdict,
            [.. last.Checks.Where(c => c.Value == CheckStatus.Fail).Select(c => Summarised(c.Key, c.Value))],
            [.. last.Checks.Where(c => c.Value == CheckStatus.Warn).Select(c => Summarised(c.Key, c.Value))],
            null,
            last.RegionKey,
            last.MaskedKey,
            null,
            last.CheckedAt);
    }

    private static string Refused(string? sub) => sub switch
    {
        Claim => "claim tickets",
        Close => "close tickets",
        Reopen => "reopen tickets",
        List => "list open tickets",
        Stats => "see ticket statistics",
        Audit => "read the audit log",
        _ => "do that",
    };
}
