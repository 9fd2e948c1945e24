using AstraBit.SupportBot.Core.Text;
using LiteDB;

namespace AstraBit.SupportBot.Storage.Languages;

/// <summary>
/// Each member's last seen Discord locale, one small document per member keyed by their id: { _id, locale, seenAt }.
/// A collection of its own, created when the first locale is stored, so older data files need no migration.
/// </summary>
public sealed class LiteMemberLocaleStore(SupportDatabase database) : IMemberLocaleStore
{
    public const string CollectionName = "member_locales";

    private ILiteCollection<BsonDocument> Collection => database.Database.GetCollection(CollectionName);

    public Task<string?> GetAsync(ulong memberId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var document = Collection.FindById(BsonDocuments.Snowflake(memberId));
        return Task.FromResult(document?["locale"] is { IsString: true } locale ? locale.AsString : null);
    }

    public Task SetAsync(ulong memberId, string locale, DateTimeOffset seenAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(locale);
        cancellationToken.ThrowIfCancellationRequested();
        Collection.Upsert(new BsonDocument
        {
            ["_id"] = BsonDocuments.Snowflake(memberId),
            ["locale"] = locale,
            ["seenAt"] = BsonDocuments.Time(seenAt),
        });
        return Task.CompletedTask;
    }

    public Task<bool> DeleteAsync(ulong memberId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Collection.Delete(BsonDocuments.Snowflake(memberId)));
    }
}
