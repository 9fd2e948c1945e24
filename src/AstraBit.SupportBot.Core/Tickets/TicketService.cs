using AstraBit.SupportBot.Core.Audit;
using AstraBit.SupportBot.Core.Telemetry;
using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Core.Tickets;

/// <summary>
/// The ticket lifecycle of PRODUCT.md §6 as plain operations. Whether the caller is staff is checked by the caller
/// against the configured roles; this service writes every staff, moderator and bot action to the audit log.
/// Expected refusals come back as <see cref="TicketOutcome"/>s; storage failures throw.
/// </summary>
/// <remarks>
/// Changes are serialised in this instance so that one-ticket-per-member and read-modify-write updates hold when
/// interactions arrive together; register it as a singleton.
/// </remarks>
public sealed class TicketService : IDisposable
{
    public const string MemberLeftReason = "member left the server";
    public const string AutoCloseReason = "no reply from the member after the reminder";

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly ITicketStore store;
    private readonly IAuditLog audit;
    private readonly TimeProvider clock;
    private readonly IOptions<TicketOptions> options;
    private readonly SupportMetrics? metrics;

    // Tickets open now, for the support.tickets.open gauge: read from the store once (under the gate), then kept;
    // -1 until then.
    private int openCount = -1;

    public TicketService(ITicketStore store, IAuditLog audit, TimeProvider clock, IOptions<TicketOptions> options, SupportMetrics? metrics = null)
    {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.options = options;
        this.metrics = metrics;
        metrics?.ObserveOpenTicketsFrom(() => Volatile.Read(ref openCount) is var n and >= 0 ? n : null);
    }

    private TicketOptions Options => options.Value;

    /// <summary>
    /// Opens a ticket for <paramref name="memberId"/>, or, when the member already has an open one, adds
    /// <paramref name="card"/> to it as a later check. <paramref name="requestedBy"/> is the moderator or staff member
    /// who opened it for the member, audited; null when the member (or a failed check) opened it.
    /// </summary>
    public async Task<TicketOpening> OpenOrAppendAsync(ulong memberId, TicketOrigin origin, TicketCard? card, ulong? requestedBy = null, CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = clock.GetUtcNow();
            await CountOpenAsync(cancellationToken).ConfigureAwait(false);
            var (ticket, created) = await store.GetOpenOrCreateAsync(memberId, number => new Ticket(number, memberId, origin, now, card), cancellationToken).ConfigureAwait(false);
            if (created)
            {
                metrics?.TicketOpened(origin);
                AdjustOpen(+1);
                if (requestedBy is { } staff)
                {
                    await WriteAuditAsync(staff, AuditActions.TicketOpened, ticket, $"opened {ticket.DisplayNumber} for the member ({Describe(origin)})", now, cancellationToken).ConfigureAwait(false);
                }

                return new TicketOpening(ticket, IsNew: true, AppendedCard: null);
            }

            if (card is null)
            {
                return new TicketOpening(ticket, IsNew: false, AppendedCard: null);
            }

            var updated = ticket with { LaterChecks = [.. ticket.LaterChecks, card] };
            await store.UpdateAsync(updated, cancellationToken).ConfigureAwait(false);
            return new TicketOpening(updated, IsNew: false, AppendedCard: card);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Records a check the member ran inside the ticket. On a ticket awaiting "Is it fixed?", a check whose verdict is
    /// pass or warn proves the fix and closes it as <see cref="TicketCloseOutcome.ResolvedVerified"/>: when the outcome's
    /// ticket <see cref="Ticket.IsClosed"/>, the caller finishes the close (archive, transcript, rating) as for any other.
    /// </summary>
    public Task<TicketOutcome> AddCheckAsync(int number, TicketCard card, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(card);
        return ChangeAsync(number, cancellationToken, ticket =>
        {
            if (ticket.IsClosed)
            {
                return Refuse(TicketRefusal.Closed, $"Ticket {ticket.DisplayNumber} is closed.", ticket);
            }

            var withCheck = ticket with { LaterChecks = [.. ticket.LaterChecks, card] };
            return ticket.AwaitingConfirmation && card.Verdict is Diagnostics.Verdict.Pass or Diagnostics.Verdict.Warn
                ? CloseNow(withCheck, null, "the member's key check passed", TicketCloseOutcome.ResolvedVerified)
                : Change(withCheck);
        });
    }

    /// <summary>
    /// Staff "Close" on a ticket that <see cref="Ticket.ClosesWithConfirmation"/>: asks instead of closing. The caller posts
    /// "Is it fixed?" with "Run the check", "Yes, close it" and "No, I still need help" in the thread. The ticket stays
    /// open until the member answers, a passing check arrives (<see cref="AddCheckAsync"/>), or
    /// <see cref="TicketOptions.CloseConfirmAfter"/> passes (<see cref="TicketActionKind.CloseUnconfirmed"/>).
    /// </summary>
    public Task<TicketOutcome> RequestCloseAsync(int number, ulong staffId, CancellationToken cancellationToken = default) =>
        ChangeAsync(number, cancellationToken, ticket => ticket switch
        {
            { IsClosed: true } => Refuse(TicketRefusal.Closed, $"Ticket {ticket.DisplayNumber} is already closed.", ticket),
            { AwaitingConfirmation: true } => Refuse(TicketRefusal.AlreadyAwaitingConfirmation, $"Ticket {ticket.DisplayNumber} is already waiting for the member to confirm the fix; force the close to close it now.", ticket),
            _ => Change(
                ticket with { CloseRequestedAt = Now, CloseRequestedBy = staffId, RemindedAt = null },
                new Act(staffId, AuditActions.TicketCloseRequested, $"asked the member whether {ticket.DisplayNumber} is fixed")),
        });

    /// <summary>The member pressed "Yes, close it": closes as <see cref="TicketCloseOutcome.Resolved"/>.</summary>
    public Task<TicketOutcome> ConfirmFixedAsync(int number, ulong memberId, CancellationToken cancellationToken = default) =>
        ChangeAsync(number, cancellationToken, ticket => Answerable(ticket, memberId)
            ?? CloseNow(ticket, null, "the member confirmed it is fixed", TicketCloseOutcome.Resolved));

    /// <summary>
    /// The member pressed "No, I still need help": the ticket stays open (claimed by whoever had it) and no longer waits
    /// for confirmation. The caller tells the claimer (<see cref="Ticket.ClaimedBy"/>, or the support role when unclaimed).
    /// </summary>
    public Task<TicketOutcome> DeclineCloseAsync(int number, ulong memberId, CancellationToken cancellationToken = default) =>
        ChangeAsync(number, cancellationToken, ticket => Answerable(ticket, memberId)
            ?? Change(
                ticket with { CloseRequestedAt = null, CloseRequestedBy = null, LastMemberMessageAt = Latest(ticket.LastMemberMessageAt, Now) },
                new Act(null, AuditActions.TicketCloseDeclined, $"the member still needs help in {ticket.DisplayNumber}; it stays open")));

    /// <summary>Closes a ticket whose "Is it fixed?" went unanswered; refused when that is not (or no longer) due.</summary>
    public Task<TicketOutcome> CloseUnconfirmedAsync(int number, CancellationToken cancellationToken = default) =>
        ChangeAsync(number, cancellationToken, ticket => TicketTimers.CloseUnconfirmedDueAt(ticket, Options) is { } due && due <= Now
            ? CloseNow(ticket, null, "no answer from the member to \"Is it fixed?\"", TicketCloseOutcome.ResolvedUnconfirmed)
            : Refuse(TicketRefusal.NotDue, $"Ticket {ticket.DisplayNumber} is not due to close.", ticket));

    /// <summary>
    /// A staff-only note (at most <see cref="TicketNote.MaxLength"/> characters; anything that looks like a secret is
    /// replaced with "[hidden]"). Never posted in the thread: show notes only to staff (/ticket view) and in the log channel.
    /// </summary>
    public Task<TicketOutcome> AddNoteAsync(int number, ulong staffId, string? text, CancellationToken cancellationToken = default)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return Task.FromResult(TicketOutcome.Refused(TicketRefusal.NoteRequired, "Write the note's text."));
        }

        if (trimmed.Length > TicketNote.MaxLength)
        {
            return Task.FromResult(TicketOutcome.Refused(TicketRefusal.NoteTooLong, $"The note is {trimmed.Length} characters long; keep it to {TicketNote.MaxLength}."));
        }

        var note = new TicketNote(staffId, SecretGuard.Scrub(trimmed), Now);
        return ChangeAsync(number, cancellationToken, ticket => ticket.ErasedAt is not null
            ? Refuse(TicketRefusal.Erased, $"Ticket {ticket.DisplayNumber}'s details were deleted at the member's request.", ticket)
            : Change(ticket with { Notes = [.. ticket.Notes, note] }, new Act(staffId, AuditActions.TicketNoteAdded, $"added a staff note to {ticket.DisplayNumber}")));
    }

    /// <summary>Remembers the thread created for a new ticket. Set once.</summary>
    public Task<TicketOutcome> AttachThreadAsync(int number, ulong threadId, CancellationToken cancellationToken = default) =>
        ChangeAsync(number, cancellationToken, ticket => ticket.ThreadId switch
        {
            null => Change(ticket with { ThreadId = threadId, Built = TicketBuildSteps.None }),
            var existing when existing == threadId => Change(ticket),
            _ => Refuse(TicketRefusal.ThreadAlreadyAttached, $"Ticket {ticket.DisplayNumber} already has a thread.", ticket),
        });

    /// <summary>Records that a build step of the ticket's thread is done (Discord confirmed it); recording it twice is harmless.</summary>
    public Task<TicketOutcome> RecordBuildStepAsync(int number, TicketBuildSteps step, CancellationToken cancellationToken = default) =>
        ChangeAsync(number, cancellationToken, ticket => ticket.ThreadId is null
            ? Refuse(TicketRefusal.NotFound, $"Ticket {ticket.DisplayNumber} has no thread yet.", ticket)
            : Change(ticket with { Built = ticket.Built | step }));

    /// <summary>Records that a Discord step of the ticket's close is done (Discord confirmed it); recording it twice is harmless.</summary>
    public Task<TicketOutcome> RecordCloseStepAsync(int number, TicketCloseSteps step, CancellationToken cancellationToken = default) =>
        ChangeAsync(number, cancellationToken, ticket => ticket.IsClosed
            ? Change(ticket with { CloseDone = ticket.CloseDone | step })
            : Refuse(TicketRefusal.NotClosed, $"Ticket {ticket.DisplayNumber} is not closed.", ticket));

    public Task<TicketOutcome> ClaimAsync(int number, ulong staffId, CancellationToken cancellationToken = default) =>
        ChangeAsync(number, cancellationToken, ticket => ticket.State switch
        {
            TicketState.Closed => Refuse(TicketRefusal.Closed, $"Ticket {ticket.DisplayNumber} is closed; reopen it first.", ticket),
            TicketState.Claimed when ticket.ClaimedBy == staffId => Refuse(TicketRefusal.AlreadyClaimed, $"You have already claimed ticket {ticket.DisplayNumber}.", ticket),
            TicketState.Claimed => Refuse(TicketRefusal.AlreadyClaimed, $"Ticket {ticket.DisplayNumber} is already claimed by someone else; they, or any staff member, can unclaim it.", ticket),
            _ => Change(
                ticket with { State = TicketState.Claimed, ClaimedBy = staffId, ClaimedAt = Now },
                new Act(staffId, AuditActions.TicketClaimed, $"claimed {ticket.DisplayNumber}")),
        });

    /// <summary>Any staff member may unclaim, not only the claimer, so a ticket never stays stuck with someone who is away.</summary>
    public Task<TicketOutcome> UnclaimAsync(int number, ulong staffId, CancellationToken cancellationToken = default) =>
        ChangeAsync(number, cancellationToken, ticket => ticket.State switch
        {
            TicketState.Closed => Refuse(TicketRefusal.Closed, $"Ticket {ticket.DisplayNumber} is closed.", ticket),
            TicketState.Open => Refuse(TicketRefusal.NotClaimed, $"Ticket {ticket.DisplayNumber} is not claimed.", ticket),
            _ => Change(
                ticket with { State = TicketState.Open, ClaimedBy = null, ClaimedAt = null },
                new Act(staffId, AuditActions.TicketUnclaimed, ticket.ClaimedBy == staffId ? $"unclaimed {ticket.DisplayNumber}" : $"unclaimed {ticket.DisplayNumber} from <@{ticket.ClaimedBy}>")),
        });

    /// <summary>
    /// Closes by a staff member, who must give a reason (at most 500 characters; anything in it that looks like a
    /// secret is replaced with "[hidden]"), as <see cref="TicketCloseOutcome.ClosedByStaff"/>: a forced close, or the close
    /// of a ticket that did not begin with a failed check. Also closes a ticket awaiting confirmation. The caller then
    /// archives and locks the thread, posts the transcript and asks the member for a rating.
    /// </summary>
    public Task<TicketOutcome> CloseAsync(int number, ulong staffId, string? reason, CancellationToken cancellationToken = default)
    {
        var trimmed = reason?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return Task.FromResult(TicketOutcome.Refused(TicketRefusal.ReasonRequired, "Give a reason for closing the ticket."));
        }

        if (trimmed.Length > Ticket.MaxCloseReasonLength)
        {
            return Task.FromResult(TicketOutcome.Refused(TicketRefusal.ReasonTooLong, $"The reason is {trimmed.Length} characters long; keep it to {Ticket.MaxCloseReasonLength}."));
        }

        var safe = SecretGuard.Scrub(trimmed);
        return ChangeAsync(number, cancellationToken, ticket => CloseNow(ticket, staffId, safe, TicketCloseOutcome.ClosedByStaff));
    }

    /// <summary>Closes the ticket whose reminder went unanswered; refused when that is not (or no longer) due.</summary>
    public Task<TicketOutcome> AutoCloseAsync(int number, CancellationToken cancellationToken = default) =>
        ChangeAsync(number, cancellationToken, ticket => TicketTimers.AutoCloseDueAt(ticket, Options) is { } due && due <= Now
            ? CloseNow(ticket, null, AutoCloseReason, TicketCloseOutcome.NoReply)
            : Refuse(TicketRefusal.NotDue, $"Ticket {ticket.DisplayNumber} is not due to close.", ticket));

    /// <summary>The member left the guild: their open ticket, if any, closes with "member left the server".</summary>
    public async Task<TicketOutcome> MemberLeftAsync(ulong memberId, CancellationToken cancellationToken = default)
    {
        var open = await store.FindOpenForMemberAsync(memberId, cancellationToken).ConfigureAwait(false);
        return open is null
            ? TicketOutcome.Refused(TicketRefusal.NotFound, "The member has no open ticket.")
            : await ChangeAsync(open.Number, cancellationToken, ticket => CloseNow(ticket, null, MemberLeftReason, TicketCloseOutcome.MemberLeft)).ConfigureAwait(false);
    }

    /// <summary>Reopens a closed ticket, unclaimed, with its timers re-armed; a rating already given stays.</summary>
    public async Task<TicketOutcome> ReopenAsync(int number, ulong staffId, CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var ticket = await store.GetAsync(number, cancellationToken).ConfigureAwait(false);
            if (ticket is null)
            {
                return NotFound(number);
            }

            if (!ticket.IsClosed)
            {
                return TicketOutcome.Refused(TicketRefusal.NotClosed, $"Ticket {ticket.DisplayNumber} is not closed.", ticket);
            }

            if (await store.FindOpenForMemberAsync(ticket.MemberId, cancellationToken).ConfigureAwait(false) is { } other)
            {
                return TicketOutcome.Refused(TicketRefusal.MemberHasAnotherOpenTicket, $"The member already has ticket {other.DisplayNumber} open; continue there.", ticket);
            }

            var now = Now;
            var reopened = ticket with
            {
                State = TicketState.Open,
                ClaimedBy = null,
                ClaimedAt = null,
                ClosedAt = null,
                ClosedBy = null,
                CloseReason = null,
                Outcome = null,
                CloseRequestedAt = null,
                CloseRequestedBy = null,
                ReopenedAt = now,
                EscalatedAt = null,
                RemindedAt = null,
                CloseDone = TicketCloseSteps.All,
            };
            await CountOpenAsync(cancellationToken).ConfigureAwait(false);
            await store.UpdateAsync(reopened, cancellationToken).ConfigureAwait(false);
            AdjustOpen(+1);
            await WriteAuditAsync(staffId, AuditActions.TicketReopened, reopened, $"reopened {ticket.DisplayNumber}", now, cancellationToken).ConfigureAwait(false);
            return TicketOutcome.Done(reopened);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// A message in the ticket's thread. Staff messages (from anyone but the member) set the first reply and last
    /// staff time; the member's set the last member time. Either clears the reminder, so the stale timer counts from
    /// the latest message. Messages from others and from the bot itself should not be recorded.
    /// </summary>
    public Task<TicketOutcome> RecordMessageAsync(int number, ulong authorId, bool isStaff, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        ChangeAsync(number, cancellationToken, ticket =>
        {
            if (ticket.IsClosed)
            {
                return Refuse(TicketRefusal.Closed, $"Ticket {ticket.DisplayNumber} is closed.", ticket);
            }

            if (authorId == ticket.MemberId)
            {
                return Change(ticket with { LastMemberMessageAt = Latest(ticket.LastMemberMessageAt, at), RemindedAt = null });
            }

            return isStaff
                ? Change(ticket with
                {
                    FirstStaffReplyAt = ticket.FirstStaffReplyAt is { } first && first <= at ? first : at,
                    LastStaffMessageAt = Latest(ticket.LastStaffMessageAt, at),
                    RemindedAt = null,
                })
                : Change(ticket);
        });

    /// <summary>The member rates a closed ticket 1–5, once.</summary>
    public Task<TicketOutcome> RateAsync(int number, ulong memberId, int stars, CancellationToken cancellationToken = default) =>
        ChangeAsync(number, cancellationToken, ticket =>
        {
            if (ticket.MemberId != memberId)
            {
                return Refuse(TicketRefusal.NotTheMember, "Only the member the ticket was for can rate it.", ticket);
            }

            if (!ticket.IsClosed)
            {
                return Refuse(TicketRefusal.NotClosed, $"Ticket {ticket.DisplayNumber} can be rated once it is closed.", ticket);
            }

            if (ticket.Rating is not null)
            {
                return Refuse(TicketRefusal.AlreadyRated, $"Ticket {ticket.DisplayNumber} has already been rated. Thank you!", ticket);
            }

            return stars is < 1 or > 5
                ? Refuse(TicketRefusal.RatingOutOfRange, "A rating is 1 to 5 stars.", ticket)
                : Change(ticket with { Rating = stars, RatedAt = Now });
        });

    /// <summary>Every timer due now over every open ticket, earliest first. Read from the store, so it survives restarts.</summary>
    public async Task<IReadOnlyList<TicketAction>> DueActionsAsync(CancellationToken cancellationToken = default)
    {
        var now = Now;
        var open = await store.ListOpenAsync(cancellationToken).ConfigureAwait(false);
        return open.SelectMany(t => TicketTimers.Due(t, now, Options)).OrderBy(a => a.DueAt).ThenBy(a => a.Number).ToList();
    }

    /// <summary>
    /// Performs every timer due now, for a host loop to call on a timer. An escalation or reminder is performed and
    /// then marked, so a crash in between repeats it rather than losing it; an auto-close is recorded first and then
    /// performed (archive the thread, post the transcript, ask for a rating), and skipped if the member answered
    /// meanwhile. A failing action stays due for the next run and does not stop the others; the failures are thrown
    /// together at the end. Returns how many actions were performed.
    /// </summary>
    public async Task<int> RunDueAsync(Func<TicketAction, Task> perform, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(perform);
        var failures = new List<Exception>();
        var performed = 0;
        foreach (var action in await DueActionsAsync(cancellationToken).ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                if (action.Kind is TicketActionKind.AutoClose or TicketActionKind.CloseUnconfirmed)
                {
                    var closing = action.Kind == TicketActionKind.AutoClose
                        ? AutoCloseAsync(action.Number, cancellationToken)
                        : CloseUnconfirmedAsync(action.Number, cancellationToken);
                    if (!(await closing.ConfigureAwait(false)).Succeeded)
                    {
                        continue;
                    }

                    await perform(action).ConfigureAwait(false);
                }
                else
                {
                    await perform(action).ConfigureAwait(false);
                    var mark = action.Kind == TicketActionKind.Escalate
                        ? MarkEscalatedAsync(action.Number, cancellationToken)
                        : MarkRemindedAsync(action.Number, cancellationToken);
                    await mark.ConfigureAwait(false);
                }

                performed++;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                failures.Add(exception);
            }
        }

        return failures.Count switch
        {
            0 => performed,
            1 => throw new TicketTimerException($"Ticket timer action failed: {failures[0].Message}", failures[0]),
            _ => throw new TicketTimerException($"{failures.Count} ticket timer actions failed.", new AggregateException(failures)),
        };
    }

    /// <summary>Records that the support role was pinged again; refused when escalation is not (or no longer) due, so it happens once.</summary>
    public Task<TicketOutcome> MarkEscalatedAsync(int number, CancellationToken cancellationToken = default) =>
        ChangeAsync(number, cancellationToken, ticket => TicketTimers.EscalateDueAt(ticket, Options) is { } due && due <= Now
            ? Change(ticket with { EscalatedAt = Now }, new Act(null, AuditActions.TicketEscalated, $"{ticket.DisplayNumber} unclaimed for {TicketWording.Duration(Now - (ticket.ReopenedAt ?? ticket.OpenedAt))}; support pinged again"))
            : Refuse(TicketRefusal.NotDue, $"Ticket {ticket.DisplayNumber} is not due to escalate.", ticket));

    /// <summary>Records that the member was reminded; refused when the reminder is not (or no longer) due.</summary>
    public Task<TicketOutcome> MarkRemindedAsync(int number, CancellationToken cancellationToken = default) =>
        ChangeAsync(number, cancellationToken, ticket => TicketTimers.RemindDueAt(ticket, Options) is { } due && due <= Now
            ? Change(ticket with { RemindedAt = Now }, new Act(null, AuditActions.TicketReminded, $"reminded the member in {ticket.DisplayNumber}"))
            : Refuse(TicketRefusal.NotDue, $"Ticket {ticket.DisplayNumber} is not due for a reminder.", ticket));

    public Task<Ticket?> GetAsync(int number, CancellationToken cancellationToken = default) => store.GetAsync(number, cancellationToken);

    public Task<Ticket?> FindByThreadAsync(ulong threadId, CancellationToken cancellationToken = default) => store.FindByThreadAsync(threadId, cancellationToken);

    public Task<Ticket?> FindOpenForMemberAsync(ulong memberId, CancellationToken cancellationToken = default) => store.FindOpenForMemberAsync(memberId, cancellationToken);

    /// <summary>Open tickets whose thread is missing or half-built (a crash or an outage stopped the build), in number order.</summary>
    public async Task<IReadOnlyList<Ticket>> ListUnbuiltAsync(CancellationToken cancellationToken = default)
    {
        var open = await store.ListOpenAsync(cancellationToken).ConfigureAwait(false);
        return [.. open.Where(t => !t.IsBuilt)];
    }

    /// <summary>Closed tickets whose close still has Discord steps to do, in number order (a crash or a Discord error stopped them).</summary>
    public Task<IReadOnlyList<Ticket>> ListClosingAsync(CancellationToken cancellationToken = default) => store.ListClosingAsync(cancellationToken);

    /// <summary>Open and claimed tickets for /ticket list: unclaimed first, then oldest first.</summary>
    public async Task<IReadOnlyList<TicketListItem>> ListOpenAsync(CancellationToken cancellationToken = default)
    {
        var now = Now;
        var calendar = Options.Calendar();
        var open = await store.ListOpenAsync(cancellationToken).ConfigureAwait(false);
        return open
            .OrderBy(t => t.State == TicketState.Open ? 0 : 1)
            .ThenBy(t => t.ReopenedAt ?? t.OpenedAt)
            .ThenBy(t => t.Number)
            .Select(t => WithWorkingWait(ListItem(t, now), calendar, now))
            .ToList();
    }

    public void Dispose() => gate.Dispose();

    private static TicketListItem ListItem(Ticket ticket, DateTimeOffset now)
    {
        var since = ticket.ReopenedAt ?? ticket.OpenedAt;
        var age = now - since;
        var ageText = (ticket.ReopenedAt is null ? "opened " : "reopened ") + TicketWording.Ago(since, now);
        if (ticket.WaitingForMember)
        {
            var wait = now - ticket.LastStaffMessageAt!.Value;
            return new TicketListItem(ticket, age, ageText, wait, $"waiting for the member for {TicketWording.Duration(wait)}");
        }

        var waitingSince = Latest(since, ticket.LastMemberMessageAt);
        var staffWait = now - waitingSince;
        return new TicketListItem(ticket, age, ageText, staffWait, $"waiting for staff for {TicketWording.Duration(staffWait)}");
    }

    // Outside always-open hours the wait says how much of it staff could have answered: "waiting for staff for 2 days (3 hours in working hours)".
    private static TicketListItem WithWorkingWait(TicketListItem item, WorkingHours.WorkingCalendar calendar, DateTimeOffset now)
    {
        if (calendar.IsAlwaysOpen)
        {
            return item;
        }

        var working = calendar.WorkingTimeBetween(now - item.Wait, now);
        return item with { WorkingWait = working, WaitText = $"{item.WaitText} ({TicketWording.Duration(working)} in working hours)" };
    }

    private static DateTimeOffset Latest(DateTimeOffset? current, DateTimeOffset candidate) =>
        current is { } value && value > candidate ? value : candidate;

    private static DateTimeOffset Latest(DateTimeOffset current, DateTimeOffset? candidate) =>
        candidate is { } value && value > current ? value : current;

    private static string Describe(TicketOrigin origin) => origin switch
    {
        TicketOrigin.CheckFailed => "a failed check",
        TicketOrigin.Stuck => "stuck in the walkthrough",
        TicketOrigin.ModeratorRequest => "at a moderator's request",
        _ => "by command",
    };

    private static TicketOutcome NotFound(int number) => TicketOutcome.Refused(TicketRefusal.NotFound, $"There is no ticket {Ticket.Format(number)}.");

    private static Decision Change(Ticket ticket, Act? act = null) => new(TicketOutcome.Done(ticket), act);

    private static Decision Refuse(TicketRefusal refusal, string message, Ticket ticket) => new(TicketOutcome.Refused(refusal, message, ticket), null);

    private DateTimeOffset Now => clock.GetUtcNow();

    private static Decision? Answerable(Ticket ticket, ulong memberId)
    {
        if (TicketRules.OnlyTheMember(ticket, memberId, "answer whether their problem is fixed") is { } notTheMember)
        {
            return Refuse(TicketRefusal.NotTheMember, notTheMember, ticket);
        }

        if (ticket.IsClosed)
        {
            return Refuse(TicketRefusal.Closed, $"Ticket {ticket.DisplayNumber} is already closed.", ticket);
        }

        return ticket.AwaitingConfirmation
            ? null
            : Refuse(TicketRefusal.NotAwaitingConfirmation, $"Ticket {ticket.DisplayNumber} is not waiting for your answer any more.", ticket);
    }

    private Decision CloseNow(Ticket ticket, ulong? staffId, string reason, TicketCloseOutcome outcome)
    {
        if (ticket.IsClosed)
        {
            return Refuse(TicketRefusal.Closed, $"Ticket {ticket.DisplayNumber} is already closed.", ticket);
        }

        return Change(
            ticket with { State = TicketState.Closed, ClosedAt = Now, ClosedBy = staffId, CloseReason = reason, Outcome = outcome, RemindedAt = null, CloseDone = TicketRules.FirstCloseSteps(outcome) },
            new Act(staffId, AuditActions.TicketClosed, outcome is TicketCloseOutcome.ResolvedVerified or TicketCloseOutcome.Resolved or TicketCloseOutcome.ResolvedUnconfirmed
                ? $"closed {ticket.DisplayNumber}: {reason} ({outcome.Label()})"
                : $"closed {ticket.DisplayNumber}: {reason}"));
    }

    private async Task<TicketOutcome> ChangeAsync(int number, CancellationToken cancellationToken, Func<Ticket, Decision> decide)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var ticket = await store.GetAsync(number, cancellationToken).ConfigureAwait(false);
            if (ticket is null)
            {
                return NotFound(number);
            }

            var decision = decide(ticket);
            if (decision.Outcome.Ticket is { } changed && decision.Outcome.Succeeded && !ReferenceEquals(changed, ticket))
            {
                await CountOpenAsync(cancellationToken).ConfigureAwait(false);
                await store.UpdateAsync(changed, cancellationToken).ConfigureAwait(false);
                if (!ticket.IsClosed && changed.IsClosed)
                {
                    metrics?.TicketClosed(changed.Outcome);
                    AdjustOpen(-1);
                }
            }

            if (decision.Act is { } act)
            {
                await WriteAuditAsync(act.ActorId, act.Action, ticket, act.Detail, Now, cancellationToken).ConfigureAwait(false);
            }

            return decision.Outcome;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Reads the number of open tickets once, before the first change this service makes (caller holds the gate).</summary>
    private async Task CountOpenAsync(CancellationToken cancellationToken)
    {
        if (metrics is not null && openCount < 0)
        {
            var open = await store.ListOpenAsync(cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref openCount, open.Count);
        }
    }

    private void AdjustOpen(int by)
    {
        if (openCount >= 0)
        {
            Volatile.Write(ref openCount, openCount + by);
        }
    }

    private Task WriteAuditAsync(ulong? actorId, string action, Ticket ticket, string detail, DateTimeOffset at, CancellationToken cancellationToken) =>
        audit.WriteAsync(new AuditEntry(actorId, action, ticket.MemberId, ticket.Number, detail, at), cancellationToken);

    private sealed record Act(ulong? ActorId, string Action, string Detail);

    private sealed record Decision(TicketOutcome Outcome, Act? Act);
}
