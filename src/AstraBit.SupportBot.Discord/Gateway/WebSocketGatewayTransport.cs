using System.Buffers;
using System.Net.WebSockets;

namespace AstraBit.SupportBot.Discord.Gateway;

/// <summary>The production transport: <see cref="ClientWebSocket"/>, plain-text JSON frames (no compression).</summary>
public sealed class WebSocketGatewayTransport : IGatewayTransport
{
    /// <inheritdoc />
    public async Task<IGatewayConnection> ConnectAsync(Uri uri, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var socket = new ClientWebSocket();
        // Discord has its own heartbeat; WebSocket pings would only add noise.
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        try
        {
            await socket.ConnectAsync(uri, cancellationToken).ConfigureAwait(false);
            return new Connection(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private sealed class Connection(ClientWebSocket socket) : IGatewayConnection
    {
        private readonly ArrayBufferWriter<byte> _receiveBuffer = new(8192);

        public Task SendAsync(ReadOnlyMemory<byte> utf8Json, CancellationToken cancellationToken) =>
            socket.SendAsync(utf8Json, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).AsTask();

        public async Task<GatewayReceiveResult> ReceiveAsync(CancellationToken cancellationToken)
        {
            _receiveBuffer.ResetWrittenCount();
            while (true)
            {
                var memory = _receiveBuffer.GetMemory(4096);
                var result = await socket.ReceiveAsync(memory, cancellationToken).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return GatewayReceiveResult.FromClose((int?)socket.CloseStatus ?? 1005, socket.CloseStatusDescription);
                }

                _receiveBuffer.Advance(result.Count);
                if (result.EndOfMessage)
                {
                    // Copy: the buffer is reused for the next message while handlers may still read this one.
                    return GatewayReceiveResult.FromMessage(_receiveBuffer.WrittenMemory.ToArray());
                }
            }
        }

        public async Task CloseAsync(int closeCode, CancellationToken cancellationToken)
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                // CloseOutput: do not wait for the server's answer, we are leaving anyway.
                await socket.CloseOutputAsync((WebSocketCloseStatus)closeCode, null, cancellationToken).ConfigureAwait(false);
            }
        }

        public ValueTask DisposeAsync()
        {
            socket.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
