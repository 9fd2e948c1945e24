namespace AstraBit.SupportBot.Core.Diagnostics;

/// <summary>Everything the reads returned, once they are all done; the checks are judged from this alone.</summary>
internal sealed record AccountReadings(
    ReadResult<ApiKeyFacts> Key,
    ReadResult<AccountFacts> Account,
    ReadResult<WalletFacts> Funding,
    IReadOnlyList<SymbolPositions> Symbols,
    ReadResult<IReadOnlyList<PositionRow>> OpenPositions,
    bool? Unified,
    ReadResult<WalletFacts>? Derivatives)
{
    /// <summary>GET /v5/system/status; a failure only means no maintenance could be seen.</summary>
    public ReadResult<IReadOnlyList<MaintenanceWindow>> Maintenance { get; init; } = ReadResult<IReadOnlyList<MaintenanceWindow>>.Ok([]);
}

internal sealed record SymbolPositions(string Symbol, ReadResult<IReadOnlyList<PositionRow>> Result);

internal static class FailureKinds
{
    /// <summary>Failures that mean the check could not run (verdict error), not that the key is wrong.</summary>
    public static bool MeansCouldNotRun(ReadFailureKind kind) => kind
        is ReadFailureKind.Unreachable
        or ReadFailureKind.ServerError
        or ReadFailureKind.Timeout
        or ReadFailureKind.RateLimited
        or ReadFailureKind.GeoBlocked
        or ReadFailureKind.TimestampRejected
        or ReadFailureKind.Unreadable;
}
