using AstraBit.SupportBot.Bot.Interactions;
using AstraBit.SupportBot.Bot.KeyChecks;
using AstraBit.SupportBot.Bot.Languages;
using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Core.KeyChecks;
using AstraBit.SupportBot.Core.Text;
using AstraBit.SupportBot.Core.Walkthrough;
using AstraBit.SupportBot.Discord.Models;
using AstraBit.SupportBot.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Bot.Walkthrough;

/// <summary>
/// The walkthrough's buttons and selects (<see cref="WalkthroughId"/>); the key form "Check it now" opens is the key
/// check's (<see cref="KeyFormId"/>), answered by <see cref="WalkthroughCheckPresenter"/>. The member is
/// looked up by whoever clicks, never by what the message says, so an old message or one from before a restart
/// still works: it is updated in place to the member's current step and becomes the live walkthrough message.
/// </summary>
public sealed partial class WalkthroughHandler(
    WalkthroughEngine engine,
    WalkthroughProgressUpdater progress,
    KeyCheckService checks,
    KeyCheckFlow flow,
    KeyCheckStart<KeyCheckOrigin.WalkthroughStep> start,
    IStuckEscalation stuck,
    SupportLanguages languages,
    DiscordRestClient rest,
    IOptions<GuideOptions> guideOptions,
    ILogger<WalkthroughHandler> logger) : IComponentHandler<WalkthroughId>
{
    public Task HandleAsync(Interaction interaction, WalkthroughId id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        ArgumentNullException.ThrowIfNull(id);
        var action = id.Action;
        if (interaction.Component is not { } component)
        {
            return rest.RespondAsync(interaction, Replies.NotHandled(interaction, languages.For(interaction)), cancellationToken);
        }

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
        var clicked = Clicked(interaction);
        var texts = languages.For(interaction);
        string? notice = null;
        var updated = await progress.UpdateAsync(
            userId,
            stored =>
            {
                var current = Here(engine, userId, stored, clicked);
                if (stored is not null && stored.Delivery != clicked && !interaction.IsInDirectMessage && stored.Delivery.Surface == WalkthroughSurface.DirectMessage)
                {
                    // E.g. "Open the guide at step 3" under a /diagnose result: the guide continues in that private message.
                    notice = texts.Get(TextIds.Walkthrough.MovedHere);
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

                        notice = texts.Get(TextIds.Walkthrough.ChoiceGone);
                        return current;
                    case WalkthroughActionKind.ChooseRegion:
                        if (engine.ChooseRegion(current, values.FirstOrDefault() ?? "") is { } withRegion)
                        {
                            return withRegion;
                        }

                        notice = texts.Get(TextIds.Walkthrough.ChoiceGone);
                        return current;
                    default:
                        throw new ArgumentOutOfRangeException(nameof(action), action.Kind, "Not a navigation.");
                }
            },
            cancellationToken);

        await rest.UpdateMessageAsync(interaction, Render(engine, checks, updated, notice, interaction.Locale), cancellationToken);
    }

    private async Task ForgetAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        var userId = interaction.User.Id;
        var hadKey = checks.Forget(userId);
        LogForgot(logger, userId, hadKey);
        var stored = await progress.GetAsync(userId, cancellationToken);
        var notice = WalkthroughMessages.Forgot(hadKey, languages.For(interaction));

        // "Forget my key" also sits under check results: only the live walkthrough message is redrawn, anything else gets a private answer.
        if (stored is not null && stored.Delivery.MessageId == interaction.MessageId)
        {
            await rest.UpdateMessageAsync(interaction, Render(engine, checks, stored, notice, interaction.Locale), cancellationToken);
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
        var stored = await progress.GetAsync(userId, cancellationToken) ?? Here(engine, userId, null, Clicked(interaction));
        string answer;
        try
        {
            answer = await stuck.EscalateAsync(engine.Stuck(stored), cancellationToken);
            LogStuck(logger, userId, stored.Position);
        }
        catch (DiscordRestException ex)
        {
            LogStuckFailed(logger, userId, ex.Code, ex.HttpStatus);
            answer = languages.For(interaction).Get(
                TextIds.Walkthrough.StuckFailed,
                ("button", engine.GuideFor(interaction.Locale).Buttons.Stuck),
                ("email", guideOptions.Value.SupportEmail ?? string.Empty));
        }

        await rest.EditOriginalResponseAsync(interaction, MessagePayload.Text(answer, ephemeral: true), cancellationToken);
    }

    private async Task CheckNowAsync(Interaction interaction, GuidePosition position, CancellationToken cancellationToken)
    {
        var userId = interaction.User.Id;
        if (checks.IsRemembered(userId))
        {
            await start.RunRememberedAsync(interaction, new KeyCheckOrigin.WalkthroughStep(position), cancellationToken);
            return;
        }

        // The form is the answer to this click; its submit carries this message, which the result then replaces.
        var clicked = Clicked(interaction);
        await flow.OpenFormAsync(interaction, new KeyCheckOrigin.WalkthroughStep(position), cancellationToken);
        await progress.UpdateAsync(userId, stored => engine.GoTo(Here(engine, userId, stored, clicked), position), cancellationToken);
    }

    // No flags on updates: a message stays ephemeral or not as it was posted. The page is in the clicker's language (Discord locale).
    internal static MessagePayload Render(WalkthroughEngine engine, KeyCheckService checks, WalkthroughProgress current, string? notice, string? locale) =>
        WalkthroughMessages.Walkthrough(engine.View(current, checks.IsRemembered(current.UserId), locale), notice);

    /// <summary>The member's progress, now shown on the clicked message (a member without any starts here).</summary>
    internal static WalkthroughProgress Here(WalkthroughEngine engine, ulong userId, WalkthroughProgress? stored, WalkthroughDelivery clicked) =>
        stored is null ? engine.StartOrResume(userId, null, clicked)
        : stored.Delivery == clicked ? stored
        : engine.MoveTo(stored, clicked);

    internal static WalkthroughDelivery Clicked(Interaction interaction)
    {
        var channelId = interaction.ChannelId ?? 0;
        return interaction.IsInDirectMessage
            ? WalkthroughDelivery.DirectMessage(channelId, interaction.MessageId)
            : new WalkthroughDelivery(WalkthroughSurface.ChannelEphemeral, channelId, interaction.MessageId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Member {UserId} asked to forget their key; one was remembered: {HadKey}")]
    private static partial void LogForgot(ILogger logger, ulong userId, bool hadKey);

    [LoggerMessage(Level = LogLevel.Information, Message = "Member {UserId} is stuck at {Position}; support was told")]
    private static partial void LogStuck(ILogger logger, ulong userId, GuidePosition position);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell support that member {UserId} is stuck: Discord code {Code}, HTTP {Status}")]
    private static partial void LogStuckFailed(ILogger logger, ulong userId, int code, System.Net.HttpStatusCode status);
}
