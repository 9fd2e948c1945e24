using AstraBit.SupportBot.Bot.Interactions;
using AstraBit.SupportBot.Bot.Languages;
using AstraBit.SupportBot.Bot.Tickets;
using AstraBit.SupportBot.Bot.Walkthrough;
using AstraBit.SupportBot.Core.Content;
using AstraBit.SupportBot.Core.Errors;
using AstraBit.SupportBot.Core.Panel;
using AstraBit.SupportBot.Discord.Models;
using AstraBit.SupportBot.Discord.Rest;

namespace AstraBit.SupportBot.Bot.Panel;

/// <summary>
/// The panel's buttons ("pn:…"), each doing exactly what its command does, privately, for whoever presses it:
/// "Connect Bybit step by step" is `/connect-bybit`, "Explain an error" asks for the error and answers as
/// `/bybit-error`, "Talk to support" is `/ticket open`. "Check my API key" is <see cref="KeyChecks.KeyCheckPanelHandler"/>'s.
/// </summary>
public sealed class PanelButtonsHandler(
    ConnectBybitHandler connect,
    TicketCommandHandler tickets,
    LocalizedContent<BybitErrorCatalog> catalogs,
    LocalizedContent<PanelContent> panels,
    SupportLanguages languages,
    DiscordRestClient rest) : IComponentHandler<PanelId>
{
    public Task HandleAsync(Interaction interaction, PanelId id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        ArgumentNullException.ThrowIfNull(id);
        return (id.Kind, interaction.Modal) switch
        {
            (PanelIdKind.Connect, null) => connect.StartAsync(interaction, cancellationToken),
            (PanelIdKind.TalkToSupport, null) => tickets.OpenAsync(interaction, cancellationToken),
            (PanelIdKind.ExplainError, null) => rest.OpenModalAsync(interaction, PanelMessages.ErrorForm(panels.For(ContentLocale.Of(interaction)).ErrorForm), cancellationToken),
            (PanelIdKind.ExplainSubmit, { } form) => rest.RespondAsync(
                interaction,
                BybitErrorHandler.Render(catalogs.For(ContentLocale.Of(interaction)).Explain(form.GetTextInput(PanelMessages.ErrorField) ?? ""), languages.For(interaction)),
                cancellationToken),
            _ => rest.RespondAsync(interaction, Replies.NotHandled(interaction, languages.For(interaction)), cancellationToken),
        };
    }
}
