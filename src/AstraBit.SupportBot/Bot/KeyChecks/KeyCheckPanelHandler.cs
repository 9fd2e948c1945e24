using AstraBit.SupportBot.Bot.Interactions;
using AstraBit.SupportBot.Core.KeyChecks;
using AstraBit.SupportBot.Discord.Models;

namespace AstraBit.SupportBot.Bot.KeyChecks;

/// <summary>
/// A "Check my API key" button anywhere: <see cref="Button"/> puts it on a message, a click opens the key form, and its
/// submit runs the member's own check with a private answer (<see cref="KeyFormHandler"/>).
/// </summary>
public sealed class KeyCheckPanelHandler(KeyCheckFlow flow) : IComponentHandler<KeyCheckButtonId>
{
    /// <summary>The button that opens the key form, <paramref name="label"/> in its reader's language.</summary>
    public static MessageComponent Button(string label) =>
        Discord.Models.Button.Create(ButtonStyle.Primary, KeyCheckButtonId.Open.Build(), label);

    public Task HandleAsync(Interaction interaction, KeyCheckButtonId id, CancellationToken cancellationToken) =>
        flow.OpenFormAsync(interaction, new KeyCheckOrigin.Panel(), cancellationToken);
}
