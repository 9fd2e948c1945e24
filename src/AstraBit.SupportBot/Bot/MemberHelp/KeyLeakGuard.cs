using System.Globalization;
using AstraBit.SupportBot.Core;
using AstraBit.SupportBot.Bot.KeyChecks;
using AstraBit.SupportBot.Bot.Languages;
using AstraBit.SupportBot.Bot.Tickets;
using AstraBit.SupportBot.Core.Audit;
using AstraBit.SupportBot.Core.Secrets;
using AstraBit.SupportBot.Core.Text;
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
/// <para>
/// "Holding" covers every way a secret reaches a channel: a new message's text, an edit that puts one in
/// (MESSAGE_UPDATE; an update that carries no content is left alone), a forward (the forwarded text in
/// <c>message_snapshots</c>), and small text files attached to either (<see cref="TextAttachments"/>, read through
/// <see cref="DiscordAttachmentReader"/>: only from Discord's attachment hosts or the configured API's origin, never a
/// URL written in a message). Each message is acted on once, whichever of its events shows the secret first.
/// </para>
/// </summary>
public sealed partial class KeyLeakGuard(
    DiscordRestClient rest,
    DiscordAttachmentReader attachments,
    KeyLeakClaims claims,
    TicketDesk tickets,
    IAuditLog audit,
    SupportLanguages languages,
    BackgroundChecks background,
    IOptions<DiscordClientOptions> client,
    [FromKeyedServices(SupportClock.Key)] TimeProvider clock,
    ILogger<KeyLeakGuard> logger) : IGatewayEventHandler<MessageCreatedEvent>, IGatewayEventHandler<MessageUpdatedEvent>
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

        var message = new GuardedMessage(gatewayEvent.MessageId, gatewayEvent.ChannelId, gatewayEvent.GuildId, gatewayEvent.Author.Id);
        var found = Find(gatewayEvent.Content, LeakSource.Message);
        foreach (var forwarded in gatewayEvent.Forwarded)
        {
            found ??= Find(forwarded.Content, LeakSource.Forward);
        }

        found ??= await FindInAttachmentsAsync(message, [.. gatewayEvent.Attachments, .. gatewayEvent.Forwarded.SelectMany(f => f.Attachments)], cancellationToken);
        if (found is { } leak)
        {
            await ActAsync(message, leak, cancellationToken);
        }
    }

    public async Task HandleAsync(MessageUpdatedEvent gatewayEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gatewayEvent);

        // An update may carry only some fields (an embed Discord added): without content or author there is nothing to
        // read or nobody to tell. Attachments are not read again: an edit can only remove files, and they were read
        // when the message was posted.
        if (gatewayEvent.Content is not { } content || gatewayEvent.Author is not { IsBot: false } author || gatewayEvent.FromWebhook
            || !MessageContent.IsOn(client.Value))
        {
            return;
        }

        if (Find(content, LeakSource.Edit) is { } leak)
        {
            await ActAsync(new GuardedMessage(gatewayEvent.MessageId, gatewayEvent.ChannelId, gatewayEvent.GuildId, author.Id), leak, cancellationToken);
        }
    }

    private static Leak? Find(string text, LeakSource source) =>
        KeyLeakDetector.Scan(text) is { HasSecret: true } scan ? new Leak(source, scan.MaskedKey) : null;

    private async Task<Leak?> FindInAttachmentsAsync(GuardedMessage message, IReadOnlyList<MessageAttachment> files, CancellationToken cancellationToken)
    {
        foreach (var file in files.Where(TextAttachments.Reads).Take(TextAttachments.MaxPerMessage))
        {
            var read = await attachments.ReadTextAsync(file, TextAttachments.MaxBytes, cancellationToken);
            if (read.Succeeded)
            {
                if (Find(read.Text!, LeakSource.Attachment) is { } leak)
                {
                    return leak;
                }
            }
            else
            {
                LogUnread(logger, file.Id, message.MessageId, message.AuthorId, read.Status, read.Problem ?? "");
            }
        }

        return null;
    }

    private async Task ActAsync(GuardedMessage message, Leak leak, CancellationToken cancellationToken)
    {
        if (!claims.TryClaim(message.MessageId))
        {
            // Another event of the same message (its edit, or the same event delivered again) is already handled.
            return;
        }

        var (memberId, channelId) = (message.AuthorId, message.ChannelId);
        var inDm = message.GuildId is null;
        var deleted = !inDm && await TryDeleteAsync(message, cancellationToken);
        LogLeak(logger, memberId, leak.Source, leak.MaskedKey, channelId, deleted);

        await TellMemberAsync(memberId, channelId, inDm, deleted, leak, cancellationToken);
        var ticket = await tickets.FindOpenForMemberAsync(memberId, cancellationToken);
        // The audit record is written once, in English, and shown as recorded; never the text, only ids and the masked key.
        await audit.WriteAsync(
            new AuditEntry(
                null,
                AuditActions.KeyLeaked,
                memberId,
                ticket?.Number,
                $"API secret posted in {(inDm ? "a DM to the bot" : "channel " + channelId.ToString(CultureInfo.InvariantCulture))}; key {leak.MaskedKey ?? "not posted"}; "
                    + $"{(deleted ? "message deleted" : "member asked to delete it")}{leak.Source switch { LeakSource.Edit => "; in an edit", LeakSource.Forward => "; in a forwarded message", LeakSource.Attachment => "; in an attached file", _ => "" }}",
                clock.GetUtcNow()),
            cancellationToken);
        if (ticket?.ThreadId is { } thread)
        {
            // The note is for the staff who read the thread: the staff language.
            await TryPostAsync(thread, MessagePayload.Text(KeyLeakMessages.TicketNote(memberId, channelId, leak.MaskedKey, deleted, leak.Source, languages.Staff)), cancellationToken);
        }
    }

    private async Task<bool> TryDeleteAsync(GuardedMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await rest.DeleteMessageAsync(message.ChannelId, message.MessageId, AuditReason("Key-leak guard: the message held an API secret"), cancellationToken);
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
            LogDeleteFailed(logger, message.AuthorId, message.ChannelId, ex.Code, ex.HttpStatus);
            return false;
        }
    }

    private async Task TellMemberAsync(ulong memberId, ulong channelId, bool inDm, bool deleted, Leak leak, CancellationToken cancellationToken)
    {
        // A message carries no locale: the member reads the warning in their language as last seen, English when none is known.
        var member = await languages.ForMemberAsync(memberId, cancellationToken);
        var warning = KeyLeakMessages.Warning(leak.MaskedKey, deleted, inDm, leak.Source, member);
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
                new MessageBuilder().WithContent(KeyLeakMessages.ChannelNotice(memberId, deleted, member)).WithAllowedMentions(AllowedMentions.ForUsers(memberId)).Build(),
                cancellationToken);
            background.Start<DiscordRestClient>("key-leak-notice-removal", async (later, stopping) =>
            {
                await expiry.WaitAsync(stopping);
                await later.DeleteMessageAsync(channelId, notice.Id, ct: stopping);
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

    // Discord's audit log shows why the bot deleted the message: a record for the server's admins, in English like ours,
    // within Discord's 512 characters for a reason.
    private static string AuditReason(string reason) => SafeText.Fit(reason, 512);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Key-leak guard: member {MemberId} posted an API secret ({Source}, key {MaskedKey}) in channel {ChannelId}; deleted: {Deleted}")]
    private static partial void LogLeak(ILogger logger, ulong memberId, LeakSource source, string? maskedKey, ulong channelId, bool deleted);

    // No file name: the member chose it, and it could hold the secret itself.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Key-leak guard did not read attachment {AttachmentId} of message {MessageId} by member {MemberId}: {Status}, {Problem}")]
    private static partial void LogUnread(ILogger logger, ulong attachmentId, ulong messageId, ulong memberId, AttachmentReadStatus status, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "Key-leak guard could not delete the message of member {MemberId} in channel {ChannelId}: Discord code {Code}, HTTP {Status}")]
    private static partial void LogDeleteFailed(ILogger logger, ulong memberId, ulong channelId, int code, System.Net.HttpStatusCode status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Key-leak guard could not post in channel {ChannelId}: Discord code {Code}, HTTP {Status}")]
    private static partial void LogPostFailed(ILogger logger, ulong channelId, int code, System.Net.HttpStatusCode status);
}

/// <summary>The message the guard acts on, whichever event showed the secret.</summary>
internal sealed record GuardedMessage(ulong MessageId, ulong ChannelId, ulong? GuildId, ulong AuthorId);

/// <summary>Where a secret was found and the masked key posted with it, if any.</summary>
internal sealed record Leak(LeakSource Source, string? MaskedKey);

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
