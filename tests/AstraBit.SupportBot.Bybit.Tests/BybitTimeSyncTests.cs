using System.Globalization;
using AstraBit.SupportBot.Emulators.Bybit;

namespace AstraBit.SupportBot.Bybit.Tests;

public sealed class BybitTimeSyncTests
{
    [Theory]
    [InlineData(3, new[] { 0 })]
    [InlineData(-8, new[] { 10002, 0 })]
    [InlineData(-30, new[] { 10002, 0 })]
    public async Task GetApiKeyInfoAsync_EmulatorClockSkewed_SignsAtOnceAndRetriesOnlyOn10002(int skewSeconds, int[] expectedRetCodes)
    {
        await using var host = await BybitTestHost.StartAsync(new BybitEmulatorOptions { ClockSkew = TimeSpan.FromSeconds(skewSeconds) });

        var result = await host.Client.User.GetApiKeyInfoAsync(host.Credentials("healthy-unified"));

        Assert.True(result.Success, result.Error?.Message);
        await host.ClockMeasuredAsync();
        Assert.Single(host.RequestsTo("/v5/market/time"));
        Assert.Equal(expectedRetCodes, host.RequestsTo("/v5/user/query-api").Select(r => r.RetCode ?? -1));
    }

    [Theory]
    [InlineData(10)]
    [InlineData(-10)]
    public async Task ColdRound_LocalClockSkewed_EveryRequestRetriedExactlyOnceAndTheNextRoundNotAtAll(int skewSeconds)
    {
        var clock = new SkewedClock(TimeSpan.FromSeconds(skewSeconds));
        await using var host = await BybitTestHost.StartAsync(clock: clock);
        var credentials = host.Credentials("healthy-unified");

        // A cold first round, as the key check sends it: several signed reads at once on a host never measured.
        var round = await Task.WhenAll(
            host.Client.User.GetApiKeyInfoAsync(credentials).ContinueWith(t => t.Result.Success, TaskScheduler.Default),
            host.Client.Account.GetAccountInfoAsync(credentials).ContinueWith(t => t.Result.Success, TaskScheduler.Default),
            host.Client.Position.GetPositionsAsync(credentials, BybitCategory.Linear, "BTCUSDT").ContinueWith(t => t.Result.Success, TaskScheduler.Default));
        var second = await host.Client.Account.GetWalletBalanceAsync(credentials, BybitAccountType.Unified);

        Assert.All(round, Assert.True);
        Assert.True(second.Success, second.Error?.Message);
        Assert.Single(host.RequestsTo("/v5/market/time"));
        // The first call is signed before the clock measurement can have come back: rejected once, then accepted.
        Assert.Equal([10002, 0], host.RequestsTo("/v5/user/query-api").Select(r => r.RetCode ?? -1));
        foreach (var path in new[] { "/v5/account/info", "/v5/position/list" })
        {
            // The others too, unless the measurement was already back when they were signed (a busy machine).
            var codes = host.RequestsTo(path).Select(r => r.RetCode ?? -1).ToList();
            Assert.True(codes.SequenceEqual([10002, 0]) || codes.SequenceEqual([0]), $"{path}: {string.Join(",", codes)}");
        }

        Assert.Equal([0], host.RequestsTo("/v5/account/wallet-balance").Select(r => r.RetCode ?? -1));
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
    public async Task GetApiKeyInfoAsync_ServerClockJumpsAfterSync_RetriesOnceWithTheClockOfTheRejection()
    {
        await using var host = await BybitTestHost.StartAsync();
        var credentials = host.Credentials("healthy-unified");
        Assert.True((await host.Client.User.GetApiKeyInfoAsync(credentials)).Success);
        // The clock jumps after the measurement that went out with the first call came back, not while it is out.
        await host.ClockMeasuredAsync();
        host.Emulator.ClockSkew = TimeSpan.FromSeconds(-8);

        var result = await host.Client.User.GetApiKeyInfoAsync(credentials);

        Assert.True(result.Success, result.Error?.Message);
        var requests = host.Emulator.Requests.Select(r => (r.Path, r.RetCode)).ToList();
        // The first call and the clock measurement went out together.
        Assert.Equal([("/v5/market/time", (int?)0), ("/v5/user/query-api", 0)], requests.Take(2).Order());
        // After the jump: rejected once, re-signed with the clock the rejection carries, accepted.
        Assert.Equal([("/v5/user/query-api", (int?)10002), ("/v5/user/query-api", 0)], requests.Skip(2));
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

    /// <summary>A local clock that is wrong by a fixed amount; timers run as usual.</summary>
    private sealed class SkewedClock(TimeSpan skew) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + skew;
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
