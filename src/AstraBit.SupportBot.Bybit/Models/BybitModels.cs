namespace AstraBit.SupportBot.Bybit;

/// <summary>Bybit's clock as measured by one GET /v5/market/time.</summary>
/// <param name="ServerTime">The server's time (from timeNano when present).</param>
/// <param name="LocalSentAt">Local clock when the request was sent.</param>
/// <param name="LocalReceivedAt">Local clock when the response arrived.</param>
public sealed record BybitServerTime(DateTimeOffset ServerTime, DateTimeOffset LocalSentAt, DateTimeOffset LocalReceivedAt)
{
    /// <summary>Round-trip time of the measurement.</summary>
    public TimeSpan RoundTrip => LocalReceivedAt - LocalSentAt;

    /// <summary>Server time minus the local midpoint of the request: add it to the local clock to get Bybit's.</summary>
    public TimeSpan Offset => ServerTime - (LocalSentAt + (RoundTrip / 2));
}

/// <summary>Result of GET /v5/user/query-api.</summary>
/// <param name="Id">Internal key id.</param>
/// <param name="Note">The key's label.</param>
/// <param name="ApiKey">The key as Bybit echoes it.</param>
/// <param name="ReadOnly">readOnly == 1.</param>
/// <param name="Permissions">Permission group → values, e.g. "Wallet" → ["Withdraw"].</param>
/// <param name="Ips">Bound IPs; ["*"] means none.</param>
/// <param name="Type">1 personal, 2 connected to a third-party app.</param>
/// <param name="DeadlineDay">Days of validity left, as sent (only meaningful for keys without IPs).</param>
/// <param name="ExpiredAt">Expiry; null when Bybit sends the epoch (no expiry) or nothing.</param>
/// <param name="CreatedAt">Creation time.</param>
/// <param name="Uta">uta == 1: unified trading account.</param>
/// <param name="Unified">The deprecated unified flag as sent.</param>
/// <param name="UserId">UID.</param>
/// <param name="IsMaster">Whether the key belongs to a master account.</param>
/// <param name="ParentUid">Master UID; "0" for a master.</param>
/// <param name="VipLevel">e.g. "No VIP".</param>
/// <param name="KycLevel">e.g. LEVEL_1.</param>
/// <param name="KycRegion">e.g. MYS.</param>
/// <param name="RsaPublicKey">Non-empty for self-generated (RSA) keys.</param>
public sealed record ApiKeyInfo(
    string Id,
    string Note,
    string ApiKey,
    bool ReadOnly,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Permissions,
    IReadOnlyList<string> Ips,
    int Type,
    int? DeadlineDay,
    DateTimeOffset? ExpiredAt,
    DateTimeOffset? CreatedAt,
    bool Uta,
    int Unified,
    long UserId,
    bool IsMaster,
    string ParentUid,
    string VipLevel,
    string KycLevel,
    string KycRegion,
    string RsaPublicKey)
{
    /// <summary>True when the key is bound to IP addresses (not ["*"] or empty).</summary>
    public bool IsIpBound => Ips.Count > 0 && !(Ips.Count == 1 && Ips[0] == "*");

    /// <summary>The values of one permission group, empty when absent.</summary>
    public IReadOnlyList<string> Permission(string group) =>
        Permissions.TryGetValue(group, out var values) ? values : [];
}

/// <summary>Result of GET /v5/account/info.</summary>
/// <param name="UnifiedMarginStatus">1 classic, 3/4 UTA 1.0, 5/6 UTA 2.0.</param>
/// <param name="MarginMode">ISOLATED_MARGIN, REGULAR_MARGIN or PORTFOLIO_MARGIN ("" when not sent).</param>
/// <param name="IsMasterTrader">Copy-trading leader.</param>
/// <param name="SpotHedgingStatus">ON or OFF.</param>
/// <param name="UpdatedTime">Last update.</param>
public sealed record AccountInfo(
    int UnifiedMarginStatus,
    string MarginMode,
    bool IsMasterTrader,
    string SpotHedgingStatus,
    DateTimeOffset? UpdatedTime)
{
    /// <summary>True for UTA 1.0 and 2.0 (status 3–6).</summary>
    public bool IsUnified => UnifiedMarginStatus is >= 3 and <= 6;
}

/// <summary>Wallet types accepted by the balance endpoints.</summary>
public enum BybitAccountType
{
    /// <summary>UNIFIED: unified trading account.</summary>
    Unified,
    /// <summary>CONTRACT: classic derivatives wallet.</summary>
    Contract,
    /// <summary>SPOT: classic spot wallet.</summary>
    Spot,
    /// <summary>FUND: funding wallet.</summary>
    Fund,
}

/// <summary>Product category for position queries.</summary>
public enum BybitCategory
{
    /// <summary>linear: USDT/USDC perpetuals and futures.</summary>
    Linear,
    /// <summary>inverse: coin-margined contracts.</summary>
    Inverse,
    /// <summary>option.</summary>
    Option,
}

/// <summary>Result of GET /v5/account/wallet-balance (the first account in the list). Totals are USD.</summary>
/// <param name="AccountType">UNIFIED, CONTRACT, …</param>
/// <param name="TotalEquity">totalEquity; null where Bybit sends "" (classic).</param>
/// <param name="TotalWalletBalance">totalWalletBalance.</param>
/// <param name="TotalMarginBalance">totalMarginBalance.</param>
/// <param name="TotalAvailableBalance">totalAvailableBalance.</param>
/// <param name="TotalPerpUpl">totalPerpUPL.</param>
/// <param name="TotalInitialMargin">totalInitialMargin.</param>
/// <param name="TotalMaintenanceMargin">totalMaintenanceMargin.</param>
/// <param name="AccountImRate">accountIMRate.</param>
/// <param name="AccountMmRate">accountMMRate.</param>
/// <param name="Coins">Per-coin balances.</param>
public sealed record WalletBalance(
    string AccountType,
    decimal? TotalEquity,
    decimal? TotalWalletBalance,
    decimal? TotalMarginBalance,
    decimal? TotalAvailableBalance,
    decimal? TotalPerpUpl,
    decimal? TotalInitialMargin,
    decimal? TotalMaintenanceMargin,
    decimal? AccountImRate,
    decimal? AccountMmRate,
    IReadOnlyList<WalletCoin> Coins);

/// <summary>One coin of a wallet balance.</summary>
/// <param name="Coin">e.g. USDT.</param>
/// <param name="Equity">equity.</param>
/// <param name="UsdValue">usdValue.</param>
/// <param name="WalletBalance">walletBalance.</param>
/// <param name="Locked">locked.</param>
/// <param name="AvailableToWithdraw">availableToWithdraw (deprecated for UNIFIED, "" there).</param>
/// <param name="UnrealisedPnl">unrealisedPnl.</param>
/// <param name="CumRealisedPnl">cumRealisedPnl.</param>
/// <param name="TotalPositionIm">totalPositionIM.</param>
/// <param name="TotalOrderIm">totalOrderIM.</param>
/// <param name="Bonus">bonus.</param>
public sealed record WalletCoin(
    string Coin,
    decimal? Equity,
    decimal? UsdValue,
    decimal? WalletBalance,
    decimal? Locked,
    decimal? AvailableToWithdraw,
    decimal? UnrealisedPnl,
    decimal? CumRealisedPnl,
    decimal? TotalPositionIm,
    decimal? TotalOrderIm,
    decimal? Bonus);

/// <summary>One row of GET /v5/position/list.</summary>
/// <param name="Symbol">e.g. BTCUSDT.</param>
/// <param name="PositionIdx">0 one-way, 1 hedge buy side, 2 hedge sell side.</param>
/// <param name="Side">Buy, Sell or "" when flat.</param>
/// <param name="Size">Position size; 0 when flat.</param>
/// <param name="AvgPrice">avgPrice.</param>
/// <param name="MarkPrice">markPrice.</param>
/// <param name="PositionValue">positionValue.</param>
/// <param name="Leverage">leverage.</param>
/// <param name="UnrealisedPnl">unrealisedPnl.</param>
/// <param name="PositionStatus">Normal, Liq, Adl.</param>
public sealed record PositionInfo(
    string Symbol,
    int PositionIdx,
    string Side,
    decimal Size,
    decimal? AvgPrice,
    decimal? MarkPrice,
    decimal? PositionValue,
    decimal? Leverage,
    decimal? UnrealisedPnl,
    string PositionStatus)
{
    /// <summary>positionIdx 1 or 2: the symbol is in Hedge Mode.</summary>
    public bool IsHedgeMode => PositionIdx is 1 or 2;
}

/// <summary>Result of GET /v5/asset/transfer/query-account-coins-balance.</summary>
/// <param name="AccountType">e.g. FUND.</param>
/// <param name="MemberId">UID the balances belong to.</param>
/// <param name="Balances">Per-coin balances.</param>
public sealed record CoinsBalance(string AccountType, string MemberId, IReadOnlyList<CoinBalance> Balances);

/// <summary>One coin of <see cref="CoinsBalance"/>.</summary>
/// <param name="Coin">e.g. USDT.</param>
/// <param name="WalletBalance">walletBalance.</param>
/// <param name="TransferBalance">transferBalance.</param>
/// <param name="Bonus">bonus.</param>
public sealed record CoinBalance(string Coin, decimal? WalletBalance, decimal? TransferBalance, decimal? Bonus);

/// <summary>One maintenance of GET /v5/system/status.</summary>
/// <param name="Id">Unique id.</param>
/// <param name="Title">Bybit's title.</param>
/// <param name="State">e.g. scheduled, ongoing, completed.</param>
/// <param name="Begin">Start.</param>
/// <param name="End">Expected end while it lasts; the actual end once completed.</param>
/// <param name="Href">Link to details; "" when none.</param>
/// <param name="UidSuffixes">UID endings affected; empty means every account.</param>
public sealed record BybitMaintenance(
    string Id,
    string Title,
    string State,
    DateTimeOffset? Begin,
    DateTimeOffset? End,
    string Href,
    IReadOnlyList<int> UidSuffixes)
{
    /// <summary>True while the maintenance is under way at <paramref name="now"/> (Bybit's clock or ours).</summary>
    public bool IsActiveAt(DateTimeOffset now) => State.ToLowerInvariant() switch
    {
        "completed" or "canceled" or "cancelled" => false,
        "ongoing" or "in_progress" or "processing" => End is null || now < End,
        _ => Begin is { } begin && begin <= now && (End is null || now < End),
    };
}
