using AstraBit.SupportBot.Core.Audit;
using AstraBit.SupportBot.Core.Privacy;
using AstraBit.SupportBot.Core.Telemetry;
using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Core.Tickets;

/// <summary>
/// Tests' way to drive a <see cref="TicketLedger"/> with no Discord: each command under a name that reads like the
/// lifecycle (ClaimAsync, CloseAsync, …), the reads straight from the store as the ticket desk does them. Shared by
/// the Core, Storage and host tests (linked into each), so they exercise the same ledger and state machine the desk
/// uses without a second copy of the rules.
/// </summary>
internal sealed class TicketLedgerDriver(ITicketStore store, IAuditLog audit, TimeProvider clock, IOptions<TicketOptions> options, SupportMetrics? metrics = null) : IClosedTicketEraser, IDisposable
{
    public const string AutoCloseReason = TicketStateMachine.AutoCloseReason;
    public const string MemberLeftReason = TicketStateMachine.MemberLeftReason;

    public TicketLedger Ledger { get; } = new(store, audit, clock, options, metrics);

    public Task<TicketOpening> OpenOrAppendAsync(ulong memberId, TicketOrigin origin, TicketCard? card, ulong? requestedBy = null) =>
        Ledger.OpenOrAppendAsync(memberId, origin, card, requestedBy);

    public Task<TicketOutcome> AddCheckAsync(int number, TicketCard card) => Ledger.ApplyAsync(number, new TicketCommand.AddCheck(card));

    public Task<TicketOutcome> RequestCloseAsync(int number, ulong staffId) => Ledger.ApplyAsync(number, new TicketCommand.RequestClose(staffId));

    public Task<TicketOutcome> ConfirmFixedAsync(int number, ulong memberId) => Ledger.ApplyAsync(number, new TicketCommand.ConfirmFixed(memberId));

    public Task<TicketOutcome> DeclineCloseAsync(int number, ulong memberId) => Ledger.ApplyAsync(number, new TicketCommand.DeclineClose(memberId));

    public Task<TicketOutcome> CloseUnconfirmedAsync(int number) => Ledger.ApplyAsync(number, new TicketCommand.CloseUnconfirmed());

    public Task<TicketOutcome> AddNoteAsync(int number, ulong staffId, string? text) => Ledger.ApplyAsync(number, new TicketCommand.AddNote(staffId, text));

    public Task<TicketOutcome> AttachThreadAsync(int number, ulong threadId) => Ledger.ApplyAsync(number, new TicketCommand.AttachThread(threadId));

    public Task<TicketOutcome> RecordBuildStepAsync(int number, TicketBuildSteps step) => Ledger.ApplyAsync(number, new TicketCommand.RecordBuildStep(step));

    public Task<TicketOutcome> RecordCloseStepAsync(int number, TicketCloseSteps step) => Ledger.ApplyAsync(number, new TicketCommand.RecordCloseStep(step));

    public Task<TicketOutcome> ClaimAsync(int number, ulong staffId) => Ledger.ApplyAsync(number, new TicketCommand.Claim(staffId));

    public Task<TicketOutcome> UnclaimAsync(int number, ulong staffId) => Ledger.ApplyAsync(number, new TicketCommand.Unclaim(staffId));

    public Task<TicketOutcome> CloseAsync(int number, ulong staffId, string? reason) => Ledger.ApplyAsync(number, new TicketCommand.Close(staffId, reason));

    public Task<TicketOutcome> AutoCloseAsync(int number) => Ledger.ApplyAsync(number, new TicketCommand.AutoClose());

    /// <summary>As the desk does it: the member's open ticket, if any, closes.</summary>
    public async Task<TicketOutcome> MemberLeftAsync(ulong memberId) =>
        await store.FindOpenForMemberAsync(memberId) is { } open
            ? await Ledger.ApplyAsync(open.Number, new TicketCommand.MemberLeft())
            : TicketOutcome.Refused(TicketRefusal.NotFound, "The member has no open ticket.");

    public Task<TicketOutcome> ReopenAsync(int number, ulong staffId) => Ledger.ApplyAsync(number, new TicketCommand.Reopen(staffId));

    public Task<TicketOutcome> RecordMessageAsync(int number, ulong authorId, bool isStaff, DateTimeOffset at) =>
        Ledger.ApplyAsync(number, new TicketCommand.RecordMessage(authorId, isStaff, at));

    public Task<TicketOutcome> RateAsync(int number, ulong memberId, int stars) => Ledger.ApplyAsync(number, new TicketCommand.Rate(memberId, stars));

    public Task<TicketOutcome> MarkEscalatedAsync(int number) => Ledger.ApplyAsync(number, new TicketCommand.MarkEscalated());

    public Task<TicketOutcome> MarkRemindedAsync(int number) => Ledger.ApplyAsync(number, new TicketCommand.MarkReminded());

    public Task<IReadOnlyList<TicketAction>> DueActionsAsync() => Ledger.DueActionsAsync();

    public Task<int> RunDueAsync(Func<TicketAction, Task> perform, CancellationToken cancellationToken = default) => Ledger.RunDueAsync(perform, cancellationToken);

    public Task<Ticket?> GetAsync(int number) => store.GetAsync(number);

    public Task<Ticket?> FindByThreadAsync(ulong threadId) => store.FindByThreadAsync(threadId);

    public Task<Ticket?> FindOpenForMemberAsync(ulong memberId) => store.FindOpenForMemberAsync(memberId);

    public async Task<IReadOnlyList<Ticket>> ListUnbuiltAsync() => [.. (await store.ListOpenAsync()).Where(t => !t.IsBuilt)];

    public Task<IReadOnlyList<Ticket>> ListClosingAsync() => store.ListClosingAsync();

    public async Task<IReadOnlyList<TicketListItem>> ListOpenAsync() => TicketListing.Of(await store.ListOpenAsync(), clock.GetUtcNow(), options.Value);

    /// <summary>A deletion's erasure through the ledger's gate (the desk adds its own lock around it).</summary>
    public Task<(int ClosedErased, IReadOnlyList<int> OpenKept)> EraseClosedTicketDetailsAsync(ulong memberId, CancellationToken cancellationToken = default) =>
        Ledger.EraseClosedDetailsAsync(memberId, cancellationToken);

    public void Dispose() => Ledger.Dispose();
}
