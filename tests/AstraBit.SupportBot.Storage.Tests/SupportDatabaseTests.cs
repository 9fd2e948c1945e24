using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Core.KeyChecks;
using AstraBit.SupportBot.Core.Walkthrough;
using AstraBit.SupportBot.Storage.Migrations;
using LiteDB;
using Microsoft.Extensions.DependencyInjection;

namespace AstraBit.SupportBot.Storage.Tests;

public sealed class SupportDatabaseTests : IDisposable
{
    private readonly TempFolder folder = new();

    [Fact]
    public void Open_NewFileInMissingFolder_CreatesItAtTheCurrentSchema()
    {
        var path = folder.File("nested/deeper/bot.db");

        using var database = new SupportDatabase(path);

        Assert.True(File.Exists(path));
        Assert.Equal(SchemaMigrations.CurrentVersion, database.SchemaVersion);
        Assert.Equal(5, SchemaMigrations.CurrentVersion);
    }

    [Fact]
    public void Open_Twice_SchemaStaysAndNothingRunsAgain()
    {
        var path = folder.File("bot.db");
        new SupportDatabase(path).Dispose();
        var counting = new CountingMigration(SchemaMigrations.CurrentVersion + 1);

        using (var upgraded = new SupportDatabase(path, [.. SchemaMigrations.All, counting]))
        {
            Assert.Equal(SchemaMigrations.CurrentVersion + 1, upgraded.SchemaVersion);
        }

        using var again = new SupportDatabase(path, [.. SchemaMigrations.All, counting]);
        Assert.Equal(1, counting.Runs);
    }

    [Fact]
    public async Task Open_VersionOneFile_MigratesAndReadsTheOldProgress()
    {
        var path = folder.File("bot.db");
        WriteVersionOneFile(path);

        using var database = new SupportDatabase(path);
        var store = new LiteWalkthroughStore(database);

        Assert.Equal(SchemaMigrations.CurrentVersion, database.SchemaVersion);
        var progress = await store.GetAsync(123456789012345678);
        Assert.NotNull(progress);
        Assert.Equal(GuidePosition.Step5, progress.Position);
        Assert.Equal(AccountType.Standard, progress.AccountType);
        Assert.Equal("nl", progress.RegionKey);
        Assert.Equal(WalkthroughDelivery.DirectMessage(555, 666), progress.Delivery);
        Assert.Equal(GuidePosition.FinalCheck, (await store.GetAsync(42))!.Position);
        var history = await new LiteCheckHistoryStore(database).RecentAsync(123456789012345678, 5);
        Assert.Single(history);
    }

    [Fact]
    public void Open_FileFromANewerBot_RefusedNamingFileAndVersions()
    {
        var path = folder.File("bot.db");
        using (var raw = new LiteDatabase(path))
        {
            SupportDatabase.WriteSchemaVersion(raw, 9);
        }

        var error = Assert.Throws<StorageException>(() => new SupportDatabase(path));

        Assert.StartsWith($"{Path.GetFullPath(path)}: the data file has schema version 9, but this version of the bot knows only up to {SchemaMigrations.CurrentVersion}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_FailingMigration_LeavesTheFileAtTheOldVersion()
    {
        var path = folder.File("bot.db");
        new SupportDatabase(path).Dispose();

        var next = SchemaMigrations.CurrentVersion + 1;
        var error = Assert.Throws<StorageException>(() => new SupportDatabase(path, [.. SchemaMigrations.All, new FailingMigration(next)]));

        Assert.Contains($"migrating the data file to schema version {next} failed, and it was left at version {SchemaMigrations.CurrentVersion}", error.Message, StringComparison.Ordinal);
        using var database = new SupportDatabase(path);
        Assert.Equal(SchemaMigrations.CurrentVersion, database.SchemaVersion);
        Assert.Null(await new LiteWalkthroughStore(database).GetAsync(1));
    }

    [Fact]
    public void Open_MigrationsOutOfOrder_Throws()
    {
        Assert.Throws<ArgumentException>(() => new SupportDatabase(folder.File("bot.db"), [new CountingMigration(2)]));
    }

    [Fact]
    public async Task AddSupportStorage_Resolves_StoresShareOneFile()
    {
        var path = folder.File("di/bot.db");
        var services = new ServiceCollection();
        services.AddSupportStorage(path);
        services.AddSupportStorage(folder.File("ignored.db"));

        await using (var provider = services.BuildServiceProvider())
        {
            await provider.GetRequiredService<IWalkthroughStore>().SaveAsync(Samples.Progress(3));
            await provider.GetRequiredService<ICheckHistoryStore>().AddAsync(Samples.History(3, Samples.At));
            Assert.Same(provider.GetRequiredService<SupportDatabase>(), provider.GetRequiredService<SupportDatabase>());
        }

        Assert.Single(services, d => d.ServiceType == typeof(SupportDatabase));
        Assert.True(File.Exists(path));
        Assert.False(File.Exists(folder.File("ignored.db")));
        using var reopened = new SupportDatabase(path);
        Assert.NotNull(await new LiteWalkthroughStore(reopened).GetAsync(3));
    }

    [Fact]
    public async Task AddSupportStorage_OpeningTheFile_BuildsTheIndexesTheFiguresRead_BeforeAnyStatsAreAsked()
    {
        // On a year's file an index built on the first /ticket stats kept that staff member waiting for a minute.
        var services = new ServiceCollection();
        services.AddSupportStorage(folder.File("indexes/bot.db"));
        await using var provider = services.BuildServiceProvider();

        var database = provider.GetRequiredService<SupportDatabase>();

        var indexes = database.Database.GetCollection("$indexes").FindAll().Select(i => $"{i["collection"].AsString}.{i["name"].AsString}").ToList();
        Assert.Contains($"{Collections.Walkthroughs}.{LiteSupportData.FunnelStartIndex}", indexes);
        Assert.Contains($"{Collections.CheckHistory}.{Collections.CheckedAtField}", indexes);
        Assert.Contains($"{Storage.Tickets.TicketDocuments.Tickets}.{Storage.Tickets.TicketDocuments.MemberField}", indexes);
        Assert.Contains($"{Storage.Tickets.TicketDocuments.Audit}.{Storage.Tickets.TicketDocuments.AuditActionField}", indexes);

        // And the one the reminders' due pass deletes expired reminders through (a year's file: thousands of them).
        Assert.Contains($"{Storage.MemberHelp.MemberHelpDocuments.KeyReminders}.{Storage.MemberHelp.MemberHelpDocuments.ExpiresAtField}", indexes);

        // And the tickets' and the audit log's own, which their stores' first use built in the middle of start-up.
        Assert.Contains($"{Storage.Tickets.TicketDocuments.Tickets}.{Storage.Tickets.TicketDocuments.ClosingField}", indexes);
        Assert.Contains($"{Storage.Tickets.TicketDocuments.Audit}.{Storage.Tickets.TicketDocuments.AuditAtField}", indexes);
    }

    [Fact]
    public void OpenForServing_AFileMissingAnIndexOfThisVersion_BuildsItAndKeepsNoneOfThePagesItRead()
    {
        // An older version's file: 3,000 tickets of about 2 KB, without the index this version reads closing tickets by.
        var path = folder.File("older/bot.db");
        using (var database = SupportDatabase.OpenForServing(path))
        {
            var padding = new string('x', 2_000);
            database.Database.GetCollection(Storage.Tickets.TicketDocuments.Tickets).InsertBulk(
                Enumerable.Range(1, 3_000).Select(n => new BsonDocument { ["_id"] = n, [Storage.Tickets.TicketDocuments.ClosingField] = n % 100 == 0, ["notes"] = padding }));
            database.Database.GetCollection(Storage.Tickets.TicketDocuments.Tickets).DropIndex(Storage.Tickets.TicketDocuments.ClosingField);
        }

        using (var upgraded = SupportDatabase.OpenForServing(path))
        {
            // Built at open (a whole read of the collection in one transaction, which LiteDB's cache keeps for good: about
            // 6 MB here, 52 MB for a year's tickets), then the cache emptied before the bot serves.
            var indexes = upgraded.Database.GetCollection("$indexes").FindAll().Select(i => $"{i["collection"].AsString}.{i["name"].AsString}");
            Assert.Contains($"{Storage.Tickets.TicketDocuments.Tickets}.{Storage.Tickets.TicketDocuments.ClosingField}", indexes);
            Assert.InRange(upgraded.CachePages, 1, 100);
        }

        // A clean restart of the unchanged file reads no document before the bot serves.
        using var restarted = SupportDatabase.OpenForServing(path);
        Assert.False(restarted.ReadInFull);
        Assert.InRange(restarted.CachePages, 1, 100);
    }

    [Fact]
    public async Task Closing_WhileAReadIsUnderWay_WaitsForTheRead_AndRefusesReadsBegunAfter()
    {
        // LiteDB closed under a read leaves that read's transaction to the finalizer, which then ends the process.
        var engine = SerializedWrites.Open(new ConnectionString { Filename = folder.File("reads.db"), Connection = ConnectionType.Direct });
        var database = new LiteDatabase(engine);
        var tickets = database.GetCollection("tickets");
        tickets.Insert([new BsonDocument { ["_id"] = 1 }, new BsonDocument { ["_id"] = 2 }, new BsonDocument { ["_id"] = 3 }]);

        var read = tickets.FindAll().GetEnumerator();
        Assert.True(read.MoveNext());
        var closing = Task.Run(database.Dispose);
        Assert.True(SpinWait.SpinUntil(() => engine.IsClosing, TimeSpan.FromSeconds(30)));

        Assert.False(closing.IsCompleted);
        Assert.True(read.MoveNext());
        Assert.True(read.MoveNext());
        Assert.Equal(3, read.Current["_id"].AsInt32);
        Assert.Throws<ObjectDisposedException>(() => tickets.FindById(1));

        read.Dispose();
        await closing.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public void Dispose() => folder.Dispose();

    // The layout version 1 of the bot wrote: the position as a number in "step".
    private static void WriteVersionOneFile(string path)
    {
        using var raw = new LiteDatabase(new ConnectionString { Filename = path });
        var walkthroughs = raw.GetCollection("walkthroughs");
        walkthroughs.Insert(new BsonDocument
        {
            ["_id"] = 123456789012345678L,
            ["step"] = 5,
            ["accountType"] = "standard",
            ["region"] = "nl",
            ["lastCheck"] = BsonValue.Null,
            ["delivery"] = new BsonDocument { ["surface"] = "dm", ["channelId"] = 555L, ["messageId"] = 666L },
            ["startedAt"] = Samples.At.UtcTicks,
            ["updatedAt"] = Samples.At.UtcTicks,
            ["schema"] = 1,
        });
        walkthroughs.Insert(new BsonDocument
        {
            ["_id"] = 42L,
            ["step"] = 7,
            ["accountType"] = "unknown",
            ["region"] = BsonValue.Null,
            ["lastCheck"] = BsonValue.Null,
            ["delivery"] = new BsonDocument { ["surface"] = "channel", ["channelId"] = 9L, ["messageId"] = BsonValue.Null },
            ["startedAt"] = Samples.At.UtcTicks,
            ["updatedAt"] = Samples.At.UtcTicks,
            ["schema"] = 1,
        });
        var history = raw.GetCollection("check_history");
        history.EnsureIndex("userId");
        history.Insert(new BsonDocument
        {
            ["userId"] = 123456789012345678L,
            ["checkedAt"] = Samples.At.UtcTicks,
            ["verdict"] = "pass",
            ["checks"] = new BsonDocument { ["api-key"] = "pass" },
            ["maskedKey"] = "…Xy12",
            ["region"] = "nl",
            ["host"] = "https://api.bybit.nl",
        });
        SupportDatabase.WriteSchemaVersion(raw, 1);
    }

    private sealed class CountingMigration(int version) : IMigration
    {
        public int Version => version;

        public int Runs { get; private set; }

        public void Apply(LiteDatabase database) => Runs++;
    }

    private sealed class FailingMigration(int version) : IMigration
    {
        public int Version => version;

        public void Apply(LiteDatabase database)
        {
            database.GetCollection("walkthroughs").Insert(new BsonDocument { ["_id"] = 1L, ["half"] = true });
            throw new InvalidOperationException("boom");
        }
    }
}
