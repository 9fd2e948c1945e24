using AstraBit.SupportBot.Core.Audit;
using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Tickets;
using Microsoft.Extensions.Time.Testing;

namespace AstraBit.SupportBot.Core.Tests.Tickets;

/// <summary>An in-memory ticket store; "a restart" is a new service over the same instance.</summary>
internal sealed class MemoryTicketStore : ITicketStore
{
    private readonly Dictionary<int, Ticket> tickets = [];
    private readonly Lock gate = new();
    private int counter;

    public int Updates { get; private set; }

    public Task<(Ticket Ticket, bool Created)> GetOpenOrCreateAsync(ulong memberId, Func<int, Ticket> create, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            var existing = tickets.Values.FirstOrDefault(t => t.MemberId == memberId && !t.IsClosed);
            if (existing is not null)
            {
                return Task.FromResult((existing, false));
            }

            var ticket = create(++counter);
            tickets[ticket.Number] = ticket;
            return Task.FromResult((ticket, true));
        }
    }

    public Task UpdateAsync(Ticket ticket, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            if (!tickets.ContainsKey(ticket.Number))
            {
                throw new InvalidOperationException("no such ticket");
            }

            tickets[ticket.Number] = ticket;
            Updates++;
            return Task.CompletedTask;
        }
    }

    public Task<Ticket?> GetAsync(int number, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult(tickets.GetValueOrDefault(number));
        }
    }

    public Task<Ticket?> FindByThreadAsync(ulong threadId, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult(tickets.Values.FirstOrDefault(t => t.ThreadId == threadId));
        }
    }

    public Task<Ticket?> FindOpenForMemberAsync(ulong memberId, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult(tickets.Values.FirstOrDefault(t => t.MemberId == memberId && !t.IsClosed));
        }
    }

    public Task<IReadOnlyList<Ticket>> ListOpenAsync(CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<Ticket>>(tickets.Values.Where(t => !t.IsClosed).OrderBy(t => t.Number).ToList());
        }
    }

    public Task<IReadOnlyList<Ticket>> ListClosingAsync(CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<Ticket>>(tickets.Values.Where(t => t.IsClosing).OrderBy(t => t.Number).ToList());
        }
    }

    public Task<IReadOnlyList<Ticket>> ListActiveSinceAsync(DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<Ticket>>(tickets.Values.Where(t => t.OpenedAt >= since || t.ClosedAt >= since).OrderBy(t => t.Number).ToList());
        }
    }

    public Task<(int ClosedErased, IReadOnlyList<int> OpenKept)> EraseClosedTicketDetailsAsync(ulong memberId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            var mine = tickets.Values.Where(t => t.MemberId == memberId).ToList();
            foreach (var closed in mine.Where(t => t.IsClosed))
            {
                tickets[closed.Number] = closed with { Card = null, LaterChecks = [], Notes = [], ErasedAt = closed.ErasedAt ?? at };
            }

            return Task.FromResult<(int, IReadOnlyList<int>)>((mine.Count(t => t.IsClosed), [.. mine.Where(t => !t.IsClosed).Select(t => t.Number).Order()]));
        }
    }
}

internal sealed class MemoryAuditLog : IAuditLog
{
    private readonly List<AuditEntry> entries = [];

    public IReadOnlyList<AuditEntry> Entries => entries;

    public Task WriteAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        entries.Add(entry);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AuditEntry>> RecentAsync(int count, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<AuditEntry>>(entries.AsEnumerable().Reverse().Take(count).ToList());

    public Task<IReadOnlyList<AuditEntry>> ForMemberAsync(ulong memberId, int count = 50, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<AuditEntry>>(entries.Where(e => e.TargetMemberId == memberId).Reverse().Take(count).ToList());
}

/// <summary>A service over a fake clock, store and audit log; <see cref="Restart"/> gives a new service over the same store.</summary>
internal sealed class TicketHarness : IDisposable
{
    public const ulong Member = 111;
    public const ulong OtherMember = 222;
    public const ulong Staff = 900;
    public const ulong OtherStaff = 901;

    public static readonly DateTimeOffset Start = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    public TicketHarness(TicketOptions? options = null)
    {
        Options = options ?? new TicketOptions();
        Service = NewService();
    }

    public FakeTimeProvider Clock { get; } = new(Start);

    public MemoryTicketStore Store { get; } = new();

    public MemoryAuditLog Audit { get; } = new();

    public TicketOptions Options { get; }

    public TicketLedgerDriver Service { get; private set; }

    public static TicketCard Card(string failing = CheckIds.PositionMode, string maskedKey = "…Xy12") => new(
        Verdict.Fail,
        [new TicketCheck(failing, CheckStatus.Fail, "Position mode", "BTCUSDT is in Hedge Mode.", "Switch to One-Way Mode.", 5)],
        [new TicketCheck(CheckIds.Balance, CheckStatus.Warn, "Balance", "Derivatives equity is $80.", "Top up to $100.", null)],
        "unified",
        "Bybit EU",
        maskedKey,
        "Part 2 of 3 · Step 5 of 6",
        Start);

    public void Restart()
    {
        Service.Dispose();
        Service = NewService();
    }

    public async Task<Ticket> OpenAsync(ulong member = Member, TicketCard? card = null)
    {
        var opening = await Service.OpenOrAppendAsync(member, TicketOrigin.CheckFailed, card ?? Card());
        Assert.True(opening.IsNew);
        return opening.Ticket;
    }

    public async Task<Ticket> ReloadAsync(int number) => (await Store.GetAsync(number))!;

    public void Dispose() => Service.Dispose();

    private TicketLedgerDriver NewService() => new(Store, Audit, Clock, Microsoft.Extensions.Options.Options.Create(Options));
}
