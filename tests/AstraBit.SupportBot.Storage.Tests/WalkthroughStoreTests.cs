using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Core.Walkthrough;

namespace AstraBit.SupportBot.Storage.Tests;

public sealed class WalkthroughStoreTests : IDisposable
{
    private readonly TempFolder folder = new();

    [Theory]
    [InlineData(1ul)]
    [InlineData(123456789012345678ul)]
    [InlineData((ulong)long.MaxValue + 1)]
    [InlineData(ulong.MaxValue)]
    public async Task SaveAsync_EveryField_RoundTrips(ulong userId)
    {
        using var database = new SupportDatabase(folder.File("bot.db"));
        var store = new LiteWalkthroughStore(database);
        var progress = Samples.Progress(userId);

        await store.SaveAsync(progress);

        Samples.AssertSame(progress, await store.GetAsync(userId));
    }

    [Fact]
    public async Task SaveAsync_NoCheckNoRegionEphemeral_RoundTrips()
    {
        using var database = new SupportDatabase(folder.File("bot.db"));
        var store = new LiteWalkthroughStore(database);
        var progress = Samples.Progress(5) with
        {
            Position = GuidePosition.BeforeYouBegin,
            AccountType = AccountType.Unknown,
            RegionKey = null,
            LastCheck = null,
            Delivery = WalkthroughDelivery.Ephemeral(77),
            SchemaVersion = 1,
        };

        await store.SaveAsync(progress);

        Assert.Equal(progress, await store.GetAsync(5));
    }

    [Fact]
    public async Task SaveAsync_Twice_KeepsTheLatest()
    {
        using var database = new SupportDatabase(folder.File("bot.db"));
        var store = new LiteWalkthroughStore(database);
        await store.SaveAsync(Samples.Progress(5));

        await store.SaveAsync(Samples.Progress(5) with { Position = GuidePosition.FinalCheck });

        Assert.Equal(GuidePosition.FinalCheck, (await store.GetAsync(5))!.Position);
    }

    [Fact]
    public async Task GetAsync_UnknownMember_Null()
    {
        using var database = new SupportDatabase(folder.File("bot.db"));

        Assert.Null(await new LiteWalkthroughStore(database).GetAsync(99));
    }

    [Fact]
    public async Task DeleteAsync_Saved_GoneAndReportsIt()
    {
        using var database = new SupportDatabase(folder.File("bot.db"));
        var store = new LiteWalkthroughStore(database);
        await store.SaveAsync(Samples.Progress(5));

        Assert.True(await store.DeleteAsync(5));
        Assert.False(await store.DeleteAsync(5));
        Assert.Null(await store.GetAsync(5));
    }

    [Fact]
    public async Task GetAsync_AfterDisposeAndReopen_ResumesAtTheSameStep()
    {
        var path = folder.File("bot.db");
        var progress = Samples.Progress(42);
        using (var first = new SupportDatabase(path))
        {
            await new LiteWalkthroughStore(first).SaveAsync(progress);
        }

        using var second = new SupportDatabase(path);
        Samples.AssertSame(progress, await new LiteWalkthroughStore(second).GetAsync(42));
    }

    [Fact]
    public async Task SaveAsync_UnmaskedKeyInLastCheck_Refused()
    {
        using var database = new SupportDatabase(folder.File("bot.db"));
        var progress = Samples.Progress(5);
        progress = progress with { LastCheck = progress.LastCheck! with { MaskedKey = Samples.ApiKey } };

        await Assert.ThrowsAsync<ArgumentException>(() => new LiteWalkthroughStore(database).SaveAsync(progress));
    }

    [Fact]
    public async Task SaveAsync_ManyTasksAtOnce_NothingLost()
    {
        using var database = new SupportDatabase(folder.File("bot.db"));
        var store = new LiteWalkthroughStore(database);
        var history = new LiteCheckHistoryStore(database);

        await Task.WhenAll(Enumerable.Range(1, 16).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; i < 25; i++)
            {
                var userId = (ulong)((worker * 1000) + i);
                await store.SaveAsync(Samples.Progress(userId));
                await history.AddAsync(Samples.History((ulong)worker, Samples.At.AddSeconds(i)));
            }
        })));

        for (var worker = 1; worker <= 16; worker++)
        {
            Assert.Equal(25, (await history.RecentAsync((ulong)worker, 100)).Count);
            for (var i = 0; i < 25; i++)
            {
                Assert.NotNull(await store.GetAsync((ulong)((worker * 1000) + i)));
            }
        }
    }

    public void Dispose() => folder.Dispose();
}
