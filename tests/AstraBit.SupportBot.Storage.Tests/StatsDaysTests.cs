using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Stats;
using AstraBit.SupportBot.Core.WorkingHours;
using AstraBit.SupportBot.Storage.Migrations;
using AstraBit.SupportBot.Storage.Retention;
using AstraBit.SupportBot.Storage.Stats;
using AstraBit.SupportBot.Storage.Tickets;
using LiteDB;

namespace AstraBit.SupportBot.Storage.Tests;

/// <summary>
/// The figures read from their own copy (<see cref="StatsDays"/>: a day document per kind) are the figures read from the
/// documents, for every period, after a privacy delete and a retention run, and for an older file migrated to have it.
/// </summary>
public sealed class StatsDaysTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 9, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = Start.AddDays(90);
    private static readonly int[] Periods = [1, 7, 30, 365];
    private readonly TempFolder folder = new();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Figures_FromTheCopy_SameAsFromTheDocuments(int seed)
    {
        using var database = new SupportDatabase(folder.File("bot.db"));
        await StatsByRangeTests.WriteNinetyDaysAsync(database, seed);

        await AssertSameFiguresAsync(database);
    }

    [Fact]
    public async Task ManyMembersWithEarlierChecks_SameFigures()
    {
        // More members in the period than are looked up one by one: their earlier checks come from the earlier days' rows.
        using var database = new SupportDatabase(folder.File("bot.db"));
        var checks = new LiteCheckHistoryStore(database);
        var random = new Random(5);
        var lite = database.Database;
        lite.BeginTrans();
        for (var member = 1UL; member <= 2_300; member++)
        {
            await checks.AddAsync(Samples.History(member, Start.AddMinutes(random.Next(0, 60 * 24 * 60)), (Verdict)random.Next(0, 4)), TestContext.Current.CancellationToken);
            await checks.AddAsync(Samples.History(member, Now.AddMinutes(-random.Next(1, 6 * 24 * 60)), (Verdict)random.Next(0, 4)), TestContext.Current.CancellationToken);
        }

        lite.Commit();

        var figures = await AssertSameFiguresAsync(database);
        Assert.True(figures[7].Checks!.NewMembers < 2_300, "members who checked before the week must not count as new");
    }

    [Fact]
    public async Task PrivacyDeleteAndRetention_CopyStaysInStep()
    {
        using var database = new SupportDatabase(folder.File("bot.db"));
        await StatsByRangeTests.WriteNinetyDaysAsync(database, seed: 4);
        var data = new LiteSupportData(database);
        var before = await AssertSameFiguresAsync(database);

        // A member's privacy delete: their checks, their walkthrough, their closed tickets' details.
        var busiest = (await data.LoadFromDocumentsAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, TestContext.Current.CancellationToken)).Tickets
            .GroupBy(t => t.MemberId).MaxBy(g => g.Count())!.Key;
        Assert.True(await data.DeleteChecksAsync(busiest, TestContext.Current.CancellationToken) > 0);
        await new LiteWalkthroughStore(database).DeleteAsync(busiest, TestContext.Current.CancellationToken);
        var (erased, _) = await new LiteTicketStore(database).EraseClosedTicketDetailsAsync(busiest, Now, TestContext.Current.CancellationToken);
        Assert.True(erased > 0);
        await AssertSameFiguresAsync(database);

        // Retention: checks and audit entries past 40 days deleted, closed tickets' details past 20 days erased.
        var result = new DataRetention(database).Apply(new RetentionPolicy(TimeSpan.FromDays(40), TimeSpan.FromDays(40), TimeSpan.FromDays(20)), Now);
        Assert.True(result.ChecksDeleted > 0 && result.AuditEntriesDeleted > 0 && result.TicketDetailsErased > 0, result.ToString());
        var after = await AssertSameFiguresAsync(database);

        Assert.NotEqual(SupportStatsReport.Json(before[365]), SupportStatsReport.Json(after[365]));
        Assert.True(after[365].Checks!.ChecksRun < before[365].Checks!.ChecksRun);
    }

    [Fact]
    public async Task FileFromBeforeTheCopy_MigratedToTheSameFigures()
    {
        var path = folder.File("bot.db");
        Dictionary<int, SupportStats> written;
        using (var database = new SupportDatabase(path))
        {
            await StatsByRangeTests.WriteNinetyDaysAsync(database, seed: 6);
            written = await AssertSameFiguresAsync(database);
        }

        // As version 4 left it: no copy.
        using (var old = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct }))
        {
            old.DropCollection(StatsDays.Collection);
            SupportDatabase.WriteSchemaVersion(old, 4);
        }

        using var migrated = new SupportDatabase(path);

        Assert.Equal(SchemaMigrations.CurrentVersion, migrated.SchemaVersion);
        var figures = await AssertSameFiguresAsync(migrated);
        Assert.All(Periods, days => Assert.Equal(SupportStatsReport.Json(written[days]), SupportStatsReport.Json(figures[days])));
    }

    [Fact]
    public async Task Rebuild_InSmallBatches_WritesTheSameCopy()
    {
        // Migration 5 reads a year's file in batches so memory stays bounded: batch edges must neither drop nor repeat a row.
        using var database = new SupportDatabase(folder.File("bot.db"));
        await StatsByRangeTests.WriteNinetyDaysAsync(database, seed: 7);
        var lite = database.Database;
        StatsDays.Rebuild(lite);
        var whole = lite.GetCollection(StatsDays.Collection).FindAll().ToDictionary(d => d["_id"].AsString, d => Convert.ToHexString(d["rows"].AsBinary));

        StatsDays.Rebuild(lite, batch: 7);
        var batched = lite.GetCollection(StatsDays.Collection).FindAll().ToDictionary(d => d["_id"].AsString, d => Convert.ToHexString(d["rows"].AsBinary));

        Assert.True(whole.Count > 100, $"only {whole.Count} day documents");
        Assert.Equal(whole.OrderBy(d => d.Key), batched.OrderBy(d => d.Key));
        await AssertSameFiguresAsync(database);
    }

    [Theory]
    [InlineData('a')]
    [InlineData('c')]
    [InlineData('t')]
    [InlineData('w')]
    public async Task Period_ReadsItsOwnDaysOfOneKind_AsOneRangeOfTheIdIndex(char kindLetter)
    {
        var kind = (StatsKind)kindLetter;
        using var database = new SupportDatabase(folder.File("bot.db"));
        await StatsByRangeTests.WriteNinetyDaysAsync(database, seed: 8);
        var today = StatsDays.Day(Now.UtcTicks);

        // A week's figures read the week's documents of the kind: seeking the first and reading on, filtering the last,
        // read every later day and every kind sorted after this one (claims: the whole copy, for any period).
        var plan = database.Database.GetCollection(StatsDays.Collection).Query().Where(StatsDays.Days(kind, today - 7, today)).GetPlan();
        Assert.Equal("_id", plan["index"]["name"].AsString);
        Assert.StartsWith("INDEX RANGE SCAN", plan["index"]["mode"].AsString, StringComparison.Ordinal);
        Assert.False(plan["filters"].IsArray && plan["filters"].AsArray.Count > 0, plan.ToString());

        var read = database.Database.GetCollection(StatsDays.Collection).Find(StatsDays.Days(kind, today - 7, today)).Select(d => d["_id"].AsString).ToList();
        Assert.InRange(read.Count, 1, 8);
        Assert.All(read, id => Assert.Equal(kindLetter, id[0]));
    }

    [Fact]
    public async Task WriteRolledBack_LeavesNeitherTheCheckNorItsRow()
    {
        using var database = new SupportDatabase(folder.File("bot.db"));
        var lite = database.Database;

        lite.BeginTrans();
        await new LiteCheckHistoryStore(database).AddAsync(Samples.History(9, Now.AddHours(-1)), TestContext.Current.CancellationToken);
        lite.Rollback();

        Assert.Equal(0, lite.GetCollection(Collections.CheckHistory).Count());
        Assert.Equal(0, lite.GetCollection(StatsDays.Collection).Count());
    }

    public void Dispose() => folder.Dispose();

    /// <summary>For each period ending now: the figures from the copy equal those from the documents; returns them by days.</summary>
    private static async Task<Dictionary<int, SupportStats>> AssertSameFiguresAsync(SupportDatabase database)
    {
        var data = new LiteSupportData(database);
        var figures = new Dictionary<int, SupportStats>();
        foreach (var days in Periods)
        {
            var from = Now.AddDays(-days);
            var fromCopy = SupportStatsCalculator.Compute(await data.LoadAsync(from, Now), from, Now, WorkingCalendar.AlwaysOpen);
            var fromDocuments = SupportStatsCalculator.Compute(await data.LoadFromDocumentsAsync(from, Now), from, Now, WorkingCalendar.AlwaysOpen);
            Assert.Equal(SupportStatsReport.Json(fromDocuments), SupportStatsReport.Json(fromCopy));
            figures[days] = fromCopy;
        }

        // Rebuilt from the documents, the copy gives the same figures again: nothing was left behind or missed.
        StatsDays.Rebuild(database.Database);
        foreach (var days in Periods)
        {
            var from = Now.AddDays(-days);
            var rebuilt = SupportStatsCalculator.Compute(await data.LoadAsync(from, Now), from, Now, WorkingCalendar.AlwaysOpen);
            Assert.Equal(SupportStatsReport.Json(figures[days]), SupportStatsReport.Json(rebuilt));
        }

        return figures;
    }
}
