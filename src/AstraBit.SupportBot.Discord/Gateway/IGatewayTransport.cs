namespace AstraBit.SupportBot.Discord.Gateway;

/// <summary>Opens gateway connections. The seam that lets tests script the gateway without a socket.</summary>
public interface IGatewayTransport
{
    /// <summary>Opens a WebSocket to <paramref name="uri"/> (the full URL, query string included).</summary>
    Task<IGatewayConnection> ConnectAsync(Uri uri, CancellationToken cancellationToken);
}

/// <summary>One open gateway connection carrying whole UTF-8 JSON text messages.</summary>
public interface IGatewayConnection : IAsyncDisposable
{
    /// <summary>Sends one whole text message. Calls are serialised by the caller.</summary>
    Task SendAsync(ReadOnlyMemory<byte> utf8Json, CancellationToken cancellationToken);

    /// <summary>
    /// Receives the next whole text message, or the server's close. Throws an <see cref="IOException"/> or a
    /// <see cref="System.Net.WebSockets.WebSocketException"/> when the connection drops without a close frame.
    /// </summary>
    Task<GatewayReceiveResult> ReceiveAsync(CancellationToken cancellationToken);

    /// <summary>Sends a close frame with <paramref name="closeCode"/> and stops using the connection.</summary>
    Task CloseAsync(int closeCode, CancellationToken cancellationToken);
}

/// <summary>What <see cref="IGatewayConnection.ReceiveAsync"/> returned: a message, or the server's close.</summary>
/// <param name="Message">The UTF-8 JSON text when this is a message; empty for a close.</param>
/// <param name="CloseStatus">The close code when the server closed the connection; otherwise null.</param>
/// <param name="CloseDescription">The close reason the server gave, if any.</param>
public sealed record GatewayReceiveResult(ReadOnlyMemory<byte> Message, int? CloseStatus, string? CloseDescription)
{
    /// <summary>Whether the server closed the connection.</summary>
    public bool IsClose => CloseStatus is not null;

    /// <summary>A received text message.</summary>
    public static GatewayReceiveResult FromMessage(ReadOnlyMemory<byte> message) => new(message, null, null);

    /// <summary>A close frame from the server.</summary>
    public static GatewayReceiveResult FromClose(int closeStatus, string? description) => new(ReadOnlyMemory<byte>.Empty, closeStatus, description);
}
