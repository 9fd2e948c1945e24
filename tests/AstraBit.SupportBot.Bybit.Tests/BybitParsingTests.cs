namespace AstraBit.SupportBot.Bybit.Tests;

public sealed class BybitParsingTests
{
    [Fact]
    public async Task GetAccountInfoAsync_NumbersAsStringsAndUnknownFields_Parsed()
    {
        await using var host = await BybitTestHost.StartAsync();
        host.Emulator.Faults.EnqueueHttp(
            200,
            """{"retCode":"0","retMsg":"success","result":{"unifiedMarginStatus":"6","marginMode":"PORTFOLIO_MARGIN","updatedTime":1697078946000,"isMasterTrader":"true","newField":{"nested":[1,2]},"spotHedgingStatus":"ON"},"time":"1697078946001"}""",
            "application/json");

        var result = await host.Client.Account.GetAccountInfoAsync(host.Credentials("healthy-unified"));

        Assert.True(result.Success, result.Error?.Message);
        Assert.Equal((6, "PORTFOLIO_MARGIN", true, "ON", true), (result.Data.UnifiedMarginStatus, result.Data.MarginMode, result.Data.IsMasterTrader, result.Data.SpotHedgingStatus, result.Data.IsUnified));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1697078946000), result.Data.UpdatedTime);
    }

    [Fact]
    public async Task GetWalletBalanceAsync_EmptyStringsAndNumbers_DecimalsOrNull()
    {
        await using var host = await BybitTestHost.StartAsync();
        host.Emulator.Faults.EnqueueHttp(
            200,
            """{"retCode":0,"retMsg":"OK","result":{"list":[{"accountType":"UNIFIED","totalEquity":"3.31216591","totalWalletBalance":3.00326056,"totalAvailableBalance":"","coin":[{"coin":"BTC","equity":"0.000000001","walletBalance":"1e-3","availableToWithdraw":"","collateralSwitch":true}]}]},"retExtInfo":{},"time":1690872862481}""",
            "application/json");

        var result = await host.Client.Account.GetWalletBalanceAsync(host.Credentials("healthy-unified"), BybitAccountType.Unified, "BTC");

        Assert.True(result.Success, result.Error?.Message);
        Assert.Equal(3.31216591m, result.Data.TotalEquity);
        Assert.Equal(3.00326056m, result.Data.TotalWalletBalance);
        Assert.Null(result.Data.TotalAvailableBalance);
        var btc = Assert.Single(result.Data.Coins);
        Assert.Equal((0.000000001m, (decimal?)0.001m, (decimal?)null), (btc.Equity!.Value, btc.WalletBalance, btc.AvailableToWithdraw));
    }

    [Fact]
    public async Task GetApiKeyInfoAsync_DocExampleShape_Parsed()
    {
        await using var host = await BybitTestHost.StartAsync();
        host.Emulator.Faults.EnqueueHttp(
            200,
            """{"retCode":0,"retMsg":"","result":{"id":"2208369","note":"testnet","apiKey":"XXXXXXXX","readOnly":1,"secret":"","permissions":{"ContractTrade":["Order","Position"],"Wallet":["AccountTransfer","SubMemberTransfer"],"NFT":[],"FiatGlobalPay":[]},"ips":["18.181.170.164","13.212.45.47"],"type":1,"deadlineDay":-2,"expiredAt":"1970-01-01T00:00:00Z","createdAt":"2025-10-13T03:20:45Z","unified":0,"uta":1,"userID":1448939,"inviterID":0,"vipLevel":"PRO-1","mktMakerLevel":"0","affiliateID":0,"rsaPublicKey":"","isMaster":true,"parentUid":"0","kycLevel":"LEVEL_1","kycRegion":"MYS","userIDInt64":"0"},"retExtInfo":{},"time":1776149990532}""",
            "application/json");

        var result = await host.Client.User.GetApiKeyInfoAsync(host.Credentials("healthy-unified"));

        Assert.True(result.Success, result.Error?.Message);
        var info = result.Data;
        Assert.Equal(("2208369", true, true, 1448939L, "PRO-1"), (info.Id, info.ReadOnly, info.Uta, info.UserId, info.VipLevel));
        Assert.Null(info.ExpiredAt);
        Assert.Equal(new DateTimeOffset(2025, 10, 13, 3, 20, 45, TimeSpan.Zero), info.CreatedAt);
        Assert.True(info.IsIpBound);
        Assert.Equal(["AccountTransfer", "SubMemberTransfer"], info.Permission("Wallet"));
        Assert.Empty(info.Permission("FiatGlobalPay"));
    }
}
