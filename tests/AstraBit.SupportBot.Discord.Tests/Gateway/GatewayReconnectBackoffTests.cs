using AstraBit.SupportBot.Discord.Gateway;

namespace AstraBit.SupportBot.Discord.Tests.Gateway;

public sealed class GatewayReconnectBackoffTests
{
    [Fact]
    public void NextDelay_RepeatedFailures_DoublesWithJitterUpToTheCap()
    {
        var backoff = new GatewayReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), new Random(42));

        var delays = Enumerable.Range(0, 8).Select(_ => backoff.NextDelay()).ToList();

        double[] ceilings = [1, 2, 4, 8, 10, 10, 10, 10];
        for (var i = 0; i < delays.Count; i++)
        {
            Assert.InRange(delays[i].TotalSeconds, ceilings[i] / 2, ceilings[i]);
        }
    }

    [Fact]
    public void Reset_AfterFailures_StartsFromTheInitialDelayAgain()
    {
        var backoff = new GatewayReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), new Random(7));
        for (var i = 0; i < 5; i++)
        {
            backoff.NextDelay();
        }

        backoff.Reset();

        Assert.InRange(backoff.NextDelay().TotalSeconds, 0.5, 1);
    }
}
