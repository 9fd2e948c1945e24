using AstraBit.SupportBot.Bot.KeyChecks;
using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Core.KeyChecks;
using AstraBit.SupportBot.Discord.Models;

namespace AstraBit.SupportBot.Bot.Moderation;

/// <summary>
/// The member's side of a moderator's request: the member gets the full result naming who asked; the team gets it
/// through the desk (a failure opens or joins the member's ticket; anything else goes into the open ticket or the staff
/// channel). A check with no pending request (an old prompt, or after a restart) is the member's own: nobody is waiting.
/// </summary>
public sealed class RequestedCheckAnswer : KeyCheckAnswer
{
    public static RequestedCheckAnswer Instance { get; } = new();

    public override string Name => "requested";

    public override string TryAgain => "Press **Run the check** again";

    public override KeyCheckOrigin Origin(KeyCheckContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new KeyCheckOrigin.ModeratorRequest(context.Get<CheckRequests>().Find(context.MemberId)?.ModeratorId);
    }

    public override Task<MessagePayload> RenderAsync(KeyCheckContext context, KeyCheckResult result, CheckTicketOutcome? ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Task.FromResult(result switch
        {
            // The request is answered; a refused check leaves it pending so the member can try again.
            KeyCheckResult.Completed completed => ModerationMessages.Result(
                completed.Report, context.Get<GuideContent>(), context.Get<CheckRequests>().Take(context.MemberId), completed.KeyKeptFor),
            KeyCheckResult.Refused refused => KeyCheckMessages.Refused(refused.Message),
            _ => throw new InvalidOperationException($"Unexpected result {result.GetType().Name} for a typed key."),
        });
    }
}
