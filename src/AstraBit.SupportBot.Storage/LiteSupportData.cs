using AstraBit.SupportBot.Core.KeyChecks;
using AstraBit.SupportBot.Core.Privacy;
using AstraBit.SupportBot.Core.Stats;
using AstraBit.SupportBot.Core.Tickets;
using AstraBit.SupportBot.Core.Walkthrough;
using AstraBit.SupportBot.Storage.Tickets;
using LiteDB;

namespace AstraBit.SupportBot.Storage;

/// <summary>Reads across the data file's collections: one member's data (history, privacy) and everything the stats count.</summary>
public sealed class LiteSupportData(SupportDatabase database) : IMemberDataStore, ISupportStatsSource
{
    private LiteDatabase Lite => database.Database;

    public Task<IReadOnlyList<Ticket>> TicketsForMemberAsync(ulong memberId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var documents = Lite.GetCollection(TicketDocuments.Tickets).Find(Query.EQ(TicketDocuments.MemberField, BsonDocuments.Snowflake(memberId)));
        return Task.FromResult<IReadOnlyList<Ticket>>(documents.Select(TicketDocuments.ToTicket).OrderByDescending(t => t.Number).ToList());
    }

    public Task<IReadOnlyList<CheckHistoryEntry>> ChecksForMemberAsync(ulong memberId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var documents = Lite.GetCollection(Collections.CheckHistory).Find(Query.EQ(Collections.UserIdField, BsonDocuments.Snowflake(memberId)));
        return Task.FromResult<IReadOnlyList<CheckHistoryEntry>>(documents.Select(BsonDocuments.ToHistory).OrderByDescending(c => c.CheckedAt).ToList());
    }

    public Task<WalkthroughMarks?> MarksForMemberAsync(ulong memberId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var document = Lite.GetCollection(Collections.Walkthroughs).FindById(BsonDocuments.Snowflake(memberId));
        return Task.FromResult(document is null ? null : BsonDocuments.ToMarks(document));
    }

    public Task<int> DeleteChecksAsync(ulong memberId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var deleted = Lite.GetCollection(Collections.CheckHistory).DeleteMany(Query.EQ(Collections.UserIdField, BsonDocuments.Snowflake(memberId)));
        Lite.Checkpoint();
        return Task.FromResult(deleted);
    }

    public Task<SupportStatsData> LoadAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var tickets = Lite.GetCollection(TicketDocuments.Tickets).FindAll().Select(TicketDocuments.ToTicket).OrderBy(t => t.Number).ToList();
        var checks = Lite.GetCollection(Collections.CheckHistory).FindAll().Select(BsonDocuments.ToHistory).ToList();
        var walkthroughs = Lite.GetCollection(Collections.Walkthroughs).FindAll().Select(BsonDocuments.ToMarks).OfType<WalkthroughMarks>().ToList();
        var audit = Lite.GetCollection(TicketDocuments.Audit).FindAll().Select(TicketDocuments.ToAudit).ToList();
        return Task.FromResult(new SupportStatsData(tickets, checks, walkthroughs, audit));
    }
}
