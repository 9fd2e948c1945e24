namespace AstraBit.SupportBot.Core.Diagnostics;

/// <summary>Settings of the key check, bound from the "Diagnostics" configuration section.</summary>
public sealed class DiagnosticsOptions
{
    public const string SectionName = "Diagnostics";

    /// <summary>
    /// Most symbols one check reads. Each symbol is one request to Bybit's position list, which allows an account
    /// 50 requests a second; the open-positions read shares that limit, and a margin is left for retries.
    /// </summary>
    public const int MaxSymbols = 40;

    /// <summary>The symbols checked when Diagnostics:Symbols is not set.</summary>
    public static IReadOnlyList<string> DefaultSymbols { get; } = ["BTCUSDT", "ETHUSDT"];

    /// <summary>
    /// Linear USDT perpetuals whose position mode is checked (every open position is checked as well); empty means
    /// <see cref="DefaultSymbols"/>. The defaults are not put in the array because the configuration binder appends
    /// configured items to an array's existing ones, so "Symbols": ["SOLUSDT"] would become BTCUSDT, ETHUSDT, SOLUSDT.
    /// </summary>
    public string[] Symbols { get; set; } = [];

    /// <summary>The symbols the check reads: <see cref="Symbols"/>, or <see cref="DefaultSymbols"/> when none are configured.</summary>
    public IReadOnlyList<string> EffectiveSymbols => Symbols is { Length: > 0 } ? Symbols : DefaultSymbols;

    /// <summary>Below this derivatives equity (USD) the balance check fails.</summary>
    public decimal MinimumBalanceUsd { get; set; } = 50m;

    /// <summary>Below this derivatives equity (USD) the balance check warns.</summary>
    public decimal RecommendedBalanceUsd { get; set; } = 100m;

    /// <summary>A key without IP binding that expires within this window gets a warning.</summary>
    public TimeSpan ExpiryWarning { get; set; } = TimeSpan.FromDays(14);

    /// <summary>
    /// The longest a whole check may take, retries included; reads still open then are abandoned and the check
    /// reports that Bybit didn't answer in time (verdict error). Each request attempt is bounded by Bybit:Timeout.
    /// </summary>
    public TimeSpan Deadline { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a member waits between two checks.</summary>
    public TimeSpan Cooldown { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long an entered secret is kept in memory for "Check it now"; zero turns it off.</summary>
    public TimeSpan KeyMemory { get; set; } = TimeSpan.FromMinutes(10);
}
