using AstraBit.SupportBot.Emulators.Bybit;
using Microsoft.Extensions.Logging;

namespace AstraBit.SupportBot.Bybit.Tests;

/// <summary>Answers that arrive too slowly, too large, or that can't be read: never a hang, never a made-up value.</summary>
public sealed class BybitStalledAndGarbageAnswerTests
{
    [Fact]
    public async Task GetApiKeyInfoAsync_SlowLorisBody_EachAttemptCutAtTheDeadlineAndTimeoutReturned()
    {
        // Headers at once, then a byte every 50 ms: the ~1 KB answer would take close to a minute.
        await using var host = await BybitTestHost.StartAsync(configure: o => o.Timeout = TimeSpan.FromMilliseconds(300));
        host.Emulator.Faults.SlowBody = TimeSpan.FromMilliseconds(50);

        var result = await host.Client.User.GetApiKeyInfoAsync(host.Credentials("healthy-unified"));

        Assert.False(result.Success);
        Assert.Equal((BybitErrorKind.Timeout, true), (result.Error.Kind, result.Error.IsTransient));
        var attempts = host.RequestsTo("/v5/user/query-api");
        Assert.Equal(3, attempts.Count);
        // Every attempt was abandoned by the client (the emulator saw the hang-up), not read to the end.
        await host.Emulator.WhenAllRequestsFinished().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.All(host.RequestsTo("/v5/user/query-api"), r => Assert.Equal(499, r.StatusCode));
    }

    [Fact]
    public async Task GetApiKeyInfoAsync_BodyAboveTheCap_RefusedUnreadAndNotRetried()
    {
        await using var host = await BybitTestHost.StartAsync(configure: o => o.MaxResponseBytes = 64 * 1024);
        var credentials = host.Credentials("healthy-unified");
        Assert.True((await host.Client.Market.GetServerTimeAsync()).Success);
        host.Emulator.Faults.BodyPadding = 50L * 1024 * 1024;

        var result = await host.Client.User.GetApiKeyInfoAsync(credentials);

        Assert.False(result.Success);
        Assert.Equal((BybitErrorKind.ResponseTooLarge, false), (result.Error.Kind, result.Error.IsTransient));
        Assert.Contains("65536 bytes", result.Error.Message, StringComparison.Ordinal);
        Assert.Single(host.RequestsTo("/v5/user/query-api"));
    }

    [Fact]
    public async Task GetApiKeyInfoAsync_BodyJustUnderTheCap_Read()
    {
        await using var host = await BybitTestHost.StartAsync(configure: o => o.MaxResponseBytes = 64 * 1024);
        host.Emulator.Faults.BodyPadding = 60 * 1024;

        var result = await host.Client.User.GetApiKeyInfoAsync(host.Credentials("healthy-unified"));

        Assert.True(result.Success, result.Error?.Message);
    }

    [Theory]
    [InlineData("/v5/account/wallet-balance", """{"list":[{"accountType":"UNIFIED","totalEquity":"1e400","coin":[]}]}""")]
    [InlineData("/v5/account/wallet-balance", """{"list":[{"accountType":"UNIFIED","totalEquity":"NaN","coin":[]}]}""")]
    [InlineData("/v5/account/wallet-balance", """{"list":[{"accountType":"UNIFIED","totalEquity":"1234567890123456789012345678901234567890","coin":[]}]}""")]
    [InlineData("/v5/account/wallet-balance", """{"list":[{"accountType":"UNIFIED","totalEquity":"250","coin":[{"coin":"USDT","equity":"12abc"}]}]}""")]
    [InlineData("/v5/account/wallet-balance", """{"list":[]}""")]
    [InlineData("/v5/account/wallet-balance", """{}""")]
    [InlineData("/v5/user/query-api", """{}""")]
    [InlineData("/v5/user/query-api", """{"apiKey":"0lR8acRYSi4MDF8kWC","readOnly":0,"ips":["*"],"uta":1}""")]
    [InlineData("/v5/user/query-api", """{"apiKey":"0lR8acRYSi4MDF8kWC","readOnly":"NaN","permissions":{},"ips":["*"],"uta":1}""")]
    [InlineData("/v5/account/info", """{"marginMode":"REGULAR_MARGIN"}""")]
    [InlineData("/v5/position/list", """{"category":"linear"}""")]
    [InlineData("/v5/position/list", """{"list":[{"symbol":"BTCUSDT","size":"0"}],"nextPageCursor":""}""")]
    public async Task SignedCall_PartialOrGarbageResult_InvalidResponseNeverAValue(string path, string result)
    {
        await using var host = await BybitTestHost.StartAsync();
        var credentials = host.Credentials("healthy-unified");
        host.Emulator.Faults.ResultOverrides[path] = result;

        BybitError? error = path switch
        {
            "/v5/account/wallet-balance" => (await host.Client.Account.GetWalletBalanceAsync(credentials, BybitAccountType.Unified)).Error,
            "/v5/user/query-api" => (await host.Client.User.GetApiKeyInfoAsync(credentials)).Error,
            "/v5/account/info" => (await host.Client.Account.GetAccountInfoAsync(credentials)).Error,
            _ => (await host.Client.Position.GetPositionsAsync(credentials, BybitCategory.Linear, "BTCUSDT")).Error,
        };

        Assert.NotNull(error);
        Assert.Equal((BybitErrorKind.InvalidResponse, 0, false), (error.Kind, error.RetCode, error.IsTransient));
    }

    [Fact]
    public async Task GetWalletBalanceAsync_IsolatedMarginTotalsAsEmptyStrings_ParsedAsAbsent()
    {
        await using var host = await BybitTestHost.StartAsync();

        var result = await host.Client.Account.GetWalletBalanceAsync(host.Credentials("isolated-margin"), BybitAccountType.Unified);

        Assert.True(result.Success, result.Error?.Message);
        Assert.Equal(((decimal?)null, (decimal?)null), (result.Data.TotalEquity, result.Data.TotalAvailableBalance));
        var usdt = Assert.Single(result.Data.Coins);
        Assert.Equal((250m, (decimal?)null), (usdt.UsdValue!.Value, usdt.AvailableToWithdraw));
    }

    [Fact]
    public async Task GetAccountInfoAsync_CopyTradingLead_IsMasterTrader()
    {
        await using var host = await BybitTestHost.StartAsync();

        var result = await host.Client.Account.GetAccountInfoAsync(host.Credentials("copy-trading-lead"));

        Assert.True(result.Success, result.Error?.Message);
        Assert.True(result.Data.IsMasterTrader);
    }

    [Fact]
    public async Task GetAllCoinsBalanceAsync_DemoHost_10032DemoNotSupported()
    {
        await using var host = await BybitTestHost.StartAsync(new BybitEmulatorOptions { Demo = true });
        var credentials = host.Credentials("funding-only");

        var funding = await host.Client.Asset.GetAllCoinsBalanceAsync(credentials, BybitAccountType.Fund);
        var wallet = await host.Client.Account.GetWalletBalanceAsync(credentials, BybitAccountType.Unified);

        Assert.Equal((BybitErrorKind.DemoNotSupported, (int?)10032), (funding.Error?.Kind, funding.Error?.RetCode));
        Assert.True(wallet.Success, wallet.Error?.Message);
    }

    [Fact]
    public async Task GetStatusAsync_OngoingMaintenance_ActiveWithItsEnd()
    {
        await using var host = await BybitTestHost.StartAsync();
        var now = host.Emulator.Now;
        host.Emulator.Faults.Maintenance =
        [
            new EmulatedMaintenance("Last week's upgrade", now.AddDays(-7), now.AddDays(-7).AddHours(1)),
            new EmulatedMaintenance("System upgrade", now.AddMinutes(-10), now.AddMinutes(50)),
        ];

        var result = await host.Client.System.GetStatusAsync();

        Assert.True(result.Success, result.Error?.Message);
        Assert.Equal(["completed", "ongoing"], result.Data.Select(m => m.State));
        var active = Assert.Single(result.Data, m => m.IsActiveAt(now));
        Assert.Equal(("System upgrade", now.AddMinutes(50).ToUnixTimeMilliseconds()), (active.Title, active.End!.Value.ToUnixTimeMilliseconds()));
        Assert.DoesNotContain(host.Emulator.Requests, r => r.Headers.ContainsKey("X-BAPI-SIGN"));
    }

    [Fact]
    public async Task GetApiKeyInfoAsync_Retried_OneLogLinePerRetryAndNoStackTrace()
    {
        await using var host = await BybitTestHost.StartAsync();
        Assert.True((await host.Client.Market.GetServerTimeAsync()).Success);
        host.Emulator.Faults.FailNext(2);

        var result = await host.Client.User.GetApiKeyInfoAsync(host.Credentials("healthy-unified"));

        Assert.True(result.Success, result.Error?.Message);
        var records = host.Logs.GetSnapshot();
        Assert.All(records, r => Assert.Null(r.Exception));
        var retries = records.Where(r => r.Category == BybitServiceCollectionExtensions.RetryLogCategory).ToList();
        Assert.Equal(2, retries.Count);
        Assert.All(retries, r =>
        {
            Assert.Equal(LogLevel.Warning, r.Level);
            Assert.Matches(@"^Bybit /v5/user/query-api attempt [12] failed \(HTTP 503\); retrying in \d+ ms$", r.Message);
        });
        Assert.DoesNotContain(records, r => r.Category?.StartsWith("Polly", StringComparison.Ordinal) == true);
    }
}
