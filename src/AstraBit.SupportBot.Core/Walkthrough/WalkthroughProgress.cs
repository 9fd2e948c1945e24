using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Guide;

namespace AstraBit.SupportBot.Core.Walkthrough;

/// <summary>Where the walkthrough message lives: a DM, or ephemeral replies in a guild channel when the member's DMs are closed.</summary>
public enum WalkthroughSurface
{
    DirectMessage = 0,
    ChannelEphemeral = 1,
}

/// <summary>The message to edit in place. Ephemeral messages are edited through the interaction, so only the channel is kept.</summary>
public sealed record WalkthroughDelivery(WalkthroughSurface Surface, ulong? ChannelId, ulong? MessageId)
{
    public static WalkthroughDelivery DirectMessage(ulong channelId, ulong? messageId = null) => new(WalkthroughSurface.DirectMessage, channelId, messageId);

    public static WalkthroughDelivery Ephemeral(ulong channelId) => new(WalkthroughSurface.ChannelEphemeral, channelId, null);
}

/// <summary>
/// The outcome of the member's last check, as much as the walkthrough and a ticket need: never the secret,
/// and the key only masked ("…Xy12").
/// </summary>
public sealed record CheckSummary(
    Verdict Verdict,
    IReadOnlyList<string> FailingCheckIds,
    IReadOnlyList<string> WarningCheckIds,
    string MaskedKey,
    string? RegionKey,
    DateTimeOffset CheckedAt,
    GuidePosition? RunAt)
{
    /// <summary>
    /// Summarises <paramref name="report"/>. With <paramref name="checkIds"/> only those checks count (plus the
    /// connection and the key, without which nothing else means anything), as for step 3's or step 5's "Check it now".
    /// </summary>
    public static CheckSummary From(DiagnosticReport report, string? regionKey, GuidePosition? runAt = null, IReadOnlyCollection<string>? checkIds = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var relevant = checkIds is null
            ? report.Checks
            : report.Checks.Where(c => c.Id is CheckIds.Connectivity or CheckIds.ApiKey || checkIds.Contains(c.Id)).ToList();
        return new CheckSummary(
            DiagnosticReport.VerdictOf(relevant),
            relevant.Where(c => c.Status == CheckStatus.Fail).Select(c => c.Id).ToList(),
            relevant.Where(c => c.Status == CheckStatus.Warn).Select(c => c.Id).ToList(),
            report.ApiKey,
            regionKey,
            report.CheckedAt,
            runAt);
    }
}

/// <summary>
/// A member's place in the guided setup. It lives on the server, keyed by the member, so an old message's
/// buttons and a bot restart both lead back here rather than to whatever the message showed.
/// </summary>
public sealed record WalkthroughProgress(
    ulong UserId,
    GuidePosition Position,
    AccountType AccountType,
    string? RegionKey,
    CheckSummary? LastCheck,
    WalkthroughDelivery Delivery,
    DateTimeOffset StartedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>2: stored next to <see cref="WalkthroughMarks"/> (the funnel's reached positions).</summary>
    public const int CurrentSchemaVersion = 2;

    /// <summary>The layout of this record when it was stored; storage migrations bring older data up to date.</summary>
    public int SchemaVersion { get; init; } = CurrentSchemaVersion;
}

/// <summary>What a ticket opened from "I'm stuck" needs to know about where the member stopped.</summary>
/// <param name="Where">"Part 2 of 3 · Step 5 of 6: Turn on One-Way Mode", or the page's name off the steps.</param>
/// <param name="RegionLabel">The region as the member chose it, e.g. "Bybit EU"; null when not chosen.</param>
/// <param name="UserId">The member.</param>
/// <param name="Position">Where the member stopped.</param>
/// <param name="AccountType">Standard, Unified, or Unknown when not chosen.</param>
/// <param name="RegionKey">The chosen region's key, e.g. "eu".</param>
/// <param name="LastCheck">The last check's summary, if any.</param>
/// <param name="StartedAt">When the member started the walkthrough.</param>
public sealed record StuckContext(
    ulong UserId,
    GuidePosition Position,
    string Where,
    AccountType AccountType,
    string? RegionKey,
    string? RegionLabel,
    CheckSummary? LastCheck,
    DateTimeOffset StartedAt);

/// <summary>
/// For the funnel: the first time a member was seen at each position (UTC) and when their final check first passed,
/// kept across restarts of the walkthrough. Stores keep it next to the progress and bring it up to date with
/// <see cref="Mark"/> on every save, so every transition counts without the engine knowing. Only what was seen is in it.
/// </summary>
/// <param name="UserId">The member.</param>
/// <param name="Reached">First time at each position.</param>
/// <param name="FinalCheckPassedAt">When the full check at the final page first passed (pass or warn).</param>
public sealed record WalkthroughMarks(ulong UserId, IReadOnlyDictionary<GuidePosition, DateTimeOffset> Reached, DateTimeOffset? FinalCheckPassedAt)
{
    /// <summary>When the member first started the walkthrough.</summary>
    public DateTimeOffset? StartedAt => Reached.TryGetValue(GuidePosition.BeforeYouBegin, out var at) ? at : null;

    /// <summary><paramref name="previous"/> (null for none) with <paramref name="progress"/>'s start, position and a passing final check added when first seen.</summary>
    public static WalkthroughMarks Mark(WalkthroughMarks? previous, WalkthroughProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var reached = new Dictionary<GuidePosition, DateTimeOffset>(previous?.Reached ?? new Dictionary<GuidePosition, DateTimeOffset>());
        reached.TryAdd(GuidePosition.BeforeYouBegin, progress.StartedAt);
        reached.TryAdd(progress.Position, progress.UpdatedAt);
        var passed = previous?.FinalCheckPassedAt;
        if (passed is null && progress.LastCheck is { RunAt: GuidePosition.FinalCheck, Verdict: Verdict.Pass or Verdict.Warn } check)
        {
            passed = check.CheckedAt;
        }

        return new WalkthroughMarks(progress.UserId, reached, passed);
    }
}
