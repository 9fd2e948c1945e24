using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Core.KeyChecks;

namespace AstraBit.SupportBot.Core.Walkthrough;

/// <summary>
/// The walkthrough's rules as pure transitions: each takes a member's progress and returns the next one, stamped
/// with the time. Reading and saving progress is the caller's job (<see cref="IWalkthroughStore"/>).
/// </summary>
public sealed class WalkthroughEngine(GuideContent guide, GuideValues values, TimeProvider time)
{
    public GuideContent Guide => guide;

    /// <summary>
    /// Resumes <paramref name="existing"/> where the member left off, now shown at <paramref name="delivery"/>;
    /// a finished walkthrough starts over (keeping account type, region and last check); no progress starts fresh.
    /// </summary>
    public WalkthroughProgress StartOrResume(ulong userId, WalkthroughProgress? existing, WalkthroughDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var now = time.GetUtcNow();
        if (existing is null)
        {
            return new WalkthroughProgress(userId, GuidePosition.BeforeYouBegin, AccountType.Unknown, null, null, delivery, now, now);
        }

        if (existing.UserId != userId)
        {
            throw new ArgumentException("The progress belongs to another member.", nameof(existing));
        }

        return existing.Position == GuidePosition.Done
            ? existing with { Position = GuidePosition.BeforeYouBegin, Delivery = delivery, StartedAt = now, UpdatedAt = now }
            : existing with { Delivery = delivery, UpdatedAt = now };
    }

    /// <summary>One page on; stays on Done.</summary>
    public WalkthroughProgress Next(WalkthroughProgress progress) =>
        MoveTo(progress, progress.Position >= GuidePosition.Done ? GuidePosition.Done : progress.Position + 1);

    /// <summary>One page back; stays on Before you begin.</summary>
    public WalkthroughProgress Back(WalkthroughProgress progress) =>
        MoveTo(progress, progress.Position <= GuidePosition.BeforeYouBegin ? GuidePosition.BeforeYouBegin : progress.Position - 1);

    /// <summary>Jumps to a page, e.g. "open the guide at step 3" from a check result.</summary>
    public WalkthroughProgress GoTo(WalkthroughProgress progress, GuidePosition position)
    {
        if (!GuidePositions.IsDefined(position))
        {
            throw new ArgumentOutOfRangeException(nameof(position), position, "Not a guide position.");
        }

        return MoveTo(progress, position);
    }

    public WalkthroughProgress ChooseAccountType(WalkthroughProgress progress, AccountType accountType)
    {
        ArgumentNullException.ThrowIfNull(progress);
        return progress with { AccountType = accountType, UpdatedAt = time.GetUtcNow() };
    }

    /// <summary>Null when <paramref name="regionKey"/> is not one of the guide's choices (say, from a message older than an edit of guide.json).</summary>
    public WalkthroughProgress? ChooseRegion(WalkthroughProgress progress, string regionKey)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var region = guide.FindRegion(regionKey);
        return region is null ? null : progress with { RegionKey = region.Key, UpdatedAt = time.GetUtcNow() };
    }

    /// <summary>The select's value for an account type ("standard" / "unified"); null for anything else.</summary>
    public static AccountType? ParseAccountTypeChoice(string? value) =>
        GuidePositions.ParseAccountType(value) is { } type and not AccountType.Unknown ? type : null;

    public WalkthroughProgress RecordCheck(WalkthroughProgress progress, CheckSummary summary)
    {
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(summary);
        if (!CheckHistoryEntry.IsMasked(summary.MaskedKey))
        {
            throw new ArgumentException("The summary must carry the masked key (\"…\" and 4 characters), never the key itself.", nameof(summary));
        }

        return progress with { LastCheck = summary, UpdatedAt = time.GetUtcNow() };
    }

    /// <summary>The walkthrough continues somewhere else, e.g. ephemerally in the channel after a DM failed.</summary>
    public WalkthroughProgress MoveTo(WalkthroughProgress progress, WalkthroughDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(delivery);
        return progress with { Delivery = delivery, UpdatedAt = time.GetUtcNow() };
    }

    /// <summary>The checks "Check it now" runs at <paramref name="position"/>; null where there is no such button.</summary>
    public IReadOnlyList<string>? ChecksAt(GuidePosition position) => CheckNowAt(position)?.CheckIds;

    public StuckContext Stuck(WalkthroughProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var page = guide.Page(progress.Position, progress.AccountType, values);
        var where = progress.Position.StepNumber() is not null ? $"{page.Header}: {page.Title}" : page.Title;
        return new StuckContext(
            progress.UserId,
            progress.Position,
            where,
            progress.AccountType,
            progress.RegionKey,
            guide.FindRegion(progress.RegionKey)?.Label,
            progress.LastCheck,
            progress.StartedAt);
    }

    public WalkthroughView View(WalkthroughProgress progress, bool keyRemembered)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var position = progress.Position;
        var buttons = new List<WalkthroughButton>();
        if (position != GuidePosition.BeforeYouBegin)
        {
            buttons.Add(Button(WalkthroughActionKind.Back, guide.Buttons.Back, WalkthroughButtonStyle.Secondary));
        }

        if (position != GuidePosition.Done)
        {
            var label = position switch
            {
                GuidePosition.BeforeYouBegin => guide.Buttons.Start,
                GuidePosition.FinalCheck => guide.Buttons.Finish,
                _ => guide.Buttons.Next,
            };
            buttons.Add(Button(WalkthroughActionKind.Next, label, WalkthroughButtonStyle.Primary));
        }

        if (CheckNowAt(position) is { } checkNow)
        {
            buttons.Add(Button(WalkthroughActionKind.CheckNow, checkNow.Label, WalkthroughButtonStyle.Success, position));
        }

        buttons.Add(Button(WalkthroughActionKind.Stuck, guide.Buttons.Stuck, WalkthroughButtonStyle.Secondary));
        if (keyRemembered)
        {
            buttons.Add(Button(WalkthroughActionKind.ForgetKey, guide.Buttons.ForgetKey, WalkthroughButtonStyle.Danger));
        }

        return new WalkthroughView(
            position,
            guide.Page(position, progress.AccountType, values),
            buttons,
            position == guide.AccountTypeStep.Position ? AccountTypeSelect(progress.AccountType) : null,
            AsksRegion(position) ? RegionSelect(progress.RegionKey) : null);
    }

    // The region decides which Bybit host a check talks to, so it is asked where the member logs in (step 1) and wherever a check runs.
    private bool AsksRegion(GuidePosition position) => position == GuidePosition.Step1 || CheckNowAt(position) is not null;

    private GuideCheckNow? CheckNowAt(GuidePosition position) => position switch
    {
        GuidePosition.FinalCheck => guide.FinalCheck.CheckNow,
        _ when position.StepNumber() is { } step => guide.Step(step).CheckNow,
        _ => null,
    };

    private WalkthroughSelect AccountTypeSelect(AccountType chosen)
    {
        var options = guide.AccountTypeStep.AccountTypes
            .Select(t => new WalkthroughSelectOption(t.Type.Key(), t.Label, t.Description, t.Type == chosen))
            .ToList();
        var action = new WalkthroughAction(WalkthroughActionKind.ChooseAccountType);
        return new WalkthroughSelect(action, guide.AccountTypePrompt, options);
    }

    private WalkthroughSelect RegionSelect(string? chosen)
    {
        var options = guide.Regions.Options
            .Select(r => new WalkthroughSelectOption(r.Key, r.Label, r.Description, string.Equals(r.Key, chosen, StringComparison.Ordinal)))
            .ToList();
        var action = new WalkthroughAction(WalkthroughActionKind.ChooseRegion);
        return new WalkthroughSelect(action, guide.Regions.Prompt, options);
    }

    private static WalkthroughButton Button(WalkthroughActionKind kind, string label, WalkthroughButtonStyle style, GuidePosition? position = null) =>
        new(new WalkthroughAction(kind, position), label, style);

    private WalkthroughProgress MoveTo(WalkthroughProgress progress, GuidePosition position)
    {
        ArgumentNullException.ThrowIfNull(progress);
        return progress with { Position = position, UpdatedAt = time.GetUtcNow() };
    }
}
