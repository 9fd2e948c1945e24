using AstraBit.SupportBot.Core.Guide;

namespace AstraBit.SupportBot.Core.Walkthrough;

public enum WalkthroughButtonStyle
{
    Primary,
    Secondary,
    Success,
    Danger,
}

public enum WalkthroughActionKind
{
    Next,
    Back,
    Stuck,
    CheckNow,
    ChooseAccountType,
    ChooseRegion,
    ForgetKey,
    GoTo,
}

/// <summary>What a button or select asks for. <see cref="Position"/> is set for CheckNow (which step's check) and GoTo.</summary>
public sealed record WalkthroughAction(WalkthroughActionKind Kind, GuidePosition? Position = null);

public sealed record WalkthroughButton(WalkthroughAction Action, string Label, WalkthroughButtonStyle Style);

public sealed record WalkthroughSelectOption(string Value, string Label, string Description, bool IsDefault);

public sealed record WalkthroughSelect(WalkthroughAction Action, string Placeholder, IReadOnlyList<WalkthroughSelectOption> Options);

/// <summary>
/// What the walkthrough message means for a member's progress: the page, the actions offered (at most five) and up
/// to two choices. The host decides how Discord shows them (custom_ids, rows, embeds) without deciding anything else.
/// </summary>
public sealed record WalkthroughView(
    GuidePosition Position,
    GuidePage Page,
    IReadOnlyList<WalkthroughButton> Buttons,
    WalkthroughSelect? AccountTypeSelect,
    WalkthroughSelect? RegionSelect)
{
    /// <summary>"Part 2 of 3 · Step 5 of 6" on a step.</summary>
    public string Header => Page.Header;

    public string Title => Page.Title;

    public string Body => Page.Description;

    public WalkthroughButton? Button(WalkthroughActionKind kind) => Buttons.FirstOrDefault(b => b.Action.Kind == kind);
}
