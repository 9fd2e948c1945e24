using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Core.KeyChecks;
using AstraBit.SupportBot.Core.Walkthrough;

namespace AstraBit.SupportBot.Core.Tickets;

/// <summary>One failing or warning check as shown on a ticket's card.</summary>
/// <param name="Id">One of <see cref="CheckIds"/>.</param>
/// <param name="Status">Fail or warn.</param>
/// <param name="Title">What is checked.</param>
/// <param name="Detail">What was found.</param>
/// <param name="Fix">What the member should do; null when nothing is to be done.</param>
/// <param name="GuideStep">The guide step that fixes it, if any.</param>
public sealed record TicketCheck(string Id, CheckStatus Status, string Title, string Detail, string? Fix, int? GuideStep)
{
    public string Id { get; init => field = SecretGuard.RequireNoSecret(value, nameof(Id)); } = SecretGuard.RequireNoSecret(Id, nameof(Id));

    public string Title { get; init => field = SecretGuard.RequireNoSecret(value, nameof(Title)); } = SecretGuard.RequireNoSecret(Title, nameof(Title));

    public string Detail { get; init => field = SecretGuard.RequireNoSecret(value, nameof(Detail)); } = SecretGuard.RequireNoSecret(Detail, nameof(Detail));

    public string? Fix { get; init => field = SecretGuard.RequireNoSecretOrNull(value, nameof(Fix)); } = SecretGuard.RequireNoSecretOrNull(Fix, nameof(Fix));

    /// <summary>From a check result; text from outside (Bybit's messages) is scrubbed rather than refused.</summary>
    public static TicketCheck From(CheckResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new TicketCheck(
            SecretGuard.Scrub(result.Id),
            result.Status,
            SecretGuard.Scrub(result.Title),
            SecretGuard.Scrub(result.Detail),
            result.Fix is null ? null : SecretGuard.Scrub(result.Fix),
            result.GuideStep);
    }
}

/// <summary>
/// The diagnosis a ticket carries, so staff start from what the bot already found. Never the secret: the key only
/// masked ("…Xy12", enforced), and no text that looks like a secret.
/// </summary>
/// <param name="Verdict">The check's verdict; null when the ticket was opened without a check.</param>
/// <param name="Failing">Failing checks with their fixes.</param>
/// <param name="Warnings">Checks that warned.</param>
/// <param name="AccountType">"unified", "classic", "Standard"…, as known; null when unknown.</param>
/// <param name="Region">The Bybit site the member chose, e.g. "Bybit EU"; null when unknown.</param>
/// <param name="MaskedKey">"…" and at most 4 characters; null when no key was checked.</param>
/// <param name="StoppedAt">Where the member stopped in the walkthrough, e.g. "Part 2 of 3 · Step 5 of 6"; null when unknown.</param>
/// <param name="CheckedAt">When the check ran; null when there was none.</param>
public sealed record TicketCard(
    Verdict? Verdict,
    IReadOnlyList<TicketCheck> Failing,
    IReadOnlyList<TicketCheck> Warnings,
    string? AccountType,
    string? Region,
    string? MaskedKey,
    string? StoppedAt,
    DateTimeOffset? CheckedAt)
{
    public string? MaskedKey { get; init => field = SecretGuard.RequireMaskedKey(value, nameof(MaskedKey)); } = SecretGuard.RequireMaskedKey(MaskedKey, nameof(MaskedKey));

    public string? AccountType { get; init => field = SecretGuard.RequireNoSecretOrNull(value, nameof(AccountType)); } = SecretGuard.RequireNoSecretOrNull(AccountType, nameof(AccountType));

    public string? Region { get; init => field = SecretGuard.RequireNoSecretOrNull(value, nameof(Region)); } = SecretGuard.RequireNoSecretOrNull(Region, nameof(Region));

    public string? StoppedAt { get; init => field = SecretGuard.RequireNoSecretOrNull(value, nameof(StoppedAt)); } = SecretGuard.RequireNoSecretOrNull(StoppedAt, nameof(StoppedAt));

    /// <summary>What the member wrote in the intake form (`/ticket open`, "Talk to support"); null for a ticket opened otherwise.</summary>
    public TicketIntake? Intake { get; init; }

    /// <summary>Whether the card holds a key check (a ticket opened from the intake form may hold only the member's answers).</summary>
    public bool HasCheck => Verdict is not null || CheckedAt is not null || MaskedKey is not null || Failing.Count > 0;

    /// <summary>The ids of the failing checks, for stats.</summary>
    public IEnumerable<string> FailingCheckIds => Failing.Select(c => c.Id);

    /// <summary>A card from a full check report.</summary>
    public static TicketCard FromReport(DiagnosticReport report, string? region, string? stoppedAt = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new TicketCard(
            report.Verdict,
            report.Checks.Where(c => c.Status == CheckStatus.Fail).Select(TicketCheck.From).ToList(),
            report.Checks.Where(c => c.Status == CheckStatus.Warn).Select(TicketCheck.From).ToList(),
            report.Account?.Type,
            region,
            CheckHistoryEntry.IsMasked(report.ApiKey) ? report.ApiKey : CredentialInput.MaskedKey(report.ApiKey),
            stoppedAt,
            report.CheckedAt);
    }

    /// <summary>
    /// A card from "I'm stuck": where the member stopped, and their last check as far as the walkthrough kept it
    /// (ids only, so each check's title is its id and the detail says to run the check again for the full text).
    /// </summary>
    public static TicketCard FromStuck(StuckContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var check = context.LastCheck;
        return new TicketCard(
            check?.Verdict,
            check?.FailingCheckIds.Select(id => Summarised(id, CheckStatus.Fail)).ToList() ?? [],
            check?.WarningCheckIds.Select(id => Summarised(id, CheckStatus.Warn)).ToList() ?? [],
            // The same words a check's card uses ("unified"), not the enum's name.
            context.AccountType == Guide.AccountType.Unknown ? null : context.AccountType.Key(),
            context.RegionLabel ?? context.RegionKey,
            check?.MaskedKey,
            context.Where,
            check?.CheckedAt);
    }

    private static TicketCheck Summarised(string id, CheckStatus status) =>
        new(id, status, id, "From the member's last check in the walkthrough; run the check in the ticket for the full details.", null, null);
}
