namespace AstraBit.SupportBot.Emulators.Discord;

/// <summary>How <see cref="DiscordGatewayEmulator"/> behaves. Defaults follow Discord's documentation.</summary>
public sealed record DiscordGatewayEmulatorOptions
{
    /// <summary>The only token IDENTIFY and RESUME accept; anything else is closed with 4004.</summary>
    public string Token { get; init; } = "emulator-token";

    /// <summary>Port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>The <c>heartbeat_interval</c> sent in HELLO. Tests use a few hundred milliseconds.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromMilliseconds(41250);

    /// <summary>Privileged intents enabled "in the Developer Portal"; IDENTIFY asking for others is closed with 4014.</summary>
    public int EnabledPrivilegedIntents { get; init; } = PrivilegedIntents;

    /// <summary>Inbound payloads allowed per <see cref="SendWindow"/>; one more is closed with 4008.</summary>
    public int SendLimit { get; init; } = 120;

    /// <summary>The inbound rate-limit window.</summary>
    public TimeSpan SendWindow { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Largest inbound payload accepted, in bytes; a larger one is closed with 4002.</summary>
    public int MaxPayloadBytes { get; init; } = 4096;

    /// <summary>
    /// How many already-acknowledged events a RESUME replays in addition to the missed ones, to test that the
    /// client delivers each sequence once. Discord itself replays only missed events (0).
    /// </summary>
    public int ResumeReplayOverlap { get; init; }

    /// <summary>Whether heartbeats are ACKed at start; <see cref="DiscordGatewayEmulator.AckHeartbeats"/> changes it later.</summary>
    public bool AckHeartbeats { get; init; } = true;

    /// <summary>The bot user in READY.</summary>
    public string BotUserId { get; init; } = "1100000000000000001";

    /// <summary>The bot user's name in READY.</summary>
    public string BotUsername { get; init; } = "SupportBot";

    /// <summary>The application id in READY.</summary>
    public string ApplicationId { get; init; } = "1100000000000000002";

    /// <summary>Guilds listed (as unavailable stubs) in READY.</summary>
    public IReadOnlyList<string> GuildIds { get; init; } = ["1100000000000000003"];

    /// <summary>Clock for the inbound rate-limit window and payload timestamps.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>GUILD_MEMBERS | GUILD_PRESENCES | MESSAGE_CONTENT.</summary>
    public const int PrivilegedIntents = (1 << 1) | (1 << 8) | (1 << 15);
}
