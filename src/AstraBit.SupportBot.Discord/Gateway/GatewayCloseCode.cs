namespace AstraBit.SupportBot.Discord.Gateway;

/// <summary>
/// Close codes the Discord gateway uses (reference 1.8). Each member says what the client does
/// and, for the fatal ones, what the operator has to fix.
/// </summary>
public enum GatewayCloseCode
{
    /// <summary>Unknown error on Discord's side. The client resumes.</summary>
    UnknownError = 4000,

    /// <summary>We sent an unknown opcode or an invalid payload. The client resumes (a bug on our side if it repeats).</summary>
    UnknownOpcode = 4001,

    /// <summary>We sent a payload Discord could not decode (for example over 4096 bytes). The client resumes.</summary>
    DecodeError = 4002,

    /// <summary>We sent a payload before identifying. The client resumes.</summary>
    NotAuthenticated = 4003,

    /// <summary>The token is wrong. Fatal: fix <c>Discord:Token</c> (reset it in the Developer Portal if it leaked).</summary>
    AuthenticationFailed = 4004,

    /// <summary>We identified twice on one connection. The client resumes.</summary>
    AlreadyAuthenticated = 4005,

    /// <summary>The sequence sent in RESUME was invalid. The client starts a new session (IDENTIFY).</summary>
    InvalidSequence = 4007,

    /// <summary>We sent more than 120 payloads in 60 seconds. The client resumes.</summary>
    RateLimited = 4008,

    /// <summary>The session timed out. The client starts a new session (IDENTIFY).</summary>
    SessionTimedOut = 4009,

    /// <summary>An invalid shard was sent in IDENTIFY. Fatal: fix the shard configuration.</summary>
    InvalidShard = 4010,

    /// <summary>The bot is in too many guilds for one connection. Fatal: sharding is required.</summary>
    ShardingRequired = 4011,

    /// <summary>The gateway version is invalid. Fatal: the client must use v=10.</summary>
    InvalidApiVersion = 4012,

    /// <summary>The intents bit set is malformed. Fatal: fix <c>Discord:Intents</c>.</summary>
    InvalidIntents = 4013,

    /// <summary>
    /// A privileged intent is not enabled for the app. Fatal: enable it under Bot → Privileged Gateway Intents
    /// in the Developer Portal, or remove it from <c>Discord:Intents</c>.
    /// </summary>
    DisallowedIntents = 4014,
}
