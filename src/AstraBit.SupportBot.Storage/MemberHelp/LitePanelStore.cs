using AstraBit.SupportBot.Core.Panel;
using LiteDB;

namespace AstraBit.SupportBot.Storage.MemberHelp;

/// <summary>The support panel's location, one document per server keyed by its id.</summary>
public sealed class LitePanelStore(SupportDatabase database) : IPanelLocationStore
{
    private ILiteCollection<BsonDocument> Collection => database.Database.GetCollection(MemberHelpDocuments.Panels);

    public Task<PanelLocation?> GetAsync(ulong guildId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var document = Collection.FindById(BsonDocuments.Snowflake(guildId));
        return Task.FromResult(document is null ? null : MemberHelpDocuments.ToPanel(document));
    }

    public Task SaveAsync(PanelLocation location, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(location);
        cancellationToken.ThrowIfCancellationRequested();
        Collection.Upsert(MemberHelpDocuments.FromPanel(location));
        return Task.CompletedTask;
    }

    public Task<bool> DeleteAsync(ulong guildId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Collection.Delete(BsonDocuments.Snowflake(guildId)));
    }
}
