using System.Net;
using System.Text.Json;
using AstraBit.SupportBot.Discord.Gateway;

namespace AstraBit.SupportBot.Hosting;

/// <summary>
/// Watches the gateway's traffic for liveness without changing it: a connection opening, READY or RESUMED, each
/// heartbeat ACK, and the connection ending. Sits between our gateway client and its transport, so the client stays
/// unaware of health files.
/// </summary>
internal sealed class LivenessGatewayTransport(IGatewayTransport inner, BotLiveness liveness) : IGatewayTransport
{
    public async Task<IGatewayConnection> ConnectAsync(Uri uri, CancellationToken cancellationToken)
    {
        liveness.Connecting();
        try
        {
            return new Connection(await inner.ConnectAsync(uri, cancellationToken).ConfigureAwait(false), liveness);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            liveness.Disconnected();
            throw;
        }
    }

    private sealed class Connection(IGatewayConnection inner, BotLiveness liveness) : IGatewayConnection
    {
        public Task SendAsync(ReadOnlyMemory<byte> utf8Json, CancellationToken cancellationToken) => inner.SendAsync(utf8Json, cancellationToken);

        public async Task<GatewayReceiveResult> ReceiveAsync(CancellationToken cancellationToken)
        {
            GatewayReceiveResult received;
            try
            {
                received = await inner.ReceiveAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                liveness.Disconnected();
                throw;
            }

            if (received.IsClose)
            {
                liveness.Disconnected();
            }
            else
            {
                Observe(received.Message.Span);
            }

            return received;
        }

        public Task CloseAsync(int closeCode, CancellationToken cancellationToken)
        {
            liveness.Disconnected();
            return inner.CloseAsync(closeCode, cancellationToken);
        }

        public ValueTask DisposeAsync() => inner.DisposeAsync();

        private void Observe(ReadOnlySpan<byte> message)
        {
            var (op, name) = Peek(message);
            if (op == 11)
            {
                liveness.HeartbeatAcknowledged();
            }
            else if (op == 0 && name is "READY" or "RESUMED")
            {
                liveness.Ready();
            }
        }

        // Reads only the top-level "op" and "t" of a payload, skipping "d" unparsed.
        private static (int? Op, string? Name) Peek(ReadOnlySpan<byte> message)
        {
            int? op = null;
            string? name = null;
            try
            {
                var reader = new Utf8JsonReader(message);
                if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                {
                    return (null, null);
                }

                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("op"u8))
                    {
                        reader.Read();
                        op = reader.TokenType == JsonTokenType.Number ? reader.GetInt32() : null;
                    }
                    else if (reader.ValueTextEquals("t"u8))
                    {
                        reader.Read();
                        name = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                    }
                    else
                    {
                        reader.Read();
                        reader.Skip();
                    }

                    if (op is not null && (op != 0 || name is not null))
                    {
                        break;
                    }
                }
            }
            catch (JsonException)
            {
                // The client reports unreadable payloads itself.
            }

            return (op, name);
        }
    }
}

/// <summary>Records each Discord REST answer: any answer short of a 5xx means the API is reachable and takes our token.</summary>
internal sealed class RestLivenessHandler(BotLiveness liveness) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException)
        {
            liveness.RestFailed();
            throw;
        }

        if ((int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.Unauthorized)
        {
            liveness.RestFailed();
        }
        else
        {
            liveness.RestSucceeded();
        }

        return response;
    }
}
