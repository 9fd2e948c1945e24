using System.Globalization;
using AstraBit.SupportBot.Core.Guide;

namespace AstraBit.SupportBot.Bot.Interactions;

/// <summary>
/// A button's, select's or form's custom_id: "prefix:action[:arg…]". Every custom_id the bot sends is built here and
/// every one it receives is parsed here, so Discord's rules are kept once: at most 100 characters, no part empty or
/// containing ':'. The prefix picks the handler (<see cref="InteractionRouter"/>); the action and arguments are that
/// handler's business, read through the typed accessors. Ids carry what was clicked, never member state: whoever
/// clicks is looked up on the server, so a forwarded or week-old message can't act for someone else.
/// </summary>
public sealed record ComponentId
{
    /// <summary>Discord's limit for custom_id.</summary>
    public const int MaxLength = 100;

    private const char Separator = ':';

    private ComponentId(string prefix, string action, IReadOnlyList<string> args)
    {
        Prefix = prefix;
        Action = action;
        Args = args;
    }

    public string Prefix { get; }

    public string Action { get; }

    public IReadOnlyList<string> Args { get; }

    /// <summary>Builds the custom_id string for prefix, action and arguments.</summary>
    /// <exception cref="ArgumentException">A part is empty or holds ':', or the id would pass 100 characters.</exception>
    public static string Build(string prefix, string action, params IEnumerable<string> args)
    {
        string[] parts = [prefix, action, .. args];
        foreach (var part in parts)
        {
            if (string.IsNullOrEmpty(part) || part.Contains(Separator, StringComparison.Ordinal))
            {
                throw new ArgumentException($"A custom_id part can't be empty or contain ':' (\"{part}\").", nameof(args));
            }
        }

        var id = string.Join(Separator, parts);
        return id.Length <= MaxLength
            ? id
            : throw new ArgumentException($"The custom_id \"{id[..40]}…\" is {id.Length} characters; Discord allows {MaxLength}.", nameof(args));
    }

    /// <summary>Reads a received custom_id; null when it is too long or isn't "prefix:action[:arg…]".</summary>
    public static ComponentId? Parse(string? customId)
    {
        if (string.IsNullOrEmpty(customId) || customId.Length > MaxLength)
        {
            return null;
        }

        var parts = customId.Split(Separator);
        return parts.Length < 2 || parts.Any(p => p.Length == 0) ? null : new ComponentId(parts[0], parts[1], parts[2..]);
    }

    /// <summary>The argument at <paramref name="index"/> as a positive whole number (a ticket number, stars), or null.</summary>
    public int? Number(int index) =>
        index < Args.Count && int.TryParse(Args[index], NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>The argument at <paramref name="index"/> as a guide position, or null.</summary>
    public GuidePosition? Position(int index) => index < Args.Count ? ParsePosition(Args[index]) : null;

    /// <summary>How a guide position is written in a custom_id: "before", "1"…"6", "final", "done".</summary>
    public static string Token(GuidePosition position) => position switch
    {
        GuidePosition.BeforeYouBegin => "before",
        GuidePosition.FinalCheck => "final",
        GuidePosition.Done => "done",
        _ when position.StepNumber() is { } step => step.ToString(CultureInfo.InvariantCulture),
        _ => throw new ArgumentOutOfRangeException(nameof(position), position, "Not a guide position."),
    };

    /// <summary>A whole number as written in a custom_id.</summary>
    public static string Token(int number) => number.ToString(CultureInfo.InvariantCulture);

    /// <summary>A Discord id (a member) as written in a custom_id.</summary>
    public static string Token(ulong snowflake) => snowflake.ToString(CultureInfo.InvariantCulture);

    /// <summary>The argument at <paramref name="index"/> as a Discord id, or null.</summary>
    public ulong? Snowflake(int index) =>
        index < Args.Count && ulong.TryParse(Args[index], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : null;

    public override string ToString() => Build(Prefix, Action, Args);

    private static GuidePosition? ParsePosition(string token) => token switch
    {
        "before" => GuidePosition.BeforeYouBegin,
        "final" => GuidePosition.FinalCheck,
        "done" => GuidePosition.Done,
        { Length: 1 } when token[0] is >= '1' and <= '6' => GuidePositions.FromStep(token[0] - '0'),
        _ => null,
    };
}
