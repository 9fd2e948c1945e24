using System.Globalization;
using AstraBit.SupportBot.Bot.Interactions;

namespace AstraBit.SupportBot.Bot.MemberHelp;

/// <summary>What a reminder button asks for.</summary>
public enum ReminderIdKind
{
    /// <summary>"Remind me before this key expires" ("rm:sub:site:key:expiry").</summary>
    Subscribe,

    /// <summary>"Stop reminders" ("rm:stop:site:key"), or "Stop …Xy12" on page N of /reminders ("rm:stop:site:key:N").</summary>
    Stop,

    /// <summary>"Previous" / "Next" under /reminders ("rm:page:N").</summary>
    Page,
}

/// <summary>
/// A reminder button's custom_id: the site and masked key of the reminder and, to subscribe, the key's expiry (Unix
/// seconds); on the /reminders list, the page (1-based) it shows or is on. Whose reminder it is comes from whoever
/// clicks, never the id. The list's buttons change the list in place; the others answer with a private reply.
/// </summary>
public sealed record ReminderId(ReminderIdKind Kind, string Site, string MaskedKey, DateTimeOffset? ExpiresAt = null, int? ListPage = null) : ICustomId<ReminderId>
{
    private const string SubscribeAction = "sub";
    private const string StopAction = "stop";
    private const string PageAction = "page";

    public static string Prefix => "rm";

    public IdSurface Surface => ListPage is null ? IdSurface.Anywhere : IdSurface.OwnMessage;

    public string Build() => Kind switch
    {
        ReminderIdKind.Subscribe => ComponentId.Build(
            Prefix,
            SubscribeAction,
            Site,
            MaskedKey,
            (ExpiresAt ?? throw new InvalidOperationException("A subscribe button needs the key's expiry.")).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
        ReminderIdKind.Page => ComponentId.Build(Prefix, PageAction, ComponentId.Token(ListPage ?? throw new InvalidOperationException("A page button needs its page."))),
        _ when ListPage is { } page => ComponentId.Build(Prefix, StopAction, Site, MaskedKey, ComponentId.Token(page)),
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
            ("rm", StopAction, 3) when id.Number(2) is { } page and > 0 => new ReminderId(ReminderIdKind.Stop, id.Args[0], id.Args[1], ListPage: page),
            ("rm", PageAction, 1) when id.Number(0) is { } page and > 0 => new ReminderId(ReminderIdKind.Page, "", "", ListPage: page),
            _ => null,
        };
    }
}
