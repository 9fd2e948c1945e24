using System.Globalization;
using System.Text.Json;

namespace AstraBit.SupportBot.Discord.Models;

/// <summary>A Discord user (partial: the fields the bot uses).</summary>
public sealed record DiscordUser(ulong Id, string Username, string? GlobalName, bool IsBot)
{
    /// <summary>A mention string, <c>&lt;@id&gt;</c>. Whether it pings is decided by <see cref="AllowedMentions"/>.</summary>
    public string Mention => $"<@{JsonRead.Id(Id)}>";

    internal static DiscordUser Parse(JsonElement e) =>
        new(e.RequiredSnowflake("id"), e.Str("username") ?? "", e.Str("global_name"), e.Bool("bot") ?? false);
}

/// <summary>A guild member. <see cref="Permissions"/> is only present in interaction payloads.</summary>
public sealed record GuildMember(DiscordUser? User, IReadOnlyList<ulong> Roles, string? Nick, ulong? Permissions)
{
    /// <summary>True when the member has the role.</summary>
    public bool HasRole(ulong roleId) => Roles.Contains(roleId);

    internal static GuildMember Parse(JsonElement e, DiscordUser? fallbackUser = null) =>
        new(
            e.Prop("user") is { } u ? DiscordUser.Parse(u) : fallbackUser,
            e.Snowflakes("roles"),
            e.Str("nick"),
            e.Str("permissions") is { } p && ulong.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var perms) ? perms : null);
}

/// <summary>Discord channel types used by the bot.</summary>
public enum ChannelType
{
    GuildText = 0,
    DirectMessage = 1,
    GuildVoice = 2,
    GroupDirectMessage = 3,
    GuildCategory = 4,
    GuildAnnouncement = 5,
    AnnouncementThread = 10,
    PublicThread = 11,
    PrivateThread = 12,
    GuildForum = 15,
}

/// <summary>Thread state (<c>thread_metadata</c>).</summary>
public sealed record ThreadMetadata(bool Archived, bool Locked, bool? Invitable, int AutoArchiveDuration);

/// <summary>A channel, DM channel or thread.</summary>
public sealed record DiscordChannel(ulong Id, ChannelType Type, ulong? GuildId, ulong? ParentId, string? Name, ThreadMetadata? Thread)
{
    /// <summary>The channel's permission overwrites (guild channels; empty when Discord sent none).</summary>
    public IReadOnlyList<PermissionOverwrite> PermissionOverwrites { get; init; } = [];

    internal static DiscordChannel Parse(JsonElement e) =>
        new DiscordChannel(
            e.RequiredSnowflake("id"),
            (ChannelType)(e.Int("type") ?? 0),
            e.Snowflake("guild_id"),
            e.Snowflake("parent_id"),
            e.Str("name"),
            e.Prop("thread_metadata") is { } t
                ? new ThreadMetadata(t.Bool("archived") ?? false, t.Bool("locked") ?? false, t.Bool("invitable"), t.Int("auto_archive_duration") ?? 0)
                : null)
        {
            PermissionOverwrites = [.. e.Array("permission_overwrites").Select(PermissionOverwrite.Parse)],
        };
}

/// <summary>An attachment on a received message. <see cref="Size"/> is in bytes, 0 when Discord gave none that fits.</summary>
public sealed record MessageAttachment(ulong Id, string FileName, int Size, Uri? Url)
{
    /// <summary>The media type Discord determined ("image/png"), when it gave one.</summary>
    public string? ContentType { get; init; }

    internal static MessageAttachment Parse(JsonElement e) =>
        new(
            e.RequiredSnowflake("id"),
            e.Str("filename") ?? "",
            e.Int("size") ?? 0,
            Uri.TryCreate(e.Str("url"), UriKind.Absolute, out var url) ? url : null)
        {
            ContentType = e.Str("content_type"),
        };
}

/// <summary>A message as returned by Discord (partial).</summary>
public sealed record DiscordMessage(
    ulong Id,
    ulong ChannelId,
    DiscordUser? Author,
    string Content,
    MessageFlags Flags,
    int EmbedCount,
    IReadOnlyList<MessageAttachment> Attachments,
    DateTimeOffset? Timestamp)
{
    /// <summary>The message's embeds, in words.</summary>
    public IReadOnlyList<ReceivedEmbed> Embeds { get; init; } = [];

    /// <summary>The message's components: buttons and selects, or its Components V2 content.</summary>
    public IReadOnlyList<ReceivedComponent> Components { get; init; } = [];

    /// <summary>What a forward carries (<c>message_snapshots[].message</c>); empty for any other message.</summary>
    public IReadOnlyList<Gateway.MessageSnapshot> Forwarded { get; init; } = [];

    internal static DiscordMessage Parse(JsonElement e) =>
        new DiscordMessage(
            e.RequiredSnowflake("id"),
            e.Snowflake("channel_id") ?? 0,
            e.Prop("author") is { } a ? DiscordUser.Parse(a) : null,
            e.Str("content") ?? "",
            (MessageFlags)(e.Int("flags") ?? 0),
            e.Array("embeds").Count(),
            [.. e.Array("attachments").Select(MessageAttachment.Parse)],
            DateTimeOffset.TryParse(e.Str("timestamp"), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var ts) ? ts : null)
        {
            Embeds = [.. e.Array("embeds").Where(x => x.ValueKind == JsonValueKind.Object).Select(ReceivedEmbed.Parse)],
            Components = ReceivedComponent.ParseAll(e),
            Forwarded = Gateway.MessageSnapshot.ParseForwarded(e),
        };
}

/// <summary>Identify budget from GET /gateway/bot.</summary>
public sealed record SessionStartLimit(int Total, int Remaining, TimeSpan ResetAfter, int MaxConcurrency);

/// <summary>The answer of GET /gateway/bot.</summary>
public sealed record GatewayBotInfo(Uri Url, int Shards, SessionStartLimit SessionStartLimit)
{
    internal static GatewayBotInfo Parse(JsonElement e)
    {
        var l = e.Prop("session_start_limit");
        return new(
            new Uri(e.Str("url") ?? throw new JsonException("GET /gateway/bot returned no url.")),
            e.Int("shards") ?? 1,
            new SessionStartLimit(
                l?.Int("total") ?? 0,
                l?.Int("remaining") ?? 0,
                TimeSpan.FromMilliseconds(l?.Int("reset_after") ?? 0),
                l?.Int("max_concurrency") ?? 1));
    }
}

/// <summary>A command as registered by Discord (bulk overwrite answer).</summary>
public sealed record RegisteredApplicationCommand(ulong Id, string Name, ApplicationCommandType Type)
{
    internal static RegisteredApplicationCommand Parse(JsonElement e) =>
        new(e.RequiredSnowflake("id"), e.Str("name") ?? "", (ApplicationCommandType)(e.Int("type") ?? 1));
}
