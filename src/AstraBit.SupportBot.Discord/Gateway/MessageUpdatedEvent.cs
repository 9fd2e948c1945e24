using System.Globalization;
using System.Text.Json;
using AstraBit.SupportBot.Discord.Models;

namespace AstraBit.SupportBot.Discord.Gateway;

/// <summary>
/// MESSAGE_UPDATE: a message was edited (or Discord added something to it, such as a link's embed). Discord sends the
/// whole message for a content edit but may send only some fields for other updates, so every field but the ids may
/// be missing: <see cref="Content"/> is null when the update didn't carry content (which is not the same as empty
/// content), <see cref="Author"/> when it didn't carry the author.
/// </summary>
public sealed record MessageUpdatedEvent(
    ulong MessageId,
    ulong ChannelId,
    ulong? GuildId,
    DiscordUser? Author,
    bool FromWebhook,
    DateTimeOffset? EditedAt,
    string? Content)
{
    public const string Name = "MESSAGE_UPDATE";

    internal static MessageUpdatedEvent Parse(JsonElement d) => new(
        d.RequiredSnowflake("id"),
        d.RequiredSnowflake("channel_id"),
        d.Snowflake("guild_id"),
        d.Prop("author") is { } author ? DiscordUser.Parse(author) : null,
        d.Prop("webhook_id") is not null,
        d.Str("edited_timestamp") is { } stamp && DateTimeOffset.TryParse(stamp, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : null,
        d.Prop("content") is { ValueKind: JsonValueKind.String } content ? content.GetString() : null);
}

/// <summary>A forwarded message as a forward carries it (<c>message_snapshots[].message</c>): its text and files.</summary>
public sealed record MessageSnapshot(string Content, IReadOnlyList<MessageAttachment> Attachments)
{
    /// <summary>Message reference type 1: the message forwards the referenced one, whose copy is in message_snapshots.</summary>
    public const int ForwardReferenceType = 1;

    internal static IReadOnlyList<MessageSnapshot> ParseForwarded(JsonElement message)
    {
        // A reference without a type is a reply (type 0, DEFAULT), as Discord documents.
        if (message.Prop("message_reference") is not { } reference || reference.Int("type") != ForwardReferenceType)
        {
            return [];
        }

        return [.. message.Array("message_snapshots")
            .Select(snapshot => snapshot.Prop("message"))
            .Where(forwarded => forwarded is not null)
            .Select(forwarded => new MessageSnapshot(
                forwarded!.Value.Str("content") ?? "",
                [.. forwarded.Value.Array("attachments").Select(MessageAttachment.Parse)]))];
    }
}
