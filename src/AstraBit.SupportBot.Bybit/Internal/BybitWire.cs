namespace AstraBit.SupportBot.Bybit.Internal;

internal static class BybitWire
{
    /// <summary>accountType=… and, when given, coin=… (uppercase), in the order they are signed and sent.</summary>
    public static List<KeyValuePair<string, string>> AccountTypeQuery(BybitAccountType accountType, string? coin)
    {
        List<KeyValuePair<string, string>> query = [new("accountType", AccountType(accountType))];
        if (!string.IsNullOrWhiteSpace(coin))
        {
            query.Add(new("coin", coin.Trim().ToUpperInvariant()));
        }

        return query;
    }

    public static string AccountType(BybitAccountType type) => type switch
    {
        BybitAccountType.Unified => "UNIFIED",
        BybitAccountType.Contract => "CONTRACT",
        BybitAccountType.Spot => "SPOT",
        BybitAccountType.Fund => "FUND",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static string Category(BybitCategory category) => category switch
    {
        BybitCategory.Linear => "linear",
        BybitCategory.Inverse => "inverse",
        BybitCategory.Option => "option",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, null),
    };

    /// <summary>A field Bybit always sends was missing: the answer is partial, not a zero.</summary>
    public static FormatException Missing(string field) => new($"The result had no '{field}'.");

    /// <summary>A field held a value outside what Bybit documents for it: the answer can't be read as a fact about the key.</summary>
    public static FormatException OutOfDomain(string field, object value, string documented) =>
        new(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The result's '{field}' was {value}; Bybit documents {documented}."));
}
