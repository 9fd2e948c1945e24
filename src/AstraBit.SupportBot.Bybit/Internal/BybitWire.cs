namespace AstraBit.SupportBot.Bybit.Internal;

internal static class BybitWire
{
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
}
