using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Text;

namespace AstraBit.SupportBot.Core.Guide;

/// <summary>
/// The setup guide of PRODUCT.md §2 as loaded from config/guide.json. Texts may hold the holes
/// {minimumBalanceUsd}, {recommendedBalanceUsd}, {referralUrl} and {supportEmail}; <see cref="Page"/> fills them.
/// </summary>
public sealed record GuideContent(
    string Intro,
    string Disclaimer,
    GuideChecklist BeforeYouBegin,
    IReadOnlyList<GuidePart> Parts,
    GuideFinalCheck FinalCheck,
    GuideSection NextStep,
    GuideSection SecurityPromise,
    GuideSection Help,
    GuideSection Referral,
    string AccountTypePrompt,
    GuideRegions Regions,
    GuideButtons Buttons,
    IReadOnlyDictionary<string, GuideLink> CheckSteps)
{
    /// <summary>The six steps in order; Steps[0] is step 1.</summary>
    public IReadOnlyList<GuideStep> Steps => Parts.SelectMany(p => p.Steps).ToList();

    public GuideStep Step(int number) =>
        Parts.SelectMany(p => p.Steps).FirstOrDefault(s => s.Number == number)
        ?? throw new ArgumentOutOfRangeException(nameof(number), number, "The guide has steps 1 to 6.");

    public GuidePart PartOf(int stepNumber) =>
        Parts.FirstOrDefault(p => p.Steps.Any(s => s.Number == stepNumber))
        ?? throw new ArgumentOutOfRangeException(nameof(stepNumber), stepNumber, "The guide has steps 1 to 6.");

    public GuideRegion? FindRegion(string? key) =>
        key is null ? null : Regions.Options.FirstOrDefault(r => string.Equals(r.Key, key, StringComparison.Ordinal));

    /// <summary>Where the guide explains how to fix a check; null for checks the guide can't fix (connectivity) and unknown ids.</summary>
    public GuideLink? LinkFor(string checkId) => CheckSteps.GetValueOrDefault(checkId);

    /// <summary>The step that asks for the account type (step 3).</summary>
    public GuideStep AccountTypeStep => Parts.SelectMany(p => p.Steps).First(s => s.AccountTypes.Count > 0);

    /// <summary>
    /// The page shown at <paramref name="position"/> to a reader of <paramref name="texts"/> (this guide being the
    /// translation in that language), with the holes filled from <paramref name="values"/> as that language writes them.
    /// </summary>
    public GuidePage Page(GuidePosition position, AccountType accountType, GuideValues values, LocaleTexts texts)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(texts);
        return GuidePages.Render(this, position, accountType, text => values.Fill(text, texts), GuideWords.From(texts));
    }
}

public sealed record GuidePart(int Number, string Title, IReadOnlyList<GuideStep> Steps);

/// <summary>
/// One step; Number is 1–6, counted across the parts. CheckNow is present on the steps that change the Bybit
/// account (3 and 5); AccountTypes on step 3 only, with the permission names per account type.
/// </summary>
public sealed record GuideStep(
    int Number,
    int PartNumber,
    string Title,
    string Body,
    IReadOnlyList<string> Tips,
    GuideCheckNow? CheckNow,
    IReadOnlyList<GuideAccountType> AccountTypes)
{
    public GuidePosition Position => GuidePositions.FromStep(Number);

    public GuideAccountType? AccountTypeFor(AccountType type) => AccountTypes.FirstOrDefault(a => a.Type == type);
}

/// <param name="Label">The button's label.</param>
/// <param name="CheckIds">The checks of <see cref="Diagnostics.CheckIds"/> that the button verifies.</param>
public sealed record GuideCheckNow(string Label, IReadOnlyList<string> CheckIds);

public sealed record GuideAccountType(
    AccountType Type,
    string Label,
    string Description,
    IReadOnlyList<string> TurnOn,
    IReadOnlyList<string> LeaveOff);

public sealed record GuideChecklist(string Title, string Body, IReadOnlyList<string> Items);

/// <summary>The checklist before the whole check; CheckNow runs every id of <see cref="CheckIds.All"/>.</summary>
public sealed record GuideFinalCheck(string Title, string Body, IReadOnlyList<string> Items, GuideCheckNow CheckNow);

public sealed record GuideSection(string Title, string Text);

/// <summary>A choice for "Where is your Bybit account?"; Key is the host name as in Bybit:Hosts, "mainnet" meaning Bybit:BaseUrl (bybit.com).</summary>
public sealed record GuideRegion(string Key, string Label, string Description);

public sealed record GuideRegions(string Prompt, IReadOnlyList<GuideRegion> Options)
{
    /// <summary>The region key for bybit.com, checked against Bybit:BaseUrl.</summary>
    public const string Mainnet = "mainnet";
}

public sealed record GuideButtons(string Back, string Next, string Stuck, string ForgetKey, string Start, string Finish);

/// <summary>Where the guide fixes a check: a step or <see cref="GuidePosition.BeforeYouBegin"/>, with that page's title for "Open the guide at …".</summary>
public sealed record GuideLink(string CheckId, GuidePosition Position, string Title);
