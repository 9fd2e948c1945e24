using AstraBit.SupportBot.Emulators.Bybit;

namespace AstraBit.SupportBot.Bybit.Tests;

public sealed class BybitClientEndpointTests
{
    [Fact]
    public async Task GetServerTimeAsync_Emulator_ReturnsServerTimeAndOffset()
    {
        await using var host = await BybitTestHost.StartAsync(new BybitEmulatorOptions { ClockSkew = TimeSpan.FromSeconds(3) });

        var result = await host.Client.Market.GetServerTimeAsync();

        Assert.True(result.Success);
        Assert.InRange(result.Data.Offset.TotalMilliseconds, 2500, 3500);
        Assert.Null(result.RateLimit);
    }

    [Fact]
    public async Task GetApiKeyInfoAsync_UnifiedUnboundKey_ParsesEveryField()
    {
        await using var host = await BybitTestHost.StartAsync();
        var account = host.Emulator.Scenario("healthy-unified");

        var result = await host.Client.User.GetApiKeyInfoAsync(host.Credentials("healthy-unified"));

        Assert.True(result.Success);
        var info = result.Data;
        Assert.Equal(account.ApiKey, info.ApiKey);
        Assert.False(info.ReadOnly);
        Assert.True(info.Uta);
        Assert.True(info.IsMaster);
        Assert.Equal("0", info.ParentUid);
        Assert.Equal(1, info.Type);
        Assert.Equal(account.Uid, info.UserId);
        Assert.Equal(["Order", "Position"], info.Permission("ContractTrade"));
        Assert.Equal(["DerivativesTrade"], info.Permission("Derivatives"));
        Assert.Empty(info.Permission("Wallet"));
        Assert.Empty(info.Permission("NoSuchGroup"));
        Assert.Equal(["*"], info.Ips);
        Assert.False(info.IsIpBound);
        Assert.NotNull(info.ExpiredAt);
        Assert.InRange(info.ExpiredAt.Value, account.ExpiresAt!.Value.AddSeconds(-1), account.ExpiresAt.Value.AddSeconds(1));
        Assert.Equal(80, info.DeadlineDay);
        Assert.NotNull(info.CreatedAt);
    }

    [Fact]
    public async Task GetApiKeyInfoAsync_IpBoundKey_EpochExpiryIsNull()
    {
        await using var host = await BybitTestHost.StartAsync();

        var result = await host.Client.User.GetApiKeyInfoAsync(host.Credentials("ip-bound"));

        Assert.True(result.Success);
        Assert.True(result.Data.IsIpBound);
        Assert.Contains("127.0.0.1", result.Data.Ips);
        Assert.Null(result.Data.ExpiredAt);
        Assert.Equal(-2, result.Data.DeadlineDay);
    }

    [Theory]
    [InlineData("healthy-classic", false, false, true)]
    [InlineData("read-only", true, true, true)]
    [InlineData("sub-account", false, true, false)]
    public async Task GetApiKeyInfoAsync_Scenario_ReportsModeAndOwner(string scenario, bool readOnly, bool uta, bool isMaster)
    {
        await using var host = await BybitTestHost.StartAsync();

        var result = await host.Client.User.GetApiKeyInfoAsync(host.Credentials(scenario));

        Assert.True(result.Success);
        Assert.Equal(readOnly, result.Data.ReadOnly);
        Assert.Equal(uta, result.Data.Uta);
        Assert.Equal(isMaster, result.Data.IsMaster);
    }

    [Theory]
    [InlineData("healthy-unified", 5, true)]
    [InlineData("healthy-classic", 1, false)]
    public async Task GetAccountInfoAsync_Scenario_ReportsUnifiedMarginStatus(string scenario, int status, bool unified)
    {
        await using var host = await BybitTestHost.StartAsync();

        var result = await host.Client.Account.GetAccountInfoAsync(host.Credentials(scenario));

        Assert.True(result.Success);
        Assert.Equal(status, result.Data.UnifiedMarginStatus);
        Assert.Equal(unified, result.Data.IsUnified);
        Assert.Equal("REGULAR_MARGIN", result.Data.MarginMode);
        Assert.NotNull(result.Data.UpdatedTime);
    }

    [Fact]
    public async Task GetWalletBalanceAsync_UnifiedAccount_ReturnsTotalsAndUsdt()
    {
        await using var host = await BybitTestHost.StartAsync();

        var result = await host.Client.Account.GetWalletBalanceAsync(host.Credentials("below-recommended"), BybitAccountType.Unified, "USDT");

        Assert.True(result.Success);
        Assert.Equal("UNIFIED", result.Data.AccountType);
        Assert.Equal(75m, result.Data.TotalEquity);
        Assert.Equal(75m, result.Data.TotalAvailableBalance);
        var usdt = Assert.Single(result.Data.Coins);
        Assert.Equal("USDT", usdt.Coin);
        Assert.Equal(75m, usdt.WalletBalance);
        Assert.Null(usdt.AvailableToWithdraw);
    }

    [Fact]
    public async Task GetWalletBalanceAsync_ClassicContract_TotalsAreNullCoinsParsed()
    {
        await using var host = await BybitTestHost.StartAsync();

        var result = await host.Client.Account.GetWalletBalanceAsync(host.Credentials("healthy-classic"), BybitAccountType.Contract, "USDT");

        Assert.True(result.Success);
        Assert.Equal("CONTRACT", result.Data.AccountType);
        Assert.Null(result.Data.TotalEquity);
        Assert.Null(result.Data.TotalWalletBalance);
        var usdt = Assert.Single(result.Data.Coins);
        Assert.Equal(250m, usdt.Equity);
        Assert.Equal(250m, usdt.AvailableToWithdraw);
    }

    [Theory]
    [InlineData("healthy-classic", BybitAccountType.Unified)]
    [InlineData("healthy-unified", BybitAccountType.Contract)]
    public async Task GetWalletBalanceAsync_WrongAccountTypeForMode_AccountModeMismatch(string scenario, BybitAccountType type)
    {
        await using var host = await BybitTestHost.StartAsync();

        var result = await host.Client.Account.GetWalletBalanceAsync(host.Credentials(scenario), type);

        Assert.False(result.Success);
        Assert.Equal(BybitErrorKind.AccountModeMismatch, result.Error.Kind);
        Assert.Equal(10001, result.Error.RetCode);
        Assert.StartsWith("accountType only support", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetPositionsAsync_OneWaySymbol_SingleRowIdxZero()
    {
        await using var host = await BybitTestHost.StartAsync();

        var result = await host.Client.Position.GetPositionsAsync(host.Credentials("healthy-unified"), BybitCategory.Linear, symbol: "BTCUSDT");

        Assert.True(result.Success);
        var row = Assert.Single(result.Data);
        Assert.Equal(("BTCUSDT", 0, "", 0m), (row.Symbol, row.PositionIdx, row.Side, row.Size));
        Assert.False(row.IsHedgeMode);
    }

    [Fact]
    public async Task GetPositionsAsync_HedgeSymbol_TwoRowsInRandomOrder()
    {
        await using var host = await BybitTestHost.StartAsync();
        var credentials = host.Credentials("hedge-mode");
        var firstIndexes = new HashSet<int>();

        for (var i = 0; i < 24; i++)
        {
            var result = await host.Client.Position.GetPositionsAsync(credentials, BybitCategory.Linear, symbol: "BTCUSDT");

            Assert.True(result.Success);
            Assert.Equal(2, result.Data.Count);
            Assert.Equal([1, 2], result.Data.Select(r => r.PositionIdx).Order());
            Assert.All(result.Data, r => Assert.True(r.IsHedgeMode));
            var sell = Assert.Single(result.Data, r => r.PositionIdx == 2);
            Assert.Equal(("Sell", 0.01m), (sell.Side, sell.Size));
            var buy = Assert.Single(result.Data, r => r.PositionIdx == 1);
            Assert.Equal(("", 0m), (buy.Side, buy.Size));
            firstIndexes.Add(result.Data[0].PositionIdx);
        }

        Assert.Equal(2, firstIndexes.Count);
    }

    [Fact]
    public async Task GetPositionsAsync_HedgeModeSwitchedOffAtRunTime_SingleRow()
    {
        await using var host = await BybitTestHost.StartAsync();
        var account = host.Emulator.Scenario("hedge-mode");
        host.Emulator.Accounts[account.ApiKey] = account with { HedgeSymbols = [] };

        var result = await host.Client.Position.GetPositionsAsync(host.Credentials("hedge-mode"), BybitCategory.Linear, symbol: "ETHUSDT");

        Assert.True(result.Success);
        Assert.Equal(0, Assert.Single(result.Data).PositionIdx);
    }

    [Fact]
    public async Task GetPositionsAsync_SettleCoinOnly_ReturnsOpenPositionsOnly()
    {
        await using var host = await BybitTestHost.StartAsync();

        var result = await host.Client.Position.GetPositionsAsync(host.Credentials("hedge-mode"), BybitCategory.Linear, settleCoin: "USDT");

        Assert.True(result.Success);
        var row = Assert.Single(result.Data);
        Assert.Equal(("BTCUSDT", 2, "Sell"), (row.Symbol, row.PositionIdx, row.Side));
    }

    [Fact]
    public async Task GetPositionsAsync_MoreRowsThanOnePage_FollowsCursor()
    {
        await using var host = await BybitTestHost.StartAsync();
        host.Emulator.Update("healthy-unified", a => a with
        {
            OpenPositions = [.. Enumerable.Range(0, 450).Select(i => new EmulatedPosition($"C{i:D3}USDT", "Buy", 1m + i, 10m))],
        });

        var result = await host.Client.Position.GetPositionsAsync(host.Credentials("healthy-unified"), BybitCategory.Linear, settleCoin: "USDT");

        Assert.True(result.Success);
        Assert.Equal(450, result.Data.Count);
        Assert.Equal(450, result.Data.Select(r => r.Symbol).Distinct().Count());
        var pages = host.RequestsTo("/v5/position/list");
        Assert.Equal(3, pages.Count);
        Assert.DoesNotContain("cursor=", pages[0].Query, StringComparison.Ordinal);
        Assert.Contains("cursor=page%3A200%2Cemu", pages[1].Query, StringComparison.Ordinal);
        Assert.Contains("cursor=page%3A400%2Cemu", pages[2].Query, StringComparison.Ordinal);
        Assert.All(pages, p => Assert.Equal(0, p.RetCode));
    }

    [Fact]
    public async Task GetAllCoinsBalanceAsync_FundWithTransferPermission_ReturnsBalances()
    {
        await using var host = await BybitTestHost.StartAsync();

        var result = await host.Client.Asset.GetAllCoinsBalanceAsync(host.Credentials("funding-only"), BybitAccountType.Fund);

        Assert.True(result.Success);
        Assert.Equal("FUND", result.Data.AccountType);
        var usdt = Assert.Single(result.Data.Balances);
        Assert.Equal(("USDT", 500m, 500m, (decimal?)null), (usdt.Coin, usdt.WalletBalance, usdt.TransferBalance, usdt.Bonus));
    }

    [Fact]
    public async Task GetAllCoinsBalanceAsync_FundWithoutTransferPermission_PermissionDenied()
    {
        await using var host = await BybitTestHost.StartAsync();

        var result = await host.Client.Asset.GetAllCoinsBalanceAsync(host.Credentials("healthy-unified"), BybitAccountType.Fund);

        Assert.False(result.Success);
        Assert.Equal(BybitErrorKind.PermissionDenied, result.Error.Kind);
        Assert.Equal(10005, result.Error.RetCode);
        Assert.False(result.Error.IsTransient);
    }

    [Fact]
    public async Task GetApiKeyInfoAsync_PrivateCall_SurfacesRateLimitHeaders()
    {
        await using var host = await BybitTestHost.StartAsync();
        var credentials = host.Credentials("healthy-unified");

        var first = await host.Client.User.GetApiKeyInfoAsync(credentials);
        var second = await host.Client.User.GetApiKeyInfoAsync(credentials);

        Assert.Equal(10, first.RateLimit?.Limit);
        Assert.InRange(first.RateLimit?.Remaining ?? -1, 8, 9);
        Assert.InRange(second.RateLimit?.Remaining ?? -1, 7, 8);
        Assert.NotNull(first.RateLimit?.ResetAt);
    }

    [Fact]
    public async Task GetAllCoinsBalanceAsync_OverUidLimit_RateLimitedWithRetryAfter()
    {
        await using var host = await BybitTestHost.StartAsync();
        var credentials = host.Credentials("funding-only");

        // 5 per second per UID on this endpoint: the sixth call within the second is refused.
        var results = new List<BybitResult<CoinsBalance>>();
        for (var i = 0; i < 6; i++)
        {
            results.Add(await host.Client.Asset.GetAllCoinsBalanceAsync(credentials, BybitAccountType.Fund));
        }

        var refused = results.Where(r => !r.Success).ToList();
        Assert.NotEmpty(refused);
        var error = refused[0].Error!;
        Assert.Equal((BybitErrorKind.RateLimited, 10006, true), (error.Kind, error.RetCode, error.IsTransient));
        Assert.Equal("Too many visits!", error.Message);
        Assert.Equal(0, refused[0].RateLimit?.Remaining);
        Assert.NotNull(error.RetryAfter);
        Assert.InRange(error.RetryAfter.Value, TimeSpan.Zero, TimeSpan.FromSeconds(1));
    }
}
