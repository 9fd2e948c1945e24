using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using AstraBit.SupportBot.Discord.Gateway;

namespace AstraBit.SupportBot.Discord.Tests.Gateway;

/// <summary>A transport the test scripts message by message (no socket), for exact timing with a fake clock.</summary>
internal sealed class ScriptedGatewayTransport : IGatewayTransport
{
    private readonly Channel<ScriptedConnection> _connections = Channel.CreateUnbounded<ScriptedConnection>();

    public Task<IGatewayConnection> ConnectAsync(Uri uri, CancellationToken cancellationToken)
    {
        var connection = new ScriptedConnection(uri);
        _connections.Writer.TryWrite(connection);
        return Task.FromResult<IGatewayConnection>(connection);
    }

    public async Task<ScriptedConnection> NextConnectionAsync() =>
        await _connections.Reader.ReadAsync().AsTask().WaitAsync(GatewayHarness.Timeout);
}

internal sealed class ScriptedConnection(Uri uri) : IGatewayConnection
{
    private readonly Channel<GatewayReceiveResult> _inbound = Channel.CreateUnbounded<GatewayReceiveResult>();
    private readonly Channel<JsonNode> _outbound = Channel.CreateUnbounded<JsonNode>();

    public Uri Uri { get; } = uri;

    private readonly Lock _lock = new();
    private int _pushed;
    private int _consumed;
    private int _processed;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int? ClientCloseCode { get; private set; }

    public void ServerSends(string json)
    {
        lock (_lock)
        {
            _pushed++;
            _inbound.Writer.TryWrite(GatewayReceiveResult.FromMessage(Encoding.UTF8.GetBytes(json)));
        }
    }

    /// <summary>Sends, then waits until the client has handled the message (it is back in ReceiveAsync).</summary>
    public async Task ServerSendsAndWaitHandledAsync(string json)
    {
        int number;
        lock (_lock)
        {
            number = ++_pushed;
            _inbound.Writer.TryWrite(GatewayReceiveResult.FromMessage(Encoding.UTF8.GetBytes(json)));
        }

        using var cts = new CancellationTokenSource(GatewayHarness.Timeout);
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                if (_processed >= number)
                {
                    return;
                }

                changed = _changed.Task;
            }

            await changed.WaitAsync(cts.Token);
        }
    }

    public async Task<JsonNode> ExpectAsync(int op)
    {
        var payload = await _outbound.Reader.ReadAsync().AsTask().WaitAsync(GatewayHarness.Timeout);
        Assert.Equal(op, payload["op"]!.GetValue<int>());
        return payload;
    }

    public bool HasSent => _outbound.Reader.Count > 0;

    public Task SendAsync(ReadOnlyMemory<byte> utf8Json, CancellationToken cancellationToken)
    {
        _outbound.Writer.TryWrite(JsonNode.Parse(utf8Json.Span)!);
        return Task.CompletedTask;
    }

    public async Task<GatewayReceiveResult> ReceiveAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            // The client handles a message fully before it asks for the next one.
            _processed = _consumed;
            var changed = _changed;
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
            changed.TrySetResult();
        }

        var result = await _inbound.Reader.ReadAsync(cancellationToken);
        lock (_lock)
        {
            _consumed++;
        }

        return result;
    }

    public Task CloseAsync(int closeCode, CancellationToken cancellationToken)
    {
        ClientCloseCode = closeCode;
        // Like a server answering the close handshake.
        _inbound.Writer.TryWrite(GatewayReceiveResult.FromClose(closeCode, null));
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        _inbound.Writer.TryComplete();
        return ValueTask.CompletedTask;
    }
}
