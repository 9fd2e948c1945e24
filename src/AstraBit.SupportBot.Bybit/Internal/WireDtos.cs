namespace AstraBit.SupportBot.Bybit.Internal;

internal sealed class WireServerTime
{
    public long? TimeSecond { get; set; }

    public long? TimeNano { get; set; }
}

internal sealed class WireApiKeyInfo
{
    public string? Id { get; set; }

    public string? Note { get; set; }

    public string? ApiKey { get; set; }

    public int? ReadOnly { get; set; }

    public Dictionary<string, List<string>?>? Permissions { get; set; }

    public List<string>? Ips { get; set; }

    public int? Type { get; set; }

    public int? DeadlineDay { get; set; }

    public string? ExpiredAt { get; set; }

    public string? CreatedAt { get; set; }

    public int? Uta { get; set; }

    public int? Unified { get; set; }

    public long? UserId { get; set; }

    public bool? IsMaster { get; set; }

    public string? ParentUid { get; set; }

    public string? VipLevel { get; set; }

    public string? KycLevel { get; set; }

    public string? KycRegion { get; set; }

    public string? RsaPublicKey { get; set; }
}

internal sealed class WireAccountInfo
{
    public int? UnifiedMarginStatus { get; set; }

    public string? MarginMode { get; set; }

    public bool? IsMasterTrader { get; set; }

    public string? SpotHedgingStatus { get; set; }

    public long? UpdatedTime { get; set; }
}

internal sealed class WireWalletList
{
    public List<WireWallet>? List { get; set; }
}

internal sealed class WireWallet
{
    public string? AccountType { get; set; }

    public decimal? TotalEquity { get; set; }

    public decimal? TotalWalletBalance { get; set; }

    public decimal? TotalMarginBalance { get; set; }

    public decimal? TotalAvailableBalance { get; set; }

    public decimal? TotalPerpUpl { get; set; }

    public decimal? TotalInitialMargin { get; set; }

    public decimal? TotalMaintenanceMargin { get; set; }

    public decimal? AccountImRate { get; set; }

    public decimal? AccountMmRate { get; set; }

    public List<WireWalletCoin>? Coin { get; set; }
}

internal sealed class WireWalletCoin
{
    public string? Coin { get; set; }

    public decimal? Equity { get; set; }

    public decimal? UsdValue { get; set; }

    public decimal? WalletBalance { get; set; }

    public decimal? Locked { get; set; }

    public decimal? AvailableToWithdraw { get; set; }

    public decimal? UnrealisedPnl { get; set; }

    public decimal? CumRealisedPnl { get; set; }

    public decimal? TotalPositionIm { get; set; }

    public decimal? TotalOrderIm { get; set; }

    public decimal? Bonus { get; set; }
}

internal sealed class WirePositionList
{
    public List<WirePosition>? List { get; set; }

    public string? NextPageCursor { get; set; }

    public string? Category { get; set; }
}

internal sealed class WirePosition
{
    public string? Symbol { get; set; }

    public int? PositionIdx { get; set; }

    public string? Side { get; set; }

    public decimal? Size { get; set; }

    public decimal? AvgPrice { get; set; }

    public decimal? MarkPrice { get; set; }

    public decimal? PositionValue { get; set; }

    public decimal? Leverage { get; set; }

    public decimal? UnrealisedPnl { get; set; }

    public string? PositionStatus { get; set; }
}

internal sealed class WireCoinsBalance
{
    public string? AccountType { get; set; }

    public string? MemberId { get; set; }

    public List<WireCoinBalance>? Balance { get; set; }
}

internal sealed class WireCoinBalance
{
    public string? Coin { get; set; }

    public decimal? WalletBalance { get; set; }

    public decimal? TransferBalance { get; set; }

    public decimal? Bonus { get; set; }
}

internal sealed class WireSystemStatus
{
    public List<WireMaintenance>? List { get; set; }
}

internal sealed class WireMaintenance
{
    public string? Id { get; set; }

    public string? Title { get; set; }

    public string? State { get; set; }

    public long? Begin { get; set; }

    public long? End { get; set; }

    public string? Href { get; set; }

    public List<int>? ServiceTypes { get; set; }

    public List<int>? Product { get; set; }

    public List<int>? UidSuffix { get; set; }
}
