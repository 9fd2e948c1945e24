using AstraBit.SupportBot.Bot.Interactions;
using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Core.KeyChecks;

namespace AstraBit.SupportBot.Bot.KeyChecks;

/// <summary>
/// The key form's custom_id: which way into the check opened it ("key:command", "key:panel", "key:moderator",
/// "key:step:5", "key:ticket:12"). The key check owns it, and <see cref="KeyFormHandler"/> takes every submit. Forms an
/// older version opened under their origin's prefix ("dx:key", "kc:key", "mod:key", "wt:key:5", "tk:key:12") are read
/// too, so a form open across a deploy still reaches its check.
/// </summary>
public sealed record KeyFormId(KeyCheckOrigin Origin) : ICustomId<KeyFormId>
{
    private const string CommandToken = "command";
    private const string PanelToken = "panel";
    private const string ModeratorToken = "moderator";
    private const string StepToken = "step";
    private const string TicketToken = "ticket";

    // The form's action under each origin's own prefix, as versions before this one built it.
    private const string LegacyAction = "key";

    public static string Prefix => "key";

    public static IReadOnlyList<string> LegacyRoutes { get; } = ["dx:key", "kc:key", "mod:key", "wt:key", "tk:key"];

    /// <summary>The walkthrough's answer replaces the message "Check it now" was on; every other origin answers privately.</summary>
    public IdSurface Surface => Origin is KeyCheckOrigin.WalkthroughStep ? IdSurface.OwnMessage : IdSurface.Anywhere;

    /// <summary>The form id for <paramref name="origin"/>; a walkthrough form only for a step or the final check.</summary>
    public static KeyFormId For(KeyCheckOrigin origin) => new(origin switch
    {
        KeyCheckOrigin.WalkthroughStep step => new KeyCheckOrigin.WalkthroughStep(CheckablePosition(step.Position)),
        // Which moderator asked is looked up when the form comes back, never carried in it.
        KeyCheckOrigin.ModeratorRequest => new KeyCheckOrigin.ModeratorRequest(null),
        _ => origin,
    });

    public string Build() => Origin switch
    {
        KeyCheckOrigin.Command => ComponentId.Build(Prefix, CommandToken),
        KeyCheckOrigin.Panel => ComponentId.Build(Prefix, PanelToken),
        KeyCheckOrigin.ModeratorRequest => ComponentId.Build(Prefix, ModeratorToken),
        KeyCheckOrigin.WalkthroughStep step => ComponentId.Build(Prefix, StepToken, ComponentId.Token(CheckablePosition(step.Position))),
        KeyCheckOrigin.InTicket ticket => ComponentId.Build(Prefix, TicketToken, ComponentId.Token(ticket.TicketNumber)),
        _ => throw new InvalidOperationException($"No key form for origin {Origin.GetType().Name}."),
    };

    public static KeyFormId? TryParse(ComponentId id)
    {
        ArgumentNullException.ThrowIfNull(id);
        KeyCheckOrigin? origin = (id.Prefix, id.Action, id.Args.Count) switch
        {
            ("key", CommandToken, 0) or ("dx", LegacyAction, 0) => new KeyCheckOrigin.Command(),
            ("key", PanelToken, 0) or ("kc", LegacyAction, 0) => new KeyCheckOrigin.Panel(),
            ("key", ModeratorToken, 0) or ("mod", LegacyAction, 0) => new KeyCheckOrigin.ModeratorRequest(null),
            ("key", StepToken, 1) or ("wt", LegacyAction, 1) when id.Position(0) is { } position && IsCheckable(position) => new KeyCheckOrigin.WalkthroughStep(position),
            ("key", TicketToken, 1) or ("tk", LegacyAction, 1) when id.Number(0) is { } number => new KeyCheckOrigin.InTicket(number),
            _ => null,
        };
        return origin is null ? null : new KeyFormId(origin);
    }

    public static KeyFormId? TryParse(string? customId) => ComponentId.Parse(customId) is { } id ? TryParse(id) : null;

    /// <summary>Only the steps and the final check have a check.</summary>
    public static GuidePosition CheckablePosition(GuidePosition position) =>
        IsCheckable(position) ? position : throw new ArgumentOutOfRangeException(nameof(position), position, "Only steps and the final check have a check.");

    private static bool IsCheckable(GuidePosition position) => position is not (GuidePosition.BeforeYouBegin or GuidePosition.Done);
}
