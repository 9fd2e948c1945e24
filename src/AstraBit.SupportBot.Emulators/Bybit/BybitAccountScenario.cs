namespace AstraBit.SupportBot.Emulators.Bybit;

/// <summary>
/// One emulated Bybit account reached through one API key. Immutable; change an account at run time by
/// replacing it: <c>emulator.Accounts[key] = scenario with { HedgeSymbols = [] }</c>.
/// </summary>
public sealed record BybitAccountScenario
{
    /// <summary>Catalogue name, e.g. hedge-mode.</summary>
    public required string Name { get; init; }

    /// <summary>One-line description.</summary>
    public string Description { get; init; } = "";

    /// <summary>The API key (18 alphanumeric characters for the built-in scenarios).</summary>
    public required string ApiKey { get; init; }

    /// <summary>The API secret (36 alphanumeric characters for the built-in scenarios).</summary>
    public required string ApiSecret { get; init; }

    /// <summary>The account's UID; rate limits are counted per UID.</summary>
    public long Uid { get; init; } = 100_000_001;

    /// <summary>Unified trading account (uta 1, unifiedMarginStatus 5) or classic (uta 0, status 1).</summary>
    public bool Unified { get; init; } = true;

    /// <summary>Master account (false for sub-accounts).</summary>
    public bool IsMaster { get; init; } = true;

    /// <summary>Master UID of a sub-account; 0 for a master.</summary>
    public long ParentUid { get; init; }

    /// <summary>readOnly = 1.</summary>
    public bool ReadOnly { get; init; }

    /// <summary>permissions as query-api returns them; missing groups are sent as [].</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Permissions { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Bound IPs; ["*"] means not bound. A bound key refuses other callers with 10010.</summary>
    public IReadOnlyList<string> Ips { get; init; } = ["*"];

    /// <summary>Expiry by the emulator's clock; null for no expiry. After it every private call gets 33004.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>When the key was created.</summary>
    public DateTimeOffset CreatedAt { get; init; } = new(2026, 1, 5, 8, 30, 0, TimeSpan.Zero);

    /// <summary>Linear symbols in Hedge Mode: two rows (positionIdx 1 and 2, random order each call).</summary>
    public IReadOnlyList<string> HedgeSymbols { get; init; } = [];

    /// <summary>Open positions (size above zero).</summary>
    public IReadOnlyList<EmulatedPosition> OpenPositions { get; init; } = [];

    /// <summary>Derivatives (unified or CONTRACT) equity in USD.</summary>
    public decimal DerivativesEquityUsd { get; init; }

    /// <summary>USDT wallet balance in the derivatives wallet.</summary>
    public decimal UsdtBalance { get; init; }

    /// <summary>USDT in the Funding wallet.</summary>
    public decimal FundingUsdt { get; init; }

    /// <summary>When true, FUND balance queries get 10005 unless the key has Wallet AccountTransfer.</summary>
    public bool FundingNeedsTransferPermission { get; init; } = true;

    /// <summary>Copy-trading lead account: account/info isMasterTrader = true.</summary>
    public bool IsMasterTrader { get; init; }

    /// <summary>REGULAR_MARGIN, ISOLATED_MARGIN or PORTFOLIO_MARGIN; in isolated margin the account-wide wallet totals are "" as on Bybit.</summary>
    public string MarginMode { get; init; } = "REGULAR_MARGIN";

    /// <summary>Extra latency of every private request for this account.</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>unifiedMarginStatus: 5 (UTA 2.0) or 1 (classic).</summary>
    public int UnifiedMarginStatus => Unified ? 5 : 1;

    /// <summary>True when the key is bound to IP addresses.</summary>
    public bool IsIpBound => Ips.Count > 0 && !(Ips.Count == 1 && Ips[0] == "*");
}

/// <summary>An open position.</summary>
/// <param name="Symbol">e.g. BTCUSDT.</param>
/// <param name="Side">Buy or Sell.</param>
/// <param name="Size">Size above zero.</param>
/// <param name="AvgPrice">Entry price.</param>
public sealed record EmulatedPosition(string Symbol, string Side, decimal Size, decimal AvgPrice = 0m);
