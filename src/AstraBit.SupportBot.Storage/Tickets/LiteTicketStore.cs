using System.Globalization;
using System.Runtime.CompilerServices;
using AstraBit.SupportBot.Core.Tickets;
using AstraBit.SupportBot.Storage.Stats;
using LiteDB;

namespace AstraBit.SupportBot.Storage.Tickets;

/// <summary>
/// Tickets in the data file, keyed by number, indexed by member-and-state, thread and times. The next number lives
/// in a counter document written in the same transaction as the ticket, so a number is never handed out twice, also
/// across restarts and crashes.
/// </summary>
public sealed class LiteTicketStore : ITicketStore
{
    // One gate per data file, shared by every store over it: LiteDB transactions alone don't stop two threads from
    // both reading the same counter value.
    private static readonly ConditionalWeakTable<SupportDatabase, object> Gates = [];

    private readonly SupportDatabase database;
    private readonly object gate;

    public LiteTicketStore(SupportDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        this.database = database;
        gate = GateOf(database);
        EnsureIndexes(database);
    }

    /// <summary>
    /// The indexes the ticket reads go through. Ensuring an index is idempotent, so no migration is needed for them; the
    /// bot ensures them when it opens the data file (<see cref="DataFileIndexes"/>), so a new one is built there.
    /// </summary>
    /// <returns>True when an index was built.</returns>
    internal static bool EnsureIndexes(SupportDatabase database)
    {
        var tickets = database.Database.GetCollection(TicketDocuments.Tickets);
        var built = tickets.EnsureIndex(TicketDocuments.MemberStateField);
        built |= tickets.EnsureIndex(TicketDocuments.StateField);
        built |= tickets.EnsureIndex(TicketDocuments.ThreadField);
        built |= tickets.EnsureIndex(TicketDocuments.OpenedAtField);
        built |= tickets.EnsureIndex(TicketDocuments.ClosedAtField);
        built |= tickets.EnsureIndex(TicketDocuments.ClosingField);
        built |= tickets.EnsureIndex(TicketDocuments.MemberField);
        return built;
    }

    /// <summary>The gate every writer of tickets in <paramref name="database"/> holds (the retention's erasure too).</summary>
    internal static object GateOf(SupportDatabase database) => Gates.GetValue(database, _ => new object());

    private ILiteCollection<BsonDocument> Tickets => database.Database.GetCollection(TicketDocuments.Tickets);

    private ILiteCollection<BsonDocument> Counters => database.Database.GetCollection(TicketDocuments.Counters);

    public Task<(Ticket Ticket, bool Created)> GetOpenOrCreateAsync(ulong memberId, Func<int, Ticket> create, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(create);
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            if (FindOpen(memberId) is { } existing)
            {
                return Task.FromResult((existing, false));
            }

            var lite = database.Database;
            if (!lite.BeginTrans())
            {
                throw new InvalidOperationException("A transaction is already open on this thread.");
            }

            Ticket ticket;
            try
            {
                var counter = Counters.FindById(TicketDocuments.TicketCounterId);
                var number = (counter?[TicketDocuments.CounterValueField].AsInt32 ?? 0) + 1;
                ticket = create(number);
                if (ticket.Number != number || ticket.MemberId != memberId || ticket.IsClosed)
                {
                    throw new ArgumentException(
                        string.Create(CultureInfo.InvariantCulture, $"The new ticket must be open, for member {memberId}, numbered {number}."),
                        nameof(create));
                }

                Counters.Upsert(new BsonDocument
                {
                    ["_id"] = TicketDocuments.TicketCounterId,
                    [TicketDocuments.CounterValueField] = number,
                });
                var document = TicketDocuments.FromTicket(ticket);
                Tickets.Insert(document);
                StatsDays.TicketChanged(lite, null, document);
                lite.Commit();
            }
            catch
            {
                lite.Rollback();
                throw;
            }

            MakeDurable();
            return Task.FromResult((ticket, true));
        }
    }

    public Task UpdateAsync(Ticket ticket, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            var document = TicketDocuments.FromTicket(ticket);
            var updated = database.Write(lite =>
            {
                var tickets = lite.GetCollection(TicketDocuments.Tickets);
                var before = tickets.FindById(ticket.Number);
                if (before is null || !tickets.Update(document))
                {
                    return false;
                }

                StatsDays.TicketChanged(lite, before, document);
                return true;
            });
            if (!updated)
            {
                throw new StorageException($"{database.Path}: there is no ticket {ticket.DisplayNumber} to update.");
            }

            MakeDurable();
        }

        return Task.CompletedTask;
    }

    public Task<Ticket?> GetAsync(int number, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var document = Tickets.FindById(number);
        return Task.FromResult(document is null ? null : TicketDocuments.ToTicket(document));
    }

    public Task<Ticket?> FindByThreadAsync(ulong threadId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var document = Tickets.FindOne(Filter.EQ(TicketDocuments.ThreadField, BsonDocuments.Snowflake(threadId)));
        return Task.FromResult(document is null ? null : TicketDocuments.ToTicket(document));
    }

    public Task<Ticket?> FindOpenForMemberAsync(ulong memberId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(FindOpen(memberId));
    }

    public Task<IReadOnlyList<Ticket>> ListOpenAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var documents = Tickets.Find(TicketDocuments.IsOpenQuery());
        return Task.FromResult(ToList(documents));
    }

    public Task<IReadOnlyList<Ticket>> ListClosingAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(ToList(Tickets.Find(Filter.EQ(TicketDocuments.ClosingField, true))));
    }

    public Task<IReadOnlyList<Ticket>> ListActiveSinceAsync(DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var from = BsonDocuments.Time(since);
        var documents = Tickets.Find(Filter.Or(
            Filter.GTE(TicketDocuments.OpenedAtField, from),
            Filter.GTE(TicketDocuments.ClosedAtField, from)));
        return Task.FromResult(ToList(documents));
    }

    private static IReadOnlyList<Ticket> ToList(IEnumerable<BsonDocument> documents) =>
        documents.Select(TicketDocuments.ToTicket).OrderBy(t => t.Number).ToList();

    private Ticket? FindOpen(ulong memberId)
    {
        var document = Tickets.FindOne(Filter.EQ(TicketDocuments.MemberStateField, TicketDocuments.MemberState(memberId, open: true)));
        return document is null ? null : TicketDocuments.ToTicket(document);
    }

    // LiteDB commits to its log file from a background writer, so a commit can still be in memory when the process
    // dies. A checkpoint waits for that writer and flushes to the data file; tickets change at human pace, so it is cheap.
    private void MakeDurable() => database.Database.Checkpoint();

    public Task<(int ClosedErased, IReadOnlyList<int> OpenKept)> EraseClosedTicketDetailsAsync(ulong memberId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var tickets = Tickets;
        var erased = 0;
        var open = new List<int>();

        // Under the ticket store's gate and in one transaction with one flush: a member with hundreds of closed tickets
        // is erased in one write, not hundreds of flushed ones.
        lock (gate)
        {
            if (!database.Database.BeginTrans())
            {
                throw new InvalidOperationException("A transaction is already open on this thread.");
            }

            try
            {
                foreach (var document in tickets.Find(Filter.EQ(TicketDocuments.MemberField, BsonDocuments.Snowflake(memberId))).ToList())
                {
                    if (document[TicketDocuments.StateField].AsString != "closed")
                    {
                        open.Add(document["_id"].AsInt32);
                        continue;
                    }

                    var erasedDocument = TicketDocuments.WithoutMemberDetails(document, TicketDocuments.ErasedField, at);
                    tickets.Update(erasedDocument);
                    StatsDays.TicketChanged(database.Database, document, erasedDocument);
                    erased++;
                }

                database.Database.Commit();
            }
            catch
            {
                database.Database.Rollback();
                throw;
            }

            database.Database.Checkpoint();
        }

        open.Sort();
        return Task.FromResult<(int, IReadOnlyList<int>)>((erased, open));
    }
}
