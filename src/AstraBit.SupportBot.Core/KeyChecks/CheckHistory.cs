using AstraBit.SupportBot.Core.Diagnostics;

namespace AstraBit.SupportBot.Core.KeyChecks;

/// <summary>Past checks per member, for moderators and tickets.</summary>
public interface ICheckHistoryStore
{
    Task AddAsync(CheckHistoryEntry entry, CancellationToken cancellationToken = default);

    /// <summary>The member's latest <paramref name="count"/> checks, newest first.</summary>
    Task<IReadOnlyList<CheckHistoryEntry>> RecentAsync(ulong userId, int count, CancellationToken cancellationToken = default);
}

/// <summary>One check as remembered: never the secret, and the key only masked.</summary>
/// <param name="UserId">The member who ran the check (or was asked to).</param>
/// <param name="CheckedAt">When the check started (UTC).</param>
/// <param name="Verdict">The report's verdict.</param>
/// <param name="Checks">Each check id with its status.</param>
/// <param name="MaskedKey">"…" and the key's last 4 characters.</param>
/// <param name="RegionKey">The region chosen for the check ("mainnet", "eu", …), if known.</param>
/// <param name="Host">The Bybit host checked.</param>
public sealed record CheckHistoryEntry(
    ulong UserId,
    DateTimeOffset CheckedAt,
    Verdict Verdict,
    IReadOnlyDictionary<string, CheckStatus> Checks,
    string MaskedKey,
    string? RegionKey,
    string Host)
{
    /// <summary>The account type Bybit reported ("unified" or "classic"); null when the check never read it (or was stored before it was kept).</summary>
    public string? AccountType { get; init; }

    /// <summary>A masked key is "…" plus at most 4 characters; anything longer could be a real key.</summary>
    public static bool IsMasked(string? key) => key is { Length: >= 1 and <= 5 } && key[0] == '…';

    public static CheckHistoryEntry From(ulong userId, DiagnosticReport report, string? regionKey)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new CheckHistoryEntry(
            userId,
            report.CheckedAt,
            report.Verdict,
            report.Checks.ToDictionary(c => c.Id, c => c.Status, StringComparer.Ordinal),
            report.ApiKey,
            regionKey,
            report.Host)
        {
            AccountType = report.Account?.Type,
        };
    }
}
