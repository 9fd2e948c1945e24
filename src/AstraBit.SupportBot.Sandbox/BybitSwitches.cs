using System.Globalization;
using System.Text.Json.Nodes;
using AstraBit.SupportBot.Emulators.Bybit;

namespace AstraBit.SupportBot.Sandbox;

/// <summary>
/// The page's live switches for the fake Bybit account behind each ready-made key. Each switch replaces the
/// emulator's account (or sets a fault), so the next "Check it now" sees it.
/// </summary>
internal static class BybitSwitches
{
    public static readonly string[] HedgeSymbols = ["BTCUSDT", "ETHUSDT"];
    private static readonly string[] Transfer = ["AccountTransfer", "SubMemberTransfer"];
    private static readonly EmulatedPosition OpenPosition = new("BTCUSDT", "Sell", 0.01m, 96000m);

    public static JsonObject State(BybitEmulator bybit) => new()
    {
        ["outage"] = bybit.Faults.Outage,
        ["accounts"] = new JsonArray([.. bybit.Accounts.Values.OrderBy(a => a.Uid).Select(a => (JsonNode)new JsonObject
        {
            ["name"] = a.Name,
            ["description"] = a.Description,
            ["key"] = a.ApiKey,
            ["secret"] = a.ApiSecret,
            ["unified"] = a.Unified,
            ["readOnly"] = a.ReadOnly,
            ["withdraw"] = Has(a, "Wallet", "Withdraw"),
            ["transfer"] = Has(a, "Wallet", Transfer[0]),
            ["extra"] = Has(a, "Spot", "SpotTrade"),
            ["hedge"] = new JsonObject(HedgeSymbols.Select(s => KeyValuePair.Create(s, (JsonNode?)a.HedgeSymbols.Contains(s, StringComparer.OrdinalIgnoreCase)))),
            ["position"] = a.OpenPositions.Count > 0,
            ["balance"] = a.DerivativesEquityUsd.ToString(CultureInfo.InvariantCulture),
            ["ipBound"] = a.IsIpBound,
            ["expired"] = a.ExpiresAt is { } at && at <= bybit.Now,
            ["latencyMs"] = (int)a.Latency.TotalMilliseconds,
        })]),
    };

    /// <exception cref="ArgumentException">An unknown account, switch or value.</exception>
    public static void Apply(BybitEmulator bybit, string account, string setting, JsonNode? value)
    {
        if (setting == "outage")
        {
            bybit.Faults.Outage = Flag(value);
            return;
        }

        if (setting.StartsWith("hedge:", StringComparison.Ordinal))
        {
            bybit.SetHedgeMode(account, setting["hedge:".Length..], Flag(value));
            return;
        }

        bybit.Update(account, a => setting switch
        {
            "unified" => a with { Unified = Flag(value) },
            "readOnly" => a with { ReadOnly = Flag(value) },
            "withdraw" => WithPermissions(a, "Wallet", ["Withdraw"], Flag(value)),
            "transfer" => WithPermissions(a, "Wallet", Transfer, Flag(value)),
            "extra" => WithPermissions(WithPermissions(a, "Spot", ["SpotTrade"], Flag(value)), "Options", ["OptionsTrade"], Flag(value)),
            "position" => a with { OpenPositions = Flag(value) ? [OpenPosition] : [] },
            "balance" => a with { DerivativesEquityUsd = Amount(value), UsdtBalance = Amount(value) },
            "ipBound" => a with { Ips = Flag(value) ? ["203.0.113.7"] : ["*"] },
            "expired" => a with { ExpiresAt = Flag(value) ? bybit.Now.AddHours(-1) : bybit.Now.AddDays(80) },
            "latencyMs" => a with { Latency = TimeSpan.FromMilliseconds((double)Amount(value)) },
            _ => throw new ArgumentException($"No switch '{setting}'."),
        });
    }

    private static bool Has(BybitAccountScenario account, string group, string permission) =>
        account.Permissions.TryGetValue(group, out var values) && values.Contains(permission);

    private static BybitAccountScenario WithPermissions(BybitAccountScenario account, string group, string[] permissions, bool on)
    {
        var all = new Dictionary<string, IReadOnlyList<string>>(account.Permissions, StringComparer.Ordinal);
        var current = all.GetValueOrDefault(group) ?? [];
        all[group] = on ? [.. current.Union(permissions)] : [.. current.Except(permissions)];
        return account with { Permissions = all };
    }

    private static bool Flag(JsonNode? value) =>
        value?.GetValueKind() is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False
            ? value.GetValue<bool>()
            : throw new ArgumentException("This switch takes true or false.");

    private static decimal Amount(JsonNode? value) =>
        decimal.TryParse(value?.ToString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) && amount >= 0
            ? amount
            : throw new ArgumentException($"'{value}' is not an amount.");
}
