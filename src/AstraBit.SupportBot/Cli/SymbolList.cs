using AstraBit.SupportBot.Core.Diagnostics;

namespace AstraBit.SupportBot.Cli;

/// <summary>Parses "btcusdt, ETHUSDT" into linear USDT symbols, naming the first bad one.</summary>
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

        var bad = symbols.FirstOrDefault(s => !DiagnosticsOptionsValidator.IsLinearUsdtSymbol(s));
        return bad is null
            ? (symbols, null)
            : (null, $"'{bad}' is not a USDT perpetual symbol (letters and digits ending in USDT, e.g. BTCUSDT).");
    }
}
