using AstraBit.SupportBot.Core.Reminders;
using AstraBit.SupportBot.Core.Tickets;
using LiteDB;

namespace AstraBit.SupportBot.Storage.MemberHelp;

/// <summary>Key-expiry reminders, keyed by member, site and masked key, indexed by member for /reminders and by expiry for the daily removal of expired ones.</summary>
public sealed class LiteKeyReminderStore(SupportDatabase database) : IKeyReminderStore
{
    private ILiteCollection<BsonDocument> Collection => database.Database.GetCollection(MemberHelpDocuments.KeyReminders);

    public Task<KeyReminder?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        cancellationToken.ThrowIfCancellationRequested();
        var document = Collection.FindById(id);
        return Task.FromResult(document is null ? null : MemberHelpDocuments.ToReminder(document));
    }

    public Task<IReadOnlyList<KeyReminder>> ListAsync(ulong memberId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var found = Collection.Find(Filter.EQ(MemberHelpDocuments.MemberField, BsonDocuments.Snowflake(memberId)))
            .Select(MemberHelpDocuments.ToReminder)
            .OrderBy(r => r.ExpiresAt)
            .ToList();
        return Task.FromResult<IReadOnlyList<KeyReminder>>(found);
    }

    public Task<IReadOnlyList<KeyReminder>> AllAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<IReadOnlyList<KeyReminder>>(Collection.FindAll().Select(MemberHelpDocuments.ToReminder).ToList());
    }

    public Task<IReadOnlyList<KeyReminder>> ExpiringAsync(DateTimeOffset after, DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var found = Collection.Find(ExpiringBetween(after, until)).Select(MemberHelpDocuments.ToReminder).Where(r => r.ExpiresAt > after).ToList();
        return Task.FromResult<IReadOnlyList<KeyReminder>>(found);
    }

    public Task SaveAsync(KeyReminder reminder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reminder);

        // The record refuses a full key already; this keeps the promise even for a record built some other way.
        if (!SecretGuard.IsMaskedKey(reminder.MaskedKey))
        {
            throw new ArgumentException("Only a masked key may be stored.", nameof(reminder));
        }

        cancellationToken.ThrowIfCancellationRequested();
        Collection.Upsert(MemberHelpDocuments.FromReminder(reminder));
        return Task.CompletedTask;
    }

    public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Collection.Delete(id));
    }

    public Task<int> DeleteExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Collection.DeleteMany(ExpiredBy(now)));
    }

    /// <summary>Reminders whose key expired at or before <paramref name="now"/>: a range of the expiresAt index (LiteSupportData.EnsureIndexes).</summary>
    internal static BsonExpression ExpiredBy(DateTimeOffset now) => Filter.LTE(MemberHelpDocuments.ExpiresAtField, BsonDocuments.Time(now));

    /// <summary>
    /// Reminders whose key expires from <paramref name="after"/> to <paramref name="until"/>, both included: one range of
    /// the expiresAt index (an AND of two comparisons would seek the first and read on to the end).
    /// </summary>
    internal static BsonExpression ExpiringBetween(DateTimeOffset after, DateTimeOffset until) =>
        Filter.Between(MemberHelpDocuments.ExpiresAtField, BsonDocuments.Time(after), BsonDocuments.Time(until));
}
