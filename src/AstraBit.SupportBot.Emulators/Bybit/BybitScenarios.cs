namespace AstraBit.SupportBot.Emulators.Bybit;

/// <summary>The built-in accounts, with fixed keys and secrets so a local sandbox can be scripted.</summary>
public static class BybitScenarios
{
    private static readonly Func<DateTimeOffset, BybitAccountScenario>[] Factories =
    [
        now => Account("healthy-unified", "Unified account, one-way mode, trade permissions only, 250 USD", "0lR8acRYSi4MDF8kWC", "BX1KpeZUaLJ4d8jOCs4bWYTI6wLqeeHq1PkC", 1, now) with
        {
            OpenPositions = [new EmulatedPosition("ETHUSDT", "Buy", 0.5m, 3400m)],
        },
        now => Account("healthy-classic", "Classic (standard) account, one-way mode, trade permissions only, 250 USDT", "JVuoYqLRqrxZKiGvbt", "cj7bsHXDYzEzVMGPBnu3mY2lhm12FPzmV4eA", 2, now) with
        {
            Unified = false,
            Permissions = Permissions(unified: false),
        },
        now => Account("hedge-mode", "Unified account with BTCUSDT and ETHUSDT in Hedge Mode and an open BTCUSDT short", "k5M7ByFgDcEW7AKW3g", "c3FnJxFkQjVDZRucq2zyw8GOuLfafi1JrpRW", 3, now) with
        {
            HedgeSymbols = ["BTCUSDT", "ETHUSDT"],
            OpenPositions = [new EmulatedPosition("BTCUSDT", "Sell", 0.01m, 96000m)],
        },
        now => Account("withdrawal-enabled", "Key with the Withdrawal permission", "BJG9encC4davDsREym", "ZzoU8nDX7rnx5xrbw0aRFvKyQQbV4iOmSpnX", 4, now) with
        {
            Permissions = Permissions(unified: true, ("Wallet", ["Withdraw"])),
        },
        now => Account("transfer-enabled", "Key with Account Transfer and Subaccount Transfer", "JzjdO9KnUcOwcOBExM", "3tnY4WftHKrmUeUKjuZSibyToBcCcRtIiGKr", 5, now) with
        {
            Permissions = Permissions(unified: true, ("Wallet", ["AccountTransfer", "SubMemberTransfer"])),
        },
        now => Account("read-only", "Read-only key (still lists contract permissions)", "zBYXHolHYa13il3C31", "U0lVvwvH70052LQmspJLc0DTFuvEVViv3FQd", 6, now) with
        {
            ReadOnly = true,
        },
        now => Account("no-contract-trading", "Key without Contract Orders/Positions", "GLtPTT1VWe558UtmSO", "v6McDFwszX8wZJosFxTRaB9NlBfvWxrryPsa", 7, now) with
        {
            Permissions = Permissions(unified: true, ("ContractTrade", [])),
        },
        now => Account("extra-permissions", "Key with Spot, Options, Exchange and Earn besides contract trading", "tlISqHRN8KkAcNFcVL", "D1KCqTSgQpFjZ46UGS7PNKyLtBT1pnnwukA1", 8, now) with
        {
            Permissions = Permissions(unified: true, ("Spot", ["SpotTrade"]), ("Options", ["OptionsTrade"]), ("Exchange", ["ExchangeHistory"]), ("Earn", ["Earn"])),
        },
        now => Account("low-balance", "Derivatives equity 20 USD (below the 50 USD minimum)", "gMAkX0dN8JcyuUd8Dq", "MsilwnruRj272WBKhr9swEvrswXmZTcVE4RL", 9, now) with
        {
            DerivativesEquityUsd = 20m,
            UsdtBalance = 20m,
        },
        now => Account("below-recommended", "Derivatives equity 75 USD (above minimum, below the 100 USD recommendation)", "pMS3EDQnrVrLRwyyXe", "vrSM1XYEBo1xoUKutZkS8vjpZWKAg2aYsWkb", 10, now) with
        {
            DerivativesEquityUsd = 75m,
            UsdtBalance = 75m,
        },
        now => Account("ip-bound", "Key bound to 127.0.0.1 and ::1 (no expiry)", "iPJXujzTp2xeuREAsc", "XV4vpetpGJDHOzkXlfCwQa1QXA9GMrcYPJwy", 11, now) with
        {
            Ips = ["127.0.0.1", "::1"],
            ExpiresAt = null,
        },
        now => Account("ip-mismatch", "Key bound to other IPs: every private call gets 10010", "rGEgb6Pam3UcsAgF4O", "eolLYxpd7acCX9CIskvb51Yn0NPt5DJRxqJe", 12, now) with
        {
            Ips = ["203.0.113.10", "203.0.113.11"],
            ExpiresAt = null,
        },
        now => Account("expiring-soon", "Unbound key that expires in 5 days", "L969THfCTiWtku3TEO", "0cYQmCGfw60RdRlfMvQNuguwzA9t5jfS6SyI", 13, now) with
        {
            ExpiresAt = now.AddDays(5),
        },
        now => Account("expired", "Unbound key that expired yesterday: 33004", "6AD1NcueZ5esNNksND", "GZDioIewHj4WrR89NcXf8BlobesrjeZrHp9y", 14, now) with
        {
            ExpiresAt = now.AddDays(-1),
        },
        now => Account("sub-account", "Unified sub-account key", "MR0lJU0RmioeYFwp2E", "BcbbJOmqDf0yxiOnTcVAiTqnbtXSXFRO9O0q", 15, now) with
        {
            IsMaster = false,
            ParentUid = 100_000_001,
        },
        now => Account("funding-only", "500 USDT in Funding, 5 USD in derivatives", "8WKLi5qJI4mijOXd47", "EAMQBl9nyFJabvGwdDb4q6iPKf9ZXF4jnnXs", 16, now) with
        {
            DerivativesEquityUsd = 5m,
            UsdtBalance = 5m,
            FundingUsdt = 500m,
            Permissions = Permissions(unified: true, ("Wallet", ["AccountTransfer"])),
        },
        now => Account("copy-trading-lead", "Unified account that leads copy trading (isMasterTrader)", "Qm7tWcLd2XfRy8NpAe", "u4GzK9sVbT2hXq7LmN3cR8wYd5PfJ6aE1kHo", 17, now) with
        {
            IsMasterTrader = true,
        },
        now => Account("isolated-margin", "Unified account in isolated margin: account-wide totals arrive as \"\", 250 USDT", "Zp4RkT8mWq2LsV6nXc", "h3JdQ8wNe5RtY2uKb7VmC4xZs9LfG1pAo6Ti", 18, now) with
        {
            MarginMode = "ISOLATED_MARGIN",
        },
    ];

    /// <summary>Every built-in scenario, with expiry dates relative to <paramref name="now"/> (the emulator's clock).</summary>
    public static IReadOnlyList<BybitAccountScenario> All(DateTimeOffset now) => [.. Factories.Select(f => f(now))];

    /// <summary>The scenario names, in catalogue order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All(DateTimeOffset.UnixEpoch).Select(s => s.Name)];

    /// <summary>One scenario by name (case-insensitive), or null.</summary>
    public static BybitAccountScenario? Find(string name, DateTimeOffset now) =>
        All(now).FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Permissions of a typical key: contract trading, plus Derivatives on unified accounts, plus overrides.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Permissions(
        bool unified,
        params (string Group, string[] Values)[] overrides)
    {
        var permissions = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            ["ContractTrade"] = ["Order", "Position"],
            ["Spot"] = [],
            ["Wallet"] = [],
            ["Options"] = [],
            ["Derivatives"] = unified ? ["DerivativesTrade"] : [],
            ["CopyTrading"] = [],
            ["BlockTrade"] = [],
            ["Exchange"] = [],
            ["NFT"] = [],
            ["Affiliate"] = [],
            ["Earn"] = [],
        };
        foreach (var (group, values) in overrides)
        {
            permissions[group] = values;
        }

        return permissions;
    }

    private static BybitAccountScenario Account(string name, string description, string key, string secret, int index, DateTimeOffset now) => new()
    {
        Name = name,
        Description = description,
        ApiKey = key,
        ApiSecret = secret,
        Uid = 100_000_000 + index,
        Unified = true,
        Permissions = Permissions(unified: true),
        Ips = ["*"],
        ExpiresAt = now.AddDays(80),
        DerivativesEquityUsd = 250m,
        UsdtBalance = 250m,
        FundingUsdt = 10m,
    };
}
