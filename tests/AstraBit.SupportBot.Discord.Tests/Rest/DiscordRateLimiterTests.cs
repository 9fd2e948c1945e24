using System.Net;
using AstraBit.SupportBot.Discord.Rest;
using Microsoft.Extensions.Time.Testing;

namespace AstraBit.SupportBot.Discord.Tests.Rest;

public sealed class DiscordRateLimiterTests
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-11-24T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task AcquireAsync_51stRequestInOneSecond_WaitsForNextWindow()
    {
        var limiter = new DiscordRateLimiter(_clock);
        for (var i = 0; i < DiscordRateLimiter.GlobalRequestsPerSecond; i++)
        {
            using var lease = await limiter.AcquireAsync(Route("c" + i), CancellationToken.None);
        }

        var next = limiter.AcquireAsync(Route("c-last"), CancellationToken.None);
        Assert.False(next.IsCompleted);

        _clock.Advance(TimeSpan.FromSeconds(1));
        (await next).Dispose();
    }

    [Fact]
    public async Task AcquireAsync_InteractionRoutes_AreExemptFromGlobalLimit()
    {
        var limiter = new DiscordRateLimiter(_clock);

        for (var i = 0; i < 2 * DiscordRateLimiter.GlobalRequestsPerSecond; i++)
        {
            var acquire = limiter.AcquireAsync(Route("i" + i, exempt: true), CancellationToken.None);
            Assert.True(acquire.IsCompletedSuccessfully);
            (await acquire).Dispose();
        }
    }

    [Fact]
    public async Task AcquireAsync_BucketRemainingZero_WaitsUntilResetAfter()
    {
        var limiter = new DiscordRateLimiter(_clock);
        var route = Route("123");
        using (var lease = await limiter.AcquireAsync(route, CancellationToken.None))
        {
            lease.Update(Response(remaining: 0, resetAfter: "2.5"));
        }

        var next = limiter.AcquireAsync(route, CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(2.4));
        Assert.False(next.IsCompleted);

        _clock.Advance(TimeSpan.FromSeconds(0.1));
        (await next).Dispose();
    }

    [Fact]
    public async Task AcquireAsync_ADayOfChannelsAndInteractions_BucketsDoNotPileUp()
    {
        // Every channel written to and every interaction's webhook routes get a bucket; once their reset has passed
        // they know nothing a new one wouldn't, and a long-running bot must not keep them all (the soak's day: thousands).
        var limiter = new DiscordRateLimiter(_clock);
        for (var i = 0; i < 20_000; i++)
        {
            using (var lease = await limiter.AcquireAsync(Route("channel" + i), CancellationToken.None))
            {
                lease.Update(Response(remaining: 4, resetAfter: "1"));
            }

            _clock.Advance(TimeSpan.FromMilliseconds(200));
        }

        Assert.InRange(limiter.BucketCount, 1, 2_000);

        // A bucket still waiting for its reset is kept: the next request in it still waits.
        using (var lease = await limiter.AcquireAsync(Route("busy"), CancellationToken.None))
        {
            lease.Update(Response(remaining: 0, resetAfter: "60"));
        }

        for (var i = 0; i < 5_000; i++)
        {
            (await limiter.AcquireAsync(Route("other" + i, exempt: true), CancellationToken.None)).Dispose();
        }

        var next = limiter.AcquireAsync(Route("busy"), CancellationToken.None);
        Assert.False(next.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(60));
        (await next).Dispose();
    }

    [Fact]
    public async Task AcquireAsync_OtherMajorParameter_UsesItsOwnBucket()
    {
        var limiter = new DiscordRateLimiter(_clock);
        using (var lease = await limiter.AcquireAsync(Route("1"), CancellationToken.None))
        {
            lease.Update(Response(remaining: 0, resetAfter: "10"));
        }

        var other = limiter.AcquireAsync(Route("2"), CancellationToken.None);

        Assert.True(other.IsCompletedSuccessfully);
        (await other).Dispose();
    }

    [Fact]
    public async Task AcquireAsync_BucketWithRemaining_CountsDownLocally()
    {
        var limiter = new DiscordRateLimiter(_clock);
        var route = Route("9");
        using (var lease = await limiter.AcquireAsync(route, CancellationToken.None))
        {
            lease.Update(Response(remaining: 1, resetAfter: "5"));
        }

        (await limiter.AcquireAsync(route, CancellationToken.None)).Dispose(); // the one remaining, no answer headers
        var third = limiter.AcquireAsync(route, CancellationToken.None);

        Assert.False(third.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(5));
        (await third).Dispose();
    }

    [Fact]
    public async Task TooManyRequests_Global_PausesEveryRoute()
    {
        var limiter = new DiscordRateLimiter(_clock);
        using (var lease = await limiter.AcquireAsync(Route("1"), CancellationToken.None))
        {
            lease.TooManyRequests(TimeSpan.FromSeconds(3), global: true);
        }

        var other = limiter.AcquireAsync(Route("2"), CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.False(other.IsCompleted);

        _clock.Advance(TimeSpan.FromSeconds(1));
        (await other).Dispose();
    }

    [Fact]
    public async Task TooManyRequests_OnInteractionCallback_HoldsItsRetryUntilRetryAfter()
    {
        var limiter = new DiscordRateLimiter(_clock);
        using (var lease = await limiter.AcquireAsync(Callback("42"), CancellationToken.None))
        {
            lease.TooManyRequests(TimeSpan.FromSeconds(2), global: false);
        }

        var retry = limiter.AcquireAsync(Callback("42"), CancellationToken.None);
        var otherInteraction = limiter.AcquireAsync(Callback("43"), CancellationToken.None);
        Assert.True(otherInteraction.IsCompletedSuccessfully);
        (await otherInteraction).Dispose();

        _clock.Advance(TimeSpan.FromSeconds(1.9));
        Assert.False(retry.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(0.1));
        (await retry).Dispose();

        // Answered: the callback's pause is over and a later request on it (there is none in practice) is not held.
        var again = limiter.AcquireAsync(Callback("42"), CancellationToken.None);
        Assert.True(again.IsCompletedSuccessfully);
        (await again).Dispose();
    }

    [Fact]
    public async Task AcquireAsync_InteractionCallbacks_DoNotQueueBehindEachOthersHeaders()
    {
        var limiter = new DiscordRateLimiter(_clock);
        using (var lease = await limiter.AcquireAsync(Callback("1"), CancellationToken.None))
        {
            // A bucket hash and an empty bucket on one callback say nothing about the next interaction's callback.
            lease.Update(Response(remaining: 0, resetAfter: "10"));
        }

        var next = limiter.AcquireAsync(Callback("2"), CancellationToken.None);
        Assert.True(next.IsCompletedSuccessfully);
        (await next).Dispose();
    }

    private static DiscordRoute Callback(string interactionId) =>
        new(HttpMethod.Post, "/interactions/{interaction_id}/{interaction_token}/callback", interactionId, $"interactions/{interactionId}/token/callback", ExemptFromGlobal: true, SingleUse: true);

    private static DiscordRoute Route(string major, bool exempt = false) =>
        new(HttpMethod.Post, "/channels/{channel_id}/messages", major, $"channels/{major}/messages", exempt);

    private static HttpResponseMessage Response(int remaining, string resetAfter)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK);
        response.Headers.Add("X-RateLimit-Bucket", "abc");
        response.Headers.Add("X-RateLimit-Limit", "5");
        response.Headers.Add("X-RateLimit-Remaining", remaining.ToString(System.Globalization.CultureInfo.InvariantCulture));
        response.Headers.Add("X-RateLimit-Reset-After", resetAfter);
        return response;
    }
}
