using AstraBit.SupportBot.Bot.KeyChecks;
using AstraBit.SupportBot.Bot.Languages;
using AstraBit.SupportBot.Bot.Tickets;
using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Core.KeyChecks;
using AstraBit.SupportBot.Core.Walkthrough;
using AstraBit.SupportBot.Discord.Models;
using AstraBit.SupportBot.Discord.Rest;

namespace AstraBit.SupportBot.Bot.Walkthrough;

/// <summary>
/// "Check it now" at a step or the final check: the walkthrough message itself becomes the answer, showing the step
/// with the checks it shows. Opened from a walkthrough button, the submit carries that message and it is updated in
/// place; without it (an old message) the private answer becomes the walkthrough. The member's progress is written
/// once per check (at the step checked, the check recorded, on the message that shows it): before an answer in place
/// is shown, after a new message is sent.
/// </summary>
public sealed class WalkthroughCheckPresenter(
    DiscordRestClient rest,
    WalkthroughEngine engine,
    WalkthroughProgressUpdater progress,
    KeyCheckService checks,
    SupportLanguages languages) : KeyCheckPresenter<KeyCheckOrigin.WalkthroughStep>(rest)
{
    public override KeyCheckEntry Entry => KeyCheckEntry.Walkthrough;

    public override Task AcknowledgeAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        return InPlace(interaction)
            ? Rest.DeferUpdateAsync(interaction, cancellationToken)
            : Rest.DeferAsync(interaction, ephemeral: !interaction.IsInDirectMessage, cancellationToken);
    }

    /// <summary>The member at the step being checked, on the message they clicked.</summary>
    public override WalkthroughProgress? ProgressAtCheck(Interaction interaction, KeyCheckOrigin.WalkthroughStep origin, WalkthroughProgress? stored)
    {
        ArgumentNullException.ThrowIfNull(origin);
        return engine.GoTo(WalkthroughHandler.Here(engine, interaction.User.Id, stored, WalkthroughHandler.Clicked(interaction)), origin.Position);
    }

    public override Task<MessagePayload> RenderAsync(KeyCheckOutcome<KeyCheckOrigin.WalkthroughStep> outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var position = outcome.Origin.Position;
        var locale = outcome.Interaction.Locale;
        var texts = languages.For(outcome.Interaction);
        var shown = After(outcome.Progress ?? ProgressAtCheck(outcome.Interaction, outcome.Origin, null)!, outcome, delivery: null);
        switch (outcome.Result)
        {
            case KeyCheckResult.Completed completed:
                {
                    var report = completed.Report;
                    var checkIds = engine.ChecksAt(position);
                    var notes = new List<string>();
                    if (completed.KeyKeptFor is { } kept)
                    {
                        notes.Add(WalkthroughMessages.KeyKept(kept, texts));
                    }

                    if (outcome.Ticket?.Ticket is { } opened)
                    {
                        notes.Add(TicketMessages.CheckWentInto(opened, languages.For(outcome.Interaction)));
                    }

                    var checklist = Finished(outcome) ? engine.View(shown with { Position = GuidePosition.FinalCheck }, keyRemembered: false, locale).Page : null;
                    var view = engine.View(shown, checks.IsRemembered(outcome.MemberId), locale);
                    return Task.FromResult(WalkthroughMessages.AfterCheck(view, report, engine.GuideFor(locale), texts, position, checkIds, notes.Count == 0 ? null : string.Join("\n", notes), checklist));
                }

            case KeyCheckResult.Refused refused:
                return Task.FromResult(WalkthroughHandler.Render(engine, checks, shown, WalkthroughMessages.Refused(refused.Message, texts), locale));

            case KeyCheckResult.KeyNotRemembered:
                return Task.FromResult(WalkthroughHandler.Render(engine, checks, shown, WalkthroughMessages.KeyGone(engine.View(shown, keyRemembered: false, locale), texts), locale));

            default:
                throw new InvalidOperationException($"Unexpected check result {outcome.Result.GetType().Name}.");
        }
    }

    public override async Task DeliverAsync(Interaction interaction, MessagePayload message, KeyCheckOutcome<KeyCheckOrigin.WalkthroughStep>? outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        if (!InPlace(interaction))
        {
            // The answer becomes the walkthrough message; its id is known once it is sent.
            var sent = await Rest.EditOriginalResponseAsync(interaction, message, cancellationToken);
            var surface = interaction.IsInDirectMessage ? WalkthroughSurface.DirectMessage : WalkthroughSurface.ChannelEphemeral;
            await SaveAsync(interaction, outcome, new WalkthroughDelivery(surface, sent.ChannelId is 0 ? interaction.ChannelId : sent.ChannelId, sent.Id), cancellationToken);
            return;
        }

        // Saved before the member can see (and click) the answer, so a click on it never meets the progress from before the check.
        await SaveAsync(interaction, outcome, delivery: null, cancellationToken);
        if (interaction.IsInDirectMessage && interaction.ChannelId is { } channelId && interaction.MessageId is { } messageId)
        {
            // A DM message is edited directly, an ephemeral one through the interaction.
            await Rest.EditMessageAsync(channelId, messageId, message, cancellationToken);
        }
        else
        {
            await Rest.EditOriginalResponseAsync(interaction, message, cancellationToken);
        }
    }

    private static bool InPlace(Interaction interaction) => interaction.MessageId is not null;

    /// <summary>The one write of the check: what was rendered, applied to the member's progress as it is now.</summary>
    private async Task SaveAsync(Interaction interaction, KeyCheckOutcome<KeyCheckOrigin.WalkthroughStep>? outcome, WalkthroughDelivery? delivery, CancellationToken cancellationToken)
    {
        if (outcome is not null)
        {
            await progress.UpdateAsync(outcome.MemberId, stored => After(ProgressAtCheck(interaction, outcome.Origin, stored)!, outcome, delivery), cancellationToken);
        }
    }

    private bool Finished(KeyCheckOutcome<KeyCheckOrigin.WalkthroughStep> outcome) =>
        outcome.Origin.Position == GuidePosition.FinalCheck
        && outcome.Result is KeyCheckResult.Completed completed
        && WalkthroughMessages.Passed(completed.Report, outcome.Origin.Position, engine.ChecksAt(outcome.Origin.Position));

    /// <summary>The member's progress after the check: its summary recorded, past the final check when it passed, on the message that shows it.</summary>
    private WalkthroughProgress After(WalkthroughProgress atStep, KeyCheckOutcome<KeyCheckOrigin.WalkthroughStep> outcome, WalkthroughDelivery? delivery)
    {
        var after = atStep;
        if (outcome.Result is KeyCheckResult.Completed completed)
        {
            var position = outcome.Origin.Position;
            after = engine.RecordCheck(after, CheckSummary.From(completed.Report, completed.RegionKey, position, engine.ChecksAt(position)));
            if (Finished(outcome))
            {
                after = engine.GoTo(after, GuidePosition.Done);
            }
        }

        return delivery is null ? after : engine.MoveTo(after, delivery);
    }
}
