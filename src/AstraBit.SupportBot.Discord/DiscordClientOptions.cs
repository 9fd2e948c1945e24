namespace AstraBit.SupportBot.Discord;

/// <summary>
/// What our Discord client needs to connect. Bound from the "Discord" configuration section
/// (the host binds its own support settings, such as channel ids, from the same section).
/// </summary>
public sealed class DiscordClientOptions
{
    public const string SectionName = "Discord";

    /// <summary>The bot token (secret; env <c>Discord__Token</c>). Sent only in the Authorization header and IDENTIFY.</summary>
    public string Token { get; set; } = "";

    /// <summary>REST base, including the version segment. Default https://discord.com/api/v10.</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://discord.com/api/v10");

    /// <summary>Gateway WebSocket URL. When null, it is asked for through GET /gateway/bot.</summary>
    public Uri? GatewayUrl { get; set; }

    /// <summary>
    /// Gateway intents bit set sent in IDENTIFY. Default GUILDS | GUILD_MEMBERS | GUILD_MESSAGES | DIRECT_MESSAGES |
    /// MESSAGE_CONTENT: transcripts and the key-leak guard read what members write, which Discord blanks without the
    /// (privileged) Message Content intent.
    /// </summary>
    public int Intents { get; set; } = (1 << 0) | (1 << 1) | (1 << 9) | (1 << 12) | (1 << 15);

    /// <summary>The URL and version put in the User-Agent: <c>DiscordBot (url, version)</c>.</summary>
    public string UserAgentUrl { get; set; } = "https://github.com/astrabit/support-bot";

    public string UserAgentVersion { get; set; } = "1.0";
}
