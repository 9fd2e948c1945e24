using AstraBit.SupportBot.Core.KeyChecks;
using AstraBit.SupportBot.Core.Walkthrough;
using AstraBit.SupportBot.Storage.Stats;
using LiteDB;

namespace AstraBit.SupportBot.Storage;

/// <summary>Walkthrough progress in the data file, one document per member keyed by their id.</summary>
public sealed class LiteWalkthroughStore : IWalkthroughStore
{
    private readonly SupportDatabase database;

    public LiteWalkthroughStore(SupportDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        this.database = database;

        // Made here, once: members' first saves arriving together would otherwise each create the collection, which
        // LiteDB 5 can get wrong ("page type must be collection page").
        database.EnsureCollection(Collections.Walkthroughs);
    }

    private ILiteCollection<BsonDocument> Collection => database.Database.GetCollection(Collections.Walkthroughs);

    public Task<WalkthroughProgress?> GetAsync(ulong userId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var document = Collection.FindById(BsonDocuments.Snowflake(userId));
        return Task.FromResult(document is null ? null : BsonDocuments.ToProgress(document));
    }

    public Task SaveAsync(WalkthroughProgress progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(progress);
        if (progress.LastCheck is { } check && !CheckHistoryEntry.IsMasked(check.MaskedKey))
        {
            throw new ArgumentException("Only a masked key may be stored.", nameof(progress));
        }

        cancellationToken.ThrowIfCancellationRequested();

        // The funnel marks ride along with the progress: read, add what this save shows, write back together.
        database.Write(lite =>
        {
            var collection = lite.GetCollection(Collections.Walkthroughs);
            var existing = collection.FindById(BsonDocuments.Snowflake(progress.UserId));
            var marks = WalkthroughMarks.Mark(existing is null ? null : BsonDocuments.ToMarks(existing), progress);
            var document = BsonDocuments.FromProgress(progress);
            document[BsonDocuments.MarksField] = BsonDocuments.FromMarks(marks);
            collection.Upsert(document);
            StatsDays.WalkthroughChanged(lite, existing, document);
            return true;
        });
        return Task.CompletedTask;
    }

    /// <summary>The member's funnel marks; null when nothing is stored.</summary>
    public Task<WalkthroughMarks?> GetMarksAsync(ulong userId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var document = Collection.FindById(BsonDocuments.Snowflake(userId));
        return Task.FromResult(document is null ? null : BsonDocuments.ToMarks(document));
    }

    public Task<bool> DeleteAsync(ulong userId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(database.Write(lite =>
        {
            var collection = lite.GetCollection(Collections.Walkthroughs);
            var existing = collection.FindById(BsonDocuments.Snowflake(userId));
            if (existing is null || !collection.Delete(existing["_id"]))
            {
                return false;
            }

            StatsDays.WalkthroughChanged(lite, existing, null);
            return true;
        }));
    }
}
