using AstraBit.SupportBot.Discord.Gateway;
using Microsoft.Extensions.Time.Testing;

namespace AstraBit.SupportBot.Discord.Tests.Gateway;

public sealed class GatewaySendLimiterTests
{
    [Fact]
    public async Task WaitAsync_OrdinarySendsBeyondTheShare_WaitUntilTheWindowMoves()
    {
        var time = new FakeTimeProvider();
        var limiter = new GatewaySendLimiter(120, 3, TimeSpan.FromSeconds(60), time);
        for (var i = 0; i < 117; i++)
        {
            Assert.True(limiter.WaitAsync(heartbeat: false, CancellationToken.None).IsCompletedSuccessfully);
        }

        var blocked = limiter.WaitAsync(heartbeat: false, CancellationToken.None).AsTask();
        Assert.False(blocked.IsCompleted);

        time.Advance(TimeSpan.FromSeconds(60));
        await blocked.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task WaitAsync_Heartbeat_UsesTheReservedSlotsButNotMore()
    {
        var time = new FakeTimeProvider();
        var limiter = new GatewaySendLimiter(120, 3, TimeSpan.FromSeconds(60), time);
        for (var i = 0; i < 117; i++)
        {
            await limiter.WaitAsync(heartbeat: false, CancellationToken.None);
        }

        for (var i = 0; i < 3; i++)
        {
            Assert.True(limiter.WaitAsync(heartbeat: true, CancellationToken.None).IsCompletedSuccessfully);
        }

        var blocked = limiter.WaitAsync(heartbeat: true, CancellationToken.None).AsTask();
        Assert.False(blocked.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(60));
        await blocked.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task WaitAsync_SendsSpreadOverTime_FreesSlotsAsTheOldestLeaveTheWindow()
    {
        var time = new FakeTimeProvider();
        var limiter = new GatewaySendLimiter(4, 0, TimeSpan.FromSeconds(60), time);
        await limiter.WaitAsync(false, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(30));
        for (var i = 0; i < 3; i++)
        {
            await limiter.WaitAsync(false, CancellationToken.None);
        }

        var blocked = limiter.WaitAsync(false, CancellationToken.None).AsTask();
        time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(blocked.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));

        await blocked.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task WaitAsync_Cancelled_Throws()
    {
        var limiter = new GatewaySendLimiter(1, 0, TimeSpan.FromSeconds(60), new FakeTimeProvider());
        await limiter.WaitAsync(false, CancellationToken.None);
        using var cts = new CancellationTokenSource();

        var blocked = limiter.WaitAsync(false, cts.Token).AsTask();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => blocked);
    }
}
