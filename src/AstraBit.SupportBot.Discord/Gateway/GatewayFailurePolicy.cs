namespace AstraBit.SupportBot.Discord.Gateway;

/// <summary>Why a gateway connection ended.</summary>
public enum GatewayDisconnectKind
{
    /// <summary>The server closed the connection with a close code.</summary>
    Closed,

    /// <summary>The connection dropped or could not be opened (no close code).</summary>
    ConnectionLost,

    /// <summary>The server sent op 7 Reconnect.</summary>
    ReconnectRequested,

    /// <summary>The server sent op 9 Invalid Session.</summary>
    InvalidSession,

    /// <summary>No heartbeat ACK arrived before the next heartbeat was due.</summary>
    Zombie,
}

/// <summary>What the client does after a connection ended.</summary>
public enum GatewayRecovery
{
    /// <summary>Reconnect to the resume URL and send RESUME (op 6).</summary>
    Resume,

    /// <summary>Forget the session, reconnect to the gateway URL and send IDENTIFY (op 2).</summary>
    NewSession,

    /// <summary>Do not reconnect: the operator has to fix something.</summary>
    Stop,
}

/// <summary>A connection's end, as input to <see cref="GatewayFailurePolicy.Classify"/>.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="CloseCode">The server's close code, for <see cref="GatewayDisconnectKind.Closed"/>.</param>
/// <param name="Resumable">The <c>d</c> of op 9, for <see cref="GatewayDisconnectKind.InvalidSession"/>.</param>
/// <param name="Detail">A human-readable detail for the logs (close reason, socket error).</param>
public sealed record GatewayDisconnect(GatewayDisconnectKind Kind, int? CloseCode = null, bool Resumable = false, string? Detail = null)
{
    /// <summary>The server closed with <paramref name="closeCode"/>.</summary>
    public static GatewayDisconnect Closed(int closeCode, string? detail = null) => new(GatewayDisconnectKind.Closed, closeCode, Detail: detail);

    /// <summary>The socket dropped or could not connect.</summary>
    public static GatewayDisconnect ConnectionLost(string? detail = null) => new(GatewayDisconnectKind.ConnectionLost, Detail: detail);
}

/// <summary>The single place that decides how the client recovers from every kind of failure (reference 1.7, 1.8).</summary>
public static class GatewayFailurePolicy
{
    /// <summary>Classifies a connection's end into resume, new session or stop.</summary>
    public static GatewayRecovery Classify(GatewayDisconnect disconnect)
    {
        ArgumentNullException.ThrowIfNull(disconnect);
        return disconnect.Kind switch
        {
            GatewayDisconnectKind.ReconnectRequested => GatewayRecovery.Resume,
            GatewayDisconnectKind.Zombie => GatewayRecovery.Resume,
            GatewayDisconnectKind.ConnectionLost => GatewayRecovery.Resume,
            GatewayDisconnectKind.InvalidSession => disconnect.Resumable ? GatewayRecovery.Resume : GatewayRecovery.NewSession,
            GatewayDisconnectKind.Closed => ClassifyCloseCode(disconnect.CloseCode),
            _ => GatewayRecovery.Resume,
        };
    }

    /// <summary>Whether <paramref name="closeCode"/> means the operator must fix something before reconnecting.</summary>
    public static bool IsFatal(int closeCode) => closeCode is 4004 or (>= 4010 and <= 4014);

    private static GatewayRecovery ClassifyCloseCode(int? closeCode) => closeCode switch
    {
        int code when IsFatal(code) => GatewayRecovery.Stop,
        // The docs say "reconnect" for these but mean a new session: the old one is gone.
        (int)GatewayCloseCode.InvalidSequence or (int)GatewayCloseCode.SessionTimedOut => GatewayRecovery.NewSession,
        // Everything else (4000-4003, 4005, 4008, 1000/1001 from the server, unknown codes) keeps the session;
        // if it is in fact gone, the server answers RESUME with op 9 d:false and we identify then.
        _ => GatewayRecovery.Resume,
    };
}
