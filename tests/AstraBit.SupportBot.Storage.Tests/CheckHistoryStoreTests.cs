using AstraBit.SupportBot.Core.Diagnostics;

namespace AstraBit.SupportBot.Storage.Tests;

public sealed class CheckHistoryStoreTests : IDisposable
{
    private readonly TempFolder folder = new();

    [Fact]
    public async Task AddAsync_EveryField_RoundTrips()
    {
        using var database = new SupportDatabase(folder.File("bot.db"));
        var store = new LiteCheckHistoryStore(database);
        var entry = Samples.History(ulong.MaxValue, Samples.At) with { RegionKey = null, Verdict = Verdict.Warn };

        await store.AddAsync(entry);

        Samples.AssertSame(entry, Assert.Single(await store.RecentAsync(ulong.MaxValue, 5)));
    }

    [Fact]
    public async Task RecentAsync_ManyChecks_NewestFirstLimitedAndOnlyThatMember()
    {
        using var database = new SupportDatabase(folder.File("bot.db"));
        var store = new LiteCheckHistoryStore(database);
        foreach (var minutes in new[] { 5, 1, 9, 3, 7 })
        {
            await store.AddAsync(Samples.History(10, Samples.At.AddMinutes(minutes)));
        }

        await store.AddAsync(Samples.History(11, Samples.At.AddMinutes(100)));

        var recent = await store.RecentAsync(10, 3);

        Assert.Equal([9, 7, 5], recent.Select(e => (int)(e.CheckedAt - Samples.At).TotalMinutes));
        Assert.All(recent, e => Assert.Equal(10ul, e.UserId));
    }

    [Fact]
    public async Task RecentAsync_ZeroOrNobody_Empty()
    {
        using var database = new SupportDatabase(folder.File("bot.db"));
        var store = new LiteCheckHistoryStore(database);
        await store.AddAsync(Samples.History(10, Samples.At));

        Assert.Empty(await store.RecentAsync(10, 0));
        Assert.Empty(await store.RecentAsync(12, 10));
    }

    [Fact]
    public async Task AddAsync_UnmaskedKey_Refused()
    {
        using var database = new SupportDatabase(folder.File("bot.db"));

        await Assert.ThrowsAsync<ArgumentException>(() =>
            new LiteCheckHistoryStore(database).AddAsync(Samples.History(10, Samples.At) with { MaskedKey = Samples.ApiKey }));
    }

    [Fact]
    public async Task RecentAsync_AfterReopen_StillThere()
    {
        var path = folder.File("bot.db");
        using (var first = new SupportDatabase(path))
        {
            await new LiteCheckHistoryStore(first).AddAsync(Samples.History(10, Samples.At));
        }

        using var second = new SupportDatabase(path);
        Assert.Single(await new LiteCheckHistoryStore(second).RecentAsync(10, 5));
    }

    public void Dispose() => folder.Dispose();
}
