using AstraBit.SupportBot.Core.Audit;
using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Tickets;
using AstraBit.SupportBot.Storage.Retention;
using AstraBit.SupportBot.Storage.Tests.Tickets;
using AstraBit.SupportBot.Storage.Tickets;
using Microsoft.Extensions.Time.Testing;

namespace AstraBit.SupportBot.Storage.Tests.Retention;

/// <summary>Storage:Retention's daily pass: old history goes, never what an open ticket or the audit log still needs.</summary>
public sealed class DataRetentionTests : IDisposable
{
    private const ulong Member = 111;
    private const ulong MemberWithOpenTicket = 222;
    private static readonly TimeSpan Year = TimeSpan.FromDays(365);
    private readonly TempFolder folder = new();
    private readonly FakeTimeProvider clock = new(TicketSamples.At);

    [Fact]
    public async Task Apply_ChecksPastRetention_DeletedExceptAMemberWithAnOpenTicket()
    {
        using var database = new SupportDatabase(folder.File("bot.db"));
        var history = new LiteCheckHistoryStore(database);
        await history.AddAsync(Samples.History(Member, clock.GetUtcNow()));
        await history.AddAsync(Samples.History(MemberWithOpenTicket, clock.GetUtcNow()));
        await OpenTicketAsync(database, MemberWithOpenTicket);
        clock.Advance(Year + TimeSpan.FromDays(1));
        await history.AddAsync(Samples.History(Member, clock.GetUtcNow(), Verdict.Pass));

        var result = new DataRetention(database).Apply(new RetentionPolicy(Year, null, null), clock.GetUtcNow());

        Assert.Equal(1, result.ChecksDeleted);
        Assert.Equal([Verdict.Pass], (await history.RecentAsync(Member, 10)).Select(c => c.Verdict));
        Assert.Single(await history.RecentAsync(MemberWithOpenTicket, 10));
    }

    [Fact]
    public async Task Apply_NoRetentionSet_KeepsEverything()
    {
        using var database = new SupportDatabase(folder.File("bot.db"));
        await new LiteCheckHistoryStore(database).AddAsync(Samples.History(Member, clock.GetUtcNow()));
        await new LiteAuditLog(database).WriteAsync(new AuditEntry(5, AuditActions.TicketClaimed, Member, 1, "claimed #0001", clock.GetUtcNow()));
        await ClosedTicketAsync(database, Member, clock.GetUtcNow());
        clock.Advance(TimeSpan.FromDays(3650));

        var result = new DataRetention(database).Apply(new RetentionPolicy(null, null, null), clock.GetUtcNow());

        Assert.Equal(0, result.Total);
        Assert.Single(await new LiteCheckHistoryStore(database).RecentAsync(Member, 10));
        Assert.Single(await new LiteAuditLog(database).RecentAsync(10));
        Assert.NotNull((await new LiteTicketStore(database).GetAsync(1))!.Card);
    }

    [Fact]
    public async Task Apply_AuditPastRetention_DeletedExceptEntriesAboutAnOpenTicket()
    {
        using var database = new SupportDatabase(folder.File("bot.db"));
        var log = new LiteAuditLog(database);
        var open = await OpenTicketAsync(database, MemberWithOpenTicket);
        await log.WriteAsync(new AuditEntry(5, AuditActions.TicketClaimed, Member, 99, "claimed #0099", clock.GetUtcNow()));
        await log.WriteAsync(new AuditEntry(5, AuditActions.CheckRequested, Member, null, "asked the member to run the check", clock.GetUtcNow()));
        await log.WriteAsync(new AuditEntry(5, AuditActions.TicketClaimed, MemberWithOpenTicket, open.Number, "claimed the open one", clock.GetUtcNow()));
        clock.Advance(TimeSpan.FromDays(31));
        await log.WriteAsync(new AuditEntry(5, AuditActions.TicketNoteAdded, Member, 99, "recent", clock.GetUtcNow()));

        var result = new DataRetention(database).Apply(new RetentionPolicy(null, TimeSpan.FromDays(30), null), clock.GetUtcNow());

        Assert.Equal(2, result.AuditEntriesDeleted);
        Assert.Equal(["recent", "claimed the open one"], (await log.RecentAsync(10)).Select(e => e.Detail));
    }

    [Fact]
    public async Task Apply_ClosedTicketPastRetention_DetailsErasedRecordKept_OpenAndRecentUntouched()
    {
        using var database = new SupportDatabase(folder.File("bot.db"));
        var store = new LiteTicketStore(database);
        await ClosedTicketAsync(database, Member, clock.GetUtcNow());
        await OpenTicketAsync(database, MemberWithOpenTicket);
        clock.Advance(Year + TimeSpan.FromDays(1));
        var recent = await ClosedTicketAsync(database, 333, clock.GetUtcNow());
        var before = await store.GetAsync(1);

        var result = new DataRetention(database).Apply(new RetentionPolicy(null, null, Year), clock.GetUtcNow());

        Assert.Equal(1, result.TicketDetailsErased);
        var old = await store.GetAsync(1);
        Assert.NotNull(old);
        Assert.Null(old.Card);
        Assert.Empty(old.Notes);
        Assert.Empty(old.LaterChecks);
        Assert.Null(old.ErasedAt);
        Assert.Equal((before!.Number, before.OpenedAt, before.ClosedAt, before.Outcome, before.Rating, before.ClosedBy), (old.Number, old.OpenedAt, old.ClosedAt, old.Outcome, old.Rating, old.ClosedBy));
        Assert.NotNull((await store.GetAsync(2))!.Card);
        TicketSamples.AssertSame(recent, await store.GetAsync(recent.Number));
        Assert.Equal(0, new DataRetention(database).Apply(new RetentionPolicy(null, null, Year), clock.GetUtcNow()).Total);
    }

    [Fact]
    public async Task Apply_ManyEntriesAtTheSameMoment_AcrossBatches_AllDeleted()
    {
        using var database = new SupportDatabase(folder.File("bot.db"));
        var log = new LiteAuditLog(database);
        var count = DataRetention.BatchSize + 7;
        database.Database.BeginTrans();
        for (var i = 0; i < count; i++)
        {
            await log.WriteAsync(new AuditEntry(5, AuditActions.CheckRequested, (ulong)i, null, "asked", clock.GetUtcNow()));
        }

        database.Database.Commit();
        clock.Advance(TimeSpan.FromDays(2));

        var result = new DataRetention(database).Apply(new RetentionPolicy(null, TimeSpan.FromDays(1), null), clock.GetUtcNow());

        Assert.Equal(count, result.AuditEntriesDeleted);
        Assert.Empty(await log.RecentAsync(10));
    }

    [Fact]
    public async Task Apply_FreesMostOfTheFile_RebuildsItSmallerAndReadable()
    {
        var path = folder.File("bot.db");
        using var database = new SupportDatabase(path);
        var history = new LiteCheckHistoryStore(database);
        database.Database.BeginTrans();
        for (var i = 0; i < 3000; i++)
        {
            await history.AddAsync(Samples.History((ulong)(i % 50), clock.GetUtcNow().AddSeconds(i)));
        }

        database.Database.Commit();
        clock.Advance(TimeSpan.FromDays(400));
        await history.AddAsync(Samples.History(Member, clock.GetUtcNow(), Verdict.Pass));
        database.Flush();

        var result = new DataRetention(database).Apply(new RetentionPolicy(Year, null, null), clock.GetUtcNow());

        Assert.Equal(3000, result.ChecksDeleted);
        Assert.True(result.Rebuilt);
        Assert.True(result.BytesAfter < result.BytesBefore / 2, result.ToString());
        Assert.Single(await history.RecentAsync(Member, 10));
        Assert.False(File.Exists(folder.File("bot-backup.db")));
    }

    public void Dispose() => folder.Dispose();

    private async Task<Ticket> OpenTicketAsync(SupportDatabase database, ulong member)
    {
        var (ticket, _) = await new LiteTicketStore(database).GetOpenOrCreateAsync(member, n => new Ticket(n, member, TicketOrigin.CheckFailed, clock.GetUtcNow(), TicketSamples.Card()));
        return ticket;
    }

    private static async Task<Ticket> ClosedTicketAsync(SupportDatabase database, ulong member, DateTimeOffset at)
    {
        var store = new LiteTicketStore(database);
        var (ticket, _) = await store.GetOpenOrCreateAsync(member, n => new Ticket(n, member, TicketOrigin.CheckFailed, at, TicketSamples.Card()));
        var closed = ticket with
        {
            State = TicketState.Closed,
            ClosedAt = at.AddHours(2),
            ClosedBy = 5,
            Outcome = TicketCloseOutcome.ResolvedVerified,
            Rating = 5,
            Notes = [new TicketNote(5, "asked for a screenshot", at.AddHours(1))],
            LaterChecks = [TicketSamples.Card(CheckIds.Withdrawal)],
        };
        await store.UpdateAsync(closed);
        return closed;
    }
}
