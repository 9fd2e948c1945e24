using AstraBit.SupportBot.Bot.Interactions;
using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Core.KeyChecks;

namespace AstraBit.SupportBot.Bot.KeyChecks;

/// <summary>
/// The custom_id of the key form for each origin, and back. The form of each origin belongs to that origin's handler
/// (its prefix), so a form submitted after a restart still reaches the flow it came from.
/// </summary>
public static class KeyCheckForms
{
    /// <summary>The action of every key form's custom_id.</summary>
    public const string Action = "key";

    public const string CommandPrefix = "dx";
    public const string PanelPrefix = "kc";

    public static string For(KeyCheckOrigin origin) => origin switch
    {
        KeyCheckOrigin.Command => ComponentId.Build(CommandPrefix, Action),
        KeyCheckOrigin.WalkthroughStep step => ComponentId.Build(Walkthrough.WalkthroughIds.Prefix, Action, ComponentId.Token(CheckablePosition(step.Position))),
        KeyCheckOrigin.InTicket ticket => ComponentId.Build(Tickets.TicketIds.Prefix, Action, ComponentId.Token(ticket.TicketNumber)),
        KeyCheckOrigin.ModeratorRequest => ComponentId.Build(Moderation.ModerationIds.Prefix, Action),
        KeyCheckOrigin.Panel => ComponentId.Build(PanelPrefix, Action),
        _ => throw new ArgumentOutOfRangeException(nameof(origin), origin, "Unknown key check origin."),
    };

    /// <summary>Only the steps and the final check have a check.</summary>
    public static GuidePosition CheckablePosition(GuidePosition position) =>
        position is GuidePosition.BeforeYouBegin or GuidePosition.Done
            ? throw new ArgumentOutOfRangeException(nameof(position), position, "Only steps and the final check have a check.")
            : position;
}
