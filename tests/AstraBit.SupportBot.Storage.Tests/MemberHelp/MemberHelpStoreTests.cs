using AstraBit.SupportBot.Core.Panel;
using AstraBit.SupportBot.Core.Reminders;
using AstraBit.SupportBot.Storage.MemberHelp;
using Microsoft.Extensions.Time.Testing;

namespace AstraBit.SupportBot.Storage.Tests.MemberHelp;

public sealed class MemberHelpStoreTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 6, 0, 0, TimeSpan.Zero);

    private readonly TempFolder folder = new();

    [Fact]
    public async Task Reminders_AcrossRestarts_FireAtFourteenSevenAndOneDayOnce()
    {
        var path = folder.File("bot.db");
        var time = new FakeTimeProvider(Start);
        var expires = Start.AddDays(20);
        using (var database = new SupportDatabase(path))
        {
            await new KeyReminderService(new LiteKeyReminderStore(database), time).SubscribeAsync(111, "…Xy12", expires, "mainnet");
        }

        var sent = new List<(int Days, DateTimeOffset At)>();
        for (var day = 0; day <= 21; day++)
        {
            // Every day is a new process: a new database handle and service over the same file.
            using var database = new SupportDatabase(path);
            var service = new KeyReminderService(new LiteKeyReminderStore(database), time);
            foreach (var due in await service.DueAsync())
            {
                sent.Add((due.DaysBefore, time.GetUtcNow()));
                await service.MarkSentAsync(due);
            }

            // Looking again in the same run finds nothing more to send.
            Assert.Empty(await service.DueAsync());
            time.Advance(TimeSpan.FromDays(1));
        }

        Assert.Equal([(14, expires.AddDays(-14)), (7, expires.AddDays(-7)), (1, expires.AddDays(-1))], sent);
        using var after = new SupportDatabase(path);
        Assert.Empty(await new LiteKeyReminderStore(after).AllAsync());
    }

    [Fact]
    public async Task Reminders_KilledBetweenDueAndSent_SentAgainAfterRestart()
    {
        var path = folder.File("bot.db");
        var time = new FakeTimeProvider(Start);
        using (var database = new SupportDatabase(path))
        {
            await new KeyReminderService(new LiteKeyReminderStore(database), time).SubscribeAsync(111, "…Xy12", Start.AddDays(20), "eu");
        }

        time.Advance(TimeSpan.FromDays(6));
        using (var database = new SupportDatabase(path))
        {
            Assert.Equal(14, Assert.Single(await new KeyReminderService(new LiteKeyReminderStore(database), time).DueAsync()).DaysBefore);

            // The DM failed or the process died before MarkSentAsync: nothing was recorded.
        }

        using var restarted = new SupportDatabase(path);
        Assert.Equal(14, Assert.Single(await new KeyReminderService(new LiteKeyReminderStore(restarted), time).DueAsync()).DaysBefore);
    }

    [Fact]
    public async Task Reminders_StoredDocument_HoldsOnlyMemberMaskedKeyExpirySiteAndBookkeeping()
    {
        var path = folder.File("bot.db");
        using (var database = new SupportDatabase(path))
        {
            await new LiteKeyReminderStore(database).SaveAsync(new KeyReminder(111, "…Xy12", Start.AddDays(20), "mainnet", Start, [14]));
        }

        using var raw = new LiteDB.LiteDatabase(path);
        var document = Assert.Single(raw.GetCollection("key_reminders").FindAll());
        Assert.Equal(["_id", "memberId", "maskedKey", "expiresAt", "site", "createdAt", "done"], document.Keys);
        Assert.Equal("…Xy12", document["maskedKey"].AsString);
    }

    [Fact]
    public async Task Reminders_ListByMember_EarliestExpiryFirst()
    {
        using var database = new SupportDatabase(folder.File("bot.db"));
        var store = new LiteKeyReminderStore(database);
        await store.SaveAsync(new KeyReminder(111, "…Late", Start.AddDays(60), "mainnet", Start, []));
        await store.SaveAsync(new KeyReminder(111, "…Soon", Start.AddDays(10), "mainnet", Start, [14]));
        await store.SaveAsync(new KeyReminder(222, "…Else", Start.AddDays(5), "mainnet", Start, []));

        Assert.Equal(["…Soon", "…Late"], (await store.ListAsync(111)).Select(r => r.MaskedKey));
        Assert.Equal([14], (await store.GetAsync(KeyReminder.IdOf(111, "mainnet", "…Soon")))!.Done);
    }

    [Fact]
    public async Task Reminders_ExpiredDeleted_InOneWriteReadThroughTheExpiryIndex()
    {
        using var database = new SupportDatabase(folder.File("bot.db"));
        LiteSupportData.EnsureIndexes(database);
        var store = new LiteKeyReminderStore(database);
        var now = Start.AddDays(100);

        // Many members' reminders, a third of them for keys that expired before now (one exactly at now).
        for (var i = 0; i < 1_500; i++)
        {
            var expires = i % 3 == 0 ? now.AddDays(-(i % 90)) : now.AddDays(1 + (i % 90));
            await store.SaveAsync(new KeyReminder(1_000 + (ulong)i, "…Ab12", expires, "mainnet", Start, []), TestContext.Current.CancellationToken);
        }

        // The removal reads a range of the expiresAt index, not every reminder: a full scan here is what made the due pass
        // cost more with every reminder a year's file holds.
        var plan = database.Database.GetCollection(MemberHelpDocuments.KeyReminders).Query().Where(LiteKeyReminderStore.ExpiredBy(now)).GetPlan();
        Assert.Equal(MemberHelpDocuments.ExpiresAtField, plan["index"]["name"].AsString);
        Assert.DoesNotContain("FULL", plan["index"]["mode"].AsString, StringComparison.Ordinal);

        Assert.Equal(500, await store.DeleteExpiredAsync(now, TestContext.Current.CancellationToken));

        var left = await store.AllAsync(TestContext.Current.CancellationToken);
        Assert.Equal(1_000, left.Count);
        Assert.All(left, r => Assert.True(r.ExpiresAt > now));
        Assert.Equal(0, await store.DeleteExpiredAsync(now, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Reminders_ExpiringWithinAWindow_ReadThroughOneRangeOfTheExpiryIndex()
    {
        using var database = new SupportDatabase(folder.File("bot.db"));
        LiteSupportData.EnsureIndexes(database);
        var store = new LiteKeyReminderStore(database);
        var now = Start.AddDays(100);
        for (var i = 0; i < 900; i++)
        {
            await store.SaveAsync(new KeyReminder(1_000 + (ulong)i, "…Ab12", now.AddDays((i % 90) - 10), "mainnet", Start, []), TestContext.Current.CancellationToken);
        }

        // The due pass reads the keys expiring within 14 days, a range of the expiresAt index, not every reminder.
        var plan = database.Database.GetCollection(MemberHelpDocuments.KeyReminders).Query().Where(LiteKeyReminderStore.ExpiringBetween(now, now.AddDays(14))).GetPlan();
        Assert.Equal(MemberHelpDocuments.ExpiresAtField, plan["index"]["name"].AsString);
        Assert.DoesNotContain("FULL", plan["index"]["mode"].AsString, StringComparison.Ordinal);

        var expiring = await store.ExpiringAsync(now, now.AddDays(14), TestContext.Current.CancellationToken);
        Assert.Equal(140, expiring.Count);
        Assert.All(expiring, r => Assert.InRange(r.ExpiresAt, now.AddTicks(1), now.AddDays(14)));
    }

    [Fact]
    public async Task Panel_SavedThenReopened_SameLocationAndReplacedPerServer()
    {
        var path = folder.File("bot.db");
        using (var database = new SupportDatabase(path))
        {
            var store = new LitePanelStore(database);
            await store.SaveAsync(new PanelLocation(1, 10, 100, Start));
            await store.SaveAsync(new PanelLocation(1, 20, 200, Start.AddHours(1)));
            await store.SaveAsync(new PanelLocation(2, 30, 300, Start));
        }

        using var reopened = new SupportDatabase(path);
        var again = new LitePanelStore(reopened);
        Assert.Equal(new PanelLocation(1, 20, 200, Start.AddHours(1)), await again.GetAsync(1));
        Assert.Equal(PanelPlacement.Decide(await again.GetAsync(1), 20), new PanelPlacement(20, 200, null));
        Assert.True(await again.DeleteAsync(2));
        Assert.Null(await again.GetAsync(2));
        Assert.Equal(ulong.MaxValue, (await SaveAndGet(again, new PanelLocation(ulong.MaxValue, ulong.MaxValue, ulong.MaxValue, Start)))!.MessageId);
    }

    public void Dispose() => folder.Dispose();

    private static async Task<PanelLocation?> SaveAndGet(LitePanelStore store, PanelLocation location)
    {
        await store.SaveAsync(location);
        return await store.GetAsync(location.GuildId);
    }
}
