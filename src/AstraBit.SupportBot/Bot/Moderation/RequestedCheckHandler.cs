using AstraBit.SupportBot.Bot.Interactions;
using AstraBit.SupportBot.Bot.KeyChecks;
using AstraBit.SupportBot.Core.KeyChecks;
using AstraBit.SupportBot.Discord.Models;
using AstraBit.SupportBot.Discord.Rest;

namespace AstraBit.SupportBot.Bot.Moderation;

/// <summary>The member's "Run the check" under a moderator's prompt opens the key form; its submit is answered by <see cref="RequestedCheckAnswer"/>.</summary>
public sealed class RequestedCheckHandler(KeyCheckFlow flow, DiscordRestClient rest) : IComponentHandler
{
    public string Prefix => ModerationIds.Prefix;

    public Task HandleAsync(Interaction interaction, ComponentId id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        ArgumentNullException.ThrowIfNull(id);
        return (id.Action, interaction.Modal) switch
        {
            (ModerationIds.RunAction, null) => flow.OpenFormAsync(interaction, new KeyCheckOrigin.ModeratorRequest(null), cancellationToken),
            (KeyCheckForms.Action, not null) => flow.SubmitAsync(interaction, RequestedCheckAnswer.Instance, cancellationToken),
            _ => rest.RespondAsync(interaction, Replies.NotHandled(interaction), cancellationToken),
        };
    }
}
