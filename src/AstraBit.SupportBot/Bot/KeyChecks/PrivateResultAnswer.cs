using AstraBit.SupportBot.Core;
using AstraBit.SupportBot.Bot.MemberHelp;
using AstraBit.SupportBot.Bot.Tickets;
using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Core.KeyChecks;
using AstraBit.SupportBot.Discord.Models;
using AstraBit.SupportBot.Discord.Rest;
using Microsoft.Extensions.DependencyInjection;

namespace AstraBit.SupportBot.Bot.KeyChecks;

/// <summary>
/// The member's own check with a private answer: `/diagnose`, and the "Check my API key" buttons of a panel or a reply.
/// The report with buttons to the guide steps that fix it; when the check failed, a follow-up names the ticket it went into.
/// </summary>
public sealed class PrivateResultAnswer(KeyCheckOrigin origin, string name, string tryAgain) : KeyCheckAnswer
{
    public static PrivateResultAnswer Command { get; } = new(new KeyCheckOrigin.Command(), "/diagnose", "Run `/diagnose` again");

    public static PrivateResultAnswer Panel { get; } = new(new KeyCheckOrigin.Panel(), "panel", "Press **Check my API key** again");

    public override string Name => name;

    public override string TryAgain => tryAgain;

    public override KeyCheckOrigin Origin(KeyCheckContext context) => origin;

    public override Task<MessagePayload> RenderAsync(KeyCheckContext context, KeyCheckResult result, CheckTicketOutcome? ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Task.FromResult(result switch
        {
            KeyCheckResult.Completed completed => KeyCheckMessages.Result(
                completed.Report,
                context.Get<GuideContent>(),
                completed.KeyKeptFor,
                ReminderIds.OfferFor(completed.Report, completed.RegionKey, context.Services.GetRequiredKeyedService<TimeProvider>(SupportClock.Key).GetUtcNow())),
            KeyCheckResult.Refused refused => KeyCheckMessages.Refused(refused.Message),
            _ => throw new InvalidOperationException($"Unexpected result {result.GetType().Name} for a typed key."),
        });
    }

    public override async Task DeliverAsync(KeyCheckContext context, MessagePayload message, CheckTicketOutcome? ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await base.DeliverAsync(context, message, ticket, cancellationToken);
        if (ticket?.Ticket is { } opened)
        {
            await context.Get<DiscordRestClient>().CreateFollowupAsync(context.Interaction, MessagePayload.Text(TicketMessages.CheckWentInto(opened), ephemeral: true), CancellationToken.None);
        }
    }
}
