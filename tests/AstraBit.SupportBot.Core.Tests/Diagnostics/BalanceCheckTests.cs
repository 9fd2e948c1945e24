using AstraBit.SupportBot.Core.Diagnostics;

namespace AstraBit.SupportBot.Core.Tests.Diagnostics;

public sealed class BalanceCheckTests
{
    [Theory]
    [InlineData(0, CheckStatus.Fail)]
    [InlineData(49.99, CheckStatus.Fail)]
    [InlineData(50, CheckStatus.Warn)]
    [InlineData(99.99, CheckStatus.Warn)]
    [InlineData(100, CheckStatus.Pass)]
    [InlineData(2500, CheckStatus.Pass)]
    public async Task RunAsync_UnifiedTotalEquity_ComparedWithThresholds(decimal equity, CheckStatus expected)
    {
        var harness = new EngineHarness();
        harness.Reader.UnifiedWallet = ReadResult<WalletFacts>.Ok(Facts.UnifiedWallet(equity));

        var report = await harness.RunAsync();

        var check = EngineHarness.Check(report, CheckIds.Balance);
        Assert.Equal(expected, check.Status);
        Assert.Contains(EngineHarness.Texts.Balance.UnifiedTotalEquity, check.Detail, StringComparison.Ordinal);
        Assert.Null(check.GuideStep);
        Assert.Contains(FakeAccountReader.UnifiedWalletCall, harness.Reader.Started);
    }

    [Theory]
    [InlineData(20, CheckStatus.Fail)]
    [InlineData(70, CheckStatus.Warn)]
    [InlineData(150, CheckStatus.Pass)]
    public async Task RunAsync_ClassicUsdtEquity_ComparedWithThresholds(decimal equity, CheckStatus expected)
    {
        var harness = new EngineHarness();
        harness.Reader.Account = ReadResult<AccountFacts>.Ok(new AccountFacts(1, "REGULAR_MARGIN"));
        harness.Reader.Key = ReadResult<ApiKeyFacts>.Ok(Facts.HealthyKey(isUnified: false, permissions: Facts.Permissions(("Derivatives", []))));
        harness.Reader.ClassicWallet = ReadResult<WalletFacts>.Ok(Facts.ClassicWallet(equity));

        var report = await harness.RunAsync();

        var check = EngineHarness.Check(report, CheckIds.Balance);
        Assert.Equal(expected, check.Status);
        Assert.Contains(EngineHarness.Texts.Balance.ClassicUsdtEquity, check.Detail, StringComparison.Ordinal);
        Assert.Contains(FakeAccountReader.ClassicWalletCall, harness.Reader.Started);
        Assert.DoesNotContain(FakeAccountReader.UnifiedWalletCall, harness.Reader.Started);
        Assert.Equal(ReportAccount.Classic, report.Account!.Type);
    }

    [Fact]
    public async Task RunAsync_ClassicWithOtherCoins_AddsTheirUsdValue()
    {
        var harness = new EngineHarness();
        harness.Reader.Account = ReadResult<AccountFacts>.Ok(new AccountFacts(1, "REGULAR_MARGIN"));
        harness.Reader.ClassicWallet = ReadResult<WalletFacts>.Ok(Facts.ClassicWallet(40m, new CoinBalance("BTC", 0.001m, 0.001m, 70m)));

        var report = await harness.RunAsync();

        var check = EngineHarness.Check(report, CheckIds.Balance);
        Assert.Equal(CheckStatus.Pass, check.Status);
        Assert.Contains("$110", check.Detail, StringComparison.Ordinal);
        Assert.Contains("1 other coin", check.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ClassicWithoutEquity_UsesWalletBalanceAndSaysSo()
    {
        var harness = new EngineHarness();
        harness.Reader.Account = ReadResult<AccountFacts>.Ok(new AccountFacts(1, "REGULAR_MARGIN"));
        harness.Reader.ClassicWallet = ReadResult<WalletFacts>.Ok(new WalletFacts("CONTRACT", null, [new CoinBalance("USDT", null, 120m, null)]));

        var report = await harness.RunAsync();

        var check = EngineHarness.Check(report, CheckIds.Balance);
        Assert.Equal(CheckStatus.Pass, check.Status);
        Assert.Contains(EngineHarness.Texts.Balance.ClassicUsdtWalletBalance, check.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_LowBalanceAndFundingHoldsMoney_MentionsMovingFromFunding()
    {
        var harness = new EngineHarness();
        harness.Reader.UnifiedWallet = ReadResult<WalletFacts>.Ok(Facts.UnifiedWallet(10m));
        harness.Reader.Funding = ReadResult<WalletFacts>.Ok(Facts.FundingWallet(("USDT", 300m), ("USDC", 0m)));

        var report = await harness.RunAsync();

        var check = EngineHarness.Check(report, CheckIds.Balance);
        Assert.Equal(CheckStatus.Fail, check.Status);
        Assert.Contains("Funding wallet holds 300 USDT", check.Detail, StringComparison.Ordinal);
        Assert.Contains("move it from Funding to the Unified Trading account", check.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("USDC", check.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ClassicLowBalanceAndFundingHoldsMoney_PointsAtDerivativesAccount()
    {
        var harness = new EngineHarness();
        harness.Reader.Account = ReadResult<AccountFacts>.Ok(new AccountFacts(1, "REGULAR_MARGIN"));
        harness.Reader.ClassicWallet = ReadResult<WalletFacts>.Ok(Facts.ClassicWallet(60m));
        harness.Reader.Funding = ReadResult<WalletFacts>.Ok(Facts.FundingWallet(("USDT", 50m)));

        var report = await harness.RunAsync();

        var check = EngineHarness.Check(report, CheckIds.Balance);
        Assert.Equal(CheckStatus.Warn, check.Status);
        Assert.Contains("move it from Funding to the Derivatives account", check.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_BalanceHighAndFundingHasMoney_FundingNotMentioned()
    {
        var harness = new EngineHarness();
        harness.Reader.UnifiedWallet = ReadResult<WalletFacts>.Ok(Facts.UnifiedWallet(500m));
        harness.Reader.Funding = ReadResult<WalletFacts>.Ok(Facts.FundingWallet(("USDT", 300m)));

        var report = await harness.RunAsync();

        Assert.DoesNotContain("Funding", EngineHarness.Check(report, CheckIds.Balance).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_BalanceLowAndFundingEmpty_SaysFundingIsEmptyToo()
    {
        var harness = new EngineHarness();
        harness.Reader.UnifiedWallet = ReadResult<WalletFacts>.Ok(Facts.UnifiedWallet(10m));
        harness.Reader.Funding = ReadResult<WalletFacts>.Ok(Facts.FundingWallet());

        var report = await harness.RunAsync();

        Assert.EndsWith("Your Funding wallet is empty too.", EngineHarness.Check(report, CheckIds.Balance).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_BalanceLowAndKeyCannotReadFunding_StillPointsAtFundingAndTheTransfer()
    {
        var harness = new EngineHarness();
        harness.Reader.UnifiedWallet = ReadResult<WalletFacts>.Ok(Facts.UnifiedWallet(10m));
        harness.Reader.Funding = ReadResult<WalletFacts>.Fail(Facts.Failure(ReadFailureKind.PermissionDenied, 10005));

        var report = await harness.RunAsync();

        var check = EngineHarness.Check(report, CheckIds.Balance);
        Assert.Equal(CheckStatus.Fail, check.Status);
        Assert.Contains("Money in your Funding wallet doesn't count here", check.Detail, StringComparison.Ordinal);
        Assert.Contains("move them from Funding to the Unified Trading account (Assets → Transfer)", check.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("10005", check.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_WalletAccountModeMismatch_WarnsCouldNotRead()
    {
        var harness = new EngineHarness();
        harness.Reader.UnifiedWallet = ReadResult<WalletFacts>.Fail(Facts.Failure(ReadFailureKind.AccountModeMismatch, httpStatus: 404));

        var report = await harness.RunAsync();

        var check = EngineHarness.Check(report, CheckIds.Balance);
        Assert.Equal(CheckStatus.Warn, check.Status);
        Assert.Contains("Couldn't read", check.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_CustomThresholds_AreUsed()
    {
        var harness = new EngineHarness();
        harness.Options.MinimumBalanceUsd = 200m;
        harness.Options.RecommendedBalanceUsd = 400m;

        var report = await harness.RunAsync();

        Assert.Equal(CheckStatus.Pass, EngineHarness.Check(report, CheckIds.Balance).Status);
        harness.Reader.UnifiedWallet = ReadResult<WalletFacts>.Ok(Facts.UnifiedWallet(150m));
        var low = await harness.RunAsync();
        Assert.Contains("$200", EngineHarness.Check(low, CheckIds.Balance).Detail, StringComparison.Ordinal);
    }
}
