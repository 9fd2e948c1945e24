using AstraBit.SupportBot.Bot.KeyChecks;
using AstraBit.SupportBot.Bot.Languages;
using AstraBit.SupportBot.Core.Content;
using AstraBit.SupportBot.Core.Errors;
using AstraBit.SupportBot.Core.Secrets;
using AstraBit.SupportBot.Core.Text;
using AstraBit.SupportBot.Discord;
using AstraBit.SupportBot.Discord.Gateway;
using AstraBit.SupportBot.Discord.Models;
using AstraBit.SupportBot.Discord.Rest;
using AstraBit.SupportBot.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Bot.MemberHelp;

/// <summary>
/// Answers to pasted errors (PRODUCT.md §9): a member's message in the support channel naming an error the catalogue
/// knows gets a reply to it (without pinging) with the explanation and a "Check my API key" button, at most once per
/// member per error per hour. Ticket threads are other channels, so staff conversations there are never interrupted.
/// A message holding a secret is the key-leak guard's, not answered here. The reply is addressed to the member, so it is in
/// their language as last seen (a message carries no locale), English when none is known.
/// </summary>
public sealed partial class PastedErrorResponder(
    LocalizedContent<BybitErrorCatalog> catalogs,
    SupportLanguages languages,
    PastedErrorThrottle throttle,
    DiscordRestClient rest,
    IOptions<SupportDiscordOptions> support,
    IOptions<DiscordClientOptions> client,
    ILogger<PastedErrorResponder> logger) : IGatewayEventHandler<MessageCreatedEvent>
{
    /// <summary>Explanations in one reply, at most (Discord allows 10 embeds; a wall of them helps nobody).</summary>
    public const int MaxExplanations = 3;

    public async Task HandleAsync(MessageCreatedEvent gatewayEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gatewayEvent);
        if (gatewayEvent.Author.IsBot || gatewayEvent.FromWebhook || gatewayEvent.ChannelId != support.Value.SupportChannelId
            || !MessageContent.IsOn(client.Value) || KeyLeakDetector.ContainsSecret(gatewayEvent.Content))
        {
            return;
        }

        // Errors are found by the English catalogue's codes and phrases (what Bybit and AstraBit print), then explained in the member's language.
        var found = catalogs.English.FindInMessage(gatewayEvent.Content);
        if (found.Count == 0)
        {
            return;
        }

        var admitted = throttle.Admit(gatewayEvent.Author.Id, found);
        if (admitted.Count == 0)
        {
            return;
        }

        var texts = await languages.ForMemberAsync(gatewayEvent.Author.Id, cancellationToken);
        var explained = catalogs.For(texts.Locale);
        var reply = new MessageBuilder()
            .WithContent(texts.Get(TextIds.ErrorExplanation.PastedIntro))
            .WithReplyTo(gatewayEvent.MessageId)
            .WithAllowedMentions(AllowedMentions.None);
        foreach (var match in admitted.Take(MaxExplanations))
        {
            reply.AddEmbed(BybitErrorHandler.ExplanationEmbed(explained.Explain(match.Key) is { Known: true } translated ? translated : match.Explanation, texts));
        }

        reply.AddActionRow(KeyCheckPanelHandler.Button(texts.Get(TextIds.ErrorExplanation.CheckKeyButton)));
        await rest.CreateMessageAsync(gatewayEvent.ChannelId, reply.Build(), cancellationToken);
        LogAnswered(logger, gatewayEvent.Author.Id, string.Join(", ", admitted.Select(m => m.Key)));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Answered member {MemberId}'s pasted error(s) {Keys} in the support channel")]
    private static partial void LogAnswered(ILogger logger, ulong memberId, string keys);
}
