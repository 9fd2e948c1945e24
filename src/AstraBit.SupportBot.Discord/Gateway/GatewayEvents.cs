using System.Globalization;
using System.Text.Json;
using AstraBit.SupportBot.Discord.Models;

namespace AstraBit.SupportBot.Discord.Gateway;

/// <summary>
/// Handles one kind of gateway event, already parsed (<see cref="ReadyEvent"/>, <see cref="InteractionCreatedEvent"/>,
/// <see cref="MessageCreatedEvent"/>, <see cref="GuildMemberRemovedEvent"/>). Register as a scoped
/// <c>IGatewayEventHandler&lt;TEvent&gt;</c>; <see cref="GatewayDispatcher"/> resolves it in a fresh scope per event,
/// off the receive loop. Discord may send an event twice across sessions, so handlers should be idempotent.
/// </summary>
public interface IGatewayEventHandler<in TEvent>
    where TEvent : class
{
    Task HandleAsync(TEvent gatewayEvent, CancellationToken cancellationToken);
}

/// <summary>READY: the session is up. Its application id is the one commands are registered for.</summary>
public sealed record ReadyEvent(ulong ApplicationId, ulong BotUserId, string SessionId)
{
    public const string Name = "READY";

    internal static ReadyEvent Parse(JsonElement d) => new(
        d.Prop("application") is { } app ? app.RequiredSnowflake("id") : throw new FormatException("READY carried no application id."),
        d.Prop("user") is { } user ? user.RequiredSnowflake("id") : throw new FormatException("READY carried no user."),
        d.Str("session_id") ?? "");
}

/// <summary>INTERACTION_CREATE: a command, a click, a select or a form submit.</summary>
public sealed record InteractionCreatedEvent(Interaction Interaction)
{
    public const string Name = "INTERACTION_CREATE";
}

/// <summary>
/// MESSAGE_CREATE. MemberRoles are the author's roles in the guild when Discord sent the member (guild messages do,
/// DMs don't); FromWebhook is a message a webhook posted rather than a user. A forward has empty Content: what was
/// forwarded is in <see cref="Forwarded"/>.
/// </summary>
public sealed record MessageCreatedEvent(
    ulong MessageId,
    ulong ChannelId,
    ulong? GuildId,
    DiscordUser Author,
    IReadOnlyList<ulong>? MemberRoles,
    bool FromWebhook,
    DateTimeOffset? Timestamp,
    string Content)
{
    public const string Name = "MESSAGE_CREATE";

    /// <summary>The files attached to the message itself.</summary>
    public IReadOnlyList<MessageAttachment> Attachments { get; init; } = [];

    /// <summary>
    /// What a forward carries (<c>message_reference.type</c> 1, FORWARD): the forwarded message's content and
    /// attachments, from <c>message_snapshots[].message</c>. Empty for any other message.
    /// </summary>
    public IReadOnlyList<MessageSnapshot> Forwarded { get; init; } = [];

    internal static MessageCreatedEvent Parse(JsonElement d) => new(
        d.RequiredSnowflake("id"),
        d.RequiredSnowflake("channel_id"),
        d.Snowflake("guild_id"),
        d.Prop("author") is { } author ? DiscordUser.Parse(author) : throw new FormatException("MESSAGE_CREATE carried no author."),
        d.Prop("member") is { } member ? member.Snowflakes("roles") : null,
        d.Prop("webhook_id") is not null,
        d.Str("timestamp") is { } stamp && DateTimeOffset.TryParse(stamp, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : null,
        d.Str("content") ?? "")
    {
        Attachments = [.. d.Array("attachments").Select(MessageAttachment.Parse)],
        Forwarded = MessageSnapshot.ParseForwarded(d),
    };
}

/// <summary>GUILD_MEMBER_REMOVE: a member left or was removed.</summary>
public sealed record GuildMemberRemovedEvent(ulong GuildId, DiscordUser User)
{
    public const string Name = "GUILD_MEMBER_REMOVE";

    internal static GuildMemberRemovedEvent Parse(JsonElement d) => new(
        d.RequiredSnowflake("guild_id"),
        d.Prop("user") is { } user ? DiscordUser.Parse(user) : throw new FormatException("GUILD_MEMBER_REMOVE carried no user."));
}
