namespace AstraBit.SupportBot.Discord.Gateway;

/// <summary>
/// Protocol tunables of <see cref="DiscordGatewayClient"/>. The defaults follow Discord's documentation;
/// tests shorten the delays. Connection settings (token, URL, intents) live in <see cref="DiscordClientOptions"/>.
/// </summary>
public sealed record GatewayClientSettings
{
    /// <summary>First reconnect delay; doubles per failed attempt.</summary>
    public TimeSpan ReconnectInitialDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest reconnect delay.</summary>
    public TimeSpan ReconnectMaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Shortest wait before identifying again after op 9 d:false.</summary>
    public TimeSpan InvalidSessionMinDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait before identifying again after op 9 d:false.</summary>
    public TimeSpan InvalidSessionMaxDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Least time between two IDENTIFY payloads (Discord allows one per 5 s per max_concurrency bucket).</summary>
    public TimeSpan IdentifyInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long to wait for HELLO after the socket opens.</summary>
    public TimeSpan HelloTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Payloads allowed per <see cref="SendWindow"/> on one connection (heartbeats included).</summary>
    public int SendLimit { get; init; } = 120;

    /// <summary>The send rate-limit window.</summary>
    public TimeSpan SendWindow { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Slots of <see cref="SendLimit"/> only heartbeats may use.</summary>
    public int HeartbeatReserve { get; init; } = 3;

    /// <summary>Payloads of this many UTF-8 bytes or more are rejected before sending.</summary>
    public int MaxPayloadBytes { get; init; } = 4096;

    /// <summary>How many events may be handled at the same time.</summary>
    public int MaxConcurrentHandlers { get; init; } = 64;

    /// <summary>Consecutive failed connects to the resume URL before giving up the session.</summary>
    public int MaxResumeConnectFailures { get; init; } = 3;

    /// <summary>
    /// The first heartbeat's share of the interval, in [0, 1): Discord asks for a random one so that clients reconnecting
    /// together do not beat in step. Tests fix it, since a share under a millisecond makes the first beat immediate.
    /// </summary>
    public Func<double> HeartbeatJitter { get; init; } = Random.Shared.NextDouble;

    /// <summary>IDENTIFY <c>properties.browser</c> and <c>properties.device</c>.</summary>
    public string LibraryName { get; init; } = "astrabit-support-bot";
}
