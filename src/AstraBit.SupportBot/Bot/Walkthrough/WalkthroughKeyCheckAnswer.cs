using AstraBit.SupportBot.Bot.KeyChecks;
using AstraBit.SupportBot.Bot.Tickets;
using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Core.KeyChecks;
using AstraBit.SupportBot.Core.Walkthrough;
using AstraBit.SupportBot.Discord.Models;
using AstraBit.SupportBot.Discord.Rest;

namespace AstraBit.SupportBot.Bot.Walkthrough;

/// <summary>
/// "Check it now" at a step or the final check: the walkthrough message itself becomes the answer, showing the step
/// with the checks it shows, recorded in the member's progress. Opened from a walkthrough button, the submit carries
/// that message and it is updated in place; without it (an old message) the private answer becomes the walkthrough.
/// </summary>
public sealed class WalkthroughKeyCheckAnswer(GuidePosition position) : KeyCheckAnswer
{
    public override string Name => "walkthrough";

    public override string TryAgain => "Press \"Check it now\" again";

    public override KeyCheckOrigin Origin(KeyCheckContext context) => new KeyCheckOrigin.WalkthroughStep(position);

    public override Task AcknowledgeAsync(Interaction interaction, DiscordRestClient rest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        ArgumentNullException.ThrowIfNull(rest);
        return InPlace(interaction)
            ? rest.DeferUpdateAsync(interaction, cancellationToken)
            : rest.DeferAsync(interaction, ephemeral: !interaction.IsInDirectMessage, cancellationToken);
    }

    public override async Task PrepareAsync(KeyCheckContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var engine = context.Get<WalkthroughEngine>();
        var clicked = WalkthroughHandler.Clicked(context.Interaction);
        await context.Get<WalkthroughProgressUpdater>().UpdateAsync(
            context.MemberId, stored => engine.GoTo(WalkthroughHandler.Here(engine, context.MemberId, stored, clicked), position), cancellationToken);
    }

    public override async Task<MessagePayload> RenderAsync(KeyCheckContext context, KeyCheckResult result, CheckTicketOutcome? ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var engine = context.Get<WalkthroughEngine>();
        var checks = context.Get<KeyCheckService>();
        var progress = context.Get<WalkthroughProgressUpdater>();
        var memberId = context.MemberId;
        var clicked = WalkthroughHandler.Clicked(context.Interaction);
        switch (result)
        {
            case KeyCheckResult.Completed completed:
                {
                    var report = completed.Report;
                    var checkIds = engine.ChecksAt(position);
                    var passed = WalkthroughMessages.Passed(report, position, checkIds);
                    var finished = position == GuidePosition.FinalCheck && passed;
                    var updated = await progress.UpdateAsync(
                        memberId,
                        stored =>
                        {
                            var recorded = engine.RecordCheck(WalkthroughHandler.Here(engine, memberId, stored, clicked), CheckSummary.From(report, completed.RegionKey, position, checkIds));
                            return finished ? engine.GoTo(recorded, GuidePosition.Done) : recorded;
                        },
                        cancellationToken);
                    var notes = new List<string>();
                    if (completed.KeyKeptFor is { } kept)
                    {
                        notes.Add(WalkthroughMessages.KeyKept(kept));
                    }

                    if (ticket?.Ticket is { } opened)
                    {
                        notes.Add(TicketMessages.CheckWentInto(opened));
                    }

                    var checklist = finished ? engine.View(updated with { Position = GuidePosition.FinalCheck }, keyRemembered: false).Page : null;
                    var view = engine.View(updated, checks.IsRemembered(memberId));
                    return WalkthroughMessages.AfterCheck(view, report, engine.Guide, position, checkIds, notes.Count == 0 ? null : string.Join("\n", notes), checklist);
                }

            case KeyCheckResult.Refused refused:
                {
                    var stored = await progress.GetAsync(memberId, cancellationToken) ?? WalkthroughHandler.Here(engine, memberId, null, clicked);
                    return WalkthroughHandler.Render(engine, checks, stored, WalkthroughMessages.Refused(refused.Message));
                }

            case KeyCheckResult.KeyNotRemembered:
                {
                    var stored = await progress.GetAsync(memberId, cancellationToken) ?? WalkthroughHandler.Here(engine, memberId, null, clicked);
                    return WalkthroughHandler.Render(engine, checks, stored, WalkthroughMessages.KeyGone);
                }

            default:
                throw new InvalidOperationException($"Unexpected check result {result.GetType().Name}.");
        }
    }

    public override async Task DeliverAsync(KeyCheckContext context, MessagePayload message, CheckTicketOutcome? ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var interaction = context.Interaction;
        var rest = context.Get<DiscordRestClient>();
        if (InPlace(interaction))
        {
            // A DM message is edited directly, an ephemeral one through the interaction.
            if (interaction.IsInDirectMessage && interaction.ChannelId is { } channelId && interaction.MessageId is { } messageId)
            {
                await rest.EditMessageAsync(channelId, messageId, message, cancellationToken);
            }
            else
            {
                await rest.EditOriginalResponseAsync(interaction, message, cancellationToken);
            }

            return;
        }

        var sent = await rest.EditOriginalResponseAsync(interaction, message, cancellationToken);
        var engine = context.Get<WalkthroughEngine>();
        var surface = interaction.IsInDirectMessage ? WalkthroughSurface.DirectMessage : WalkthroughSurface.ChannelEphemeral;
        var delivery = new WalkthroughDelivery(surface, sent.ChannelId is 0 ? interaction.ChannelId : sent.ChannelId, sent.Id);
        await context.Get<WalkthroughProgressUpdater>().UpdateAsync(
            context.MemberId,
            stored => engine.MoveTo(stored ?? WalkthroughHandler.Here(engine, context.MemberId, null, WalkthroughHandler.Clicked(interaction)), delivery),
            cancellationToken);
    }

    private static bool InPlace(Interaction interaction) => interaction.MessageId is not null;
}
