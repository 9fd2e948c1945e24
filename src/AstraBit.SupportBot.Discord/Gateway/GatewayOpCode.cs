namespace AstraBit.SupportBot.Discord.Gateway;

/// <summary>Gateway opcodes (reference 1.3).</summary>
public enum GatewayOpCode
{
    /// <summary>An event was dispatched (receive).</summary>
    Dispatch = 0,

    /// <summary>Keep the connection alive (send; the server may also ask for one).</summary>
    Heartbeat = 1,

    /// <summary>Start a new session (send).</summary>
    Identify = 2,

    /// <summary>Update the bot's presence (send).</summary>
    PresenceUpdate = 3,

    /// <summary>Join, move or leave voice channels (send).</summary>
    VoiceStateUpdate = 4,

    /// <summary>Resume a previous session (send).</summary>
    Resume = 6,

    /// <summary>The server asks the client to reconnect and resume (receive).</summary>
    Reconnect = 7,

    /// <summary>Ask for guild members (send).</summary>
    RequestGuildMembers = 8,

    /// <summary>The session is invalid; <c>d</c> says whether it may be resumed (receive).</summary>
    InvalidSession = 9,

    /// <summary>First message on a connection, carrying the heartbeat interval (receive).</summary>
    Hello = 10,

    /// <summary>The server acknowledged a heartbeat (receive).</summary>
    HeartbeatAck = 11,
}
