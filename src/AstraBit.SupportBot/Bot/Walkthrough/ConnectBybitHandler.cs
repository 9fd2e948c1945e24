using AstraBit.SupportBot.Bot.Interactions;
using AstraBit.SupportBot.Bot.Languages;
using AstraBit.SupportBot.Core.KeyChecks;
using AstraBit.SupportBot.Core.Text;
using AstraBit.SupportBot.Core.Walkthrough;
using AstraBit.SupportBot.Discord.Models;
using AstraBit.SupportBot.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace AstraBit.SupportBot.Bot.Walkthrough;

/// <summary>
/// `/connect-bybit`: starts or resumes the member's walkthrough. Acknowledged at once (deferred, private), then
/// the walkthrough message is posted in the member's DMs and the private answer points there. When the DMs are
/// closed (50007) the private answer itself becomes the walkthrough message and says why, once.
/// </summary>
public sealed partial class ConnectBybitHandler(
    WalkthroughEngine engine,
    WalkthroughProgressUpdater progress,
    KeyCheckService checks,
    SupportLanguages languages,
    DiscordRestClient rest,
    ILogger<ConnectBybitHandler> logger) : ICommandHandler
{
    public IReadOnlyList<string> Commands { get; } = [SupportCommands.ConnectBybit];

    public Task HandleAsync(Interaction interaction, ApplicationCommandData command, CancellationToken cancellationToken) =>
        StartAsync(interaction, cancellationToken);

    /// <summary>What `/connect-bybit` does, for any interaction (the support panel's "Connect Bybit step by step" too).</summary>
    public async Task StartAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        // Opening the DM and posting take two REST calls: acknowledge first so Discord's 3 seconds never run out.
        await rest.DeferAsync(interaction, ephemeral: true, cancellationToken);
        var userId = interaction.User.Id;
        var texts = languages.For(interaction);
        var existing = await progress.GetAsync(userId, cancellationToken);
        var welcome = existing is null ? null : WalkthroughMessages.WelcomeBack(existing, engine.Stuck(existing, interaction.Locale), texts);

        DiscordChannel dm;
        DiscordMessage posted;
        try
        {
            dm = await rest.CreateDmChannelAsync(userId, cancellationToken);
            var draft = engine.StartOrResume(userId, existing, WalkthroughDelivery.DirectMessage(dm.Id));
            posted = await rest.CreateMessageAsync(dm.Id, WalkthroughMessages.Walkthrough(engine.View(draft, checks.IsRemembered(userId), interaction.Locale), welcome), cancellationToken);
        }
        catch (DiscordRestException ex) when (ex.Code == DiscordErrorCodes.CannotSendMessagesToThisUser)
        {
            LogDmsClosed(logger, userId);
            await ContinueHereAsync(interaction, texts.Get(TextIds.Walkthrough.DmsClosed), welcome, cancellationToken);
            return;
        }
        catch (DiscordRestException ex)
        {
            // Any other failure to reach the DMs must not leave the member with nothing: the guide continues here too.
            LogDmFailed(logger, userId, ex.Code, ex.HttpStatus);
            await ContinueHereAsync(interaction, texts.Get(TextIds.Walkthrough.DmFailed), welcome, cancellationToken);
            return;
        }

        await progress.UpdateAsync(
            userId,
            stored => engine.StartOrResume(userId, stored, WalkthroughDelivery.DirectMessage(dm.Id, posted.Id)),
            cancellationToken);
        await rest.EditOriginalResponseAsync(interaction, WalkthroughMessages.SentToDm(dm.Id, posted.Id, welcome is not null, texts), cancellationToken);
        LogStartedInDm(logger, userId);
    }

    private async Task ContinueHereAsync(Interaction interaction, string why, string? welcome, CancellationToken cancellationToken)
    {
        var userId = interaction.User.Id;
        var channelId = interaction.ChannelId ?? throw new InvalidOperationException("A slash command always comes from a channel.");
        var here = await progress.UpdateAsync(
            userId,
            stored => engine.StartOrResume(userId, stored, WalkthroughDelivery.Ephemeral(channelId)),
            cancellationToken);
        var notice = welcome is null ? why : why + "\n" + welcome;
        var sent = await rest.EditOriginalResponseAsync(
            interaction,
            WalkthroughMessages.Walkthrough(engine.View(here, checks.IsRemembered(userId), interaction.Locale), notice),
            cancellationToken);

        // The ephemeral message's id lets a later click tell the live walkthrough from an older copy.
        await progress.UpdateAsync(
            userId,
            stored => engine.MoveTo(stored ?? here, new WalkthroughDelivery(WalkthroughSurface.ChannelEphemeral, channelId, sent.Id)),
            cancellationToken);
        LogStartedInChannel(logger, userId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Walkthrough for member {UserId} shown in their DMs")]
    private static partial void LogStartedInDm(ILogger logger, ulong userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Walkthrough for member {UserId} shown privately in the channel (DMs closed)")]
    private static partial void LogStartedInChannel(ILogger logger, ulong userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not post the walkthrough in the DMs of member {UserId}: Discord code {Code}, HTTP {Status}; it continues privately in the channel")]
    private static partial void LogDmFailed(ILogger logger, ulong userId, int code, System.Net.HttpStatusCode status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Member {UserId} has DMs closed (50007); the walkthrough continues privately in the channel")]
    private static partial void LogDmsClosed(ILogger logger, ulong userId);
}
