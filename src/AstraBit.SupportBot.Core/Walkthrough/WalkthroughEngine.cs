using AstraBit.SupportBot.Core.Content;
using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Core.KeyChecks;
using AstraBit.SupportBot.Core.Text;

namespace AstraBit.SupportBot.Core.Walkthrough;

/// <summary>
/// The walkthrough's rules as pure transitions: each takes a member's progress and returns the next one, stamped
/// with the time. Reading and saving progress is the caller's job (<see cref="IWalkthroughStore"/>). What a member
/// reads (<see cref="View"/>, <see cref="Stuck"/>) is in the reader's language: the guide's translation and the
/// catalogue's words around it; the rules read the English guide, which every translation mirrors step for step.
/// </summary>
public sealed class WalkthroughEngine(LocalizedContent<GuideContent> guides, GuideValues values, TextCatalog texts, TimeProvider time)
{
    private readonly GuideContent guide = guides.English;

    /// <summary>The English guide: its structure (steps, checks, regions) is every translation's.</summary>
    public GuideContent Guide => guide;

    /// <summary>The guide as a reader with Discord locale <paramref name="locale"/> reads it (es-419 reads es-ES, ja English).</summary>
    public GuideContent GuideFor(string? locale) => guides.For(texts.For(locale).Locale);

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

    /// <summary>Where the member is, for "I'm stuck" and "Welcome back", its page named in <paramref name="locale"/>'s words.</summary>
    public StuckContext Stuck(WalkthroughProgress progress, string? locale = null)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var reader = texts.For(locale);
        var page = guides.For(reader.Locale).Page(progress.Position, progress.AccountType, values, reader);
        var where = progress.Position.StepNumber() is not null ? $"{page.Header}: {page.Title}" : page.Title;
        return new StuckContext(
            progress.UserId,
            progress.Position,
            where,
            progress.AccountType,
            progress.RegionKey,
            guides.For(reader.Locale).FindRegion(progress.RegionKey)?.Label,
            progress.LastCheck,
            progress.StartedAt);
    }

    /// <summary>The member's page with its buttons and selects, in the language of Discord locale <paramref name="locale"/>.</summary>
    public WalkthroughView View(WalkthroughProgress progress, bool keyRemembered, string? locale)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var reader = texts.For(locale);
        var shown = guides.For(reader.Locale);
        var position = progress.Position;
        var buttons = new List<WalkthroughButton>();
        if (position != GuidePosition.BeforeYouBegin)
        {
            buttons.Add(Button(WalkthroughActionKind.Back, shown.Buttons.Back, WalkthroughButtonStyle.Secondary));
        }

        if (position != GuidePosition.Done)
        {
            var label = position switch
            {
                GuidePosition.BeforeYouBegin => shown.Buttons.Start,
                GuidePosition.FinalCheck => shown.Buttons.Finish,
                _ => shown.Buttons.Next,
            };
            buttons.Add(Button(WalkthroughActionKind.Next, label, WalkthroughButtonStyle.Primary));
        }

        if (CheckNowAt(shown, position) is { } checkNow)
        {
            buttons.Add(Button(WalkthroughActionKind.CheckNow, checkNow.Label, WalkthroughButtonStyle.Success, position));
        }

        buttons.Add(Button(WalkthroughActionKind.Stuck, shown.Buttons.Stuck, WalkthroughButtonStyle.Secondary));
        if (keyRemembered)
        {
            buttons.Add(Button(WalkthroughActionKind.ForgetKey, shown.Buttons.ForgetKey, WalkthroughButtonStyle.Danger));
        }

        return new WalkthroughView(
            position,
            shown.Page(position, progress.AccountType, values, reader),
            buttons,
            position == shown.AccountTypeStep.Position ? AccountTypeSelect(shown, progress.AccountType) : null,
            AsksRegion(position) ? RegionSelect(shown, progress.RegionKey) : null);
    }

    // The region decides which Bybit host a check talks to, so it is asked where the member logs in (step 1) and wherever a check runs.
    private bool AsksRegion(GuidePosition position) => position == GuidePosition.Step1 || CheckNowAt(guide, position) is not null;

    private GuideCheckNow? CheckNowAt(GuidePosition position) => CheckNowAt(guide, position);

    private static GuideCheckNow? CheckNowAt(GuideContent guide, GuidePosition position) => position switch
    {
        GuidePosition.FinalCheck => guide.FinalCheck.CheckNow,
        _ when position.StepNumber() is { } step => guide.Step(step).CheckNow,
        _ => null,
    };

    private static WalkthroughSelect AccountTypeSelect(GuideContent guide, AccountType chosen)
    {
        var options = guide.AccountTypeStep.AccountTypes
            .Select(t => new WalkthroughSelectOption(t.Type.Key(), t.Label, t.Description, t.Type == chosen))
            .ToList();
        var action = new WalkthroughAction(WalkthroughActionKind.ChooseAccountType);
        return new WalkthroughSelect(action, guide.AccountTypePrompt, options);
    }

    private static WalkthroughSelect RegionSelect(GuideContent guide, string? chosen)
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
