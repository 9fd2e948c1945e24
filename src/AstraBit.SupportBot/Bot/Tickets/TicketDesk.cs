using System.Globalization;
using System.Text;
using AstraBit.SupportBot.Core.Text;
using AstraBit.SupportBot.Core;
using AstraBit.SupportBot.Core.Audit;
using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Bot.Moderation;
using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Core.KeyChecks;
using AstraBit.SupportBot.Core.Tickets;
using AstraBit.SupportBot.Discord.Models;
using AstraBit.SupportBot.Discord.Rest;
using AstraBit.SupportBot.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Bot.Tickets;

/// <summary>
/// Serialises opening tickets, so that two failures arriving together make one thread, not two. A singleton; the
/// desk itself is scoped like the REST client it uses.
/// </summary>
public sealed class TicketDeskLock : IDisposable
{
    internal SemaphoreSlim Gate { get; } = new(1, 1);

    public void Dispose() => Gate.Dispose();
}

/// <summary>
/// The one way into tickets (PRODUCT.md §6): every operation changes the state (<see cref="TicketService"/>, which
/// also writes the audit log) and does the Discord side in one call: the private thread in the support channel with
/// the member added and the card first, the staff notice with Join and Claim, claiming, closing (archive, lock,
/// transcript to the log channel, rating), reopening, ratings, check results and the timers' messages. Handlers only
/// parse what was clicked and answer with the outcome.
/// </summary>
public sealed partial class TicketDesk(
    TicketService tickets,
    DiscordRestClient rest,
    TicketDeskLock deskLock,
    GuideContent guide,
    IAuditLog audit,
    [FromKeyedServices(SupportClock.Key)] TimeProvider clock,
    IOptions<SupportDiscordOptions> discord,
    IOptions<TicketOptions> options,
    ILogger<TicketDesk> logger) : ITicketDesk
{
    /// <summary>Audit action for a staff member joining a ticket's thread from the staff notice.</summary>
    public const string JoinedAction = "ticket.join";

    // A transcript reads at most this many messages (10 pages of 100); a ticket longer than that is rare and the tail is what matters least.
    private const int TranscriptPages = 10;

    public async Task<Ticket> OpenOrAppendAsync(ulong memberId, TicketOrigin origin, TicketCard? card, ulong? requestedBy, CancellationToken cancellationToken)
    {
        await deskLock.Gate.WaitAsync(cancellationToken);
        try
        {
            var opening = await tickets.OpenOrAppendAsync(memberId, origin, card, requestedBy, cancellationToken);
            var ticket = opening.Ticket;

            // A ticket without a thread is new, or one whose thread could not be made last time (Discord was down): make it now.
            if (ticket.ThreadId is null)
            {
                ticket = await CreateThreadAsync(ticket, requestedBy, cancellationToken);
                LogOpened(logger, ticket.Number, memberId, origin);
                return ticket;
            }

            if (opening.AppendedCard is { } appended)
            {
                await rest.CreateMessageAsync(ticket.ThreadId.Value, TicketMessages.AppendedCard(ticket, appended, origin), cancellationToken);
                LogAppended(logger, ticket.Number, memberId, origin);
            }

            return ticket;
        }
        finally
        {
            deskLock.Gate.Release();
        }
    }

    public async Task<CheckTicketOutcome> TakeCheckAsync(ulong memberId, KeyCheckResult.Completed check, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(check);
        var decision = check.Ticket;
        switch (decision.Action)
        {
            case KeyCheckTicketAction.OpenOrAppend:
                var origin = decision.RequestedBy is null ? TicketOrigin.CheckFailed : TicketOrigin.ModeratorRequest;
                var ticket = await OpenOrAppendAsync(memberId, origin, decision.Card, decision.RequestedBy, cancellationToken);
                return new CheckTicketOutcome(ticket, Posted: true);
            case KeyCheckTicketAction.PostIntoOpenTicket:
                return await PostCheckAsync(memberId, check.Report, check.RegionKey, cancellationToken);
            case KeyCheckTicketAction.PostIntoOpenTicketOrStaffChannel:
                var posted = await PostCheckAsync(memberId, check.Report, check.RegionKey, cancellationToken);
                if (posted.Posted || decision.RequestedBy is not { } moderatorId)
                {
                    return posted;
                }

                await rest.CreateMessageAsync(
                    discord.Value.StaffChannelId,
                    ModerationMessages.StaffNotice(memberId, moderatorId, check.Report, check.RegionKey, guide),
                    cancellationToken);
                LogCheckToStaffChannel(logger, memberId, moderatorId);
                return new CheckTicketOutcome(null, Posted: false);
            default:
                return new CheckTicketOutcome(null, Posted: false);
        }
    }

    /// <summary>Posts a check result into the member's open ticket; not posted when the member has none open.</summary>
    private async Task<CheckTicketOutcome> PostCheckAsync(ulong memberId, DiagnosticReport report, string regionKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var ticket = await tickets.FindOpenForMemberAsync(memberId, cancellationToken);
        if (ticket is null)
        {
            return new CheckTicketOutcome(null, Posted: false);
        }

        var recorded = await tickets.AddCheckAsync(ticket.Number, TicketCard.FromReport(report, RegionLabel(regionKey)), cancellationToken);
        if (!recorded.Succeeded || ticket.ThreadId is not { } thread)
        {
            return new CheckTicketOutcome(null, Posted: false);
        }

        await rest.CreateMessageAsync(thread, TicketMessages.CheckInTicket(memberId, DiagnosticMessages.Render(report, guide)), cancellationToken);
        LogCheckPosted(logger, ticket.Number, memberId);
        return new CheckTicketOutcome(ticket, Posted: true);
    }

    /// <summary>Adds a staff member to the ticket's private thread (they can't find a private thread on their own); returns what to tell them.</summary>
    public async Task<string> JoinAsync(int number, ulong staffId, CancellationToken cancellationToken)
    {
        var ticket = await tickets.GetAsync(number, cancellationToken);
        if (ticket is null)
        {
            return $"There is no ticket {Ticket.Format(number)}.";
        }

        if (ticket.ThreadId is not { } thread)
        {
            return $"Ticket {ticket.DisplayNumber} has no thread yet; try again in a moment.";
        }

        if (ticket.IsClosed)
        {
            return $"Ticket {ticket.DisplayNumber} is closed; its transcript is in {TicketMessages.Channel(discord.Value.LogChannelId)}.";
        }

        await rest.AddThreadMemberAsync(thread, staffId, cancellationToken);
        await audit.WriteAsync(new AuditEntry(staffId, JoinedAction, ticket.MemberId, ticket.Number, $"joined {ticket.DisplayNumber}", clock.GetUtcNow()), cancellationToken);
        return $"You're in: {TicketMessages.Channel(thread)}.";
    }

    /// <summary>A message in the ticket's thread, for the first-response and stale times (no Discord side).</summary>
    public Task<TicketOutcome> RecordMessageAsync(int number, ulong authorId, bool isStaff, DateTimeOffset at, CancellationToken cancellationToken) =>
        tickets.RecordMessageAsync(number, authorId, isStaff, at, cancellationToken);

    /// <summary>Claims the ticket for <paramref name="staffId"/>, adds them to the thread (when they claimed from the staff channel) and tells the thread.</summary>
    public async Task<TicketOutcome> ClaimAsync(int number, ulong staffId, CancellationToken cancellationToken)
    {
        var outcome = await tickets.ClaimAsync(number, staffId, cancellationToken);
        if (outcome.Succeeded && outcome.Ticket.ThreadId is { } thread)
        {
            await rest.AddThreadMemberAsync(thread, staffId, cancellationToken);
            await rest.CreateMessageAsync(thread, TicketMessages.Claimed(staffId, outcome.Ticket), cancellationToken);
        }

        return outcome;
    }

    public async Task<TicketOutcome> UnclaimAsync(int number, ulong staffId, CancellationToken cancellationToken)
    {
        var outcome = await tickets.UnclaimAsync(number, staffId, cancellationToken);
        if (outcome.Succeeded && outcome.Ticket.ThreadId is { } thread)
        {
            await rest.CreateMessageAsync(thread, TicketMessages.Unclaimed(staffId, outcome.Ticket), cancellationToken);
        }

        return outcome;
    }

    /// <summary>Closes the ticket with a reason, asks the member for a rating and files the transcript.</summary>
    public async Task<TicketOutcome> CloseAsync(int number, ulong staffId, string? reason, CancellationToken cancellationToken)
    {
        var outcome = await tickets.CloseAsync(number, staffId, reason, cancellationToken);
        if (outcome.Succeeded)
        {
            await FinishCloseAsync(outcome.Ticket, askForRating: true, cancellationToken);
        }

        return outcome;
    }

    /// <summary>The member left the server: their open ticket closes with its transcript; nobody is asked for a rating.</summary>
    public async Task<TicketOutcome> MemberLeftAsync(ulong memberId, CancellationToken cancellationToken)
    {
        var outcome = await tickets.MemberLeftAsync(memberId, cancellationToken);
        if (outcome.Succeeded)
        {
            await FinishCloseAsync(outcome.Ticket, askForRating: false, cancellationToken);
        }

        return outcome;
    }

    /// <summary>Reopens the ticket: unlocks and unarchives the thread and says so in it.</summary>
    public async Task<TicketOutcome> ReopenAsync(int number, ulong staffId, CancellationToken cancellationToken)
    {
        var outcome = await tickets.ReopenAsync(number, staffId, cancellationToken);
        if (outcome.Succeeded && outcome.Ticket.ThreadId is { } thread)
        {
            var reopened = outcome.Ticket;
            await rest.ModifyThreadAsync(thread, archived: false, locked: false, reason: AuditReason($"Ticket {reopened.DisplayNumber} reopened"), ct: cancellationToken);
            await rest.CreateMessageAsync(thread, TicketMessages.Reopened(staffId, reopened), cancellationToken);
        }

        return outcome;
    }

    /// <summary>Stores the member's rating; the log channel hears it too, next to the transcript.</summary>
    public async Task<TicketOutcome> RateAsync(int number, ulong memberId, int stars, CancellationToken cancellationToken)
    {
        var outcome = await tickets.RateAsync(number, memberId, stars, cancellationToken);
        if (outcome.Succeeded)
        {
            await rest.CreateMessageAsync(discord.Value.LogChannelId, TicketMessages.RatingLogged(outcome.Ticket, stars), cancellationToken);
        }

        return outcome;
    }

    /// <summary>
    /// After the ticket closed: the last word in the thread, the rating question (a DM; in the thread, before it
    /// locks, when the member's DMs are closed), the transcript and summary to the log channel, then archive and lock
    /// with the reason in Discord's audit log.
    /// </summary>
    private async Task FinishCloseAsync(Ticket closed, bool askForRating, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(closed);
        var thread = closed.ThreadId;
        if (thread is { } id)
        {
            await rest.CreateMessageAsync(id, TicketMessages.ClosedInThread(closed), cancellationToken);
        }

        if (askForRating)
        {
            await AskForRatingAsync(closed, cancellationToken);
        }

        var messages = thread is { } t ? await ReadThreadAsync(closed, t, cancellationToken) : [];
        var transcript = TranscriptBuilder.Build(closed, messages);
        if (thread is { } lockId)
        {
            await rest.ArchiveAndLockThreadAsync(lockId, AuditReason($"Ticket {closed.DisplayNumber} closed: {closed.CloseReason}"), cancellationToken);
        }

        await rest.CreateMessageAsync(discord.Value.LogChannelId, TicketMessages.Transcript(closed, transcript), cancellationToken);
        LogClosed(logger, closed.Number, closed.MemberId, closed.ClosedBy);
    }

    /// <summary>Performs one due timer for <see cref="TicketService.RunDueAsync"/>.</summary>
    public async Task PerformAsync(TicketAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        var ticket = await tickets.GetAsync(action.Number, cancellationToken)
            ?? throw new InvalidOperationException($"Ticket {Ticket.Format(action.Number)} vanished while its timer ran.");
        switch (action.Kind)
        {
            case TicketActionKind.Escalate:
                await rest.CreateMessageAsync(discord.Value.StaffChannelId, TicketMessages.Escalation(ticket, discord.Value.SupportRoleIds, clock.GetUtcNow()), cancellationToken);
                break;
            case TicketActionKind.Remind when ticket.ThreadId is { } thread:
                await rest.CreateMessageAsync(thread, TicketMessages.Reminder(ticket, options.Value.AutoCloseAfter), cancellationToken);
                break;
            case TicketActionKind.Remind:
                break;
            case TicketActionKind.AutoClose:
                await FinishCloseAsync(ticket, askForRating: true, cancellationToken);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(action), action.Kind, "Unknown ticket timer.");
        }

        LogTimer(logger, action.Kind, action.Number);
    }

    private async Task<Ticket> CreateThreadAsync(Ticket ticket, ulong? requestedBy, CancellationToken cancellationToken)
    {
        var name = $"ticket-{ticket.Number.ToString("0000", CultureInfo.InvariantCulture)}-{await MemberSlugAsync(ticket.MemberId, cancellationToken)}";
        var thread = await rest.CreatePrivateThreadAsync(
            discord.Value.SupportChannelId,
            name,
            ThreadArchiveDuration.OneWeek,
            invitable: false,
            reason: AuditReason($"Support ticket {ticket.DisplayNumber}"),
            ct: cancellationToken);
        var attached = await tickets.AttachThreadAsync(ticket.Number, thread.Id, cancellationToken);
        var withThread = attached.Ticket ?? ticket with { ThreadId = thread.Id };

        // The card comes first, so whoever opens the thread starts from the diagnosis.
        await rest.CreateMessageAsync(thread.Id, TicketMessages.OpeningCard(withThread), cancellationToken);
        await rest.CreateMessageAsync(thread.Id, TicketMessages.Welcome(withThread), cancellationToken);
        await rest.AddThreadMemberAsync(thread.Id, ticket.MemberId, cancellationToken);
        await rest.CreateMessageAsync(discord.Value.StaffChannelId, TicketMessages.StaffNotice(withThread, requestedBy), cancellationToken);
        return withThread;
    }

    private async Task AskForRatingAsync(Ticket closed, CancellationToken cancellationToken)
    {
        try
        {
            var dm = await rest.CreateDmChannelAsync(closed.MemberId, cancellationToken);
            await rest.CreateMessageAsync(dm.Id, TicketMessages.RatingPrompt(closed), cancellationToken);
            return;
        }
        catch (DiscordRestException ex) when (ex.Code == DiscordErrorCodes.CannotSendMessagesToThisUser)
        {
            LogDmClosed(logger, closed.Number, closed.MemberId);
        }

        // DMs closed: ask in the thread before it is locked; the buttons keep working there.
        if (closed.ThreadId is { } thread)
        {
            await rest.CreateMessageAsync(thread, TicketMessages.RatingPrompt(closed), cancellationToken);
        }
    }

    private async Task<List<TranscriptMessage>> ReadThreadAsync(Ticket ticket, ulong thread, CancellationToken cancellationToken)
    {
        var all = new List<DiscordMessage>();
        ulong? before = null;
        for (var page = 0; page < TranscriptPages; page++)
        {
            var batch = await rest.GetChannelMessagesAsync(thread, 100, before, cancellationToken);
            all.AddRange(batch);
            if (batch.Count < 100)
            {
                break;
            }

            before = batch.Min(m => m.Id);
        }

        return [.. all.OrderBy(m => m.Id).Select(m => Transcribed(ticket, m))];
    }

    private static TranscriptMessage Transcribed(Ticket ticket, DiscordMessage message)
    {
        var author = message.Author;
        var name = author is null ? "unknown" : author.IsBot ? "Support bot" : author.GlobalName ?? author.Username;
        var text = new StringBuilder(message.Content);
        if (message.EmbedCount > 0)
        {
            text.Append(text.Length > 0 ? " " : "").Append("[card, see the diagnosis above]");
        }

        foreach (var attachment in message.Attachments)
        {
            text.Append(" [attachment: ").Append(attachment.FileName).Append(']');
        }

        // Only the member and staff can be in a ticket's private thread, so anyone else who isn't the bot is staff.
        var isStaff = author is { IsBot: false } && author.Id != ticket.MemberId;
        return new TranscriptMessage(name, author?.Id ?? 0, isStaff, message.Timestamp ?? DateTimeOffset.MinValue, text.ToString(), IsBot: author?.IsBot ?? false);
    }

    private async Task<string> MemberSlugAsync(ulong memberId, CancellationToken cancellationToken)
    {
        string? name;
        try
        {
            var member = await rest.GetGuildMemberAsync(discord.Value.GuildId, memberId, cancellationToken);
            name = member.User?.Username;
        }
        catch (DiscordRestException ex) when (ex.Code == DiscordErrorCodes.UnknownMember)
        {
            name = null;
        }

        var slug = new string([.. (name ?? "").ToLowerInvariant().Where(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_').Take(32)]);
        return slug.Length == 0 ? "member" : slug;
    }

    private string RegionLabel(string regionKey) => guide.FindRegion(regionKey)?.Label ?? regionKey;

    // X-Audit-Log-Reason holds at most 512 characters.
    private static string AuditReason(string reason) => SecretGuard.Scrub(SafeText.Fit(reason, 500));

    [LoggerMessage(Level = LogLevel.Information, Message = "Ticket {Number} opened for member {MemberId} ({Origin})")]
    private static partial void LogOpened(ILogger logger, int number, ulong memberId, TicketOrigin origin);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ticket {Number} of member {MemberId} got a new card ({Origin})")]
    private static partial void LogAppended(ILogger logger, int number, ulong memberId, TicketOrigin origin);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ticket {Number} of member {MemberId} closed by {ClosedBy}; transcript posted")]
    private static partial void LogClosed(ILogger logger, int number, ulong memberId, ulong? closedBy);

    [LoggerMessage(Level = LogLevel.Information, Message = "Member {MemberId} has DMs closed; the rating for ticket {Number} is asked in the thread")]
    private static partial void LogDmClosed(ILogger logger, int number, ulong memberId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Check of member {MemberId} posted into ticket {Number}")]
    private static partial void LogCheckPosted(ILogger logger, int number, ulong memberId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Requested check of member {MemberId} (asked by {ModeratorId}) posted in the staff channel: no open ticket")]
    private static partial void LogCheckToStaffChannel(ILogger logger, ulong memberId, ulong moderatorId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ticket timer {Kind} performed for ticket {Number}")]
    private static partial void LogTimer(ILogger logger, TicketActionKind kind, int number);
}
