using AstraBit.SupportBot.Core.Audit;
using AstraBit.SupportBot.Core.Telemetry;
using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Core.Tickets;

/// <summary>
/// The ticket desk's book: it reads a ticket, asks <see cref="TicketStateMachine"/> what a command does to it, stores
/// the result and writes the audit log, one change at a time. It has no rules of its own and no Discord; only the
/// ticket desk uses it (a test in AstraBit.SupportBot.Tests holds that), so there is one way into tickets.
/// Expected refusals come back as <see cref="TicketOutcome"/>s; storage failures throw.
/// </summary>
/// <remarks>
/// Changes are serialised in this instance so that one-ticket-per-member and read-modify-write updates hold when
/// interactions arrive together; register it as a singleton.
/// </remarks>
public sealed class TicketLedger : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly ITicketStore store;
    private readonly IAuditLog audit;
    private readonly TimeProvider clock;
    private readonly IOptions<TicketOptions> options;
    private readonly SupportMetrics? metrics;

    // Tickets open now, for the support.tickets.open gauge: read from the store once (under the gate), then kept;
    // -1 until then.
    private int openCount = -1;

    public TicketLedger(ITicketStore store, IAuditLog audit, TimeProvider clock, IOptions<TicketOptions> options, SupportMetrics? metrics = null)
    {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.options = options;
        this.metrics = metrics;
        metrics?.ObserveOpenTicketsFrom(() => Volatile.Read(ref openCount) is var n and >= 0 ? n : null);
    }

    private TicketOptions Options => options.Value;

    private DateTimeOffset Now => clock.GetUtcNow();

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
            var now = Now;
            await CountOpenAsync(cancellationToken).ConfigureAwait(false);
            var (ticket, created) = await store.GetOpenOrCreateAsync(memberId, number => TicketStateMachine.Open(number, memberId, origin, card, now), cancellationToken).ConfigureAwait(false);
            if (created)
            {
                metrics?.TicketOpened(origin);
                AdjustOpen(+1);
                if (TicketStateMachine.Opened(ticket, requestedBy) is { } act)
                {
                    await WriteAuditAsync(act, ticket, now, cancellationToken).ConfigureAwait(false);
                }

                return new TicketOpening(ticket, IsNew: true, AppendedCard: null);
            }

            if (TicketStateMachine.Append(ticket, card) is not { } updated)
            {
                return new TicketOpening(ticket, IsNew: false, AppendedCard: null);
            }

            await store.UpdateAsync(updated, cancellationToken).ConfigureAwait(false);
            return new TicketOpening(updated, IsNew: false, AppendedCard: card);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Decides <paramref name="command"/> on ticket <paramref name="number"/> now and stores what changed.</summary>
    public async Task<TicketOutcome> ApplyAsync(int number, TicketCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (TicketStateMachine.CheckInput(command) is { } wrongInput)
        {
            return wrongInput;
        }

        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var ticket = await store.GetAsync(number, cancellationToken).ConfigureAwait(false);
            if (ticket is null)
            {
                return TicketStateMachine.NotFound(number);
            }

            // Only a closed ticket can be reopened, and only when the member has no other ticket open.
            var membersOpen = command is TicketCommand.Reopen && ticket.IsClosed
                ? await store.FindOpenForMemberAsync(ticket.MemberId, cancellationToken).ConfigureAwait(false)
                : null;
            var now = Now;
            var transition = TicketStateMachine.Decide(ticket, command, now, Options, membersOpen);
            if (transition.Changes(ticket))
            {
                var changed = transition.Outcome.Ticket!;
                await CountOpenAsync(cancellationToken).ConfigureAwait(false);
                await store.UpdateAsync(changed, cancellationToken).ConfigureAwait(false);
                if (!ticket.IsClosed && changed.IsClosed)
                {
                    metrics?.TicketClosed(changed.Outcome);
                    AdjustOpen(-1);
                }
                else if (ticket.IsClosed && !changed.IsClosed)
                {
                    AdjustOpen(+1);
                }
            }

            if (transition.Act is { } act)
            {
                await WriteAuditAsync(act, ticket, now, cancellationToken).ConfigureAwait(false);
            }

            return transition.Outcome;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Erases the member's details from each of their closed tickets (see <see cref="ITicketStore.EraseClosedTicketDetailsAsync"/>)
    /// under the same gate as every change, so a reopen or a close step landing at the same moment can't write the old
    /// details back.
    /// </summary>
    public async Task<(int ClosedErased, IReadOnlyList<int> OpenKept)> EraseClosedDetailsAsync(ulong memberId, CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await store.EraseClosedTicketDetailsAsync(memberId, Now, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Every timer due now over every open ticket, earliest first. Read from the store, so it survives restarts.</summary>
    public async Task<IReadOnlyList<TicketAction>> DueActionsAsync(CancellationToken cancellationToken = default)
    {
        var now = Now;
        var open = await store.ListOpenAsync(cancellationToken).ConfigureAwait(false);
        return open.SelectMany(t => TicketTimers.Due(t, now, Options)).OrderBy(a => a.DueAt).ThenBy(a => a.Number).ToList();
    }

    /// <summary>
    /// Performs every timer due now, for the desk's timer loop. An escalation or reminder is performed and then
    /// marked, so a crash in between repeats it rather than losing it; an auto-close is recorded first and then
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
                    TicketCommand close = action.Kind == TicketActionKind.AutoClose ? new TicketCommand.AutoClose() : new TicketCommand.CloseUnconfirmed();
                    if (!(await ApplyAsync(action.Number, close, cancellationToken).ConfigureAwait(false)).Succeeded)
                    {
                        continue;
                    }

                    await perform(action).ConfigureAwait(false);
                }
                else
                {
                    await perform(action).ConfigureAwait(false);
                    TicketCommand mark = action.Kind == TicketActionKind.Escalate ? new TicketCommand.MarkEscalated() : new TicketCommand.MarkReminded();
                    await ApplyAsync(action.Number, mark, cancellationToken).ConfigureAwait(false);
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

    public void Dispose() => gate.Dispose();

    /// <summary>Reads the number of open tickets once, before the first change this ledger makes (caller holds the gate).</summary>
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

    private Task WriteAuditAsync(TicketAct act, Ticket ticket, DateTimeOffset at, CancellationToken cancellationToken) =>
        audit.WriteAsync(new AuditEntry(act.ActorId, act.Action, ticket.MemberId, ticket.Number, act.Detail, at), cancellationToken);
}
