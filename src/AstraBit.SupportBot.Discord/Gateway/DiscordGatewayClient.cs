using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Discord.Gateway;

/// <summary>
/// A single-shard Discord gateway client (API v10, JSON, no compression). <see cref="RunAsync"/> connects,
/// identifies, heartbeats, resumes or re-identifies as Discord requires, and hands every dispatch (once per
/// sequence) to <see cref="GatewayDispatcher"/>, which runs the handlers. It returns when cancelled and throws
/// <see cref="GatewayFatalException"/> when Discord closes with a code reconnecting cannot fix.
/// </summary>
public sealed partial class DiscordGatewayClient(
    IOptions<DiscordClientOptions> options,
    IGatewayTransport transport,
    GatewayDispatcher dispatcher,
    TimeProvider timeProvider,
    ILogger<DiscordGatewayClient> logger,
    GatewayClientSettings? settings = null,
    IGatewayUrlSource? urlSource = null,
    DiscordMetrics? metrics = null)
{
    private static readonly GatewayClientSettings DefaultSettings = new();
    private static readonly TimeSpan CloseGrace = TimeSpan.FromSeconds(2);

    private readonly GatewayClientSettings _settings = settings ?? DefaultSettings;
    private readonly GatewayReconnectBackoff _backoff = CreateBackoff(settings ?? DefaultSettings);

    private int _started;
    private Uri? _gatewayUrl;
    private GatewaySession? _session;
    private int _sequence;
    private int _lastDeliveredSequence;
    private int _failedResumeConnects;
    private long? _lastIdentifyAt;
    private volatile ConnectionState? _current;

    /// <summary>The current session, set by READY and cleared when the session is invalidated.</summary>
    public GatewaySession? Session => Volatile.Read(ref _session);

    /// <summary>The last sequence number received (0 before the first dispatch of a session).</summary>
    public int LastSequence => Volatile.Read(ref _sequence);

    /// <summary>
    /// Connects and keeps the session alive until <paramref name="cancellationToken"/> is cancelled (then it
    /// closes with 1000 and returns). Can be called once per instance.
    /// </summary>
    /// <exception cref="GatewayFatalException">Discord closed with 4004 or 4010–4014; the client did not reconnect.</exception>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("RunAsync can be called only once per DiscordGatewayClient.");
        }

        if (string.IsNullOrWhiteSpace(options.Value.Token))
        {
            throw new InvalidOperationException("Discord:Token is empty; the gateway cannot identify.");
        }

        if (options.Value.GatewayUrl is null && urlSource is null)
        {
            throw new InvalidOperationException("Discord:GatewayUrl is not set and no IGatewayUrlSource is registered.");
        }

        using var pumpCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pump = Task.Run(() => dispatcher.RunAsync(pumpCts.Token), CancellationToken.None);
        try
        {
            await RunConnectionsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LogStopped(logger);
        }
        finally
        {
            dispatcher.Complete();
            await pumpCts.CancelAsync().ConfigureAwait(false);
            await pump.ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Sends a payload on the current connection, through the send rate limiter (it may wait).
    /// For opcodes such as 3 (presence) or 8 (request guild members); the client sends heartbeats,
    /// IDENTIFY and RESUME itself.
    /// </summary>
    /// <exception cref="ArgumentException">The payload is 4096 bytes or more, or the opcode is one the client owns.</exception>
    /// <exception cref="InvalidOperationException">No session is connected.</exception>
    public async Task SendAsync(GatewayOpCode opCode, JsonNode? data, CancellationToken cancellationToken)
    {
        if (opCode is GatewayOpCode.Heartbeat or GatewayOpCode.Identify or GatewayOpCode.Resume)
        {
            throw new ArgumentException($"The client sends op {(int)opCode} itself.", nameof(opCode));
        }

        var payload = Serialize((int)opCode, writer =>
        {
            if (data is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                data.WriteTo(writer);
            }
        });
        EnsureSendable(payload, nameof(data));
        var state = _current;
        if (state is null || !state.Ready)
        {
            throw new InvalidOperationException("The gateway is not connected; try again after READY or RESUMED.");
        }

        await SendRawAsync(state, payload, heartbeat: false, cancellationToken).ConfigureAwait(false);
    }

    private static GatewayReconnectBackoff CreateBackoff(GatewayClientSettings settings) =>
        new(settings.ReconnectInitialDelay, settings.ReconnectMaxDelay);

    private async Task RunConnectionsAsync(CancellationToken stoppingToken)
    {
        var resume = false;
        while (true)
        {
            stoppingToken.ThrowIfCancellationRequested();
            var session = _session;
            if (!resume)
            {
                session = null;
            }

            Uri url;
            try
            {
                url = session?.ResumeGatewayUrl ?? await GetGatewayUrlAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Rest.DiscordRestException ex) when (ex.HttpStatus == System.Net.HttpStatusCode.Unauthorized)
            {
                // GET /gateway/bot refused the token: the same mistake as close code 4004, and retrying would
                // only add to the invalid requests Discord counts against our IP.
                throw new GatewayFatalException((int)GatewayCloseCode.AuthenticationFailed);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogGatewayUrlFailed(logger, ex);
                await DelayAsync(_backoff.NextDelay(), stoppingToken).ConfigureAwait(false);
                continue;
            }

            var (disconnect, connected) = await RunConnectionAsync(url, session, stoppingToken).ConfigureAwait(false);
            stoppingToken.ThrowIfCancellationRequested();
            var recovery = GatewayFailurePolicy.Classify(disconnect);
            switch (recovery)
            {
                case GatewayRecovery.Stop:
                    // Not logged here: whoever runs the client reports the exception as the one line the operator needs.
                    throw new GatewayFatalException(disconnect.CloseCode ?? 0);
                case GatewayRecovery.Resume when session is not null && !connected:
                    // The resume URL may be gone for good; after a few failed connects identify from the cached URL.
                    resume = ++_failedResumeConnects < _settings.MaxResumeConnectFailures;
                    break;
                case GatewayRecovery.Resume:
                    resume = _session is not null;
                    break;
                default:
                    resume = false;
                    break;
            }

            if (!resume)
            {
                ForgetSession();
            }

            LogDisconnected(logger, disconnect.Kind, disconnect.CloseCode, disconnect.Detail, resume ? GatewayRecovery.Resume : GatewayRecovery.NewSession);

            var delay = _backoff.NextDelay();
            if (disconnect.Kind == GatewayDisconnectKind.InvalidSession && !disconnect.Resumable)
            {
                // Long-standing advice (not in the current docs): wait 1–5 s before identifying again.
                var span = _settings.InvalidSessionMaxDelay - _settings.InvalidSessionMinDelay;
                delay = _settings.InvalidSessionMinDelay + (span * Random.Shared.NextDouble());
            }

            if (!resume && _lastIdentifyAt is { } lastIdentify)
            {
                // At most one IDENTIFY per 5 s (max_concurrency 1); going faster earns op 9 and burns the daily quota.
                var spacing = _settings.IdentifyInterval - timeProvider.GetElapsedTime(lastIdentify);
                delay = spacing > delay ? spacing : delay;
            }

            await DelayAsync(delay, stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task<Uri> GetGatewayUrlAsync(CancellationToken cancellationToken)
    {
        if (_gatewayUrl is not null)
        {
            return _gatewayUrl;
        }

        if (options.Value.GatewayUrl is { } configured)
        {
            return _gatewayUrl = configured;
        }

        // RunAsync checked that one of the two is there.
        return _gatewayUrl = await urlSource!.GetGatewayUrlAsync(cancellationToken).ConfigureAwait(false);
    }

    private void ForgetSession()
    {
        Volatile.Write(ref _session, null);
        Volatile.Write(ref _sequence, 0);
        _failedResumeConnects = 0;
    }

    private async Task<(GatewayDisconnect Disconnect, bool Connected)> RunConnectionAsync(Uri baseUrl, GatewaySession? resumeSession, CancellationToken stoppingToken)
    {
        var uri = WithGatewayQuery(baseUrl);
        LogConnecting(logger, uri, resumeSession is not null);
        IGatewayConnection connection;
        try
        {
            connection = await transport.ConnectAsync(uri, stoppingToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            return (GatewayDisconnect.ConnectionLost($"connect failed: {ex.Message}"), false);
        }

        await using (connection.ConfigureAwait(false))
        {
            // Not linked to stoppingToken: on stop we first send close 1000 (the bot goes offline at once), then cancel.
            using var connectionCts = new CancellationTokenSource(Timeout.InfiniteTimeSpan, timeProvider);
            var state = new ConnectionState(connection, connectionCts, new GatewaySendLimiter(_settings.SendLimit, _settings.HeartbeatReserve, _settings.SendWindow, timeProvider));
            await using var stopRegistration = stoppingToken.Register(() => _ = StopConnectionAsync(state)).ConfigureAwait(false);
            GatewayDisconnect? result = null;
            try
            {
                result = await ReceiveLoopAsync(state, resumeSession, connectionCts.Token).ConfigureAwait(false);
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                throw new OperationCanceledException(stoppingToken);
            }
            catch (OperationCanceledException) when (state.Failure is not null)
            {
                result = state.Failure;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A dropped socket, or a payload we could not make sense of: reconnect either way.
                result = state.Failure ?? GatewayDisconnect.ConnectionLost(ex.Message);
            }
            finally
            {
                _current = null;
                state.Ready = false;
                if (result is { } ended && CloseCodeFor(ended) is { } code)
                {
                    await CloseQuietlyAsync(state, code).ConfigureAwait(false);
                    await DrainUntilCloseAsync(state).ConfigureAwait(false);
                }

                await connectionCts.CancelAsync().ConfigureAwait(false);
                if (state.HeartbeatTask is { } heartbeat)
                {
                    await heartbeat.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                }
            }

            return (result, true);
        }
    }

    // Runs beside the receive loop, which sees the server's answer to the close (or the cancellation) and ends.
    private async Task StopConnectionAsync(ConnectionState state)
    {
        // 1000 ends the session so Discord shows the bot offline now rather than after a timeout.
        await CloseQuietlyAsync(state, 1000).ConfigureAwait(false);
        AbortAfterCloseGrace(state);
    }

    // Gives the server a moment to answer our close before the socket is aborted, so the close frame is not
    // lost to a TCP reset (the server keeps the session resumable only if it sees our non-1000 code or a drop).
    private static void AbortAfterCloseGrace(ConnectionState state)
    {
        try
        {
            state.Cancellation.CancelAfter(CloseGrace);
        }
        catch (ObjectDisposedException)
        {
            // The connection already ended.
        }
    }

    // For closes we start after the receive loop has returned: read until the server's close frame arrives.
    private static async Task DrainUntilCloseAsync(ConnectionState state)
    {
        AbortAfterCloseGrace(state);
        try
        {
            while (!(await state.Connection.ReceiveAsync(state.Cancellation.Token).ConfigureAwait(false)).IsClose)
            {
            }
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            // Gone already, or the server did not answer within the grace period.
        }
    }

    // Any code but 1000/1001 keeps the session resumable; 1000 ends it (reference 1.7).
    private static int? CloseCodeFor(GatewayDisconnect disconnect) => disconnect.Kind switch
    {
        GatewayDisconnectKind.ReconnectRequested => 4000,
        GatewayDisconnectKind.InvalidSession => disconnect.Resumable ? 4000 : 1000,
        _ => null,
    };

    private async Task<GatewayDisconnect> ReceiveLoopAsync(ConnectionState state, GatewaySession? resumeSession, CancellationToken cancellationToken)
    {
        GatewayReceiveResult hello;
        using (var helloCts = new CancellationTokenSource(_settings.HelloTimeout, timeProvider))
        using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, helloCts.Token))
        {
            try
            {
                hello = await state.Connection.ReceiveAsync(linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (helloCts.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                return GatewayDisconnect.ConnectionLost("no HELLO in time");
            }
        }

        if (hello.IsClose)
        {
            return GatewayDisconnect.Closed(hello.CloseStatus!.Value, hello.CloseDescription);
        }

        using (var helloDocument = JsonDocument.Parse(hello.Message))
        {
            var op = helloDocument.RootElement.GetProperty("op").GetInt32();
            if (op == (int)GatewayOpCode.Reconnect)
            {
                return new GatewayDisconnect(GatewayDisconnectKind.ReconnectRequested);
            }

            if (op != (int)GatewayOpCode.Hello)
            {
                return GatewayDisconnect.ConnectionLost($"expected HELLO, got op {op}");
            }

            var interval = TimeSpan.FromMilliseconds(helloDocument.RootElement.GetProperty("d").GetProperty("heartbeat_interval").GetDouble());
            LogHello(logger, interval.TotalMilliseconds);
            state.HeartbeatTask = Task.Run(() => HeartbeatLoopAsync(state, interval, cancellationToken), CancellationToken.None);
        }

        var token = options.Value.Token;
        if (resumeSession is not null)
        {
            var resume = new ResumeData(token, resumeSession.SessionId, LastSequence);
            await SendRawAsync(state, Serialize((int)GatewayOpCode.Resume, w => JsonSerializer.Serialize(w, resume, GatewayWireContext.Default.ResumeData)), heartbeat: false, cancellationToken).ConfigureAwait(false);
            metrics?.Resumed();
        }
        else
        {
            _lastIdentifyAt = timeProvider.GetTimestamp();
            var os = OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsMacOS() ? "macos" : "linux";
            var identify = new IdentifyData(token, options.Value.Intents, new IdentifyProperties(os, _settings.LibraryName, _settings.LibraryName));
            await SendRawAsync(state, Serialize((int)GatewayOpCode.Identify, w => JsonSerializer.Serialize(w, identify, GatewayWireContext.Default.IdentifyData)), heartbeat: false, cancellationToken).ConfigureAwait(false);
            metrics?.Identified();
        }

        while (true)
        {
            var received = await state.Connection.ReceiveAsync(cancellationToken).ConfigureAwait(false);
            if (received.IsClose)
            {
                return state.Failure ?? GatewayDisconnect.Closed(received.CloseStatus!.Value, received.CloseDescription);
            }

            if (await HandleMessageAsync(state, received.Message, cancellationToken).ConfigureAwait(false) is { } ended)
            {
                return ended;
            }
        }
    }

    private async Task<GatewayDisconnect?> HandleMessageAsync(ConnectionState state, ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        using var document = JsonDocument.Parse(message);
        var root = document.RootElement;
        var op = root.GetProperty("op").GetInt32();
        switch ((GatewayOpCode)op)
        {
            case GatewayOpCode.Dispatch:
                HandleDispatch(state, root);
                return null;
            case GatewayOpCode.Heartbeat:
                // The server asked for a heartbeat: send one now, outside the schedule.
                await SendHeartbeatAsync(state, cancellationToken).ConfigureAwait(false);
                return null;
            case GatewayOpCode.HeartbeatAck:
                state.AckPending = false;
                return null;
            case GatewayOpCode.Reconnect:
                return new GatewayDisconnect(GatewayDisconnectKind.ReconnectRequested);
            case GatewayOpCode.InvalidSession:
                var resumable = root.TryGetProperty("d", out var d) && d.ValueKind == JsonValueKind.True;
                return new GatewayDisconnect(GatewayDisconnectKind.InvalidSession, Resumable: resumable);
            default:
                LogUnexpectedOpCode(logger, op);
                return null;
        }
    }

    private void HandleDispatch(ConnectionState state, JsonElement root)
    {
        var name = root.TryGetProperty("t", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "";
        var sequence = root.TryGetProperty("s", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt32() : 0;
        var data = root.TryGetProperty("d", out var d) ? d.Clone() : default;
        if (sequence > 0)
        {
            Volatile.Write(ref _sequence, sequence);
        }

        switch (name)
        {
            case "READY":
                var user = data.GetProperty("user");
                var session = new GatewaySession(
                    data.GetProperty("session_id").GetString()!,
                    new Uri(data.GetProperty("resume_gateway_url").GetString()!),
                    user.GetProperty("id").GetString()!,
                    user.TryGetProperty("username", out var username) ? username.GetString() ?? "" : "",
                    data.TryGetProperty("application", out var app) && app.TryGetProperty("id", out var appId) ? appId.GetString() : null);
                Volatile.Write(ref _session, session);
                _lastDeliveredSequence = 0;
                _failedResumeConnects = 0;
                _backoff.Reset();
                state.Ready = true;
                _current = state;
                LogReady(logger, session.SessionId, session.UserId, session.Username);
                break;
            case "RESUMED":
                _failedResumeConnects = 0;
                _backoff.Reset();
                state.Ready = true;
                _current = state;
                LogResumed(logger, sequence);
                break;
        }

        if (sequence > 0)
        {
            // A replay after RESUME may repeat events we already handed out; deliver each sequence once per session.
            if (sequence <= _lastDeliveredSequence)
            {
                LogDuplicateSkipped(logger, name, sequence);
                return;
            }

            _lastDeliveredSequence = sequence;
        }

        dispatcher.Post(new GatewayEvent(name, sequence, data));
    }

    private async Task HeartbeatLoopAsync(ConnectionState state, TimeSpan interval, CancellationToken cancellationToken)
    {
        try
        {
            // Jitter the first beat so many clients reconnecting at once do not beat in step (reference 1.4).
            await DelayAsync(interval * _settings.HeartbeatJitter(), cancellationToken).ConfigureAwait(false);
            while (true)
            {
                if (state.AckPending)
                {
                    LogZombie(logger, interval.TotalMilliseconds);
                    state.Fail(new GatewayDisconnect(GatewayDisconnectKind.Zombie, Detail: "no heartbeat ACK"));
                    // Any code but 1000/1001 keeps the session resumable.
                    await CloseQuietlyAsync(state, 4000).ConfigureAwait(false);
                    AbortAfterCloseGrace(state);
                    return;
                }

                await SendHeartbeatAsync(state, cancellationToken).ConfigureAwait(false);
                await DelayAsync(interval, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException)
        {
            // The receive loop sees the same broken socket and decides what to do.
            LogHeartbeatSendFailed(logger, ex.Message);
        }
    }

    private Task SendHeartbeatAsync(ConnectionState state, CancellationToken cancellationToken)
    {
        var sequence = LastSequence;
        state.AckPending = true;
        var payload = Serialize((int)GatewayOpCode.Heartbeat, w =>
        {
            if (sequence > 0)
            {
                w.WriteNumberValue(sequence);
            }
            else
            {
                w.WriteNullValue();
            }
        });
        return SendRawAsync(state, payload, heartbeat: true, cancellationToken);
    }

    private async Task SendRawAsync(ConnectionState state, byte[] payload, bool heartbeat, CancellationToken cancellationToken)
    {
        EnsureSendable(payload, nameof(payload));
        await state.Limiter.WaitAsync(heartbeat, cancellationToken).ConfigureAwait(false);
        await state.SendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await state.Connection.SendAsync(payload, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            state.SendLock.Release();
        }
    }

    private void EnsureSendable(byte[] payload, string parameterName)
    {
        if (payload.Length >= _settings.MaxPayloadBytes)
        {
            throw new ArgumentException($"Gateway payload is {payload.Length} bytes; it must be under {_settings.MaxPayloadBytes} (Discord closes the connection with 4002 for larger ones), so it was not sent.", parameterName);
        }
    }

    private async Task CloseQuietlyAsync(ConnectionState state, int code)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2), timeProvider);
        try
        {
            await state.SendLock.WaitAsync(timeout.Token).ConfigureAwait(false);
            try
            {
                await state.Connection.CloseAsync(code, timeout.Token).ConfigureAwait(false);
            }
            finally
            {
                state.SendLock.Release();
            }
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            // Best effort: the socket may already be gone.
        }
    }

    private Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(delay, timeProvider, cancellationToken);

    private static Uri WithGatewayQuery(Uri baseUrl)
    {
        var builder = new UriBuilder(baseUrl) { Query = "v=10&encoding=json" };
        if (builder.Path.Length == 0)
        {
            builder.Path = "/";
        }

        return builder.Uri;
    }

    private static byte[] Serialize(int op, Action<Utf8JsonWriter> writeData)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("op", op);
            writer.WritePropertyName("d");
            writeData(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private sealed class ConnectionState(IGatewayConnection connection, CancellationTokenSource cancellation, GatewaySendLimiter limiter)
    {
        private GatewayDisconnect? _failure;
        private volatile bool _ackPending;
        private volatile bool _ready;

        public IGatewayConnection Connection { get; } = connection;

        public CancellationTokenSource Cancellation { get; } = cancellation;

        public GatewaySendLimiter Limiter { get; } = limiter;

        public SemaphoreSlim SendLock { get; } = new(1, 1);

        public Task? HeartbeatTask { get; set; }


        public bool AckPending
        {
            get => _ackPending;
            set => _ackPending = value;
        }

        public bool Ready
        {
            get => _ready;
            set => _ready = value;
        }

        public GatewayDisconnect? Failure => Volatile.Read(ref _failure);

        public void Fail(GatewayDisconnect failure) => Interlocked.CompareExchange(ref _failure, failure, null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Connecting to the Discord gateway at {GatewayUri} (resume: {Resume})")]
    private static partial void LogConnecting(ILogger logger, Uri gatewayUri, bool resume);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Gateway HELLO, heartbeat interval {HeartbeatIntervalMs} ms")]
    private static partial void LogHello(ILogger logger, double heartbeatIntervalMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Gateway READY: session {SessionId}, bot user {UserId} ({Username})")]
    private static partial void LogReady(ILogger logger, string sessionId, string userId, string username);

    [LoggerMessage(Level = LogLevel.Information, Message = "Gateway session resumed at sequence {Sequence}")]
    private static partial void LogResumed(ILogger logger, int sequence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gateway connection ended ({DisconnectKind}, close code {CloseCode}, {Detail}); next: {Recovery}")]
    private static partial void LogDisconnected(ILogger logger, GatewayDisconnectKind disconnectKind, int? closeCode, string? detail, GatewayRecovery recovery);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No heartbeat ACK within {HeartbeatIntervalMs} ms; treating the connection as a zombie")]
    private static partial void LogZombie(ILogger logger, double heartbeatIntervalMs);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Heartbeat send failed: {Reason}")]
    private static partial void LogHeartbeatSendFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Skipped already delivered event {EventName} #{Sequence}")]
    private static partial void LogDuplicateSkipped(ILogger logger, string eventName, int sequence);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ignored unexpected gateway opcode {OpCode}")]
    private static partial void LogUnexpectedOpCode(ILogger logger, int opCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not get the gateway URL; retrying")]
    private static partial void LogGatewayUrlFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Gateway stopped")]
    private static partial void LogStopped(ILogger logger);
}
