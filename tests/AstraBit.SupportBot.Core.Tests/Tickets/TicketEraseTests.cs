using AstraBit.SupportBot.Core.Tickets;

namespace AstraBit.SupportBot.Core.Tests.Tickets;

/// <summary>A deletion's erasure of closed tickets goes through the ledger's gate, so no change interleaves with it.</summary>
public sealed class TicketEraseTests : IDisposable
{
    private readonly TicketHarness harness = new();

    [Fact]
    public async Task Erase_ClosedAndOpenTickets_ErasesTheClosedOnesDetailsAndKeepsTheOpenOne()
    {
        var closed = await harness.OpenAsync();
        await harness.Service.AddNoteAsync(closed.Number, TicketHarness.Staff, "called them");
        await harness.Service.CloseAsync(closed.Number, TicketHarness.Staff, "fixed");
        var open = await harness.OpenAsync();

        var (erased, kept) = await harness.Service.Ledger.EraseClosedDetailsAsync(TicketHarness.Member);

        Assert.Equal(1, erased);
        Assert.Equal([open.Number], kept);
        var after = await harness.ReloadAsync(closed.Number);
        Assert.Equal((null, 0, harness.Clock.GetUtcNow()), (after.Card, after.Notes.Count, after.ErasedAt!.Value));
        Assert.NotNull((await harness.ReloadAsync(open.Number)).Card);
    }

    [Fact]
    public async Task Erase_WhileAReopenHasReadTheClosedTicket_WaitsAndReportsTheTicketAsOpen()
    {
        var ticket = await harness.OpenAsync();
        await harness.Service.CloseAsync(ticket.Number, TicketHarness.Staff, "fixed");
        var store = new PausingStore(harness.Store);
        using var ledger = new TicketLedger(store, harness.Audit, harness.Clock, Microsoft.Extensions.Options.Options.Create(harness.Options));

        // The reopen has read the closed ticket, details and all, and not yet written it back.
        var reading = store.PauseNextRead();
        var reopen = ledger.ApplyAsync(ticket.Number, new TicketCommand.Reopen(TicketHarness.Staff));
        await reading.Reached;
        var erase = ledger.EraseClosedDetailsAsync(TicketHarness.Member);
        var erasedEarly = erase.IsCompleted;
        reading.Continue();
        var reopened = await reopen;
        var (erased, kept) = await erase;

        // Had the erasure run in between, it would report the ticket erased while the reopen wrote its details back.
        Assert.False(erasedEarly);
        Assert.True(reopened.Succeeded);
        Assert.Equal(0, erased);
        Assert.Equal([ticket.Number], kept);
        var stored = await harness.ReloadAsync(ticket.Number);
        Assert.Equal((TicketState.Open, (DateTimeOffset?)null), (stored.State, stored.ErasedAt));
        Assert.NotNull(stored.Card);
    }

    public void Dispose() => harness.Dispose();

    /// <summary>The memory store, with one read that stops until the test lets it go on.</summary>
    private sealed class PausingStore(MemoryTicketStore inner) : ITicketStore
    {
        private Pause? pause;

        public Pause PauseNextRead() => pause = new Pause();

        public async Task<Ticket?> GetAsync(int number, CancellationToken cancellationToken = default)
        {
            var ticket = await inner.GetAsync(number, cancellationToken);
            if (Interlocked.Exchange(ref pause, null) is { } paused)
            {
                await paused.WaitAsync();
            }

            return ticket;
        }

        public Task<(Ticket Ticket, bool Created)> GetOpenOrCreateAsync(ulong memberId, Func<int, Ticket> create, CancellationToken cancellationToken = default) =>
            inner.GetOpenOrCreateAsync(memberId, create, cancellationToken);

        public Task UpdateAsync(Ticket ticket, CancellationToken cancellationToken = default) => inner.UpdateAsync(ticket, cancellationToken);

        public Task<Ticket?> FindByThreadAsync(ulong threadId, CancellationToken cancellationToken = default) => inner.FindByThreadAsync(threadId, cancellationToken);

        public Task<Ticket?> FindOpenForMemberAsync(ulong memberId, CancellationToken cancellationToken = default) => inner.FindOpenForMemberAsync(memberId, cancellationToken);

        public Task<IReadOnlyList<Ticket>> ListOpenAsync(CancellationToken cancellationToken = default) => inner.ListOpenAsync(cancellationToken);

        public Task<IReadOnlyList<Ticket>> ListClosingAsync(CancellationToken cancellationToken = default) => inner.ListClosingAsync(cancellationToken);

        public Task<IReadOnlyList<Ticket>> ListActiveSinceAsync(DateTimeOffset since, CancellationToken cancellationToken = default) => inner.ListActiveSinceAsync(since, cancellationToken);

        public Task<(int ClosedErased, IReadOnlyList<int> OpenKept)> EraseClosedTicketDetailsAsync(ulong memberId, DateTimeOffset at, CancellationToken cancellationToken = default) =>
            inner.EraseClosedTicketDetailsAsync(memberId, at, cancellationToken);
    }

    private sealed class Pause
    {
        private readonly TaskCompletionSource reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource proceed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Reached => reached.Task;

        public void Continue() => proceed.SetResult();

        public Task WaitAsync()
        {
            reached.SetResult();
            return proceed.Task;
        }
    }
}
