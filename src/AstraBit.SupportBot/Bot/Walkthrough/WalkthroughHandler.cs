using AstraBit.SupportBot.Bot.Tickets;
using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Core.Walkthrough;
using AstraBit.SupportBot.Discord.Models;
using AstraBit.SupportBot.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Bot.Walkthrough;

/// <summary>
/// The walkthrough's buttons and selects ("wt:…") and the key modal "Check it now" opens ("wt:key:…"). The member is
/// looked up by whoever clicks, never by what the message says, so an old message or one from before a restart
/// still works: it is updated in place to the member's current step and becomes the live walkthrough message.
/// </summary>
public sealed partial class WalkthroughHandler(
    WalkthroughEngine engine,
    WalkthroughProgressUpdater progress,
    KeyCheckService checks,
    IStuckEscalation stuck,
    ITicketDesk tickets,
    DiscordRestClient rest,
    IOptions<DiagnosticsOptions> diagnostics,
    IOptions<GuideOptions> guideOptions,
    ILogger<WalkthroughHandler> logger) : IInteractionHandler
{
    public bool CanHandle(Interaction interaction) =>
        (interaction.Component is { } component && CustomIds.Parse(component.CustomId) is not null)
        || (interaction.Modal is { } modal && CustomIds.ParseKeyModal(modal.CustomId) is not null);

    public Task HandleAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        if (interaction.Modal is { } modal)
        {
            return SubmitKeyAsync(interaction, modal, CustomIds.ParseKeyModal(modal.CustomId)!.Value, cancellationToken);
        }

        var component = interaction.Component!;
        var action = CustomIds.Parse(component.CustomId)!;
        return action.Kind switch
        {
            WalkthroughActionKind.Stuck => StuckAsync(interaction, cancellationToken),
            WalkthroughActionKind.ForgetKey => ForgetAsync(interaction, cancellationToken),
            WalkthroughActionKind.CheckNow => CheckNowAsync(interaction, action.Position!.Value, cancellationToken),
            _ => NavigateAsync(interaction, action, component.Values, cancellationToken),
        };
    }

    private async Task NavigateAsync(Interaction interaction, WalkthroughAction action, IReadOnlyList<string> values, CancellationToken cancellationToken)
    {
        var userId = interaction.User.Id;
        var clicked = ClickedDelivery(interaction);
        string? notice = null;
        var updated = await progress.UpdateAsync(
            userId,
            stored =>
            {
                var current = Here(userId, stored, clicked);
                if (stored is not null && stored.Delivery != clicked && !interaction.IsInDirectMessage && stored.Delivery.Surface == WalkthroughSurface.DirectMessage)
                {
                    // E.g. "Open the guide at step 3" under a /diagnose result: the guide continues in that private message.
                    notice = WalkthroughMessages.MovedHere;
                }

                switch (action.Kind)
                {
                    case WalkthroughActionKind.Next:
                        return engine.Next(current);
                    case WalkthroughActionKind.Back:
                        return engine.Back(current);
                    case WalkthroughActionKind.GoTo:
                        return engine.GoTo(current, action.Position!.Value);
                    case WalkthroughActionKind.ChooseAccountType:
                        if (WalkthroughEngine.ParseAccountTypeChoice(values.FirstOrDefault()) is { } type)
                        {
                            return engine.ChooseAccountType(current, type);
                        }

                        notice = WalkthroughMessages.ChoiceGone;
                        return current;
                    case WalkthroughActionKind.ChooseRegion:
                        if (engine.ChooseRegion(current, values.FirstOrDefault() ?? "") is { } withRegion)
                        {
                            return withRegion;
                        }

                        notice = WalkthroughMessages.ChoiceGone;
                        return current;
                    default:
                        throw new ArgumentOutOfRangeException(nameof(action), action.Kind, "Not a navigation.");
                }
            },
            cancellationToken);

        await rest.UpdateMessageAsync(interaction, Render(updated, notice), cancellationToken);
    }

    private async Task ForgetAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        var userId = interaction.User.Id;
        var hadKey = checks.Forget(userId);
        LogForgot(logger, userId, hadKey);
        var stored = await progress.GetAsync(userId, cancellationToken);
        var notice = WalkthroughMessages.Forgot(hadKey);

        // "Forget my key" also sits under /diagnose results: only the live walkthrough message is redrawn, anything else gets a private answer.
        if (stored is not null && stored.Delivery.MessageId == interaction.MessageId)
        {
            await rest.UpdateMessageAsync(interaction, Render(stored, notice), cancellationToken);
        }
        else
        {
            await rest.RespondAsync(interaction, MessagePayload.Text(notice, ephemeral: true), cancellationToken);
        }
    }

    private async Task StuckAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        await rest.DeferAsync(interaction, ephemeral: true, cancellationToken);
        var userId = interaction.User.Id;
        var stored = await progress.GetAsync(userId, cancellationToken) ?? Here(userId, null, ClickedDelivery(interaction));
        string answer;
        try
        {
            answer = await stuck.EscalateAsync(engine.Stuck(stored), cancellationToken);
            LogStuck(logger, userId, stored.Position);
        }
        catch (DiscordRestException ex)
        {
            LogStuckFailed(logger, userId, ex.Code, ex.HttpStatus);
            answer = $"I couldn't reach the support team just now. Please try \"I'm stuck\" again in a few minutes, or email {guideOptions.Value.SupportEmail}.";
        }

        await rest.EditOriginalResponseAsync(interaction, MessagePayload.Text(answer, ephemeral: true), cancellationToken);
    }

    private async Task CheckNowAsync(Interaction interaction, GuidePosition position, CancellationToken cancellationToken)
    {
        var userId = interaction.User.Id;
        var clicked = ClickedDelivery(interaction);
        if (!checks.IsRemembered(userId))
        {
            // The modal is the answer to this click; its submit carries this message, which the result then replaces.
            await rest.OpenModalAsync(interaction, KeyModal.Build(CustomIds.KeyModal(position)), cancellationToken);
            await progress.UpdateAsync(userId, stored => engine.GoTo(Here(userId, stored, clicked), position), cancellationToken);
            return;
        }

        await rest.DeferUpdateAsync(interaction, cancellationToken);
        var here = await progress.UpdateAsync(userId, stored => engine.GoTo(Here(userId, stored, clicked), position), cancellationToken);
        var run = checks.TryRunRememberedAsync(userId, here.RegionKey, cancellationToken);
        if (run is null)
        {
            await EditAsync(interaction, Render(here, WalkthroughMessages.KeyGone), cancellationToken);
            return;
        }

        var answer = await FinishCheckAsync(interaction, position, await run, keyNote: null, cancellationToken);
        await EditAsync(interaction, answer, cancellationToken);
    }

    private async Task SubmitKeyAsync(Interaction interaction, ModalSubmitData submit, GuidePosition position, CancellationToken cancellationToken)
    {
        var userId = interaction.User.Id;
        var (key, secret) = KeyModal.Read(submit);
        var input = CredentialInput.Validate(key, secret);
        if (input.Credentials is not { } credentials)
        {
            LogInputRejected(logger, userId, string.Join(", ", input.Problems.Select(p => p.Field).Distinct()));
            await rest.RespondAsync(interaction, KeyModal.InputProblems(input.Problems, "Press \"Check it now\" again"), cancellationToken);
            return;
        }

        // Opened from a walkthrough button, the submit carries that message: it is updated in place. Without it the
        // deferred private answer becomes the walkthrough message.
        var inPlace = interaction.MessageId is not null;
        if (inPlace)
        {
            await rest.DeferUpdateAsync(interaction, cancellationToken);
        }
        else
        {
            await rest.DeferAsync(interaction, ephemeral: !interaction.IsInDirectMessage, cancellationToken);
        }

        LogCheckStarted(logger, userId, CredentialInput.MaskedKey(credentials.ApiKey), position);
        var here = await progress.UpdateAsync(userId, stored => engine.GoTo(Here(userId, stored, ClickedDelivery(interaction)), position), cancellationToken);
        var outcome = await checks.RunAsync(userId, credentials, here.RegionKey, cancellationToken);

        // A key Bybit refused is not kept: "Check it now" would only repeat the refusal instead of asking again.
        var refusedByBybit = outcome is KeyCheckOutcome.Completed c && c.Report.Find(CheckIds.ApiKey)?.Status == CheckStatus.Fail;
        var keyNote = !refusedByBybit && checks.Remember(userId, credentials) ? WalkthroughMessages.KeyKept(diagnostics.Value.KeyMemory) : null;
        var answer = await FinishCheckAsync(interaction, position, outcome, keyNote, cancellationToken);
        if (inPlace)
        {
            await EditAsync(interaction, answer, cancellationToken);
            return;
        }

        var sent = await rest.EditOriginalResponseAsync(interaction, answer, cancellationToken);
        var surface = interaction.IsInDirectMessage ? WalkthroughSurface.DirectMessage : WalkthroughSurface.ChannelEphemeral;
        await progress.UpdateAsync(userId, stored => engine.MoveTo(stored ?? here, new WalkthroughDelivery(surface, sent.ChannelId is 0 ? interaction.ChannelId : sent.ChannelId, sent.Id)), cancellationToken);
    }

    /// <summary>Records the check in the member's progress and returns the walkthrough message showing it.</summary>
    private async Task<MessagePayload> FinishCheckAsync(Interaction interaction, GuidePosition position, KeyCheckOutcome outcome, string? keyNote, CancellationToken cancellationToken)
    {
        var userId = interaction.User.Id;
        var checkIds = engine.ChecksAt(position);
        switch (outcome)
        {
            case KeyCheckOutcome.Completed completed:
                {
                    var report = completed.Report;
                    var finished = position == GuidePosition.FinalCheck && WalkthroughMessages.Passed(report, position, checkIds);
                    var updated = await progress.UpdateAsync(
                        userId,
                        stored =>
                        {
                            var recorded = engine.RecordCheck(Here(userId, stored, ClickedDelivery(interaction)), CheckSummary.From(report, completed.RegionKey, position, checkIds));
                            return finished ? engine.GoTo(recorded, GuidePosition.Done) : recorded;
                        },
                        cancellationToken);
                    LogCheckFinished(logger, userId, position, report.Verdict);
                    if (!WalkthroughMessages.Passed(report, position, checkIds))
                    {
                        keyNote = await TicketNoteAsync(userId, report, completed.RegionKey, updated, keyNote);
                    }

                    var checklist = finished ? engine.View(updated with { Position = GuidePosition.FinalCheck }, keyRemembered: false).Page : null;
                    return WalkthroughMessages.AfterCheck(View(updated), report, engine.Guide, position, checkIds, keyNote, checklist);
                }

            case KeyCheckOutcome.Refused refused:
                {
                    var stored = await progress.GetAsync(userId, cancellationToken) ?? Here(userId, null, ClickedDelivery(interaction));
                    var notice = WalkthroughMessages.Refused(refused.Message) + (keyNote is null ? "" : "\n" + keyNote);
                    return WalkthroughMessages.Walkthrough(View(stored), notice);
                }

            default:
                throw new InvalidOperationException($"Unexpected check outcome {outcome.GetType().Name}.");
        }
    }

    /// <summary>A failed "Check it now" opens the member's ticket (or goes into the open one); the note under the result says where.</summary>
    private async Task<string?> TicketNoteAsync(ulong userId, DiagnosticReport report, string regionKey, WalkthroughProgress here, string? keyNote)
    {
        try
        {
            // Not cancelled by shutdown: a ticket is either made whole (thread, card, staff notice) or not begun.
            var ticket = await FailedCheckTickets.OpenIfFailedAsync(tickets, engine.Guide, userId, report, regionKey, engine.Stuck(here).Where, CancellationToken.None);
            return ticket is null ? keyNote : (keyNote is null ? "" : keyNote + "\n") + FailedCheckTickets.Told(ticket);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogTicketFailed(logger, userId, ex);
            return keyNote;
        }
    }

    /// <summary>Edits the message a deferred click or submit came from: a DM message directly, an ephemeral one through the interaction.</summary>
    private async Task EditAsync(Interaction interaction, MessagePayload message, CancellationToken cancellationToken)
    {
        if (interaction.IsInDirectMessage && interaction.ChannelId is { } channelId && interaction.MessageId is { } messageId)
        {
            await rest.EditMessageAsync(channelId, messageId, message, cancellationToken);
        }
        else
        {
            await rest.EditOriginalResponseAsync(interaction, message, cancellationToken);
        }
    }

    // No flags on updates: a message stays ephemeral or not as it was posted.
    private MessagePayload Render(WalkthroughProgress current, string? notice) =>
        WalkthroughMessages.Walkthrough(View(current), notice);

    private WalkthroughView View(WalkthroughProgress current) => engine.View(current, checks.IsRemembered(current.UserId));

    /// <summary>The member's progress, now shown on the clicked message (a member without any starts here).</summary>
    private WalkthroughProgress Here(ulong userId, WalkthroughProgress? stored, WalkthroughDelivery clicked) =>
        stored is null ? engine.StartOrResume(userId, null, clicked)
        : stored.Delivery == clicked ? stored
        : engine.MoveTo(stored, clicked);

    private static WalkthroughDelivery ClickedDelivery(Interaction interaction)
    {
        var channelId = interaction.ChannelId ?? 0;
        return interaction.IsInDirectMessage
            ? WalkthroughDelivery.DirectMessage(channelId, interaction.MessageId)
            : new WalkthroughDelivery(WalkthroughSurface.ChannelEphemeral, channelId, interaction.MessageId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Walkthrough key from member {UserId} rejected before any request: {Fields}")]
    private static partial void LogInputRejected(ILogger logger, ulong userId, string fields);

    [LoggerMessage(Level = LogLevel.Information, Message = "Walkthrough check for member {UserId} with key {MaskedKey} at {Position}")]
    private static partial void LogCheckStarted(ILogger logger, ulong userId, string maskedKey, GuidePosition position);

    [LoggerMessage(Level = LogLevel.Information, Message = "Walkthrough check for member {UserId} at {Position}: {Verdict}")]
    private static partial void LogCheckFinished(ILogger logger, ulong userId, GuidePosition position, Verdict verdict);

    [LoggerMessage(Level = LogLevel.Information, Message = "Member {UserId} asked to forget their key; one was remembered: {HadKey}")]
    private static partial void LogForgot(ILogger logger, ulong userId, bool hadKey);

    [LoggerMessage(Level = LogLevel.Information, Message = "Member {UserId} is stuck at {Position}; support was told")]
    private static partial void LogStuck(ILogger logger, ulong userId, GuidePosition position);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not open or update the ticket for member {UserId} after a failed walkthrough check")]
    private static partial void LogTicketFailed(ILogger logger, ulong userId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell support that member {UserId} is stuck: Discord code {Code}, HTTP {Status}")]
    private static partial void LogStuckFailed(ILogger logger, ulong userId, int code, System.Net.HttpStatusCode status);
}
