using AstraBit.SupportBot.Core.Diagnostics;

namespace AstraBit.SupportBot.Core.Tests.Diagnostics;

/// <summary>Bybit facts for a healthy account, and small builders to spoil one part at a time.</summary>
internal static class Facts
{
    public const string ApiKey = "AbCdEfGhIjKlMnXy12";
    public const string ApiSecret = "S3cr3tS3cr3tS3cr3tS3cr3tS3cr3tS3cr3t";

    public static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);
    public static readonly Uri Host = new("https://api.bybit.com");

    public static ApiKeyFacts HealthyKey(
        bool readOnly = false,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? permissions = null,
        IReadOnlyList<string>? ips = null,
        DateTimeOffset? expiresAt = null,
        bool isUnified = true,
        bool isMaster = true) =>
        new(
            ApiKey,
            readOnly,
            permissions ?? Permissions(),
            ips ?? ["203.0.113.7"],
            expiresAt,
            null,
            isUnified,
            isMaster,
            1);

    public static Dictionary<string, IReadOnlyList<string>> Permissions(params (string Group, string[] Values)[] overrides)
    {
        var permissions = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            ["ContractTrade"] = ["Order", "Position"],
            ["Spot"] = [],
            ["Wallet"] = [],
            ["Options"] = [],
            ["Derivatives"] = ["DerivativesTrade"],
            ["Exchange"] = [],
            ["Earn"] = [],
            ["FiatP2P"] = [],
            ["BlockTrade"] = [],
            ["NFT"] = [],
        };
        foreach (var (group, values) in overrides)
        {
            permissions[group] = values;
        }

        return permissions;
    }

    public static WalletFacts UnifiedWallet(decimal totalEquity) =>
        new("UNIFIED", totalEquity, [new CoinBalance("USDT", totalEquity, totalEquity, totalEquity)]);

    public static WalletFacts ClassicWallet(decimal usdtEquity, params CoinBalance[] others) =>
        new("CONTRACT", null, [new CoinBalance("USDT", usdtEquity, usdtEquity, null), .. others]);

    public static WalletFacts FundingWallet(params (string Coin, decimal Amount)[] coins) =>
        new("FUND", null, coins.Select(c => new CoinBalance(c.Coin, null, c.Amount, null)).ToList());

    public static PositionRow OneWayRow(string symbol, decimal size = 0m) => new(symbol, 0, size, size == 0m ? string.Empty : "Buy");

    public static PositionRow HedgeRow(string symbol, int positionIdx, decimal size = 0m) =>
        new(symbol, positionIdx, size, size == 0m ? string.Empty : positionIdx == 1 ? "Buy" : "Sell");

    public static ReadResult<IReadOnlyList<PositionRow>> Rows(params PositionRow[] rows) => ReadResult<IReadOnlyList<PositionRow>>.Ok(rows);

    public static ReadFailure Failure(ReadFailureKind kind, int? retCode = null, int? httpStatus = null) =>
        new(kind, retCode, httpStatus, $"{kind} from the fake");
}
