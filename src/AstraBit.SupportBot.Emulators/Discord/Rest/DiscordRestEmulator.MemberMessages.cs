using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace AstraBit.SupportBot.Emulators.Discord;

/// <summary>A file a member attaches to a message in the emulator.</summary>
public sealed record MemberFile(string FileName, byte[] Content, string? ContentType = "text/plain; charset=utf-8");

/// <summary>
/// A forwarded message as Discord keeps it in the forward (<c>message_snapshots[].message</c>): a copy taken when it was
/// forwarded, so later edits or deletion of the original don't change it.
/// </summary>
public sealed record EmulatedSnapshot(ulong MessageId, ulong ChannelId, string Content, IReadOnlyList<EmulatedAttachment> Attachments, DateTimeOffset Timestamp, int Flags);

public sealed partial class DiscordRestEmulator
{
    /// <summary>
    /// Where the emulator serves attachments, on its own host as Discord's CDN does on cdn.discordapp.com. Requests
    /// to it are recorded with this route; like the CDN it needs no authorization.
    /// </summary>
    public const string AttachmentRoute = "GET /attachments/{channel_id}/{message_id}/{attachment_id}/{filename}";

    private const string AttachmentPathPrefix = "/attachments/";

    // Message flag HAS_SNAPSHOT (1 << 14): the message is a forward.
    private const int HasSnapshotFlag = 1 << 14;

    private readonly Dictionary<ulong, EmulatedSnapshot> _forwards = [];
    private readonly Dictionary<ulong, DateTimeOffset> _memberEdits = [];
    private readonly Dictionary<ulong, Uri> _attachmentRedirects = [];

    // Files members attached in a modal's upload, by the submit's interaction id (Discord's temporary attachments).
    private readonly Dictionary<ulong, EmulatedSnapshot> _modalUploads = [];

    /// <summary>
    /// A member writes <paramref name="content"/> with <paramref name="files"/> attached: the files are kept by the
    /// emulator and served from its own host (<see cref="AttachmentRoute"/>), and the message's <c>attachments</c> carry
    /// their id, name, size, content type and URL as Discord's do. Returns the MESSAGE_CREATE payload to dispatch.
    /// </summary>
    public JsonObject PostMemberMessage(ulong userId, ulong channelId, string content, IReadOnlyList<MemberFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var json = PostMemberMessage(userId, channelId, content);
        if (files.Count == 0)
        {
            return json;
        }

        var id = ulong.Parse(json["id"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        lock (_lock)
        {
            var message = _messages.First(m => m.Id == id);
            message.Attachments = [.. files.Select(f => new EmulatedAttachment(NextId(), f.FileName, f.ContentType, f.Content))];
            json["attachments"] = AttachmentsJson(message.ChannelId, message.Id, message.Attachments);
            return json;
        }
    }

    /// <summary>
    /// A member edits their own message to <paramref name="content"/>: the message changes and the MESSAGE_UPDATE
    /// payload Discord sends for a content edit (the whole message, with <c>edited_timestamp</c>) is returned to dispatch.
    /// </summary>
    /// <exception cref="ArgumentException">There is no such message, or it is not the member's (Discord lets only the author edit).</exception>
    public JsonObject EditMemberMessage(ulong userId, ulong messageId, string content)
    {
        lock (_lock)
        {
            var message = _messages.FirstOrDefault(m => m.Id == messageId)
                ?? throw new ArgumentException($"There is no message {Id(messageId)} to edit.", nameof(messageId));
            if (message.AuthorId != userId)
            {
                throw new ArgumentException("Only the author of a message can edit it.", nameof(userId));
            }

            message.Content = content;
            message.EditCount++;
            _memberEdits[message.Id] = _clock.GetUtcNow();
            return ForGateway(message, userId);
        }
    }

    /// <summary>
    /// A member forwards message <paramref name="messageId"/> to <paramref name="toChannelId"/>: a new message of theirs
    /// with empty content, flag HAS_SNAPSHOT, <c>message_reference</c> of type 1 (FORWARD) and a copy of the forwarded
    /// message (content and attachments) in <c>message_snapshots</c>. Returns the MESSAGE_CREATE payload to dispatch.
    /// </summary>
    /// <exception cref="ArgumentException">There is no such message or channel.</exception>
    public JsonObject ForwardMemberMessage(ulong userId, ulong messageId, ulong toChannelId)
    {
        lock (_lock)
        {
            var original = _messages.FirstOrDefault(m => m.Id == messageId)
                ?? throw new ArgumentException($"There is no message {Id(messageId)} to forward.", nameof(messageId));
            var target = _channels.GetValueOrDefault(toChannelId)
                ?? throw new ArgumentException($"There is no channel {Id(toChannelId)} to forward to.", nameof(toChannelId));
            var forward = new EmulatedMessage(NextId(), target.Id, userId, _clock.GetUtcNow()) { Flags = HasSnapshotFlag, InDirectMessage = target.Type == 1 };
            _messages.Add(forward);
            _forwards[forward.Id] = new EmulatedSnapshot(original.Id, original.ChannelId, original.Content, original.Attachments, original.Timestamp, original.Flags);
            return ForGateway(forward, userId);
        }
    }

    /// <summary>What a forward carries, or null when the message is not a forward.</summary>
    public EmulatedSnapshot? ForwardedBy(ulong messageId)
    {
        lock (_lock)
        {
            return _forwards.GetValueOrDefault(messageId);
        }
    }

    /// <summary>From now on the attachment is answered with a 302 redirect to <paramref name="location"/> instead of its bytes.</summary>
    public void RedirectAttachment(ulong attachmentId, Uri location)
    {
        lock (_lock)
        {
            _attachmentRedirects[attachmentId] = location;
        }
    }

    // The message as a gateway event carries it: guild messages with guild_id and the author's member object.
    private JsonObject ForGateway(EmulatedMessage message, ulong userId)
    {
        var json = MessageJson(message);
        if (!message.InDirectMessage)
        {
            json["guild_id"] = Id(_options.GuildId);
            json["member"] = MemberJson(userId, withUser: false);
        }

        return json;
    }

    // Fields only some messages have: a member's edit time, a forward's reference and snapshot.
    private JsonObject WithMemberExtras(JsonObject json, EmulatedMessage m)
    {
        if (_memberEdits.TryGetValue(m.Id, out var editedAt))
        {
            json["edited_timestamp"] = Stamp(editedAt);
        }

        if (_forwards.TryGetValue(m.Id, out var snapshot))
        {
            var source = _channels.GetValueOrDefault(snapshot.ChannelId);
            var reference = new JsonObject { ["type"] = 1, ["message_id"] = Id(snapshot.MessageId), ["channel_id"] = Id(snapshot.ChannelId) };
            if (source?.GuildId is { } guild)
            {
                reference["guild_id"] = Id(guild);
            }

            json["message_reference"] = reference;
            json["message_snapshots"] = new JsonArray(new JsonObject
            {
                ["message"] = new JsonObject
                {
                    ["type"] = 0,
                    ["content"] = snapshot.Content,
                    ["embeds"] = new JsonArray(),
                    ["attachments"] = AttachmentsJson(snapshot.ChannelId, snapshot.MessageId, snapshot.Attachments),
                    ["timestamp"] = Stamp(snapshot.Timestamp),
                    ["edited_timestamp"] = null,
                    ["flags"] = snapshot.Flags,
                    ["mentions"] = new JsonArray(),
                    ["mention_roles"] = new JsonArray(),
                    ["components"] = new JsonArray(),
                },
            });
        }

        return json;
    }

    private JsonArray AttachmentsJson(ulong channelId, ulong messageId, IReadOnlyList<EmulatedAttachment> attachments) =>
        [.. attachments.Select(a => (JsonNode)new JsonObject
        {
            ["id"] = Id(a.Id),
            ["filename"] = a.FileName,
            ["size"] = a.Content.Length,
            ["content_type"] = a.ContentType,
            ["url"] = AttachmentUrl(channelId, messageId, a),
            ["proxy_url"] = AttachmentUrl(channelId, messageId, a),
        })];

    private string AttachmentUrl(ulong channelId, ulong messageId, EmulatedAttachment a) =>
        new Uri(ApiBaseUrl, $"{AttachmentPathPrefix}{Id(channelId)}/{Id(messageId)}/{Id(a.Id)}/{Uri.EscapeDataString(a.FileName)}").AbsoluteUri;

    private static string Stamp(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffffzzz", CultureInfo.InvariantCulture);

    private static bool IsAttachmentPath(string path) => path.StartsWith(AttachmentPathPrefix, StringComparison.Ordinal);

    // GET /attachments/{channel_id}/{message_id}/{attachment_id}/{filename}: the bytes, as the CDN serves them (no
    // authorization, no rate-limit headers). A deleted message's files are gone, as on Discord; a forward's copy stays.
    private async Task ServeAttachmentAsync(HttpContext ctx, string path)
    {
        var request = ctx.Request;
        var segments = path[AttachmentPathPrefix.Length..].Split('/');
        var recorded = new RecordedRequest(
            request.Method,
            path + request.QueryString.Value,
            AttachmentRoute,
            segments[0],
            request.Headers.Authorization.ToString(),
            request.Headers.UserAgent.ToString(),
            null,
            request.ContentType,
            null,
            [],
            _clock.GetUtcNow());
        EmulatedAttachment? found = null;
        Uri? redirect = null;
        lock (_lock)
        {
            _requests.Add(recorded);
            if (segments.Length == 4
                && ulong.TryParse(segments[0], NumberStyles.None, CultureInfo.InvariantCulture, out var channelId)
                && ulong.TryParse(segments[1], NumberStyles.None, CultureInfo.InvariantCulture, out var messageId)
                && ulong.TryParse(segments[2], NumberStyles.None, CultureInfo.InvariantCulture, out var attachmentId))
            {
                var files = _messages.FirstOrDefault(m => m.Id == messageId && m.ChannelId == channelId)?.Attachments
                    ?? _forwards.Values.FirstOrDefault(s => s.MessageId == messageId && s.ChannelId == channelId)?.Attachments
                    ?? (_modalUploads.GetValueOrDefault(messageId) is { } upload && upload.ChannelId == channelId ? upload.Attachments : null)
                    ?? [];
                found = files.FirstOrDefault(a => a.Id == attachmentId && a.FileName == Uri.UnescapeDataString(segments[3]));
                redirect = found is not null ? _attachmentRedirects.GetValueOrDefault(attachmentId) : null;
            }

            recorded.Status = !HttpMethods.IsGet(request.Method) ? 405 : found is null ? 404 : redirect is not null ? 302 : 200;
        }

        Pulse();
        ctx.Response.StatusCode = recorded.Status;
        if (recorded.Status == 302)
        {
            ctx.Response.Headers.Location = redirect!.AbsoluteUri;
        }
        else if (recorded.Status == 200)
        {
            ctx.Response.ContentType = found!.ContentType ?? "application/octet-stream";
            ctx.Response.ContentLength = found.Content.Length;
            await ctx.Response.Body.WriteAsync(found.Content, ctx.RequestAborted).ConfigureAwait(false);
        }
    }
}
