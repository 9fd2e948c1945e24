using AstraBit.SupportBot.Bot.Interactions;
using AstraBit.SupportBot.Core.KeyChecks;
using AstraBit.SupportBot.Discord.Models;
using AstraBit.SupportBot.Discord.Rest;

namespace AstraBit.SupportBot.Bot.KeyChecks;

/// <summary>
/// A "Check my API key" button anywhere (a support panel, under a reply to a pasted error): <see cref="Button"/> puts
/// it on a message, a click opens the key form, and its submit runs the member's own check with a private answer.
/// </summary>
public sealed class KeyCheckPanelHandler(KeyCheckFlow flow, DiscordRestClient rest) : IComponentHandler
{
    private const string OpenAction = "open";

    public string Prefix => KeyCheckForms.PanelPrefix;

    /// <summary>The button that opens the key form.</summary>
    public static MessageComponent Button(string label = "Check my API key") =>
        Discord.Models.Button.Create(ButtonStyle.Primary, ComponentId.Build(KeyCheckForms.PanelPrefix, OpenAction), label);

    public Task HandleAsync(Interaction interaction, ComponentId id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        ArgumentNullException.ThrowIfNull(id);
        return (id.Action, interaction.Modal) switch
        {
            (OpenAction, null) => flow.OpenFormAsync(interaction, new KeyCheckOrigin.Panel(), cancellationToken),
            (KeyCheckForms.Action, not null) => flow.SubmitAsync(interaction, PrivateResultAnswer.Panel, cancellationToken),
            _ => rest.RespondAsync(interaction, Replies.NotHandled(interaction), cancellationToken),
        };
    }
}
