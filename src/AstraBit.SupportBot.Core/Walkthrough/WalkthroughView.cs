using AstraBit.SupportBot.Core.Guide;

namespace AstraBit.SupportBot.Core.Walkthrough;

public enum WalkthroughButtonStyle
{
    Primary,
    Secondary,
    Success,
    Danger,
}

public sealed record WalkthroughButton(WalkthroughAction Action, string CustomId, string Label, WalkthroughButtonStyle Style);

public sealed record WalkthroughSelectOption(string Value, string Label, string Description, bool IsDefault);

public sealed record WalkthroughSelect(WalkthroughAction Action, string CustomId, string Placeholder, IReadOnlyList<WalkthroughSelectOption> Options);

/// <summary>
/// What the walkthrough message shows for a member's progress: the page, one row of buttons (at most five),
/// and up to two selects. The Discord side turns it into an embed and components without deciding anything.
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
