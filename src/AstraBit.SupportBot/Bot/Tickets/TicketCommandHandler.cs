using AstraBit.SupportBot.Core.KeyChecks;
using AstraBit.SupportBot.Core;
using AstraBit.SupportBot.Bot.Interactions;
using AstraBit.SupportBot.Bot.Languages;
using AstraBit.SupportBot.Bot.Privacy;
using AstraBit.SupportBot.Core.Audit;
using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Stats;
using AstraBit.SupportBot.Core.Text;
using AstraBit.SupportBot.Core.Tickets;
using AstraBit.SupportBot.Discord.Models;
using AstraBit.SupportBot.Discord.Rest;
using Microsoft.Extensions.DependencyInjection;

namespace AstraBit.SupportBot.Bot.Tickets;

/// <summary>
/// `/ticket open|claim|close|reopen|list|stats|audit`. `open` is for everyone; the rest are checked against the
/// support roles on every use, before anything else, and answered privately.
/// </summary>
public sealed class TicketCommandHandler(
    TicketDesk desk,
    SupportRoles roles,
    DiscordRestClient rest,
    ICheckHistoryStore history,
    IAuditLog audit,
    SupportStatsService figures,
    MemberHistoryHandler memberHistory,
    Core.Guide.GuideContent guide,
    TicketIntakeForm intake,
    SupportLanguages languages,
    [FromKeyedServices(SupportClock.Key)] TimeProvider clock) : ICommandHandler
{
    public const string Open = "open";
    public const string Claim = "claim";
    public const string Close = "close";
    public const string Reopen = "reopen";
    public const string List = "list";
    public const string Stats = "stats";
    public const string Audit = "audit";
    public const string Note = "note";
    public const string View = "view";
    public const string History = "history";

    /// <summary>The most days /ticket stats looks back.</summary>
    public const int MaxStatsDays = 365;

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

        // Every answer here is private: in the language of whoever ran the command, staff included.
        var reader = languages.For(interaction);
        if (sub == Open)
        {
            await OpenAsync(interaction, cancellationToken);
            return;
        }

        if (sub == History)
        {
            // Staff and moderators: the history handler checks that itself.
            await memberHistory.ShowAsync(interaction, command.GetOption("member")?.AsSnowflake(), cancellationToken);
            return;
        }

        if (!(await roles.OfAsync(interaction, cancellationToken)).IsStaff)
        {
            await rest.RespondAsync(interaction, TicketReplies.StaffOnly(reader, Refused(sub)), cancellationToken);
            return;
        }

        switch (sub)
        {
            case List:
                await rest.RespondAsync(interaction, TicketMessages.List(await desk.ListOpenAsync(cancellationToken), reader), cancellationToken);
                break;
            case Stats:
                await StatsAsync(interaction, command.GetOption("days")?.AsInt64(), cancellationToken);
                break;
            case Note or View:
                await NoteOrViewAsync(interaction, sub, command.GetOption("text")?.AsString(), cancellationToken);
                break;
            case Audit:
                await rest.RespondAsync(interaction, TicketMessages.Audit(await audit.RecentAsync(AuditCount, cancellationToken), clock.GetUtcNow(), reader), cancellationToken);
                break;
            case Claim or Close or Reopen:
                await InThreadAsync(interaction, sub, command.GetOption("reason")?.AsString(), command.GetOption("force")?.AsBoolean() == true, cancellationToken);
                break;
            default:
                await rest.RespondAsync(interaction, Replies.NotHandled(interaction, languages.For(interaction)), cancellationToken);
                break;
        }
    }

    /// <summary>
    /// What `/ticket open` does, for any interaction (the support panel's "Talk to support" too): without a ticket the
    /// intake form asks what it is about (its submit opens the ticket, <see cref="TicketIntakeHandler"/>); with one open
    /// the member is pointed to it.
    /// </summary>
    public async Task OpenAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        if (await intake.OfferAsync(interaction, cancellationToken))
        {
            return;
        }

        await rest.DeferAsync(interaction, ephemeral: true, cancellationToken);
        await OpenDeferredAsync(interaction, answers: null, checkedCard: null, cancellationToken);
    }

    /// <summary>
    /// Opens (or points to) the member's ticket once <paramref name="interaction"/> is deferred; a new ticket's card holds
    /// <paramref name="checkedCard"/> (a check run just now) or the last check's summary, and the intake form's answers.
    /// </summary>
    public async Task<Ticket> OpenDeferredAsync(Interaction interaction, TicketIntake? answers, TicketCard? checkedCard, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        var memberId = interaction.User.Id;
        var existing = await desk.FindOpenForMemberAsync(memberId, cancellationToken);
        // A half-built ticket (thread missing, member not added, no card or staff notice) is repaired, not pointed at.
        var ticket = existing is { IsBuilt: true }
            ? existing
            : await desk.OpenOrAppendAsync(memberId, TicketOrigin.Command, existing is null ? WithAnswers(checkedCard ?? await LastCheckCardAsync(memberId, cancellationToken), answers) : null, requestedBy: null, cancellationToken);
        var member = languages.For(interaction);
        var where = ticket.ThreadId is { } thread ? TicketMessages.Channel(thread) : member.Get(TextIds.TicketThread.SupportChannel);
        var text = member.Get(existing is null ? TextIds.TicketReply.Opened : TextIds.TicketReply.AlreadyOpen, ("ticket", ticket.DisplayNumber), ("where", where));
        await rest.EditOriginalResponseAsync(interaction, TicketMessages.Private(text), cancellationToken);
        return ticket;
    }

    private static TicketCard? WithAnswers(TicketCard? card, TicketIntake? answers) => answers is null
        ? card
        : (card ?? new TicketCard(null, [], [], null, null, null, null, null)) with { Intake = answers };

    private async Task InThreadAsync(Interaction interaction, string sub, string? reason, bool force, CancellationToken cancellationToken)
    {
        var staffId = interaction.User.Id;
        var reader = languages.For(interaction);
        var ticket = interaction.ChannelId is { } channel ? await desk.FindByThreadAsync(channel, cancellationToken) : null;
        if (ticket is null)
        {
            await rest.RespondAsync(interaction, TicketMessages.Private(reader.Get(TextIds.TicketReply.UseInThread, ("command", reader.Get(TextIds.Commands.Name(SupportCommands.Ticket + "." + sub))))), cancellationToken);
            return;
        }

        var closeStep = sub == Close ? TicketStateMachine.StaffClose(ticket, force, reason) : (StaffCloseStep?)null;
        if (closeStep == StaffCloseStep.AskTheMember)
        {
            // A ticket from a failed check: the member confirms the fix (or the check proves it) before it closes.
            await rest.DeferAsync(interaction, ephemeral: true, cancellationToken);
            var asked = await desk.RequestCloseAsync(ticket.Number, staffId, cancellationToken);
            await rest.EditOriginalResponseAsync(interaction, TicketMessages.Private(TicketReplies.Asked(asked, reader, languages.Staff, staffId)), cancellationToken);
            return;
        }

        if (closeStep == StaffCloseStep.AskForReason)
        {
            // No reason given: ask for one in the same form the Close button opens.
            await rest.OpenModalAsync(interaction, TicketReplies.CloseModal(ticket, reader), cancellationToken);
            return;
        }

        if (closeStep == StaffCloseStep.Close)
        {
            // Recorded before Discord hears the command was received: a crash right after still closes the ticket.
            var closed = await desk.CloseAsync(ticket.Number, staffId, reason, (_, ct) => rest.DeferAsync(interaction, ephemeral: true, ct), cancellationToken);
            await rest.EditOriginalResponseAsync(interaction, TicketMessages.Private(TicketReplies.Closed(closed, reader, staffId)), cancellationToken);
            return;
        }

        await rest.DeferAsync(interaction, ephemeral: true, cancellationToken);
        var answer = sub switch
        {
            Claim => TicketReplies.Claimed(await desk.ClaimAsync(ticket.Number, staffId, cancellationToken), reader, staffId),
            _ => TicketReplies.Reopened(await desk.ReopenAsync(ticket.Number, staffId, cancellationToken), reader, staffId),
        };
        await rest.EditOriginalResponseAsync(interaction, TicketMessages.Private(answer), cancellationToken);
    }

    private async Task StatsAsync(Interaction interaction, long? days, CancellationToken cancellationToken)
    {
        var reader = languages.For(interaction);
        if (days is < 1 or > MaxStatsDays)
        {
            await rest.RespondAsync(interaction, TicketMessages.Private(reader.Get(TextIds.TicketReply.StatsDays, ("days", reader.Number(days.Value)), ("max", reader.Number(MaxStatsDays)))), cancellationToken);
            return;
        }

        // A read of the local data file: quick enough to answer without deferring.
        // A year of a large community's tickets takes longer than Discord's 3 seconds to read: acknowledge first.
        await rest.DeferAsync(interaction, ephemeral: true, cancellationToken);
        var period = days is { } d ? TimeSpan.FromDays(d) : StatsPeriod;
        var report = SupportStatsReport.Text(await figures.ComputeAsync(period, cancellationToken), reader);
        await rest.EditOriginalResponseAsync(interaction, TicketMessages.Stats(report, reader), cancellationToken);
    }

    private async Task NoteOrViewAsync(Interaction interaction, string sub, string? text, CancellationToken cancellationToken)
    {
        var reader = languages.For(interaction);
        var ticket = interaction.ChannelId is { } channel ? await desk.FindByThreadAsync(channel, cancellationToken) : null;
        if (ticket is null)
        {
            await rest.RespondAsync(interaction, TicketMessages.Private(reader.Get(TextIds.TicketReply.UseInThread, ("command", reader.Get(TextIds.Commands.Name(SupportCommands.Ticket + "." + sub))))), cancellationToken);
            return;
        }

        if (sub == View)
        {
            await rest.RespondAsync(interaction, TicketMessages.View(ticket, clock.GetUtcNow(), reader), cancellationToken);
            return;
        }

        // Only the ephemeral answer: the note is never posted in the thread, which the member is in.
        var outcome = await desk.AddNoteAsync(ticket.Number, interaction.User.Id, text, cancellationToken);
        var answer = outcome.Succeeded
            ? reader.Get(TextIds.TicketReply.NoteSaved, ("ticket", outcome.Ticket.DisplayNumber), ("notes", reader.Number(outcome.Ticket.Notes.Count)))
            : TicketReplies.Refusal(outcome, reader, interaction.User.Id);
        await rest.RespondAsync(interaction, TicketMessages.Private(answer), cancellationToken);
    }

    /// <summary>Without a recent check the ticket opens with no card; with one, the ids it failed on.</summary>
    private async Task<TicketCard?> LastCheckCardAsync(ulong memberId, CancellationToken cancellationToken)
    {
        var last = (await history.RecentAsync(memberId, 1, cancellationToken)).FirstOrDefault();
        if (last is null || !CheckHistoryEntry.IsMasked(last.MaskedKey))
        {
            return null;
        }

        // Kept with the ticket, so written in the staff language: staff read the card.
        var detail = languages.Staff.Get(TextIds.TicketCard.FromLastCheck);
        TicketCheck Summarised(string id, CheckStatus status) => new(id, status, id, detail, null, null);

        return new TicketCard(
            last.Verdict,
            [.. last.Checks.Where(c => c.Value == CheckStatus.Fail).Select(c => Summarised(c.Key, c.Value))],
            [.. last.Checks.Where(c => c.Value == CheckStatus.Warn).Select(c => Summarised(c.Key, c.Value))],
            last.AccountType,
            // The site's own name, as a check's card shows it ("bybit.com"), not its key ("mainnet").
            last.RegionKey is { } region ? guide.FindRegion(region)?.Label ?? region : null,
            last.MaskedKey,
            null,
            last.CheckedAt);
    }

    private static string Refused(string? sub) => sub switch
    {
        Claim => TextIds.TicketReply.ActionClaim,
        Close => TextIds.TicketReply.ActionClose,
        Reopen => TextIds.TicketReply.ActionReopen,
        List => TextIds.TicketReply.ActionList,
        Stats => TextIds.TicketReply.ActionStats,
        Audit => TextIds.TicketReply.ActionAudit,
        Note => TextIds.TicketReply.ActionNote,
        View => TextIds.TicketReply.ActionView,
        _ => TextIds.TicketReply.ActionOther,
    };
}
