using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Core.Diagnostics;

/// <summary>Rejects settings the key check can't work with, naming the configuration key.</summary>
public sealed class DiagnosticsOptionsValidator : IValidateOptions<DiagnosticsOptions>
{
    private const string Section = DiagnosticsOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, DiagnosticsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        // An empty list means the defaults.
        if (options.Symbols is { Length: > DiagnosticsOptions.MaxSymbols })
        {
            failures.Add($"{Section}:Symbols lists {options.Symbols.Length} symbols; at most {DiagnosticsOptions.MaxSymbols} are allowed (each symbol is one request to Bybit per check, and Bybit allows an account 50 position reads a second)");
        }

        if (options.Symbols is { Length: > 0 })
        {
            for (var i = 0; i < options.Symbols.Length; i++)
            {
                if (!IsLinearUsdtSymbol(options.Symbols[i]))
                {
                    failures.Add($"{Section}:Symbols:{i} ('{options.Symbols[i]}') must be an uppercase linear USDT symbol (A–Z, 0–9, ending in USDT), e.g. BTCUSDT");
                }
            }

            var duplicates = options.Symbols.Where(s => s is not null).GroupBy(s => s, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            if (duplicates.Count > 0)
            {
                failures.Add($"{Section}:Symbols lists {string.Join(", ", duplicates)} more than once");
            }
        }

        if (options.MinimumBalanceUsd <= 0)
        {
            failures.Add($"{Section}:MinimumBalanceUsd must be greater than 0");
        }

        if (options.RecommendedBalanceUsd < options.MinimumBalanceUsd)
        {
            failures.Add($"{Section}:RecommendedBalanceUsd must be at least {Section}:MinimumBalanceUsd");
        }

        if (options.ExpiryWarning <= TimeSpan.Zero)
        {
            failures.Add($"{Section}:ExpiryWarning must be greater than 00:00:00");
        }

        if (options.Deadline < TimeSpan.FromMilliseconds(100) || options.Deadline > TimeSpan.FromMinutes(5))
        {
            failures.Add($"{Section}:Deadline must be between 00:00:00.100 and 00:05:00");
        }

        if (options.Cooldown < TimeSpan.Zero)
        {
            failures.Add($"{Section}:Cooldown must not be negative");
        }

        if (options.KeyMemory < TimeSpan.Zero)
        {
            failures.Add($"{Section}:KeyMemory must not be negative (00:00:00 turns it off)");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Uppercase A–Z/0–9 ending in USDT: the linear USDT perpetuals the check reads, e.g. BTCUSDT.</summary>
    public static bool IsLinearUsdtSymbol(string? symbol) =>
        symbol is { Length: > 4 }
        && symbol.EndsWith("USDT", StringComparison.Ordinal)
        && symbol.All(c => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9'));
}
