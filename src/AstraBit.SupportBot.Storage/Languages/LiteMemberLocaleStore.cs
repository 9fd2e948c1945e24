using AstraBit.SupportBot.Core.Text;
using LiteDB;

namespace AstraBit.SupportBot.Storage.Languages;

/// <summary>
/// Each member's last seen Discord locale, one small document per member keyed by their id: { _id, locale, seenAt }.
/// A collection of its own, created when the data file opens (SupportDatabase), so older data files need no migration.
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
        return SetManyAsync([new MemberLocale(memberId, locale, seenAt)], cancellationToken);
    }

    public Task SetManyAsync(IReadOnlyCollection<MemberLocale> locales, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(locales);
        cancellationToken.ThrowIfCancellationRequested();
        if (locales.Count == 0)
        {
            return Task.CompletedTask;
        }

        // One upsert of many documents is one transaction: one journal write and flush for the whole burst.
        Collection.Upsert(locales.Select(l => new BsonDocument
        {
            ["_id"] = BsonDocuments.Snowflake(l.MemberId),
            ["locale"] = l.Locale,
            ["seenAt"] = BsonDocuments.Time(l.SeenAt),
        }));
        return Task.CompletedTask;
    }

    public Task<bool> DeleteAsync(ulong memberId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Collection.Delete(BsonDocuments.Snowflake(memberId)));
    }
}
