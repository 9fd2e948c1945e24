using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using AstraBit.SupportBot.Core.Audit;
using AstraBit.SupportBot.Core.Reminders;
using AstraBit.SupportBot.Storage.MemberHelp;
using AstraBit.SupportBot.Storage.Tests.Tickets;
using AstraBit.SupportBot.Storage.Tickets;
using LiteDB;

namespace AstraBit.SupportBot.Storage.Tests;

/// <summary>
/// LiteDB compiles each distinct query text once and keeps it for the life of the process, in static caches of
/// <see cref="BsonExpression"/> that nothing trims. A store that wrote a member's id, a thread's id or a moment into its
/// query's text kept one compiled query per member, thread and moment: the full-day soak's unexplained growth. These
/// tests read LiteDB's caches, so they run alone (other tests' first queries would add to them).
/// </summary>
[Collection(CompiledQueryCollection.Name)]
public sealed class CompiledQueryTests : IDisposable
{
    private readonly TempFolder folder = new();

    [Fact]
    public async Task Stores_AskedAboutManyMembersThreadsAndMoments_CompileOneQueryPerShape()
    {
        using var database = new SupportDatabase(folder.File("bot.db"));
        LiteSupportData.EnsureIndexes(database);
        var history = new LiteCheckHistoryStore(database);
        var reminders = new LiteKeyReminderStore(database);
        var tickets = new LiteTicketStore(database);
        var audit = new LiteAuditLog(database);
        var ct = TestContext.Current.CancellationToken;

        async Task AskAbout(int i)
        {
            var member = 5_000ul + (ulong)i;
            var at = Samples.At.AddMinutes(i);
            await history.AddAsync(Samples.History(member, at), ct);
            Assert.Single(await history.RecentAsync(member, 5, ct));
            await reminders.SaveAsync(new KeyReminder(member, "…Ab12", at.AddDays(1), "mainnet", at, []), ct);
            Assert.Single(await reminders.ListAsync(member, ct));
            await reminders.DeleteExpiredAsync(at, ct);
            var (ticket, _) = await tickets.GetOpenOrCreateAsync(member, n => TicketSamples.Minimal(n, member), ct);
            await tickets.UpdateAsync(ticket with { ThreadId = 9_000ul + (ulong)i }, ct);
            Assert.NotNull(await tickets.FindByThreadAsync(9_000ul + (ulong)i, ct));
            Assert.NotNull(await tickets.FindOpenForMemberAsync(member, ct));
            await tickets.ListActiveSinceAsync(at, ct);
            await audit.WriteAsync(new AuditEntry(1, "ticket.opened", member, ticket.Number, "", at), ct);
            Assert.Single(await audit.ForMemberAsync(member, 5, ct));
        }

        // The first round compiles each shape once; the next 200 members, threads and moments may add nothing.
        await AskAbout(0);
        var before = CompiledQueries();
        for (var i = 1; i <= 200; i++)
        {
            await AskAbout(i);
        }

        Assert.Equal(before, CompiledQueries());
    }

    [Fact]
    public void And_TermsWithParameters_RenumberedAndStillReadThroughTheIndex()
    {
        using var database = new SupportDatabase(folder.File("bot.db"));
        var collection = database.Database.GetCollection("things");
        collection.EnsureIndex("at");
        for (var i = 0; i < 100; i++)
        {
            collection.Insert(new BsonDocument { ["_id"] = i, ["at"] = i, ["who"] = i % 3 });
        }

        var range = Filter.And(Filter.GTE("at", 10), Filter.LT("at", 20), Filter.Not("who", 0));

        Assert.Matches("^[^0-9]*@0[^0-9]*@1[^0-9]*@2[^0-9]*$", range.Source);
        Assert.Equal([10, 11, 13, 14, 16, 17, 19], collection.Find(range).Select(d => d["_id"].AsInt32).Order());
        var plan = collection.Query().Where(range).GetPlan();
        Assert.Equal("at", plan["index"]["name"].AsString);
        Assert.DoesNotContain("FULL", plan["index"]["mode"].AsString, StringComparison.Ordinal);
        Assert.Equal([3, 4, 5], collection.Find(Filter.In("_id", [3, 4, 5])).Select(d => d["_id"].AsInt32).Order());
    }

    public void Dispose() => folder.Dispose();

    // LiteDB 5's BsonExpression keeps its compiled queries in static ConcurrentDictionary fields keyed by the query's text.
    private static int CompiledQueries()
    {
        var caches = typeof(BsonExpression).GetFields(BindingFlags.NonPublic | BindingFlags.Static)
            .Where(f => f.FieldType.IsGenericType && f.FieldType.GetGenericTypeDefinition() == typeof(ConcurrentDictionary<,>))
            .Select(f => (ICollection)f.GetValue(null)!)
            .ToList();
        Assert.NotEmpty(caches);
        return caches.Sum(c => c.Count);
    }
}

/// <summary>Tests that read LiteDB's process-wide caches: run after the parallel ones, alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CompiledQueryCollection
{
    public const string Name = "CompiledQueries";
}
