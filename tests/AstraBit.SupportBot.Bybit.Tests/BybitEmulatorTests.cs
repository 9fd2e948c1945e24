using System.Globalization;
using System.Text;
using AstraBit.SupportBot.Emulators.Bybit;
using Microsoft.Extensions.Time.Testing;

namespace AstraBit.SupportBot.Bybit.Tests;

public sealed class BybitEmulatorTests
{
    [Fact]
    public void Scenarios_Catalogue_HasEveryNamedScenarioWithWellFormedKeys()
    {
        var scenarios = BybitScenarios.All(DateTimeOffset.UtcNow);

        Assert.Equal(
            ["healthy-unified", "healthy-classic", "hedge-mode", "withdrawal-enabled", "transfer-enabled", "read-only",
             "no-contract-trading", "extra-permissions", "low-balance", "below-recommended", "ip-bound", "ip-mismatch",
             "expiring-soon", "expired", "sub-account", "funding-only", "copy-trading-lead", "isolated-margin"],
            scenarios.Select(s => s.Name));
        Assert.All(scenarios, s =>
        {
            Assert.Matches("^[A-Za-z0-9]{18}$", s.ApiKey);
            Assert.Matches("^[A-Za-z0-9]{36}$", s.ApiSecret);
            Assert.False(string.IsNullOrWhiteSpace(s.Description));
        });
        Assert.Equal(scenarios.Count, scenarios.Select(s => s.ApiKey).Distinct().Count());
    }

    [Fact]
    public async Task StartAsync_PortZero_ListensOnLoopback()
    {
        await using var emulator = await BybitEmulator.StartAsync();

        Assert.Equal("127.0.0.1", emulator.BaseUrl.Host);
        Assert.NotEqual(0, emulator.BaseUrl.Port);
    }

    [Fact]
    public async Task Emulator_WrongSignature_Rejects10004WithMaskedOriginString()
    {
        await using var emulator = await BybitEmulator.StartAsync();
        var account = emulator.Scenario("healthy-unified");
        using var http = new HttpClient { BaseAddress = emulator.BaseUrl };
        var timestamp = emulator.Now.ToUnixTimeMilliseconds();

        var body = await BybitTimeSyncTests.SendSignedAsync(http, account.ApiKey, "NotTheSecretNotTheSecretNotTheSecret", timestamp, "v5/account/wallet-balance", "accountType=UNIFIED&coin=USDT");

        Assert.Contains("\"retCode\":10004", body, StringComparison.Ordinal);
        Assert.Contains($"error sign! origin_string[{timestamp}***{account.ApiKey[^4..]}5000accountType=UNIFIED\\u0026coin=USDT]", body, StringComparison.Ordinal);
        Assert.DoesNotContain(account.ApiKey, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Emulator_SignatureOverDifferentParameterOrder_Rejected()
    {
        await using var emulator = await BybitEmulator.StartAsync();
        var account = emulator.Scenario("healthy-unified");
        using var http = new HttpClient { BaseAddress = emulator.BaseUrl };
        var timestamp = emulator.Now.ToUnixTimeMilliseconds();
        using var request = new HttpRequestMessage(HttpMethod.Get, "v5/position/list?symbol=BTCUSDT&category=linear");
        request.Headers.Add("X-BAPI-API-KEY", account.ApiKey);
        request.Headers.Add("X-BAPI-TIMESTAMP", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("X-BAPI-RECV-WINDOW", "5000");
        request.Headers.Add("X-BAPI-SIGN", BybitSigner.Sign(timestamp, account.ApiKey, 5000, "category=linear&symbol=BTCUSDT", account.ApiSecret));

        using var response = await http.SendAsync(request);

        Assert.Contains("\"retCode\":10004", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-5001, false)]
    [InlineData(-5000, true)]
    [InlineData(999, true)]
    [InlineData(1000, false)]
    [InlineData(60_000, false)]
    public async Task Emulator_TimestampAgainstWindow_AcceptsOnlyServerMinusRecvUpToServerPlus999(int offsetMs, bool accepted)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-24T10:00:00Z", CultureInfo.InvariantCulture));
        await using var emulator = await BybitEmulator.StartAsync(new BybitEmulatorOptions { TimeProvider = clock });
        var account = emulator.Scenario("healthy-unified");
        using var http = new HttpClient { BaseAddress = emulator.BaseUrl };
        var serverMs = emulator.Now.ToUnixTimeMilliseconds();
        var timestamp = serverMs + offsetMs;

        var body = await BybitTimeSyncTests.SendSignedAsync(http, account.ApiKey, account.ApiSecret, timestamp, "v5/user/query-api", "");

        if (accepted)
        {
            Assert.StartsWith("{\"retCode\":0,", body, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains(
                $"\"retCode\":10002,\"retMsg\":\"invalid request, please check your server timestamp or recv_window param. req_timestamp[{timestamp}],server_timestamp[{serverMs}],recv_window[5000]\"",
                body,
                StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    public async Task Emulator_NonGetRequest_RecordedAsViolationAnd405(string method)
    {
        await using var emulator = await BybitEmulator.StartAsync(new BybitEmulatorOptions { ThrowOnDisposeIfViolations = false });
        using var http = new HttpClient { BaseAddress = emulator.BaseUrl };
        using var request = new HttpRequestMessage(new HttpMethod(method), "v5/position/switch-mode")
        {
            Content = new StringContent("{\"category\":\"linear\",\"mode\":3}", Encoding.UTF8, "application/json"),
        };

        using var response = await http.SendAsync(request);

        Assert.Equal(405, (int)response.StatusCode);
        var violation = Assert.Single(emulator.Violations);
        Assert.Equal((method, "/v5/position/switch-mode"), (violation.Method, violation.Path));
        Assert.Throws<AggregateException>(emulator.ThrowIfViolations);
    }

    [Fact]
    public async Task DisposeAsync_ViolationRecorded_Throws()
    {
        var emulator = await BybitEmulator.StartAsync();
        using (var http = new HttpClient { BaseAddress = emulator.BaseUrl })
        {
            using var response = await http.PostAsync("v5/order/create", new StringContent("{}"));
        }

        await Assert.ThrowsAsync<AggregateException>(async () => await emulator.DisposeAsync());
    }

    [Fact]
    public async Task Emulator_GetWithBody_Forbidden()
    {
        await using var emulator = await BybitEmulator.StartAsync();
        using var http = new HttpClient { BaseAddress = emulator.BaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Get, "v5/user/query-api")
        {
            Content = new StringContent("{}", Encoding.UTF8, "application/json"),
        };

        using var response = await http.SendAsync(request);

        Assert.Equal(403, (int)response.StatusCode);
        Assert.Empty(emulator.Violations);
    }

    [Fact]
    public async Task Emulator_Requests_RecordedWithoutSignatureValue()
    {
        await using var host = await BybitTestHost.StartAsync();

        await host.Client.Account.GetWalletBalanceAsync(host.Credentials("healthy-unified"), BybitAccountType.Unified, "USDT");

        var recorded = Assert.Single(host.RequestsTo("/v5/account/wallet-balance"));
        Assert.Equal(("GET", "accountType=UNIFIED&coin=USDT", 200, (int?)0), (recorded.Method, recorded.Query, recorded.StatusCode, recorded.RetCode));
        Assert.Equal("***", recorded.Headers["X-BAPI-SIGN"]);
        Assert.Equal("2", recorded.Headers["X-BAPI-SIGN-TYPE"]);
        Assert.Equal("5000", recorded.Headers["X-BAPI-RECV-WINDOW"]);
        Assert.False(recorded.Headers.ContainsKey("Content-Type"));
        Assert.Equal("127.0.0.1", recorded.RemoteIp);
    }

    [Fact]
    public async Task Emulator_ManyRequests_CountsPerSourceIp()
    {
        await using var emulator = await BybitEmulator.StartAsync();
        using var http = new HttpClient { BaseAddress = emulator.BaseUrl };

        for (var i = 0; i < 12; i++)
        {
            using var response = await http.GetAsync("v5/market/time");
        }

        Assert.Equal(12, emulator.IpRequestTotals["127.0.0.1"]);
        Assert.Equal(12, emulator.PeakIpRequests);
        Assert.Equal(12, emulator.IpRequestsInWindow("127.0.0.1"));
    }

    [Fact]
    public async Task Emulator_OverIpLimit_Forbidden403AccessTooFrequent()
    {
        await using var emulator = await BybitEmulator.StartAsync(new BybitEmulatorOptions { IpRateLimit = 5 });
        using var http = new HttpClient { BaseAddress = emulator.BaseUrl };
        var statuses = new List<int>();

        for (var i = 0; i < 7; i++)
        {
            using var response = await http.GetAsync("v5/market/time");
            statuses.Add((int)response.StatusCode);
        }

        Assert.Equal([200, 200, 200, 200, 200, 403, 403], statuses);
    }

    [Fact]
    public async Task Emulator_IpBoundToLoopback_Accepted()
    {
        await using var host = await BybitTestHost.StartAsync();

        var result = await host.Client.Account.GetAccountInfoAsync(host.Credentials("ip-bound"));

        Assert.True(result.Success);
    }

    [Fact]
    public async Task Emulator_ExpiryReachedByClock_Rejects33004()
    {
        await using var host = await BybitTestHost.StartAsync();
        host.Emulator.Update("expiring-soon", a => a with { ExpiresAt = host.Emulator.Now.AddSeconds(-1) });

        var result = await host.Client.User.GetApiKeyInfoAsync(host.Credentials("expiring-soon"));

        Assert.Equal(BybitErrorKind.KeyExpired, result.Error?.Kind);
    }

    [Fact]
    public async Task Emulator_SetHedgeMode_SymbolGetsTwoRows()
    {
        await using var host = await BybitTestHost.StartAsync();
        host.Emulator.SetHedgeMode("healthy-unified", "SOLUSDT", hedge: true);

        var result = await host.Client.Position.GetPositionsAsync(host.Credentials("healthy-unified"), BybitCategory.Linear, symbol: "SOLUSDT");

        Assert.Equal(2, result.Data?.Count);
    }
}
