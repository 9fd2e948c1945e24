using AstraBit.SupportBot.Core.Diagnostics;

namespace AstraBit.SupportBot.Cli;

/// <summary>Parses "btcusdt, ETHUSDT" into linear USDT symbols, naming the first bad one; at most <see cref="DiagnosticsOptions.MaxSymbols"/>.</summary>
public static class SymbolList
{
    public static (IReadOnlyList<string>? Symbols, string? Error) Parse(string value)
    {
        var symbols = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => s.ToUpperInvariant())
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        if (symbols.Length == 0)
        {
            return (null, "give at least one symbol, e.g. BTCUSDT,ETHUSDT.");
        }

        if (symbols.Length > DiagnosticsOptions.MaxSymbols)
        {
            return (null, $"{symbols.Length} symbols given; at most {DiagnosticsOptions.MaxSymbols} are allowed (each symbol is one request to Bybit, and Bybit allows an account 50 position reads a second).");
        }

        var bad = symbols.FirstOrDefault(s => !DiagnosticsOptionsValidator.IsLinearUsdtSymbol(s));
        return bad is null
            ? (symbols, null)
            : (null, $"'{bad}' is not a USDT perpetual symbol (letters and digits ending in USDT, e.g. BTCUSDT).");
    }
}
