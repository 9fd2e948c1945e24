using AstraBit.SupportBot.Core.KeyChecks;
using AstraBit.SupportBot.Core.Tickets;
using AstraBit.SupportBot.Storage.Stats;
using LiteDB;

namespace AstraBit.SupportBot.Storage.Tickets;

/// <summary>
/// Pending ticket work in the data file ("ticket_outbox", numbered in order), written in one transaction with the
/// check's history entry and flushed to the data file before the write returns. Done work is deleted.
/// </summary>
public sealed class LiteTicketOutbox(SupportDatabase database) : ITicketOutbox
{
    private ILiteCollection<BsonDocument> Outbox => database.Database.GetCollection(TicketDocuments.Outbox, BsonAutoId.Int64);

    private ILiteCollection<BsonDocument> History => database.Database.GetCollection(Collections.CheckHistory);

    public Task<PendingTicket?> RecordCheckAsync(CheckHistoryEntry entry, PendingTicket? work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!CheckHistoryEntry.IsMasked(entry.MaskedKey))
        {
            throw new ArgumentException("Only a masked key (\"…\" and 4 characters) may be stored.", nameof(entry));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var lite = database.Database;
        if (!lite.BeginTrans())
        {
            throw new InvalidOperationException("A transaction is already open on this thread.");
        }

        PendingTicket? recorded;
        try
        {
            var check = BsonDocuments.FromHistory(entry);
            History.Insert(check);
            StatsDays.CheckAdded(lite, check);
            recorded = work is null ? null : work with { Id = Outbox.Insert(TicketDocuments.FromPending(work)).AsInt64 };
            lite.Commit();
        }
        catch
        {
            lite.Rollback();
            throw;
        }

        // The member is shown the failure right after this; the promise must be on disk by then, not in LiteDB's log queue.
        if (recorded is not null)
        {
            lite.Checkpoint();
        }

        return Task.FromResult(recorded);
    }

    public Task<IReadOnlyList<PendingTicket>> PendingAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var documents = Outbox.Query().OrderBy("_id").ToList();
        return Task.FromResult<IReadOnlyList<PendingTicket>>([.. documents.Select(TicketDocuments.ToPending)]);
    }

    public Task<bool> IsPendingAsync(long id, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Outbox.FindById(id) is not null);
    }

    public Task CompleteAsync(long id, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (Outbox.Delete(id))
        {
            database.Database.Checkpoint();
        }

        return Task.CompletedTask;
    }
}
