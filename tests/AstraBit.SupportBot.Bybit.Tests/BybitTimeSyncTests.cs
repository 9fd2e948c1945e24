using System.Globalization;
using AstraBit.SupportBot.Emulators.Bybit;

namespace AstraBit.SupportBot.Bybit.Tests;

public sealed class BybitTimeSyncTests
{
    [Theory]
    [InlineData(3)]
    [InlineData(-8)]
    [InlineData(-30)]
    public async Task GetApiKeyInfoAsync_EmulatorClockSkewed_SucceedsAfterSync(int skewSeconds)
    {
        await using var host = await BybitTestHost.StartAsync(new BybitEmulatorOptions { ClockSkew = TimeSpan.FromSeconds(skewSeconds) });

        var result = await host.Client.User.GetApiKeyInfoAsync(host.Credentials("healthy-unified"));

        Assert.True(result.Success, result.Error?.Message);
        Assert.Equal(["/v5/market/time", "/v5/user/query-api"], host.Emulator.Requests.Select(r => r.Path));
    }

    [Theory]
    [InlineData(-8)]
    [InlineData(8)]
    public async Task Emulator_RequestSignedWithUnsyncedClock_Rejects10002WithBybitMessage(int skewSeconds)
    {
        await using var emulator = await BybitEmulator.StartAsync(new BybitEmulatorOptions { ClockSkew = TimeSpan.FromSeconds(skewSeconds) });
        var account = emulator.Scenario("healthy-unified");
        using var http = new HttpClient { BaseAddress = emulator.BaseUrl };
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        var body = await SendSignedAsync(http, account.ApiKey, account.ApiSecret, timestamp, "v5/user/query-api", "");

        Assert.Contains("\"retCode\":10002", body, StringComparison.Ordinal);
        Assert.Matches(
            $@"invalid request, please check your server timestamp or recv_window param\. req_timestamp\[{timestamp}\],server_timestamp\[\d{{13}}\],recv_window\[5000\]",
            body);
        var server = long.Parse(System.Text.RegularExpressions.Regex.Match(body, @"server_timestamp\[(\d+)\]").Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.InRange(server - timestamp, (skewSeconds * 1000) - 1000, (skewSeconds * 1000) + 1000);
    }

    [Fact]
    public async Task GetApiKeyInfoAsync_ServerClockJumpsAfterSync_ResyncsOnceAndSucceeds()
    {
        await using var host = await BybitTestHost.StartAsync();
        var credentials = host.Credentials("healthy-unified");
        Assert.True((await host.Client.User.GetApiKeyInfoAsync(credentials)).Success);
        host.Emulator.ClockSkew = TimeSpan.FromSeconds(-8);

        var result = await host.Client.User.GetApiKeyInfoAsync(credentials);

        Assert.True(result.Success, result.Error?.Message);
        Assert.Equal(
            [("/v5/market/time", (int?)0), ("/v5/user/query-api", 0), ("/v5/user/query-api", 10002), ("/v5/market/time", 0), ("/v5/user/query-api", 0)],
            host.Emulator.Requests.Select(r => (r.Path, r.RetCode)));
    }

    [Fact]
    public async Task Create_SecondClientSameHost_SharesOffset()
    {
        await using var host = await BybitTestHost.StartAsync(new BybitEmulatorOptions { ClockSkew = TimeSpan.FromSeconds(-8) });
        var credentials = host.Credentials("healthy-unified");
        Assert.True((await host.Client.User.GetApiKeyInfoAsync(credentials)).Success);

        var second = host.Factory.Create(host.Emulator.BaseUrl);
        var result = await second.Account.GetAccountInfoAsync(credentials);

        Assert.True(result.Success);
        Assert.Single(host.RequestsTo("/v5/market/time"));
    }

    [Fact]
    public async Task GetAsync_RefreshIntervalElapsed_MeasuresAgain()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.Parse("2026-11-24T10:00:00Z", CultureInfo.InvariantCulture));
        var sync = new BybitTimeSync(clock, TimeSpan.FromMinutes(10));
        var host = new Uri("https://api.bybit.com");
        var measurements = 0;
        Task<TimeSpan?> Measure(CancellationToken _) => Task.FromResult<TimeSpan?>(TimeSpan.FromSeconds(++measurements));

        var first = await sync.GetAsync(host, Measure, null, CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(9));
        var cached = await sync.GetAsync(host, Measure, null, CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(2));
        var refreshed = await sync.GetAsync(host, Measure, null, CancellationToken.None);

        Assert.Equal([1, 1, 2], new[] { first, cached, refreshed }.Select(s => (int)s.Offset.TotalSeconds));
    }

    [Fact]
    public async Task GetAsync_MeasurementFails_KeepsZeroAndTriesAgainNextTime()
    {
        var sync = new BybitTimeSync(TimeProvider.System);
        var host = new Uri("https://api.bybit.com");
        var calls = 0;
        Task<TimeSpan?> Measure(CancellationToken _) => Task.FromResult(++calls == 1 ? null : (TimeSpan?)TimeSpan.FromSeconds(2));

        var failed = await sync.GetAsync(host, Measure, null, CancellationToken.None);
        var measured = await sync.GetAsync(host, Measure, null, CancellationToken.None);

        Assert.Equal((TimeSpan.Zero, (DateTimeOffset?)null), (failed.Offset, failed.MeasuredAt));
        Assert.Equal(TimeSpan.FromSeconds(2), measured.Offset);
    }

    internal static async Task<string> SendSignedAsync(HttpClient http, string key, string secret, long timestamp, string path, string query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, query.Length == 0 ? path : path + "?" + query);
        request.Headers.Add("X-BAPI-API-KEY", key);
        request.Headers.Add("X-BAPI-TIMESTAMP", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("X-BAPI-RECV-WINDOW", "5000");
        request.Headers.Add("X-BAPI-SIGN", BybitSigner.Sign(timestamp, key, 5000, query, secret));
        using var response = await http.SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }
}
