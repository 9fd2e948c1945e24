using System.Globalization;
using AstraBit.SupportBot.Core;
using AstraBit.SupportBot.Core.Audit;
using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Core.KeyChecks;
using AstraBit.SupportBot.Core.Privacy;
using AstraBit.SupportBot.Core.Text;
using AstraBit.SupportBot.Core.Tickets;
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
/// The one way into tickets (PRODUCT.md §6), for reads and writes. Every change is a <see cref="TicketCommand"/> the
/// ledger decides with <see cref="TicketStateMachine"/> and stores with its audit entry; the desk then does the Discord
/// side through its port (<see cref="ITicketDiscord"/>), recording each step Discord confirmed: the private thread in
/// the support channel with the member added and the card first, the staff notice with Join and Claim, claiming,
/// closing (announce, rating, archive and lock, transcript to the log channel), reopening, ratings, check results and
/// the timers' messages. Handlers only parse what was clicked and answer with the outcome.
/// </summary>
public sealed partial class TicketDesk(
    TicketLedger ledger,
    ITicketStore store,
    ITicketOutbox outbox,
    ITicketDiscord discordSide,
    TicketDeskLock deskLock,
    GuideContent guide,
    IAuditLog audit,
    [FromKeyedServices(SupportClock.Key)] TimeProvider clock,
    IOptions<TicketOptions> options,
    ILogger<TicketDesk> logger) : ITicketDesk, IClosedTicketEraser
{
    /// <summary>Audit action for a staff member joining a ticket's thread from the staff notice.</summary>
    public const string JoinedAction = "ticket.join";

    /// <remarks>
    /// A ticket whose thread is missing or half-built (a crash or an outage stopped it) is repaired here: whatever
    /// step is not recorded as done is done now, so `/ticket open` and a new failure never point at a thread the
    /// member can't open.
    /// </remarks>
    public async Task<Ticket> OpenOrAppendAsync(ulong memberId, TicketOrigin origin, TicketCard? card, ulong? requestedBy, CancellationToken cancellationToken)
    {
        await deskLock.Gate.WaitAsync(cancellationToken);
        try
        {
            return await OpenOrAppendLockedAsync(memberId, origin, card, requestedBy, cancellationToken);
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
                var ticket = decision.Pending is { } pending
                    ? await CompleteAsync(pending, cancellationToken)
                    : await OpenOrAppendAsync(memberId, origin, decision.Card, decision.RequestedBy, cancellationToken);
                return new CheckTicketOutcome(ticket, Posted: ticket is not null);
            case KeyCheckTicketAction.PostIntoOpenTicket:
                return await PostCheckAsync(memberId, check.Report, check.RegionKey, cancellationToken);
            case KeyCheckTicketAction.PostIntoOpenTicketOrStaffChannel:
                var posted = await PostCheckAsync(memberId, check.Report, check.RegionKey, cancellationToken);
                if (posted.Posted || decision.RequestedBy is not { } moderatorId)
                {
                    return posted;
                }

                await discordSide.PostCheckToStaffAsync(memberId, moderatorId, check.Report, check.RegionKey, cancellationToken);
                LogCheckToStaffChannel(logger, memberId, moderatorId);
                return new CheckTicketOutcome(null, Posted: false);
            default:
                return new CheckTicketOutcome(null, Posted: false);
        }
    }

    /// <summary>
    /// The outbox's background step: completes every pending ticket of a failed check (after a restart, or after
    /// Discord failed the first time), repairs every open ticket still half-built, and finishes every close whose
    /// Discord steps are not all recorded. What fails stays pending for the next run and doesn't stop the rest.
    /// Returns how many pieces of work were completed, repaired or finished.
    /// </summary>
    public async Task<int> CompletePendingAsync(CancellationToken cancellationToken)
    {
        var done = 0;
        var failures = new List<Exception>();
        foreach (var work in await outbox.PendingAsync(cancellationToken))
        {
            try
            {
                if (await CompleteAsync(work, cancellationToken) is not null)
                {
                    done++;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failures.Add(ex);
            }
        }

        foreach (var unbuilt in (await store.ListOpenAsync(cancellationToken)).Where(t => !t.IsBuilt))
        {
            try
            {
                if (await RepairAsync(unbuilt.Number, cancellationToken))
                {
                    done++;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failures.Add(ex);
            }
        }

        // Closes a crash or a Discord error interrupted: whatever step is not recorded as done is done now.
        foreach (var closing in await store.ListClosingAsync(cancellationToken))
        {
            try
            {
                if (await FinishCloseAsync(closing.Number, cancellationToken))
                {
                    done++;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failures.Add(ex);
            }
        }

        return failures.Count switch
        {
            0 => done,
            1 => throw new InvalidOperationException($"Completing pending ticket work failed: {failures[0].Message}", failures[0]),
            _ => throw new InvalidOperationException($"{failures.Count} pieces of pending ticket work failed.", new AggregateException(failures)),
        };
    }

    /// <summary>Builds (or adds to) the ticket a failed check promised, once: null when it was completed meanwhile by the other path.</summary>
    private async Task<Ticket?> CompleteAsync(PendingTicket work, CancellationToken cancellationToken)
    {
        await deskLock.Gate.WaitAsync(cancellationToken);
        try
        {
            // The live check and the background step may both reach the same work; whoever comes second finds it done.
            if (!await outbox.IsPendingAsync(work.Id, cancellationToken))
            {
                return await store.FindOpenForMemberAsync(work.MemberId, cancellationToken);
            }

            // The card may be on the ticket already (a crash after adding it, before the work was marked done): then
            // only what is missing is built, and the card isn't posted twice.
            var open = await store.FindOpenForMemberAsync(work.MemberId, cancellationToken);
            var card = open is not null && open.AllCards.Any(c => SameCheck(c, work.Card)) ? null : work.Card;
            return await OpenOrAppendLockedAsync(work.MemberId, work.Origin, card, work.RequestedBy, cancellationToken, completes: work.Id);
        }
        finally
        {
            deskLock.Gate.Release();
        }
    }

    private static bool SameCheck(TicketCard a, TicketCard b) => a.CheckedAt is not null && a.CheckedAt == b.CheckedAt && a.MaskedKey == b.MaskedKey && a.Verdict == b.Verdict;

    private async Task<bool> RepairAsync(int number, CancellationToken cancellationToken)
    {
        await deskLock.Gate.WaitAsync(cancellationToken);
        try
        {
            var ticket = await store.GetAsync(number, cancellationToken);
            if (ticket is null || ticket.IsClosed || ticket.IsBuilt)
            {
                return false;
            }

            await BuildAsync(ticket, requestedBy: null, cancellationToken);
            LogRepaired(logger, ticket.Number, ticket.MemberId);
            return true;
        }
        finally
        {
            deskLock.Gate.Release();
        }
    }

    // completes: the failed check's promise this keeps, done as soon as the ticket holds the card, before any
    // Discord step. What Discord has not built yet is RepairAsync's to finish; keeping the promise until then would let
    // a staff close in between leave it pending, and the next outbox run open the member a second ticket.
    private async Task<Ticket> OpenOrAppendLockedAsync(ulong memberId, TicketOrigin origin, TicketCard? card, ulong? requestedBy, CancellationToken cancellationToken, long? completes = null)
    {
        var opening = await ledger.OpenOrAppendAsync(memberId, origin, card, requestedBy, cancellationToken);
        if (completes is { } work)
        {
            await outbox.CompleteAsync(work, cancellationToken);
        }

        var ticket = opening.Ticket;
        if (!ticket.IsBuilt)
        {
            var hadThread = ticket.ThreadId is not null;
            ticket = await BuildAsync(ticket, requestedBy, cancellationToken);
            if (opening.IsNew)
            {
                LogOpened(logger, ticket.Number, memberId, origin);
                return ticket;
            }

            LogRepaired(logger, ticket.Number, memberId);

            // A thread made just now starts with the opening card; only a repaired one still needs the new card.
            if (!hadThread)
            {
                return ticket;
            }
        }

        if (opening.AppendedCard is { } appended && ticket.ThreadId is { } thread)
        {
            await discordSide.PostAppendedCardAsync(ticket with { ThreadId = thread }, appended, origin, cancellationToken);
            LogAppended(logger, ticket.Number, memberId, origin);
        }

        return ticket;
    }

    /// <summary>Posts a check result into the member's open ticket; not posted when the member has none open.</summary>
    private async Task<CheckTicketOutcome> PostCheckAsync(ulong memberId, DiagnosticReport report, string regionKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var ticket = await store.FindOpenForMemberAsync(memberId, cancellationToken);
        if (ticket is null)
        {
            return new CheckTicketOutcome(null, Posted: false);
        }

        var recorded = await ledger.ApplyAsync(ticket.Number, new TicketCommand.AddCheck(TicketCard.FromReport(report, RegionLabel(regionKey))), cancellationToken);
        if (!recorded.Succeeded || ticket.ThreadId is not { } thread)
        {
            return new CheckTicketOutcome(null, Posted: false);
        }

        await discordSide.PostCheckAsync(thread, memberId, report, cancellationToken);
        LogCheckPosted(logger, ticket.Number, memberId);

        // A passing check while "Is it fixed?" waits closed the ticket as resolved — verified: finish it like any close.
        if (recorded.Ticket.IsClosed)
        {
            await FinishCloseOrLeaveItAsync(recorded.Ticket, cancellationToken);
            return new CheckTicketOutcome(recorded.Ticket, Posted: true);
        }

        return new CheckTicketOutcome(ticket, Posted: true);
    }

    /// <summary>The ticket with that number; null when there is none.</summary>
    public Task<Ticket?> GetAsync(int number, CancellationToken cancellationToken) => store.GetAsync(number, cancellationToken);

    /// <summary>The ticket whose thread this is; null when the channel is no ticket's thread.</summary>
    public Task<Ticket?> FindByThreadAsync(ulong threadId, CancellationToken cancellationToken) => store.FindByThreadAsync(threadId, cancellationToken);

    /// <summary>The member's open (or claimed) ticket; null when they have none.</summary>
    public Task<Ticket?> FindOpenForMemberAsync(ulong memberId, CancellationToken cancellationToken) => store.FindOpenForMemberAsync(memberId, cancellationToken);

    /// <summary>/ticket list: open tickets, unclaimed first, with their ages and waits in words.</summary>
    public async Task<IReadOnlyList<TicketListItem>> ListOpenAsync(CancellationToken cancellationToken) =>
        TicketListing.Of(await store.ListOpenAsync(cancellationToken), clock.GetUtcNow(), options.Value);

    /// <summary>
    /// A deletion's erasure of the member's closed tickets: under the desk's lock (no close being finished posts a
    /// transcript from the old details meanwhile) and the ledger's gate (no reopen or close step writes them back).
    /// </summary>
    public async Task<(int ClosedErased, IReadOnlyList<int> OpenKept)> EraseClosedTicketDetailsAsync(ulong memberId, CancellationToken cancellationToken = default)
    {
        await deskLock.Gate.WaitAsync(cancellationToken);
        try
        {
            return await ledger.EraseClosedDetailsAsync(memberId, cancellationToken);
        }
        finally
        {
            deskLock.Gate.Release();
        }
    }

    /// <summary>Runs every ticket timer due now (<see cref="TicketLedger.RunDueAsync"/>), performing each here.</summary>
    public Task<int> RunDueTimersAsync(CancellationToken cancellationToken) =>
        // Stopping cancels an action being performed, never the recording of one performed: a reminder that was sent
        // but not marked would be sent again by the next bot.
        ledger.RunDueAsync(action => PerformAsync(action, cancellationToken), CancellationToken.None);

    /// <summary>Adds a staff member to the ticket's private thread (they can't find a private thread on their own); returns what to tell them.</summary>
    public async Task<string> JoinAsync(int number, ulong staffId, LocaleTexts reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var ticket = await store.GetAsync(number, cancellationToken);
        if (ticket is null)
        {
            return reader.Get(TextIds.TicketRefusals.NotFound, ("ticket", Ticket.Format(number)));
        }

        if (ticket.ThreadId is not { } thread)
        {
            return reader.Get(TextIds.TicketReply.NoThreadYet, ("ticket", ticket.DisplayNumber));
        }

        if (ticket.IsClosed)
        {
            return reader.Get(TextIds.TicketReply.ClosedSeeTranscript, ("ticket", ticket.DisplayNumber), ("channel", discordSide.TranscriptChannel));
        }

        await discordSide.AddToThreadAsync(thread, staffId, cancellationToken);
        await audit.WriteAsync(new AuditEntry(staffId, JoinedAction, ticket.MemberId, ticket.Number, $"joined {ticket.DisplayNumber}", clock.GetUtcNow()), cancellationToken);
        return reader.Get(TextIds.TicketReply.Joined, ("thread", TicketMessages.Channel(thread)));
    }

    /// <summary>A message in the ticket's thread, for the first-response and stale times (no Discord side).</summary>
    public Task<TicketOutcome> RecordMessageAsync(int number, ulong authorId, bool isStaff, DateTimeOffset at, CancellationToken cancellationToken) =>
        ledger.ApplyAsync(number, new TicketCommand.RecordMessage(authorId, isStaff, at), cancellationToken);

    /// <summary>Claims the ticket for <paramref name="staffId"/>, adds them to the thread (when they claimed from the staff channel) and tells the thread.</summary>
    public async Task<TicketOutcome> ClaimAsync(int number, ulong staffId, CancellationToken cancellationToken)
    {
        var outcome = await ledger.ApplyAsync(number, new TicketCommand.Claim(staffId), cancellationToken);
        if (outcome.Succeeded && outcome.Ticket.ThreadId is { } thread)
        {
            await discordSide.AddToThreadAsync(thread, staffId, cancellationToken);
            await discordSide.AnnounceClaimedAsync(outcome.Ticket, staffId, cancellationToken);
        }

        return outcome;
    }

    public async Task<TicketOutcome> UnclaimAsync(int number, ulong staffId, CancellationToken cancellationToken)
    {
        var outcome = await ledger.ApplyAsync(number, new TicketCommand.Unclaim(staffId), cancellationToken);
        if (outcome.Succeeded && outcome.Ticket.ThreadId is not null)
        {
            await discordSide.AnnounceUnclaimedAsync(outcome.Ticket, staffId, cancellationToken);
        }

        return outcome;
    }

    /// <summary>
    /// Closes the ticket with a reason, asks the member for a rating and files the transcript. The close is recorded
    /// before <paramref name="acknowledge"/> tells Discord the button or command was received, so a crash right after
    /// still ends in a closed ticket: the outbox finishes the Discord steps.
    /// </summary>
    public async Task<TicketOutcome> CloseAsync(int number, ulong staffId, string? reason, Func<TicketOutcome, CancellationToken, Task>? acknowledge, CancellationToken cancellationToken)
    {
        var outcome = await ledger.ApplyAsync(number, new TicketCommand.Close(staffId, reason), cancellationToken);
        return await AfterCloseDecisionAsync(outcome, acknowledge, cancellationToken);
    }

    /// <summary>
    /// Staff "Close" on a ticket that began with a failed check: asks the member "Is it fixed?" in the thread instead of
    /// closing; the answer, a passing check or the CloseConfirmAfter timer closes it.
    /// </summary>
    public async Task<TicketOutcome> RequestCloseAsync(int number, ulong staffId, CancellationToken cancellationToken)
    {
        var outcome = await ledger.ApplyAsync(number, new TicketCommand.RequestClose(staffId), cancellationToken);
        if (outcome.Succeeded && outcome.Ticket.ThreadId is not null)
        {
            await discordSide.AskIsItFixedAsync(outcome.Ticket, staffId, cancellationToken);
        }

        return outcome;
    }

    /// <summary>The member pressed "Yes, close it": closed as resolved (recorded before the acknowledgement), with the transcript and the rating question.</summary>
    public async Task<TicketOutcome> ConfirmFixedAsync(int number, ulong memberId, Func<TicketOutcome, CancellationToken, Task>? acknowledge, CancellationToken cancellationToken)
    {
        var outcome = await ledger.ApplyAsync(number, new TicketCommand.ConfirmFixed(memberId), cancellationToken);
        return await AfterCloseDecisionAsync(outcome, acknowledge, cancellationToken);
    }

    private async Task<TicketOutcome> AfterCloseDecisionAsync(TicketOutcome outcome, Func<TicketOutcome, CancellationToken, Task>? acknowledge, CancellationToken cancellationToken)
    {
        if (acknowledge is not null)
        {
            await acknowledge(outcome, cancellationToken);
        }

        if (outcome.Succeeded)
        {
            await FinishCloseOrLeaveItAsync(outcome.Ticket, cancellationToken);
        }

        return outcome;
    }

    /// <summary>The member pressed "No, I still need help": the ticket stays open and the claimer (or, unclaimed, the support role) is told.</summary>
    public async Task<TicketOutcome> DeclineCloseAsync(int number, ulong memberId, Func<TicketOutcome, CancellationToken, Task>? acknowledge, CancellationToken cancellationToken)
    {
        var outcome = await ledger.ApplyAsync(number, new TicketCommand.DeclineClose(memberId), cancellationToken);
        if (acknowledge is not null)
        {
            await acknowledge(outcome, cancellationToken);
        }

        if (outcome.Succeeded)
        {
            await discordSide.TellStillNeedsHelpAsync(outcome.Ticket, cancellationToken);
        }

        return outcome;
    }

    /// <summary>A staff-only note: stored with the ticket, never posted anywhere the member can see it.</summary>
    public Task<TicketOutcome> AddNoteAsync(int number, ulong staffId, string? text, CancellationToken cancellationToken) =>
        ledger.ApplyAsync(number, new TicketCommand.AddNote(staffId, text), cancellationToken);

    /// <summary>The member left the server: their open ticket closes with its transcript; nobody is asked for a rating.</summary>
    public async Task<TicketOutcome> MemberLeftAsync(ulong memberId, CancellationToken cancellationToken)
    {
        var open = await store.FindOpenForMemberAsync(memberId, cancellationToken);
        var outcome = open is null
            ? TicketOutcome.Refused(TicketRefusal.NotFound, "The member has no open ticket.")
            : await ledger.ApplyAsync(open.Number, new TicketCommand.MemberLeft(), cancellationToken);
        if (outcome.Succeeded)
        {
            await FinishCloseOrLeaveItAsync(outcome.Ticket, cancellationToken);
        }

        return outcome;
    }

    /// <summary>Reopens the ticket: unlocks and unarchives the thread and says so in it.</summary>
    public async Task<TicketOutcome> ReopenAsync(int number, ulong staffId, CancellationToken cancellationToken)
    {
        var outcome = await ledger.ApplyAsync(number, new TicketCommand.Reopen(staffId), cancellationToken);
        if (outcome.Succeeded && outcome.Ticket.ThreadId is not null)
        {
            await discordSide.ReopenThreadAsync(outcome.Ticket, staffId, cancellationToken);
        }

        return outcome;
    }

    /// <summary>Stores the member's rating; the log channel hears it too, next to the transcript.</summary>
    public async Task<TicketOutcome> RateAsync(int number, ulong memberId, int stars, CancellationToken cancellationToken)
    {
        var outcome = await ledger.ApplyAsync(number, new TicketCommand.Rate(memberId, stars), cancellationToken);
        if (outcome.Succeeded)
        {
            await discordSide.LogRatingAsync(outcome.Ticket, stars, cancellationToken);
        }

        return outcome;
    }

    /// <summary>
    /// The Discord side of a recorded close; a failure is logged and left to the outbox, which retries until every step
    /// is done: the close itself stands, so the caller still answers that the ticket is closed.
    /// </summary>
    private async Task FinishCloseOrLeaveItAsync(Ticket closed, CancellationToken cancellationToken)
    {
        try
        {
            await FinishCloseAsync(closed.Number, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogCloseLeftForOutbox(logger, closed.Number, ex);
        }
    }

    /// <summary>
    /// After the ticket closed, one recorded step at a time, skipping what is recorded as done: the last word in the
    /// thread, the rating question (a DM; in the thread, before it locks, when the member's DMs are closed), archive and
    /// lock with the reason in Discord's audit log, then the transcript and summary to the log channel. Each message
    /// carries a nonce Discord enforces, so a step Discord did but the bot had not recorded yet shows once.
    /// Returns false when there was nothing left to do.
    /// </summary>
    private async Task<bool> FinishCloseAsync(int number, CancellationToken cancellationToken)
    {
        await deskLock.Gate.WaitAsync(cancellationToken);
        try
        {
            // The live close and the outbox may both reach the same close; whoever comes second finds it done.
            var closed = await store.GetAsync(number, cancellationToken);
            if (closed is not { IsClosing: true })
            {
                return false;
            }

            var thread = closed.ThreadId;
            if (!closed.CloseDone.HasFlag(TicketCloseSteps.Announced))
            {
                if (thread is not null)
                {
                    await discordSide.AnnounceClosedAsync(closed, Nonce(closed, TicketCloseSteps.Announced), cancellationToken);
                }

                closed = await CloseStepDoneAsync(closed, TicketCloseSteps.Announced, cancellationToken);
            }

            if (!closed.CloseDone.HasFlag(TicketCloseSteps.RatingRequested))
            {
                await discordSide.AskForRatingAsync(closed, Nonce(closed, TicketCloseSteps.RatingRequested), cancellationToken);
                closed = await CloseStepDoneAsync(closed, TicketCloseSteps.RatingRequested, cancellationToken);
            }

            if (!closed.CloseDone.HasFlag(TicketCloseSteps.Archived))
            {
                if (thread is not null)
                {
                    await discordSide.ArchiveThreadAsync(closed, cancellationToken);
                }

                closed = await CloseStepDoneAsync(closed, TicketCloseSteps.Archived, cancellationToken);
            }

            if (!closed.CloseDone.HasFlag(TicketCloseSteps.TranscriptPosted))
            {
                await discordSide.PostTranscriptAsync(closed, Nonce(closed, TicketCloseSteps.TranscriptPosted), cancellationToken);
                await CloseStepDoneAsync(closed, TicketCloseSteps.TranscriptPosted, cancellationToken);
            }

            LogClosed(logger, closed.Number, closed.MemberId, closed.ClosedBy);
            return true;
        }
        finally
        {
            deskLock.Gate.Release();
        }
    }

    private async Task<Ticket> CloseStepDoneAsync(Ticket ticket, TicketCloseSteps step, CancellationToken cancellationToken)
    {
        var recorded = await ledger.ApplyAsync(ticket.Number, new TicketCommand.RecordCloseStep(step), cancellationToken);
        return recorded.Ticket ?? ticket with { CloseDone = ticket.CloseDone | step };
    }

    /// <summary>
    /// The same for every attempt at one step of one close, different for the next close of a reopened ticket:
    /// "c42.1765123456.8" (ticket, close time, step) — within Discord's 25 characters.
    /// </summary>
    internal static string Nonce(Ticket closed, TicketCloseSteps step) =>
        string.Create(CultureInfo.InvariantCulture, $"c{closed.Number}.{closed.ClosedAt?.ToUnixTimeSeconds()}.{(int)step}");

    /// <summary>Performs one due timer for <see cref="TicketLedger.RunDueAsync"/>.</summary>
    public async Task PerformAsync(TicketAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        var ticket = await store.GetAsync(action.Number, cancellationToken)
            ?? throw new InvalidOperationException($"Ticket {Ticket.Format(action.Number)} vanished while its timer ran.");
        switch (action.Kind)
        {
            case TicketActionKind.Escalate:
                await discordSide.EscalateAsync(ticket, clock.GetUtcNow(), cancellationToken);
                break;
            case TicketActionKind.Remind when ticket.ThreadId is not null:
                await discordSide.RemindAsync(ticket, cancellationToken);
                break;
            case TicketActionKind.Remind:
                break;
            case TicketActionKind.AutoClose or TicketActionKind.CloseUnconfirmed:
                // Recorded as closed by the timer run; a step that fails here is finished by the outbox.
                await FinishCloseAsync(ticket.Number, cancellationToken);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(action), action.Kind, "Unknown ticket timer.");
        }

        LogTimer(logger, action.Kind, action.Number);
    }

    /// <summary>
    /// Builds the ticket's thread one recorded step at a time (thread, card and welcome, member added, staff notice),
    /// skipping what is recorded as done, so a crash or an outage anywhere resumes instead of starting over.
    /// </summary>
    private async Task<Ticket> BuildAsync(Ticket ticket, ulong? requestedBy, CancellationToken cancellationToken)
    {
        if (ticket.ThreadId is null)
        {
            var created = await discordSide.CreateThreadAsync(ticket, cancellationToken);
            var attached = await ledger.ApplyAsync(ticket.Number, new TicketCommand.AttachThread(created), cancellationToken);
            ticket = attached.Ticket ?? ticket with { ThreadId = created, Built = TicketBuildSteps.None };
        }

        var thread = ticket.ThreadId!.Value;

        // The card comes first, so whoever opens the thread starts from the diagnosis.
        if (!ticket.Built.HasFlag(TicketBuildSteps.CardPosted))
        {
            // Outside working hours the member hears honestly when someone will be there.
            await discordSide.PostOpeningAsync(ticket, options.Value.Calendar().WhenStaffReturn(clock.GetUtcNow()), cancellationToken);

            ticket = await StepDoneAsync(ticket, TicketBuildSteps.CardPosted, cancellationToken);
        }

        if (!ticket.Built.HasFlag(TicketBuildSteps.MemberAdded))
        {
            await discordSide.AddToThreadAsync(thread, ticket.MemberId, cancellationToken);
            ticket = await StepDoneAsync(ticket, TicketBuildSteps.MemberAdded, cancellationToken);
        }

        if (!ticket.Built.HasFlag(TicketBuildSteps.StaffNotified))
        {
            await discordSide.NotifyStaffAsync(ticket, requestedBy, cancellationToken);
            ticket = await StepDoneAsync(ticket, TicketBuildSteps.StaffNotified, cancellationToken);
        }

        return ticket;
    }

    private async Task<Ticket> StepDoneAsync(Ticket ticket, TicketBuildSteps step, CancellationToken cancellationToken)
    {
        var recorded = await ledger.ApplyAsync(ticket.Number, new TicketCommand.RecordBuildStep(step), cancellationToken);
        return recorded.Ticket ?? ticket with { Built = ticket.Built | step };
    }

    private string RegionLabel(string regionKey) => guide.FindRegion(regionKey)?.Label ?? regionKey;

    [LoggerMessage(Level = LogLevel.Information, Message = "Ticket {Number} opened for member {MemberId} ({Origin})")]
    private static partial void LogOpened(ILogger logger, int number, ulong memberId, TicketOrigin origin);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ticket {Number} of member {MemberId} was half-built; the missing steps are done now")]
    private static partial void LogRepaired(ILogger logger, int number, ulong memberId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ticket {Number} of member {MemberId} got a new card ({Origin})")]
    private static partial void LogAppended(ILogger logger, int number, ulong memberId, TicketOrigin origin);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ticket {Number} is closed; finishing it in Discord failed, and the ticket outbox retries what is left")]
    private static partial void LogCloseLeftForOutbox(ILogger logger, int number, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ticket {Number} of member {MemberId} closed by {ClosedBy}; transcript posted")]
    private static partial void LogClosed(ILogger logger, int number, ulong memberId, ulong? closedBy);

    [LoggerMessage(Level = LogLevel.Information, Message = "Check of member {MemberId} posted into ticket {Number}")]
    private static partial void LogCheckPosted(ILogger logger, int number, ulong memberId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Requested check of member {MemberId} (asked by {ModeratorId}) posted in the staff channel: no open ticket")]
    private static partial void LogCheckToStaffChannel(ILogger logger, ulong memberId, ulong moderatorId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ticket timer {Kind} performed for ticket {Number}")]
    private static partial void LogTimer(ILogger logger, TicketActionKind kind, int number);
}
