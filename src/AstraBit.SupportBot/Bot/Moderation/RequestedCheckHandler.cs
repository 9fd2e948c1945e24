using AstraBit.SupportBot.Bot.Interactions;
using AstraBit.SupportBot.Bot.KeyChecks;
using AstraBit.SupportBot.Core.KeyChecks;
using AstraBit.SupportBot.Discord.Models;

namespace AstraBit.SupportBot.Bot.Moderation;

/// <summary>The member's "Run the check" under a moderator's prompt opens the key form; its submit is answered by <see cref="RequestedCheckPresenter"/>.</summary>
public sealed class RequestedCheckHandler(KeyCheckFlow flow) : IComponentHandler<ModerationId>
{
    public Task HandleAsync(Interaction interaction, ModerationId id, CancellationToken cancellationToken) =>
        flow.OpenFormAsync(interaction, new KeyCheckOrigin.ModeratorRequest(null), cancellationToken);
}
