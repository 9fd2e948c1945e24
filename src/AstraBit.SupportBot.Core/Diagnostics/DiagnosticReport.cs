using System.Text.Json.Serialization;

namespace AstraBit.SupportBot.Core.Diagnostics;

/// <summary>Written lowercase in the report: pass, warn, fail, error.</summary>
public enum Verdict
{
    Pass,
    Warn,
    Fail,
    Error,
}

/// <param name="ApiKey">Already cleaned by <see cref="CredentialInput.Validate"/>.</param>
/// <param name="ApiSecret">Already cleaned; never logged or stored.</param>
/// <param name="Host">The Bybit host of the member's site (global, regional, testnet, demo).</param>
/// <param name="Symbols">Overrides Diagnostics:Symbols when given and non-empty.</param>
/// <param name="Locale">The Discord locale the report's explanations and fixes are written in (es-419 reads es-ES; null English).</param>
/// <param name="Moments">How the explanations show a moment: Discord timestamps for a Discord reader, plain UTC for the CLI.</param>
public sealed record DiagnosticRequest(string ApiKey, string ApiSecret, Uri Host, IReadOnlyList<string>? Symbols = null, string? Locale = null, CheckMoments Moments = CheckMoments.DiscordTimestamps)
{
    public override string ToString() => $"DiagnosticRequest {{ ApiKey = {CredentialInput.MaskedKey(ApiKey)}, Host = {Host} }}";
}

/// <param name="Type">"unified" or "classic".</param>
/// <param name="IsMaster">False for a sub-account's key.</param>
/// <param name="Uta">"1.0" or "2.0" for unified accounts when Bybit said which; otherwise absent.</param>
public sealed record ReportAccount(
    string Type,
    bool IsMaster,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Uta = null)
{
    public const string Unified = "unified";
    public const string Classic = "classic";
}

/// <param name="Verdict">Error when the check could not run, otherwise the worst check status.</param>
/// <param name="Host">The Bybit host checked, without a trailing slash.</param>
/// <param name="ApiKey">Masked: "…" and the last 4 characters.</param>
/// <param name="Account">Present only once Bybit accepted the key.</param>
/// <param name="Checks">Every check of PRODUCT.md §5, in the order of <see cref="CheckIds.All"/>.</param>
/// <param name="CheckedAt">When the check started (UTC).</param>
/// <param name="DurationMs">How long the reads and judging took.</param>
public sealed record DiagnosticReport(
    Verdict Verdict,
    string Host,
    string ApiKey,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ReportAccount? Account,
    IReadOnlyList<CheckResult> Checks,
    DateTimeOffset CheckedAt,
    long DurationMs)
{
    /// <summary>
    /// Why the check could not run, when the verdict is error: unreadable (Bybit answered something that couldn't be
    /// read), maintenance, timeout, unreachable, server-error, rate-limited, geo-blocked or clock. Hosts must not
    /// open a ticket for an error verdict: it says nothing about the member's key.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CouldNotRun { get; init; }

    public CheckResult? Find(string checkId) => Checks.FirstOrDefault(c => c.Id == checkId);

    /// <summary>
    /// The same findings worded in another language (a Discord locale; null is English): a ticket's card is read by
    /// staff in Support:StaffLocale while the member's own answer is in theirs. The engine judges the same reads again
    /// with the other language's texts, so statuses, ids and moments are the report's; a report that didn't come from
    /// the engine in this process (read back from storage) has no reads to judge and stays as it is.
    /// </summary>
    public DiagnosticReport InLocale(string? locale) => Retell is { } retell ? this with { Checks = retell(locale) } : this;

    /// <summary>Judges the report's reads again in a locale's words; set by <see cref="DiagnosticEngine"/>, never serialized.</summary>
    [JsonIgnore]
    internal Func<string?, IReadOnlyList<CheckResult>>? Retell { get; init; }

    /// <summary>Error when the check could not run, otherwise the worst status; skip never lowers it.</summary>
    public static Verdict VerdictOf(IEnumerable<CheckResult> checks)
    {
        ArgumentNullException.ThrowIfNull(checks);
        var list = checks.ToList();
        if (list.Any(c => c.Id == CheckIds.Connectivity && c.Status == CheckStatus.Fail))
        {
            return Verdict.Error;
        }

        if (list.Any(c => c.Status == CheckStatus.Fail))
        {
            return Verdict.Fail;
        }

        return list.Any(c => c.Status == CheckStatus.Warn) ? Verdict.Warn : Verdict.Pass;
    }
}
