using AstraBit.SupportBot.Core.Diagnostics;

namespace AstraBit.SupportBot.Core.Tests.Diagnostics;

public sealed class AccountTypeCheckTests
{
    [Theory]
    [InlineData(3, true, "Unified Trading Account (UTA 1.0), main (master) account.", ReportAccount.Unified, "1.0")]
    [InlineData(4, false, "Unified Trading Account (UTA 1.0), sub-account.", ReportAccount.Unified, "1.0")]
    [InlineData(5, true, "Unified Trading Account (UTA 2.0), main (master) account.", ReportAccount.Unified, "2.0")]
    [InlineData(6, false, "Unified Trading Account (UTA 2.0), sub-account.", ReportAccount.Unified, "2.0")]
    public async Task RunAsync_UnifiedMarginStatus_NamesAccountType(int status, bool isMaster, string expectedDetail, string expectedType, string? expectedUta)
    {
        var harness = new EngineHarness();
        harness.Reader.Account = ReadResult<AccountFacts>.Ok(new AccountFacts(status, "REGULAR_MARGIN"));
        harness.Reader.Key = ReadResult<ApiKeyFacts>.Ok(Facts.HealthyKey(isMaster: isMaster, isUnified: status != 1));

        var report = await harness.RunAsync();

        var check = EngineHarness.Check(report, CheckIds.AccountType);
        Assert.Equal(CheckStatus.Pass, check.Status);
        Assert.Equal(expectedDetail, check.Detail);
        Assert.Equal(new ReportAccount(expectedType, isMaster, expectedUta), report.Account);
    }

    [Fact]
    public async Task RunAsync_ClassicAccount_WarnsToUpgradeAndCreateANewKey()
    {
        var harness = new EngineHarness();
        harness.Reader.Account = ReadResult<AccountFacts>.Ok(new AccountFacts(1, "REGULAR_MARGIN"));
        harness.Reader.Key = ReadResult<ApiKeyFacts>.Ok(Facts.HealthyKey(isUnified: false));

        var report = await harness.RunAsync();

        var check = EngineHarness.Check(report, CheckIds.AccountType);
        Assert.Equal(CheckStatus.Warn, check.Status);
        Assert.StartsWith("Standard (classic) account, main (master) account. Bybit has retired Standard (classic) accounts", check.Detail, StringComparison.Ordinal);
        Assert.Contains("Upgrade your account to the Unified Trading Account", check.Fix, StringComparison.Ordinal);
        Assert.Contains("then create a new API key", check.Fix, StringComparison.Ordinal);
        Assert.Equal(GuideSteps.CreateKey, check.GuideStep);
        Assert.Equal(new ReportAccount(ReportAccount.Classic, true), report.Account);
        Assert.Equal(Verdict.Warn, report.Verdict);
    }

    [Fact]
    public async Task RunAsync_CopyTradingLeadAccount_Flagged()
    {
        var harness = new EngineHarness();
        harness.Reader.Account = ReadResult<AccountFacts>.Ok(new AccountFacts(5, "REGULAR_MARGIN", IsMasterTrader: true));

        var report = await harness.RunAsync();

        var check = EngineHarness.Check(report, CheckIds.AccountType);
        Assert.Equal(CheckStatus.Warn, check.Status);
        Assert.Contains("leads copy trading", check.Detail, StringComparison.Ordinal);
        Assert.Contains("sub-account for AstraBit", check.Fix, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, ReportAccount.Unified, FakeAccountReader.UnifiedWalletCall)]
    [InlineData(false, ReportAccount.Classic, FakeAccountReader.ClassicWalletCall)]
    public async Task RunAsync_AccountInfoUnavailable_FallsBackToQueryApiUta(bool uta, string expectedType, string expectedWalletCall)
    {
        var harness = new EngineHarness();
        harness.Reader.Account = ReadResult<AccountFacts>.Fail(Facts.Failure(ReadFailureKind.AccountModeMismatch, httpStatus: 404));
        harness.Reader.Key = ReadResult<ApiKeyFacts>.Ok(Facts.HealthyKey(isUnified: uta));

        var report = await harness.RunAsync();

        Assert.Equal(expectedType, report.Account!.Type);
        Assert.Null(report.Account.Uta);
        Assert.Contains(expectedWalletCall, harness.Reader.Started);
        var check = EngineHarness.Check(report, CheckIds.AccountType);
        Assert.Equal(CheckStatus.Warn, check.Status);
        Assert.Contains("going by the key alone", check.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_AccountInfoDisagreesWithUta_AccountInfoWins()
    {
        var harness = new EngineHarness();
        harness.Reader.Account = ReadResult<AccountFacts>.Ok(new AccountFacts(1, "REGULAR_MARGIN"));
        harness.Reader.Key = ReadResult<ApiKeyFacts>.Ok(Facts.HealthyKey(isUnified: true));

        var report = await harness.RunAsync();

        Assert.Equal(ReportAccount.Classic, report.Account!.Type);
        Assert.Contains(FakeAccountReader.ClassicWalletCall, harness.Reader.Started);
    }
}
