namespace AstraBit.SupportBot.Bybit.Tests;

public sealed class BybitResilienceTests
{
    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task GetApiKeyInfoAsync_Two5xxThenOk_RetriedAndSucceeds(int status)
    {
        await using var host = await BybitTestHost.StartAsync();
        host.Emulator.Faults.FailNext(2, status);

        var result = await host.Client.User.GetApiKeyInfoAsync(host.Credentials("healthy-unified"));

        Assert.True(result.Success);
        Assert.Equal([status, status, 200], host.RequestsTo("/v5/user/query-api").Select(r => r.StatusCode));
    }

    [Fact]
    public async Task GetApiKeyInfoAsync_Persistent5xx_StopsAfterTwoRetries()
    {
        await using var host = await BybitTestHost.StartAsync();
        host.Emulator.Faults.FailNext(5);

        var result = await host.Client.User.GetApiKeyInfoAsync(host.Credentials("healthy-unified"));

        Assert.False(result.Success);
        Assert.Equal((BybitErrorKind.ServerError, 503, true), (result.Error.Kind, result.Error.HttpStatus, result.Error.IsTransient));
        Assert.Equal(3, host.RequestsTo("/v5/user/query-api").Count);
        Assert.Equal(2, host.Emulator.Faults.Pending);
    }

    [Theory]
    [InlineData(401, "")]
    [InlineData(403, "403 Forbidden")]
    [InlineData(404, "")]
    public async Task GetApiKeyInfoAsync_HttpClientError_NotRetried(int status, string body)
    {
        await using var host = await BybitTestHost.StartAsync();
        host.Emulator.Faults.EnqueueHttp(status, body);
        host.Emulator.Faults.EnqueueHttp(status, body);

        var result = await host.Client.User.GetApiKeyInfoAsync(host.Credentials("healthy-unified"));

        Assert.False(result.Success);
        Assert.Single(host.RequestsTo("/v5/user/query-api"));
    }

    [Fact]
    public async Task GetApiKeyInfoAsync_InvalidKey_NotRetried()
    {
        await using var host = await BybitTestHost.StartAsync();

        var result = await host.Client.User.GetApiKeyInfoAsync(new BybitCredentials("AAAAAAAAAAAAAAAAAA", "BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB"));

        Assert.Equal(BybitErrorKind.InvalidKey, result.Error?.Kind);
        Assert.Single(host.RequestsTo("/v5/user/query-api"));
    }

    [Fact]
    public async Task GetApiKeyInfoAsync_SlowerThanTimeout_TimeoutErrorAfterRetries()
    {
        await using var host = await BybitTestHost.StartAsync(configure: o => o.Timeout = TimeSpan.FromMilliseconds(300));
        host.Emulator.Update("healthy-unified", a => a with { Latency = TimeSpan.FromSeconds(30) });

        var result = await host.Client.User.GetApiKeyInfoAsync(host.Credentials("healthy-unified"));

        Assert.False(result.Success);
        Assert.Equal((BybitErrorKind.Timeout, true), (result.Error.Kind, result.Error.IsTransient));
        Assert.Null(result.Error.HttpStatus);
        Assert.Equal(3, host.RequestsTo("/v5/user/query-api").Count);
    }

    [Fact]
    public async Task GetApiKeyInfoAsync_CallerCancels_Throws()
    {
        await using var host = await BybitTestHost.StartAsync();
        host.Emulator.Update("healthy-unified", a => a with { Latency = TimeSpan.FromSeconds(30) });
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => host.Client.User.GetApiKeyInfoAsync(host.Credentials("healthy-unified"), cancellation.Token));
    }

    [Fact]
    public async Task GetApiKeyInfoAsync_ConcurrentCallsOnFreshHost_OneTimeSync()
    {
        await using var host = await BybitTestHost.StartAsync();
        var credentials = host.Credentials("healthy-unified");
        var second = host.Factory.Create(host.Emulator.BaseUrl);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            (i % 2 == 0 ? host.Client : second).User.GetApiKeyInfoAsync(credentials)));

        Assert.All(results, r => Assert.True(r.Success));
        await host.ClockMeasuredAsync();
        Assert.Single(host.RequestsTo("/v5/market/time"));
    }
}
