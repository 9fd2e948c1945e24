using System.Globalization;
using AstraBit.SupportBot.Bot.Interactions;

namespace AstraBit.SupportBot.Bot.MemberHelp;

/// <summary>What a reminder button asks for.</summary>
public enum ReminderIdKind
{
    /// <summary>"Remind me before this key expires" ("rm:sub:site:key:expiry").</summary>
    Subscribe,

    /// <summary>"Stop reminders" ("rm:stop:site:key").</summary>
    Stop,
}

/// <summary>
/// A reminder button's custom_id: the site and masked key of the reminder and, to subscribe, the key's expiry (Unix
/// seconds). Whose reminder it is comes from whoever clicks, never the id; every answer is a private reply.
/// </summary>
public sealed record ReminderId(ReminderIdKind Kind, string Site, string MaskedKey, DateTimeOffset? ExpiresAt = null) : ICustomId<ReminderId>
{
    private const string SubscribeAction = "sub";
    private const string StopAction = "stop";

    public static string Prefix => "rm";

    public IdSurface Surface => IdSurface.Anywhere;

    public string Build() => Kind switch
    {
        ReminderIdKind.Subscribe => ComponentId.Build(
            Prefix,
            SubscribeAction,
            Site,
            MaskedKey,
            (ExpiresAt ?? throw new InvalidOperationException("A subscribe button needs the key's expiry.")).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
        _ => ComponentId.Build(Prefix, StopAction, Site, MaskedKey),
    };

    public static ReminderId? TryParse(ComponentId id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return (id.Prefix, id.Action, id.Args.Count) switch
        {
            ("rm", SubscribeAction, 3) when long.TryParse(id.Args[2], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds)
                && seconds >= DateTimeOffset.MinValue.ToUnixTimeSeconds() && seconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds() =>
                new ReminderId(ReminderIdKind.Subscribe, id.Args[0], id.Args[1], DateTimeOffset.FromUnixTimeSeconds(seconds)),
            ("rm", StopAction, 2) => new ReminderId(ReminderIdKind.Stop, id.Args[0], id.Args[1]),
            _ => null,
        };
    }
}
