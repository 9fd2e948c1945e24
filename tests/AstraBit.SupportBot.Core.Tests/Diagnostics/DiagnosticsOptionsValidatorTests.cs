using AstraBit.SupportBot.Core.Diagnostics;

namespace AstraBit.SupportBot.Core.Tests.Diagnostics;

public sealed class DiagnosticsOptionsValidatorTests
{
    private readonly DiagnosticsOptionsValidator validator = new();

    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        var options = new DiagnosticsOptions();

        var result = validator.Validate(null, options);

        Assert.True(result.Succeeded);
        Assert.Empty(options.Symbols);
        Assert.Equal(["BTCUSDT", "ETHUSDT"], options.EffectiveSymbols);
        Assert.Equal(50m, options.MinimumBalanceUsd);
        Assert.Equal(100m, options.RecommendedBalanceUsd);
        Assert.Equal(TimeSpan.FromDays(14), options.ExpiryWarning);
        Assert.Equal(TimeSpan.FromMinutes(1), options.Cooldown);
        Assert.Equal(TimeSpan.FromMinutes(10), options.KeyMemory);
    }

    [Fact]
    public void Validate_KeyMemoryZero_Succeeds()
    {
        var result = validator.Validate(null, new DiagnosticsOptions { KeyMemory = TimeSpan.Zero });

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void EffectiveSymbols_Configured_ReplaceDefaults()
    {
        var options = new DiagnosticsOptions { Symbols = ["SOLUSDT"] };

        var symbols = options.EffectiveSymbols;

        Assert.Equal(["SOLUSDT"], symbols);
    }

    public static TheoryData<Action<DiagnosticsOptions>, string> BadOptions => new()
    {
        { o => o.MinimumBalanceUsd = 0m, "Diagnostics:MinimumBalanceUsd must be greater than 0" },
        { o => o.RecommendedBalanceUsd = 20m, "Diagnostics:RecommendedBalanceUsd must be at least Diagnostics:MinimumBalanceUsd" },
        { o => o.Symbols = ["btcusdt"], "Diagnostics:Symbols:0" },
        { o => o.Symbols = ["BTCUSDT", "BTCUSD"], "Diagnostics:Symbols:1" },
        { o => o.Symbols = ["BTC-USDT"], "Diagnostics:Symbols:0" },
        { o => o.Symbols = ["USDT"], "Diagnostics:Symbols:0" },
        { o => o.Symbols = ["BTCUSDT", "BTCUSDT"], "Diagnostics:Symbols lists BTCUSDT more than once" },
        { o => o.ExpiryWarning = TimeSpan.Zero, "Diagnostics:ExpiryWarning" },
        { o => o.Cooldown = TimeSpan.FromSeconds(-1), "Diagnostics:Cooldown" },
        { o => o.KeyMemory = TimeSpan.FromSeconds(-1), "Diagnostics:KeyMemory" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Validate_BadSetting_FailsNamingKey(Action<DiagnosticsOptions> spoil, string expected)
    {
        var options = new DiagnosticsOptions();
        spoil(options);

        var result = validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_SixtySymbols_RefusedNamingTheCap()
    {
        var options = new DiagnosticsOptions { Symbols = [.. Enumerable.Range(0, 60).Select(i => $"COIN{i}USDT")] };

        var result = validator.Validate(null, options);

        Assert.Equal(
            ["Diagnostics:Symbols lists 60 symbols; at most 40 are allowed (each symbol is one request to Bybit per check, and Bybit allows an account 50 position reads a second)"],
            result.Failures);
    }

    [Theory]
    [InlineData("00:00:00.050")]
    [InlineData("00:06:00")]
    public void Validate_DeadlineOutOfRange_Refused(string deadline)
    {
        var result = validator.Validate(null, new DiagnosticsOptions { Deadline = TimeSpan.Parse(deadline, System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(["Diagnostics:Deadline must be between 00:00:00.100 and 00:05:00"], result.Failures);
    }
}
