using AstraBit.SupportBot.Core.Diagnostics;

namespace AstraBit.SupportBot.Core.Tests.Diagnostics;

public sealed class PermissionCheckTests
{
    [Theory]
    [InlineData(false, CheckStatus.Pass)]
    [InlineData(true, CheckStatus.Fail)]
    public async Task RunAsync_ReadOnlyFlag_DecidesReadWrite(bool readOnly, CheckStatus expected)
    {
        var harness = new EngineHarness();
        harness.Reader.Key = ReadResult<ApiKeyFacts>.Ok(Facts.HealthyKey(readOnly: readOnly));

        var report = await harness.RunAsync();

        var check = EngineHarness.Check(report, CheckIds.ReadWrite);
        Assert.Equal(expected, check.Status);
        Assert.Equal(3, check.GuideStep);
    }

    [Theory]
    [InlineData(new[] { "Order", "Position" }, CheckStatus.Pass, null)]
    [InlineData(new[] { "Position", "Order" }, CheckStatus.Pass, null)]
    [InlineData(new[] { "Order" }, CheckStatus.Fail, "missing Positions")]
    [InlineData(new[] { "Position" }, CheckStatus.Fail, "missing Orders")]
    [InlineData(new string[0], CheckStatus.Fail, "missing Orders and Positions")]
    public async Task RunAsync_ContractTradeValues_DecideContractTrading(string[] values, CheckStatus expected, string? expectedWords)
    {
        var harness = new EngineHarness();
        harness.Reader.Key = ReadResult<ApiKeyFacts>.Ok(Facts.HealthyKey(permissions: Facts.Permissions(("ContractTrade", values))));

        var report = await harness.RunAsync();

        var check = EngineHarness.Check(report, CheckIds.ContractTrading);
        Assert.Equal(expected, check.Status);
        if (expectedWords is not null)
        {
            Assert.Contains(expectedWords, check.Detail, StringComparison.Ordinal);
            Assert.Equal(3, check.GuideStep);
        }
    }

    [Fact]
    public async Task RunAsync_NoContractTradeGroup_FailsContractTrading()
    {
        var permissions = Facts.Permissions();
        permissions.Remove("ContractTrade");
        var harness = new EngineHarness();
        harness.Reader.Key = ReadResult<ApiKeyFacts>.Ok(Facts.HealthyKey(permissions: permissions));

        var report = await harness.RunAsync();

        Assert.Equal(CheckStatus.Fail, EngineHarness.Check(report, CheckIds.ContractTrading).Status);
    }

    [Theory]
    [InlineData(new string[0], CheckStatus.Pass, CheckStatus.Pass)]
    [InlineData(new[] { "Withdraw" }, CheckStatus.Fail, CheckStatus.Pass)]
    [InlineData(new[] { "AccountTransfer" }, CheckStatus.Pass, CheckStatus.Fail)]
    [InlineData(new[] { "SubMemberTransfer" }, CheckStatus.Pass, CheckStatus.Fail)]
    [InlineData(new[] { "SubMemberTransferList" }, CheckStatus.Pass, CheckStatus.Fail)]
    [InlineData(new[] { "AccountTransfer", "SubMemberTransfer", "Withdraw" }, CheckStatus.Fail, CheckStatus.Fail)]
    public async Task RunAsync_WalletValues_DecideWithdrawalAndTransfer(string[] wallet, CheckStatus withdrawal, CheckStatus transfer)
    {
        var harness = new EngineHarness();
        harness.Reader.Key = ReadResult<ApiKeyFacts>.Ok(Facts.HealthyKey(permissions: Facts.Permissions(("Wallet", wallet))));

        var report = await harness.RunAsync();

        Assert.Equal(withdrawal, EngineHarness.Check(report, CheckIds.Withdrawal).Status);
        Assert.Equal(transfer, EngineHarness.Check(report, CheckIds.Transfer).Status);
        Assert.Equal(CheckStatus.Pass, EngineHarness.Check(report, CheckIds.ExtraPermissions).Status);
    }

    [Theory]
    [InlineData("AccountTransfer", "Account Transfer")]
    [InlineData("SubMemberTransfer", "Subaccount Transfer")]
    [InlineData("SubMemberTransferList", "Subaccount Transfer (sub-account)")]
    public async Task RunAsync_TransferPermission_NamesIt(string value, string expectedName)
    {
        var harness = new EngineHarness();
        harness.Reader.Key = ReadResult<ApiKeyFacts>.Ok(Facts.HealthyKey(permissions: Facts.Permissions(("Wallet", [value]))));

        var report = await harness.RunAsync();

        Assert.Contains(expectedName, EngineHarness.Check(report, CheckIds.Transfer).Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Spot", "SpotTrade")]
    [InlineData("Options", "OptionsTrade")]
    [InlineData("Exchange", "ExchangeHistory")]
    [InlineData("Earn", "Earn")]
    [InlineData("FiatP2P", "FiatP2POrder")]
    [InlineData("BlockTrade", "BlockTrade")]
    [InlineData("BitCard", "BitCard")]
    public async Task RunAsync_OtherGroupGranted_WarnsNamingIt(string group, string value)
    {
        var harness = new EngineHarness();
        harness.Reader.Key = ReadResult<ApiKeyFacts>.Ok(Facts.HealthyKey(permissions: Facts.Permissions((group, [value]))));

        var report = await harness.RunAsync();

        var check = EngineHarness.Check(report, CheckIds.ExtraPermissions);
        Assert.Equal(CheckStatus.Warn, check.Status);
        Assert.Contains($"{group} ({value})", check.Detail, StringComparison.Ordinal);
        Assert.Equal(Verdict.Warn, report.Verdict);
    }

    [Fact]
    public async Task RunAsync_SeveralOtherGroups_NamesEach()
    {
        var harness = new EngineHarness();
        harness.Reader.Key = ReadResult<ApiKeyFacts>.Ok(Facts.HealthyKey(permissions: Facts.Permissions(("Spot", ["SpotTrade"]), ("Earn", ["Earn"]))));

        var report = await harness.RunAsync();

        var detail = EngineHarness.Check(report, CheckIds.ExtraPermissions).Detail;
        Assert.Contains("Spot (SpotTrade)", detail, StringComparison.Ordinal);
        Assert.Contains("Earn (Earn)", detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(5, CheckStatus.Pass)]
    [InlineData(1, CheckStatus.Warn)]
    public async Task RunAsync_DerivativesGroup_NormalOnlyOnUnified(int unifiedMarginStatus, CheckStatus expected)
    {
        var harness = new EngineHarness();
        harness.Reader.Account = ReadResult<AccountFacts>.Ok(new AccountFacts(unifiedMarginStatus, "REGULAR_MARGIN"));

        var report = await harness.RunAsync();

        Assert.Equal(expected, EngineHarness.Check(report, CheckIds.ExtraPermissions).Status);
    }
}
