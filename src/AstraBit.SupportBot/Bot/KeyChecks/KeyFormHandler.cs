using AstraBit.SupportBot.Bot.Interactions;
using AstraBit.SupportBot.Bot.Languages;
using AstraBit.SupportBot.Core.KeyChecks;
using AstraBit.SupportBot.Discord.Models;
using AstraBit.SupportBot.Discord.Rest;

namespace AstraBit.SupportBot.Bot.KeyChecks;

/// <summary>Every submitted key form (<see cref="KeyFormId"/>): the check starts with the presenter of the way in that opened it.</summary>
public sealed class KeyFormHandler(
    KeyCheckStart<KeyCheckOrigin.Command> command,
    KeyCheckStart<KeyCheckOrigin.Panel> panel,
    KeyCheckStart<KeyCheckOrigin.ModeratorRequest> requested,
    KeyCheckStart<KeyCheckOrigin.WalkthroughStep> walkthrough,
    KeyCheckStart<KeyCheckOrigin.InTicket> ticket,
    SupportLanguages languages,
    DiscordRestClient rest) : IComponentHandler<KeyFormId>
{
    public Task HandleAsync(Interaction interaction, KeyFormId id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        ArgumentNullException.ThrowIfNull(id);
        return (interaction.Modal, id.Origin) switch
        {
            (null, _) => rest.RespondAsync(interaction, Replies.NotHandled(interaction, languages.For(interaction)), cancellationToken),
            (_, KeyCheckOrigin.Command origin) => command.SubmitAsync(interaction, origin, cancellationToken),
            (_, KeyCheckOrigin.Panel origin) => panel.SubmitAsync(interaction, origin, cancellationToken),
            (_, KeyCheckOrigin.ModeratorRequest origin) => requested.SubmitAsync(interaction, origin, cancellationToken),
            (_, KeyCheckOrigin.WalkthroughStep origin) => walkthrough.SubmitAsync(interaction, origin, cancellationToken),
            (_, KeyCheckOrigin.InTicket origin) => ticket.SubmitAsync(interaction, origin, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(id), id.Origin, "No presenter for this way into the check."),
        };
    }
}
