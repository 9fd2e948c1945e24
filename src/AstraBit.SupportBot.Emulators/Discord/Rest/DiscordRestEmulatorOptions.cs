namespace AstraBit.SupportBot.Emulators.Discord;

/// <summary>Settings of a <see cref="DiscordRestEmulator"/>. Defaults suit tests.</summary>
public sealed class DiscordRestEmulatorOptions
{
    public string Token { get; set; } = "emulator-bot-token";

    /// <summary>Port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; set; }

    public ulong ApplicationId { get; set; } = 900_000_000_000_000_001;

    public ulong BotUserId { get; set; } = 900_000_000_000_000_001;

    public ulong GuildId { get; set; } = 900_000_000_000_000_002;

    /// <summary>Id of the guild text channel created at start (slash commands happen there by default).</summary>
    public ulong DefaultChannelId { get; set; } = 900_000_000_000_000_003;

    /// <summary>What GET /gateway/bot returns as <c>url</c>.</summary>
    public Uri? GatewayUrl { get; set; }

    /// <summary>The emulator's clock: interaction deadlines, token lifetimes and bucket windows.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Bucket size for routes without their own limit.</summary>
    public int DefaultBucketLimit { get; set; } = 50;

    /// <summary>Bucket window for routes without their own limit.</summary>
    public TimeSpan DefaultBucketWindow { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Per-route limits, keyed by route name (see <see cref="DiscordRestRoutes"/>).</summary>
    public Dictionary<string, (int Limit, TimeSpan Window)> BucketLimits { get; } = new(StringComparer.Ordinal);

    /// <summary>Members seeded at start: user id → role ids.</summary>
    public Dictionary<ulong, ulong[]> Members { get; } = [];

    /// <summary>The initial-response window (Discord: 3 seconds).</summary>
    public TimeSpan InteractionResponseDeadline { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How long an interaction token works for follow-ups (Discord: 15 minutes).</summary>
    public TimeSpan InteractionTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Whether the app has the privileged Message Content intent ("in the Developer Portal"). Without it REST answers
    /// carry empty <c>content</c>, <c>embeds</c>, <c>attachments</c> and <c>components</c> for other users' guild
    /// messages that don't mention the bot, as Discord's do (discord-api.md §1.10).
    /// </summary>
    public bool MessageContentIntent { get; set; } = true;
}

/// <summary>Route names used by the emulator for buckets, scripts and recorded requests.</summary>
public static class DiscordRestRoutes
{
    public const string GetGatewayBot = "GET /gateway/bot";
    public const string BulkOverwriteGuildCommands = "PUT /applications/{application_id}/guilds/{guild_id}/commands";
    public const string BulkOverwriteGlobalCommands = "PUT /applications/{application_id}/commands";
    public const string InteractionCallback = "POST /interactions/{interaction_id}/{interaction_token}/callback";
    public const string CreateFollowup = "POST /webhooks/{application_id}/{interaction_token}";
    public const string EditOriginal = "PATCH /webhooks/{application_id}/{interaction_token}/messages/@original";
    public const string DeleteOriginal = "DELETE /webhooks/{application_id}/{interaction_token}/messages/@original";
    public const string EditFollowup = "PATCH /webhooks/{application_id}/{interaction_token}/messages/{message_id}";
    public const string DeleteFollowup = "DELETE /webhooks/{application_id}/{interaction_token}/messages/{message_id}";
    public const string CreateDm = "POST /users/@me/channels";
    public const string CreateMessage = "POST /channels/{channel_id}/messages";
    public const string GetMessages = "GET /channels/{channel_id}/messages";
    public const string EditMessage = "PATCH /channels/{channel_id}/messages/{message_id}";
    public const string StartThread = "POST /channels/{channel_id}/threads";
    public const string AddThreadMember = "PUT /channels/{channel_id}/thread-members/{user_id}";
    public const string ModifyChannel = "PATCH /channels/{channel_id}";
    public const string GetGuildMember = "GET /guilds/{guild_id}/members/{user_id}";
    public const string DeleteMessage = "DELETE /channels/{channel_id}/messages/{message_id}";
    public const string GetCurrentUser = "GET /users/@me";
    public const string GetCurrentApplication = "GET /applications/@me";
    public const string GetGuild = "GET /guilds/{guild_id}";
    public const string GetGuildRoles = "GET /guilds/{guild_id}/roles";
    public const string GetGuildChannels = "GET /guilds/{guild_id}/channels";
    public const string GetChannel = "GET /channels/{channel_id}";
    public const string GetGuildCommands = "GET /applications/{application_id}/guilds/{guild_id}/commands";

    internal static readonly string[] All =
    [
        GetGatewayBot, BulkOverwriteGuildCommands, BulkOverwriteGlobalCommands, InteractionCallback, CreateFollowup,
        EditOriginal, DeleteOriginal, EditFollowup, DeleteFollowup, CreateDm, CreateMessage, GetMessages, EditMessage,
        StartThread, AddThreadMember, ModifyChannel, GetGuildMember, DeleteMessage,
        GetCurrentUser, GetCurrentApplication, GetGuild, GetGuildRoles, GetGuildChannels, GetChannel, GetGuildCommands,
    ];
}
