using AstraBit.SupportBot.Core.KeyChecks;
using AstraBit.SupportBot.Storage.Stats;
using LiteDB;

namespace AstraBit.SupportBot.Storage;

/// <summary>Check history in the data file, indexed by member.</summary>
public sealed class LiteCheckHistoryStore(SupportDatabase database) : ICheckHistoryStore
{
    private ILiteCollection<BsonDocument> Collection => database.Database.GetCollection(Collections.CheckHistory);

    public Task AddAsync(CheckHistoryEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!CheckHistoryEntry.IsMasked(entry.MaskedKey))
        {
            throw new ArgumentException("Only a masked key (\"…\" and 4 characters) may be stored.", nameof(entry));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var document = BsonDocuments.FromHistory(entry);
        database.Write(lite =>
        {
            lite.GetCollection(Collections.CheckHistory).Insert(document);
            StatsDays.CheckAdded(lite, document);
            return true;
        });
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<CheckHistoryEntry>> RecentAsync(ulong userId, int count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        cancellationToken.ThrowIfCancellationRequested();
        if (count == 0)
        {
            return Task.FromResult<IReadOnlyList<CheckHistoryEntry>>([]);
        }

        var documents = Collection.Query()
            .Where(Filter.EQ(Collections.UserIdField, BsonDocuments.Snowflake(userId)))
            .OrderByDescending(Collections.CheckedAtField)
            .Limit(count)
            .ToList();
        return Task.FromResult<IReadOnlyList<CheckHistoryEntry>>(documents.Select(BsonDocuments.ToHistory).ToList());
    }
}
