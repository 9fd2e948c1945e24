using AstraBit.SupportBot.Bot.Languages;
using AstraBit.SupportBot.Bot.MemberHelp;
using AstraBit.SupportBot.Bot.Tickets;
using AstraBit.SupportBot.Core;
using AstraBit.SupportBot.Core.Content;
using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Core.KeyChecks;
using AstraBit.SupportBot.Discord.Models;
using AstraBit.SupportBot.Discord.Rest;
using Microsoft.Extensions.DependencyInjection;

namespace AstraBit.SupportBot.Bot.KeyChecks;

/// <summary>
/// The member's own check with a private answer: the report with buttons to the guide steps that fix it and, when the
/// key's expiry allows, a reminder offer; when the check failed, a follow-up names the ticket it went into.
/// </summary>
public abstract class PrivateResultPresenter<TOrigin>(DiscordRestClient rest, LocalizedContent<GuideContent> guides, SupportLanguages languages, TimeProvider supportClock) : KeyCheckPresenter<TOrigin>(rest)
    where TOrigin : KeyCheckOrigin
{
    public override Task<MessagePayload> RenderAsync(KeyCheckOutcome<TOrigin> outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var texts = languages.For(outcome.Interaction);
        return Task.FromResult(outcome.Result switch
        {
            KeyCheckResult.Completed completed => KeyCheckMessages.Result(
                completed.Report,
                guides.For(texts.Locale),
                completed.KeyKeptFor,
                texts,
                ReminderIds.OfferFor(completed.Report, completed.RegionKey, supportClock.GetUtcNow(), texts)),
            KeyCheckResult.Refused refused => KeyCheckMessages.Refused(refused.Message, texts),
            var other => throw new InvalidOperationException($"Unexpected result {other.GetType().Name} for a typed key."),
        });
    }

    public override async Task DeliverAsync(Interaction interaction, MessagePayload message, KeyCheckOutcome<TOrigin>? outcome, CancellationToken cancellationToken)
    {
        await base.DeliverAsync(interaction, message, outcome, cancellationToken);
        if (outcome?.Ticket?.Ticket is { } opened)
        {
            await Rest.CreateFollowupAsync(interaction, MessagePayload.Text(TicketMessages.CheckWentInto(opened, languages.For(interaction)), ephemeral: true), CancellationToken.None);
        }
    }
}

/// <summary>`/diagnose`.</summary>
public sealed class DiagnosePresenter(DiscordRestClient rest, LocalizedContent<GuideContent> guides, SupportLanguages languages, [FromKeyedServices(SupportClock.Key)] TimeProvider supportClock)
    : PrivateResultPresenter<KeyCheckOrigin.Command>(rest, guides, languages, supportClock)
{
    public override KeyCheckEntry Entry => KeyCheckEntry.Command;
}

/// <summary>"Check my API key" on a support panel or under a reply to a pasted error.</summary>
public sealed class PanelCheckPresenter(DiscordRestClient rest, LocalizedContent<GuideContent> guides, SupportLanguages languages, [FromKeyedServices(SupportClock.Key)] TimeProvider supportClock)
    : PrivateResultPresenter<KeyCheckOrigin.Panel>(rest, guides, languages, supportClock)
{
    public override KeyCheckEntry Entry => KeyCheckEntry.Panel;
}
