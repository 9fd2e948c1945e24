using AstraBit.SupportBot.Bot.Interactions;
using AstraBit.SupportBot.Bot.Moderation;
using AstraBit.SupportBot.Bot.Tickets;
using AstraBit.SupportBot.Bot.Walkthrough;
using AstraBit.SupportBot.Core.KeyChecks;
using AstraBit.SupportBot.Discord.Models;
using AstraBit.SupportBot.Discord.Rest;

namespace AstraBit.SupportBot.Bot.KeyChecks;

/// <summary>Every submitted key form (<see cref="KeyFormId"/>): the check runs with the answer of the way in that opened it.</summary>
public sealed class KeyFormHandler(KeyCheckFlow flow, DiscordRestClient rest) : IComponentHandler<KeyFormId>
{
    public Task HandleAsync(Interaction interaction, KeyFormId id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        ArgumentNullException.ThrowIfNull(id);
        return interaction.Modal is null
            ? rest.RespondAsync(interaction, Replies.NotHandled(interaction), cancellationToken)
            : flow.SubmitAsync(interaction, AnswerFor(id.Origin), cancellationToken);
    }

    private static KeyCheckAnswer AnswerFor(KeyCheckOrigin origin) => origin switch
    {
        KeyCheckOrigin.Command => PrivateResultAnswer.Command,
        KeyCheckOrigin.Panel => PrivateResultAnswer.Panel,
        KeyCheckOrigin.ModeratorRequest => RequestedCheckAnswer.Instance,
        KeyCheckOrigin.WalkthroughStep step => new WalkthroughKeyCheckAnswer(step.Position),
        KeyCheckOrigin.InTicket ticket => new TicketRecheckAnswer(ticket.TicketNumber),
        _ => throw new ArgumentOutOfRangeException(nameof(origin), origin, "No answer for this way into the check."),
    };
}
