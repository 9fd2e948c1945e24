using AstraBit.SupportBot.Core;
using AstraBit.SupportBot.Bot.KeyChecks;
using AstraBit.SupportBot.Core.Audit;
using AstraBit.SupportBot.Core.Secrets;
using AstraBit.SupportBot.Core.Tickets;
using AstraBit.SupportBot.Discord;
using AstraBit.SupportBot.Discord.Gateway;
using AstraBit.SupportBot.Discord.Models;
using AstraBit.SupportBot.Discord.Rest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Bot.MemberHelp;

/// <summary>
/// The key-leak guard (PRODUCT.md §9): a member's message holding a Bybit API secret is deleted at once (in a DM, where
/// no bot may delete a member's message, the member is asked to delete it), the member is told privately to delete the
/// key on Bybit and create a new one (a DM; with DMs closed, a notice in the channel that mentions only them and
/// deletes itself after a minute), the audit log records member, channel and masked key, and their open ticket gets a
/// note. The message's text is never reposted, logged or stored. Off without the Message Content intent.
/// </summary>
public sealed partial class KeyLeakGuard(
    DiscordRestClient rest,
    TicketService tickets,
    IAuditLog audit,
    BackgroundChecks background,
    IOptions<DiscordClientOptions> client,
    [FromKeyedServices(SupportClock.Key)] TimeProvider clock,
    ILogger<KeyLeakGuard> logger) : IGatewayEventHandler<MessageCreatedEvent>
{
    /// <summary>How long the in-channel notice stays when the member's DMs are closed.</summary>
    public static readonly TimeSpan NoticeLifetime = TimeSpan.FromMinutes(1);

    public async Task HandleAsync(MessageCreatedEvent gatewayEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gatewayEvent);
        if (gatewayEvent.Author.IsBot || gatewayEvent.FromWebhook || !MessageContent.IsOn(client.Value))
        {
            return;
        }

        var scan = KeyLeakDetector.Scan(gatewayEvent.Content);
        if (!scan.HasSecret)
        {
            return;
        }

        var memberId = gatewayEvent.Author.Id;
        var channelId = gatewayEvent.ChannelId;
        var inDm = gatewayEvent.GuildId is null;
        var deleted = !inDm && await TryDeleteAsync(gatewayEvent, cancellationToken);
        LogLeak(logger, memberId, channelId, scan.MaskedKey ?? "(no key)", deleted);

        await TellMemberAsync(memberId, channelId, inDm, deleted, scan.MaskedKey, cancellationToken);
        var ticket = await tickets.FindOpenForMemberAsync(memberId, cancellationToken);
        await audit.WriteAsync(
            new AuditEntry(null, AuditActions.KeyLeaked, memberId, ticket?.Number, KeyLeakMessages.AuditDetail(channelId, scan.MaskedKey, inDm, deleted), clock.GetUtcNow()),
            cancellationToken);
        if (ticket?.ThreadId is { } thread)
        {
            await TryPostAsync(thread, MessagePayload.Text(KeyLeakMessages.TicketNote(memberId, channelId, scan.MaskedKey, deleted)), cancellationToken);
        }
    }

    private async Task<bool> TryDeleteAsync(MessageCreatedEvent message, CancellationToken cancellationToken)
    {
        try
        {
            await rest.DeleteMessageAsync(message.ChannelId, message.MessageId, "Key-leak guard: the message held an API secret", cancellationToken);
            return true;
        }
        catch (DiscordRestException ex) when (ex.Code == DiscordErrorCodes.UnknownMessage)
        {
            // The member deleted it first.
            return true;
        }
        catch (DiscordRestException ex)
        {
            // Most likely Manage Messages is missing in that channel: the member is asked to delete it instead.
            LogDeleteFailed(logger, message.Author.Id, message.ChannelId, ex.Code, ex.HttpStatus);
            return false;
        }
    }

    private async Task TellMemberAsync(ulong memberId, ulong channelId, bool inDm, bool deleted, string? maskedKey, CancellationToken cancellationToken)
    {
        var warning = KeyLeakMessages.Warning(maskedKey, deleted, inDm);
        if (inDm)
        {
            await TryPostAsync(channelId, MessagePayload.Text(warning), cancellationToken);
            return;
        }

        try
        {
            var dm = await rest.CreateDmChannelAsync(memberId, cancellationToken);
            await rest.CreateMessageAsync(dm.Id, MessagePayload.Text(warning), cancellationToken);
        }
        catch (DiscordRestException ex) when (ex.Code == DiscordErrorCodes.CannotSendMessagesToThisUser)
        {
            // The timer starts before the post, so the notice can't outlive its minute whatever the post takes.
            var expiry = Task.Delay(NoticeLifetime, clock, CancellationToken.None);
            var notice = await rest.CreateMessageAsync(
                channelId,
                new MessageBuilder().WithContent(KeyLeakMessages.ChannelNotice(memberId, deleted)).WithAllowedMentions(AllowedMentions.ForUsers(memberId)).Build(),
                cancellationToken);
            background.Start("key-leak notice removal", async (services, stopping) =>
            {
                await expiry.WaitAsync(stopping);
                await services.GetRequiredService<DiscordRestClient>().DeleteMessageAsync(channelId, notice.Id, ct: stopping);
            });
        }
    }

    private async Task TryPostAsync(ulong channelId, MessagePayload message, CancellationToken cancellationToken)
    {
        try
        {
            await rest.CreateMessageAsync(channelId, message, cancellationToken);
        }
        catch (DiscordRestException ex)
        {
            LogPostFailed(logger, channelId, ex.Code, ex.HttpStatus);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Key-leak guard: member {MemberId} posted an API secret (key {MaskedKey}) in channel {ChannelId}; deleted: {Deleted}")]
    private static partial void LogLeak(ILogger logger, ulong memberId, ulong channelId, string maskedKey, bool deleted);

    [LoggerMessage(Level = LogLevel.Error, Message = "Key-leak guard could not delete the message of member {MemberId} in channel {ChannelId}: Discord code {Code}, HTTP {Status}")]
    private static partial void LogDeleteFailed(ILogger logger, ulong memberId, ulong channelId, int code, System.Net.HttpStatusCode status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Key-leak guard could not post in channel {ChannelId}: Discord code {Code}, HTTP {Status}")]
    private static partial void LogPostFailed(ILogger logger, ulong channelId, int code, System.Net.HttpStatusCode status);
}

/// <summary>Whether the bot identifies with the Message Content intent (1 &lt;&lt; 15); the guard and pasted-error answers need it.</summary>
public static class MessageContent
{
    public const int Intent = 1 << 15;

    public static bool IsOn(DiscordClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return (options.Intents & Intent) != 0;
    }
}
