using System.Globalization;
using AstraBit.SupportBot.Core.Guide;

namespace AstraBit.SupportBot.Core.Walkthrough;

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

/// <summary>
/// Encodes walkthrough actions into Discord custom_id strings and back. The ids carry the action only, never
/// member state: the state is on the server, keyed by whoever clicks, so a forwarded or week-old message can't
/// act for someone else or for a stale step.
/// </summary>
public static class CustomIds
{
    public const string Prefix = "wt:";
    public const int MaxLength = 100;

    public const string NextId = "wt:next";
    public const string BackId = "wt:back";
    public const string StuckId = "wt:stuck";
    public const string ForgetKeyId = "wt:forget";
    public const string AccountTypeId = "wt:acct";
    public const string RegionId = "wt:region";

    private const string CheckPrefix = "wt:check:";
    private const string GoToPrefix = "wt:goto:";
    private const string KeyModalPrefix = "wt:key:";

    public static string Encode(WalkthroughAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return action.Kind switch
        {
            WalkthroughActionKind.Next => NextId,
            WalkthroughActionKind.Back => BackId,
            WalkthroughActionKind.Stuck => StuckId,
            WalkthroughActionKind.ForgetKey => ForgetKeyId,
            WalkthroughActionKind.ChooseAccountType => AccountTypeId,
            WalkthroughActionKind.ChooseRegion => RegionId,
            WalkthroughActionKind.CheckNow => CheckPrefix + Token(action.Position ?? throw new ArgumentException("CheckNow needs the position whose check it runs.", nameof(action))),
            WalkthroughActionKind.GoTo => GoToPrefix + Token(action.Position ?? throw new ArgumentException("GoTo needs a position.", nameof(action))),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action.Kind, "Unknown walkthrough action."),
        };
    }

    public static string CheckNow(GuidePosition position) => Encode(new WalkthroughAction(WalkthroughActionKind.CheckNow, position));

    public static string GoTo(GuidePosition position) => Encode(new WalkthroughAction(WalkthroughActionKind.GoTo, position));

    /// <summary>The custom_id of the key modal that "Check it now" opens at <paramref name="position"/> ("wt:key:3", "wt:key:final").</summary>
    public static string KeyModal(GuidePosition position) =>
        position is GuidePosition.BeforeYouBegin or GuidePosition.Done
            ? throw new ArgumentOutOfRangeException(nameof(position), position, "Only steps and the final check have a check.")
            : KeyModalPrefix + Token(position);

    /// <summary>The position whose check a key modal's submit is for, or null when <paramref name="customId"/> is no walkthrough key modal.</summary>
    public static GuidePosition? ParseKeyModal(string? customId)
    {
        if (customId is null || customId.Length > MaxLength || !customId.StartsWith(KeyModalPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        return ParseToken(customId[KeyModalPrefix.Length..]) is { } position and not (GuidePosition.BeforeYouBegin or GuidePosition.Done)
            ? position
            : null;
    }

    /// <summary>The action of a custom_id, or null when it isn't one of ours or is malformed.</summary>
    public static WalkthroughAction? Parse(string? customId)
    {
        if (customId is null || customId.Length > MaxLength || !customId.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        switch (customId)
        {
            case NextId: return new WalkthroughAction(WalkthroughActionKind.Next);
            case BackId: return new WalkthroughAction(WalkthroughActionKind.Back);
            case StuckId: return new WalkthroughAction(WalkthroughActionKind.Stuck);
            case ForgetKeyId: return new WalkthroughAction(WalkthroughActionKind.ForgetKey);
            case AccountTypeId: return new WalkthroughAction(WalkthroughActionKind.ChooseAccountType);
            case RegionId: return new WalkthroughAction(WalkthroughActionKind.ChooseRegion);
        }

        if (customId.StartsWith(CheckPrefix, StringComparison.Ordinal))
        {
            var position = ParseToken(customId[CheckPrefix.Length..]);
            return position is null or GuidePosition.BeforeYouBegin or GuidePosition.Done
                ? null
                : new WalkthroughAction(WalkthroughActionKind.CheckNow, position);
        }

        if (customId.StartsWith(GoToPrefix, StringComparison.Ordinal))
        {
            var position = ParseToken(customId[GoToPrefix.Length..]);
            return position is null ? null : new WalkthroughAction(WalkthroughActionKind.GoTo, position);
        }

        return null;
    }

    private static string Token(GuidePosition position) => position switch
    {
        GuidePosition.BeforeYouBegin => "before",
        GuidePosition.FinalCheck => "final",
        GuidePosition.Done => "done",
        _ when position.StepNumber() is { } step => step.ToString(CultureInfo.InvariantCulture),
        _ => throw new ArgumentOutOfRangeException(nameof(position), position, "Not a guide position."),
    };

    private static GuidePosition? ParseToken(string token) => token switch
    {
        "before" => GuidePosition.BeforeYouBegin,
        "final" => GuidePosition.FinalCheck,
        "done" => GuidePosition.Done,
        { Length: 1 } when token[0] is >= '1' and <= '6' => GuidePositions.FromStep(token[0] - '0'),
        _ => null,
    };
}
