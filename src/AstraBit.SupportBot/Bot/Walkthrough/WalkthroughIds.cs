using AstraBit.SupportBot.Bot.Interactions;
using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Core.Walkthrough;

namespace AstraBit.SupportBot.Bot.Walkthrough;

/// <summary>
/// A walkthrough button's or select's custom_id, typed: Core's <see cref="WalkthroughAction"/>. Every one of them lives
/// on the member's own walkthrough message (in their DM, or ephemeral) or under their private check result, and most
/// redraw that message in place, so the router honours them only there.
/// </summary>
public sealed record WalkthroughId(WalkthroughAction Action) : ICustomId<WalkthroughId>
{
    public static string Prefix => WalkthroughIds.Prefix;

    public IdSurface Surface => IdSurface.OwnMessage;

    public string Build() => WalkthroughIds.Encode(Action);

    public static WalkthroughId? TryParse(ComponentId id) => WalkthroughIds.Parse(id) is { } action ? new WalkthroughId(action) : null;
}

/// <summary>
/// The walkthrough's custom_ids ("wt:next", "wt:check:5", "wt:goto:3", …): what Core's <see cref="WalkthroughAction"/>
/// looks like on a Discord button or select, and back. They carry the action only: the member's state is on the
/// server, keyed by whoever clicks.
/// </summary>
public static class WalkthroughIds
{
    public const string Prefix = "wt";

    public static string Encode(WalkthroughAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return action.Kind switch
        {
            WalkthroughActionKind.Next => ComponentId.Build(Prefix, "next"),
            WalkthroughActionKind.Back => ComponentId.Build(Prefix, "back"),
            WalkthroughActionKind.Stuck => ComponentId.Build(Prefix, "stuck"),
            WalkthroughActionKind.ForgetKey => ComponentId.Build(Prefix, "forget"),
            WalkthroughActionKind.ChooseAccountType => ComponentId.Build(Prefix, "acct"),
            WalkthroughActionKind.ChooseRegion => ComponentId.Build(Prefix, "region"),
            WalkthroughActionKind.CheckNow => ComponentId.Build(Prefix, "check", ComponentId.Token(Checkable(action.Position ?? throw new ArgumentException("CheckNow needs the position whose check it runs.", nameof(action))))),
            WalkthroughActionKind.GoTo => ComponentId.Build(Prefix, "goto", ComponentId.Token(action.Position ?? throw new ArgumentException("GoTo needs a position.", nameof(action)))),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action.Kind, "Unknown walkthrough action."),
        };
    }

    public static string CheckNow(GuidePosition position) => Encode(new WalkthroughAction(WalkthroughActionKind.CheckNow, position));

    public static string GoTo(GuidePosition position) => Encode(new WalkthroughAction(WalkthroughActionKind.GoTo, position));

    public static string ForgetKey => Encode(new WalkthroughAction(WalkthroughActionKind.ForgetKey));

    /// <summary>The action of a walkthrough button or select, or null when the id is none of its own or malformed.</summary>
    public static WalkthroughAction? Parse(ComponentId? id)
    {
        if (id is null || id.Prefix != Prefix)
        {
            return null;
        }

        WalkthroughActionKind? simple = id.Action switch
        {
            "next" => WalkthroughActionKind.Next,
            "back" => WalkthroughActionKind.Back,
            "stuck" => WalkthroughActionKind.Stuck,
            "forget" => WalkthroughActionKind.ForgetKey,
            "acct" => WalkthroughActionKind.ChooseAccountType,
            "region" => WalkthroughActionKind.ChooseRegion,
            _ => null,
        };
        if (simple is { } kind)
        {
            return id.Args.Count == 0 ? new WalkthroughAction(kind) : null;
        }

        var position = id.Args.Count == 1 ? id.Position(0) : null;
        return id.Action switch
        {
            "check" when position is not (null or GuidePosition.BeforeYouBegin or GuidePosition.Done) => new WalkthroughAction(WalkthroughActionKind.CheckNow, position),
            "goto" when position is not null => new WalkthroughAction(WalkthroughActionKind.GoTo, position),
            _ => null,
        };
    }

    public static WalkthroughAction? Parse(string? customId) => Parse(ComponentId.Parse(customId));

    // Only the steps and the final check have a check.
    private static GuidePosition Checkable(GuidePosition position) =>
        position is GuidePosition.BeforeYouBegin or GuidePosition.Done
            ? throw new ArgumentOutOfRangeException(nameof(position), position, "Only steps and the final check have a check.")
            : position;
}
