using AstraBit.SupportBot.Bot.KeyChecks;
using AstraBit.SupportBot.Bot.Languages;
using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Core.KeyChecks;
using AstraBit.SupportBot.Discord.Models;
using AstraBit.SupportBot.Discord.Rest;

namespace AstraBit.SupportBot.Bot.Moderation;

/// <summary>
/// The member's side of a moderator's request: the member gets the full result naming who asked; the team gets it
/// through the desk (a failure opens or joins the member's ticket; anything else goes into the open ticket or the staff
/// channel). A check with no pending request (an old prompt, or after a restart) is the member's own: nobody is waiting.
/// </summary>
public sealed class RequestedCheckPresenter(DiscordRestClient rest, GuideContent guide, CheckRequests requests, SupportLanguages languages)
    : KeyCheckPresenter<KeyCheckOrigin.ModeratorRequest>(rest)
{
    public override KeyCheckEntry Entry => KeyCheckEntry.Requested;

    public override KeyCheckOrigin.ModeratorRequest Resolve(Interaction interaction, KeyCheckOrigin.ModeratorRequest origin)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        return new KeyCheckOrigin.ModeratorRequest(requests.Find(interaction.User.Id)?.ModeratorId);
    }

    public override Task<MessagePayload> RenderAsync(KeyCheckOutcome<KeyCheckOrigin.ModeratorRequest> outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var texts = languages.For(outcome.Interaction);
        return Task.FromResult(outcome.Result switch
        {
            // The request is answered; a refused check leaves it pending so the member can try again.
            KeyCheckResult.Completed completed => ModerationMessages.Result(completed.Report, guide, requests.Take(outcome.MemberId), completed.KeyKeptFor, texts),
            KeyCheckResult.Refused refused => KeyCheckMessages.Refused(refused.Message, texts),
            var other => throw new InvalidOperationException($"Unexpected result {other.GetType().Name} for a typed key."),
        });
    }
}
