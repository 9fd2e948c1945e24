using AstraBit.SupportBot.Core.Audit;
using AstraBit.SupportBot.Storage.Stats;
using LiteDB;

namespace AstraBit.SupportBot.Storage.Tickets;

/// <summary>
/// The audit log in the data file, indexed by time and by the member acted on. Entries are numbered in the order they
/// were written, which orders entries written in the same tick too.
/// </summary>
public sealed class LiteAuditLog : IAuditLog
{
    private readonly SupportDatabase database;

    public LiteAuditLog(SupportDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        this.database = database;
        EnsureIndexes(database);
    }

    /// <summary>The indexes the audit reads go through, ensured when the bot opens the data file (<see cref="DataFileIndexes"/>).</summary>
    /// <returns>True when an index was built.</returns>
    internal static bool EnsureIndexes(SupportDatabase database)
    {
        var entries = database.Database.GetCollection(TicketDocuments.Audit, BsonAutoId.Int64);
        var built = entries.EnsureIndex(TicketDocuments.AuditAtField);
        built |= entries.EnsureIndex(TicketDocuments.AuditMemberField);
        return built;
    }

    private ILiteCollection<BsonDocument> Entries => database.Database.GetCollection(TicketDocuments.Audit, BsonAutoId.Int64);

    public Task WriteAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        cancellationToken.ThrowIfCancellationRequested();
        var document = TicketDocuments.FromAudit(entry);
        database.Write(lite =>
        {
            document["_id"] = lite.GetCollection(TicketDocuments.Audit, BsonAutoId.Int64).Insert(document);
            StatsDays.AuditAdded(lite, document);
            return true;
        });
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AuditEntry>> RecentAsync(int count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        cancellationToken.ThrowIfCancellationRequested();
        var documents = Entries.Query()
            .OrderByDescending("_id")
            .Limit(count)
            .ToList();
        return Task.FromResult<IReadOnlyList<AuditEntry>>(documents.Select(TicketDocuments.ToAudit).ToList());
    }

    public Task<IReadOnlyList<AuditEntry>> ForMemberAsync(ulong memberId, int count = 50, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        cancellationToken.ThrowIfCancellationRequested();
        var documents = Entries.Query()
            .Where(Filter.EQ(TicketDocuments.AuditMemberField, BsonDocuments.Snowflake(memberId)))
            .OrderByDescending("_id")
            .Limit(count)
            .ToList();
        return Task.FromResult<IReadOnlyList<AuditEntry>>(documents.Select(TicketDocuments.ToAudit).ToList());
    }
}
