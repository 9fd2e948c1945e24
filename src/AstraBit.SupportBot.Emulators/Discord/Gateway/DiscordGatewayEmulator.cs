using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AstraBit.SupportBot.Emulators.Discord;

/// <summary>
/// A loopback Discord gateway (v10, JSON) on real Kestrel: HELLO, IDENTIFY/READY, heartbeats, sequence numbers,
/// RESUME with replay, op 7 / op 9 / close codes / dropped sockets on demand, payload size and rate limits.
/// Everything it receives is recorded; the <c>WaitFor…</c> methods let tests synchronise without sleeping.
/// Exceptions inside the emulator are captured and rethrown by <see cref="DisposeAsync"/>.
/// </summary>
public sealed class DiscordGatewayEmulator : IAsyncDisposable
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private readonly DiscordGatewayEmulatorOptions _options;
    private readonly Lock _lock = new();
    private readonly List<Exception> _serverErrors = [];
    private readonly List<ReceivedGatewayPayload> _payloads = [];
    private readonly List<Connection> _connections = [];
    private int _forgottenConnections;
    private readonly Dictionary<string, Session> _sessions = [];
    private WebApplication? _app;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Session? _latestSession;
    private Connection? _current;
    private bool _unavailable;
    private int _identifyCount;
    private int _readyCount;
    private int _resumeCount;
    private int _resumedCount;
    private int _heartbeatCount;
    private volatile bool _ackHeartbeats;

    private DiscordGatewayEmulator(DiscordGatewayEmulatorOptions options)
    {
        _options = options;
        _ackHeartbeats = options.AckHeartbeats;
    }

    /// <summary>The URL to connect to, <c>ws://127.0.0.1:PORT/</c> (the client adds the query string).</summary>
    public Uri GatewayUrl { get; private set; } = null!;

    /// <summary>The options the emulator runs with.</summary>
    public DiscordGatewayEmulatorOptions Options => _options;

    /// <summary>Whether heartbeats are answered with op 11. Switch off to simulate a zombie connection.</summary>
    public bool AckHeartbeats
    {
        get => _ackHeartbeats;
        set => _ackHeartbeats = value;
    }

    /// <summary>
    /// Forgets what a long run piled up: the payloads received, the connections that ended (each with its socket and
    /// request; they are still counted), the sessions no connection holds, and the replay buffer of the one that does
    /// (every event dispatched since it identified; Discord keeps only a short one). For a run that measures its own
    /// process, so what the emulator kept of the run is not counted as its client's; a resume after this replays
    /// nothing older.
    /// </summary>
    public void ForgetHistory()
    {
        lock (_lock)
        {
            _payloads.Clear();
            _forgottenConnections += _connections.RemoveAll(c => !c.IsOpen);
            foreach (var (id, session) in _sessions.ToList())
            {
                if (session.Attached is null && session != _latestSession)
                {
                    _sessions.Remove(id);
                }
                else
                {
                    session.Buffer.Clear();
                }
            }
        }
    }

    /// <summary>Connections accepted so far.</summary>
    public int ConnectionCount => Read(() => _forgottenConnections + _connections.Count);

    /// <summary>IDENTIFY payloads received (valid or not).</summary>
    public int IdentifyCount => Read(() => _identifyCount);

    /// <summary>READY events sent.</summary>
    public int ReadyCount => Read(() => _readyCount);

    /// <summary>RESUME payloads received (valid or not).</summary>
    public int ResumeCount => Read(() => _resumeCount);

    /// <summary>RESUMED events sent (successful resumes).</summary>
    public int ResumedCount => Read(() => _resumedCount);

    /// <summary>Heartbeats (op 1) received.</summary>
    public int HeartbeatCount => Read(() => _heartbeatCount);

    /// <summary>The last sequence number assigned in the latest session (0 before READY).</summary>
    public int LastSequence => Read(() => _latestSession?.Sequence ?? 0);

    /// <summary>Every payload received, in order.</summary>
    public IReadOnlyList<ReceivedGatewayPayload> ReceivedPayloads => Read(() => (IReadOnlyList<ReceivedGatewayPayload>)[.. _payloads]);

    /// <summary>Every connection accepted, in order (since <see cref="ForgetHistory"/>: the ones it kept).</summary>
    public IReadOnlyList<EmulatedGatewayConnection> Connections => Read(() => (IReadOnlyList<EmulatedGatewayConnection>)[.. _connections.Select(c => c.Snapshot())]);

    /// <summary>Starts Kestrel on 127.0.0.1 with a free port.</summary>
    public static async Task<DiscordGatewayEmulator> StartAsync(DiscordGatewayEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        var emulator = new DiscordGatewayEmulator(options ?? new DiscordGatewayEmulatorOptions());
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(DiscordGatewayEmulator).Assembly.GetName().Name });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, emulator._options.Port));
        var app = builder.Build();
        app.UseWebSockets();
        app.Run(emulator.HandleRequestAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        emulator._app = app;
        emulator.GatewayUrl = new Uri($"ws://127.0.0.1:{address.Port}/");
        return emulator;
    }

    /// <summary>
    /// Dispatches an event in the latest session: assigns the next sequence number, buffers it for replay and sends
    /// it if a client is attached to the session. Returns the sequence number.
    /// </summary>
    public async Task<int> DispatchAsync(string eventName, JsonObject data)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        ArgumentNullException.ThrowIfNull(data);
        Task sent;
        int sequence;
        lock (_lock)
        {
            var session = _latestSession ?? throw new InvalidOperationException("No session yet: the client has not identified.");
            (sequence, sent) = DispatchLocked(session, eventName, ForSession(session, eventName, data).ToJsonString());
        }

        await sent.ConfigureAwait(false);
        return sequence;
    }

    /// <summary>
    /// While true, the gateway refuses new connections (HTTP 503 to the upgrade request), as during an outage of
    /// Discord's gateway; setting it drops the connection that is open. Sessions stay resumable.
    /// </summary>
    public bool Unavailable
    {
        get => Volatile.Read(ref _unavailable);
        set
        {
            Volatile.Write(ref _unavailable, value);
            if (value && Read(() => _current) is { IsOpen: true } open)
            {
                open.Drop();
            }
        }
    }

    /// <summary>Sends op 7 Reconnect on the current connection.</summary>
    public Task RequestReconnectAsync() => SendToCurrentAsync("""{"op":7,"d":null}""");

    /// <summary>Sends op 1 (the server asks for a heartbeat now) on the current connection.</summary>
    public Task RequestHeartbeatAsync() => SendToCurrentAsync("""{"op":1,"d":null}""");

    /// <summary>Sends op 9 Invalid Session. When not <paramref name="resumable"/>, the session is also discarded.</summary>
    public Task InvalidateSessionAsync(bool resumable)
    {
        lock (_lock)
        {
            if (!resumable && _current?.Session is { } session)
            {
                session.Invalid = true;
            }
        }

        return SendToCurrentAsync(resumable ? """{"op":9,"d":true}""" : """{"op":9,"d":false}""");
    }

    /// <summary>
    /// Forgets the latest session without telling the client, as when it times out on Discord's side:
    /// a later RESUME of it is answered with op 9 d:false.
    /// </summary>
    public void ExpireSession()
    {
        lock (_lock)
        {
            if (_latestSession is { } session)
            {
                session.Invalid = true;
                SignalLocked();
            }
        }
    }

    /// <summary>Closes the current connection with <paramref name="code"/>.</summary>
    public Task CloseAsync(int code)
    {
        var connection = Read(() => _current) ?? throw new InvalidOperationException("No client is connected.");
        return connection.CloseAsync(code);
    }

    /// <summary>Drops the current connection without a close frame (TCP abort).</summary>
    public Task DropAsync()
    {
        var connection = Read(() => _current) ?? throw new InvalidOperationException("No client is connected.");
        connection.Drop();
        return Task.CompletedTask;
    }

    /// <summary>Waits until <paramref name="count"/> IDENTIFY payloads have arrived.</summary>
    public Task WaitForIdentifyAsync(int count, TimeSpan? timeout = null) =>
        WaitUntilAsync(() => _identifyCount >= count, timeout, $"{count} IDENTIFY");

    /// <summary>Waits until <paramref name="count"/> READY events have been sent.</summary>
    public Task WaitForReadyAsync(int count = 1, TimeSpan? timeout = null) =>
        WaitUntilAsync(() => _readyCount >= count, timeout, $"{count} READY");

    /// <summary>Waits until <paramref name="count"/> sessions have been resumed (RESUMED sent).</summary>
    public Task WaitForResumedAsync(int count = 1, TimeSpan? timeout = null) =>
        WaitUntilAsync(() => _resumedCount >= count, timeout, $"{count} RESUMED");

    /// <summary>Waits until <paramref name="count"/> heartbeats have arrived.</summary>
    public Task WaitForHeartbeatsAsync(int count, TimeSpan? timeout = null) =>
        WaitUntilAsync(() => _heartbeatCount >= count, timeout, $"{count} heartbeats");

    /// <summary>Waits until <paramref name="count"/> connections have been accepted.</summary>
    public Task WaitForConnectionsAsync(int count, TimeSpan? timeout = null) =>
        WaitUntilAsync(() => _forgottenConnections + _connections.Count >= count, timeout, $"{count} connections");

    /// <summary>Waits until <paramref name="count"/> received payloads match <paramref name="predicate"/>.</summary>
    public Task WaitForPayloadsAsync(Func<ReceivedGatewayPayload, bool> predicate, int count, TimeSpan? timeout = null) =>
        WaitUntilAsync(() => _payloads.Count(predicate) >= count, timeout, $"{count} matching payloads");

    /// <summary>Waits until the connection <paramref name="connectionId"/> has ended.</summary>
    public Task WaitForConnectionEndedAsync(int connectionId, TimeSpan? timeout = null) =>
        WaitUntilAsync(() => _forgottenConnections + _connections.Count >= connectionId && _connections.Find(c => c.Id == connectionId) is not { IsOpen: true }, timeout, $"connection {connectionId} to end");

    /// <summary>
    /// Waits until <paramref name="condition"/> holds; it is evaluated under the emulator's lock whenever its state
    /// changes. Throws <see cref="TimeoutException"/> describing the emulator's state, or a captured server error.
    /// </summary>
    public async Task WaitUntilAsync(Func<bool> condition, TimeSpan? timeout = null, string description = "condition")
    {
        ArgumentNullException.ThrowIfNull(condition);
        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                ThrowIfServerErrorsLocked();
                if (condition())
                {
                    return;
                }

                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(cts.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cts.IsCancellationRequested)
            {
                throw new TimeoutException($"Timed out after {timeout ?? DefaultTimeout} waiting for {description}. {Describe()}");
            }
        }
    }

    /// <summary>Stops Kestrel, then rethrows any exception captured inside the emulator.</summary>
    public async ValueTask DisposeAsync()
    {
        Connection[] open;
        lock (_lock)
        {
            open = [.. _connections.Where(c => c.IsOpen)];
        }

        foreach (var connection in open)
        {
            connection.Drop();
        }

        if (_app is { } app)
        {
            using var stopTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await app.StopAsync(stopTimeout.Token).ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
        }

        lock (_lock)
        {
            ThrowIfServerErrorsLocked();
        }
    }

    private async Task HandleRequestAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (Unavailable)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        Connection connection;
        lock (_lock)
        {
            connection = new Connection(this, _forgottenConnections + _connections.Count + 1, socket, context);
            _connections.Add(connection);
            _current = connection;
            SignalLocked();
        }

        var writer = Task.Run(connection.RunWriterAsync);
        try
        {
            var query = context.Request.Query;
            if (query["v"] != "10")
            {
                await connection.CloseAsync(4012).ConfigureAwait(false);
            }
            else if (query["encoding"] != "json")
            {
                await connection.CloseAsync(4002).ConfigureAwait(false);
            }
            else
            {
                _ = connection.Enqueue($$"""{"op":10,"d":{"heartbeat_interval":{{(long)_options.HeartbeatInterval.TotalMilliseconds}}},"s":null,"t":null}""");
            }

            await ReceiveLoopAsync(connection, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsDisconnect(ex))
        {
            // The client went away: normal for this emulator.
        }
        catch (Exception ex)
        {
            RecordServerError(ex);
        }
        finally
        {
            connection.CompleteWriter();
            await writer.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            lock (_lock)
            {
                connection.IsOpen = false;
                if (connection.Session is { } session && session.Attached == connection)
                {
                    session.Attached = null;
                }

                // Closing with 1000/1001 ends the session; any other code or a drop keeps it resumable.
                if (connection.ClientCloseStatus is 1000 or 1001 && connection.Session is { } ended)
                {
                    ended.Invalid = true;
                }

                if (_current == connection)
                {
                    _current = null;
                }

                SignalLocked();
            }
        }
    }

    private async Task ReceiveLoopAsync(Connection connection, CancellationToken cancellationToken)
    {
        var buffer = new byte[_options.MaxPayloadBytes + 1];
        var window = new Queue<long>();
        var clock = _options.TimeProvider;
        while (true)
        {
            var length = 0;
            var oversized = false;
            ValueWebSocketReceiveResult result;
            do
            {
                var room = buffer.Length - length;
                if (room == 0)
                {
                    oversized = true;
                    length = 0;
                    room = buffer.Length;
                }

                result = await connection.Socket.ReceiveAsync(buffer.AsMemory(length, room), cancellationToken).ConfigureAwait(false);
                length += result.Count;
            }
            while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

            if (result.MessageType == WebSocketMessageType.Close)
            {
                lock (_lock)
                {
                    connection.ClientCloseStatus = (int?)connection.Socket.CloseStatus;
                    SignalLocked();
                }

                await connection.CloseAsync((int?)connection.Socket.CloseStatus ?? 1000).ConfigureAwait(false);
                return;
            }

            if (oversized || length > _options.MaxPayloadBytes)
            {
                await connection.CloseAsync(4002).ConfigureAwait(false);
                return;
            }

            var text = Encoding.UTF8.GetString(buffer, 0, length);
            var now = clock.GetTimestamp();
            window.Enqueue(now);
            while (clock.GetElapsedTime(window.Peek(), now) >= _options.SendWindow)
            {
                window.Dequeue();
            }

            JsonNode? payload = null;
            int op;
            try
            {
                payload = JsonNode.Parse(text);
                op = payload?["op"]?.GetValue<int>() ?? -1;
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
            {
                op = -1;
            }

            lock (_lock)
            {
                _payloads.Add(new ReceivedGatewayPayload(connection.Id, op, text, clock.GetUtcNow()));
                SignalLocked();
            }

            if (window.Count > _options.SendLimit)
            {
                await connection.CloseAsync(4008).ConfigureAwait(false);
                return;
            }

            if (op < 0)
            {
                await connection.CloseAsync(4002).ConfigureAwait(false);
                return;
            }

            if (HandlePayload(connection, op, payload!["d"]) is { } closeCode)
            {
                await connection.CloseAsync(closeCode).ConfigureAwait(false);
                return;
            }
        }
    }

    // Returns a close code when the payload ends the connection.
    private int? HandlePayload(Connection connection, int op, JsonNode? data)
    {
        lock (_lock)
        {
            try
            {
                switch (op)
                {
                    case 1:
                        _heartbeatCount++;
                        if (_ackHeartbeats)
                        {
                            connection.Enqueue("""{"op":11,"d":null}""");
                        }

                        return null;
                    case 2:
                        _identifyCount++;
                        return Identify(connection, data);
                    case 6:
                        _resumeCount++;
                        return Resume(connection, data);
                    case 3 or 4 or 8 or 31 or 43:
                        return connection.Session is null ? 4003 : null;
                    default:
                        return 4001;
                }
            }
            finally
            {
                SignalLocked();
            }
        }
    }

    private int? Identify(Connection connection, JsonNode? data)
    {
        if (connection.Session is not null)
        {
            return 4005;
        }

        if (data is not JsonObject d || !IsString(d["token"]) || d["token"]!.GetValue<string>() != _options.Token)
        {
            return 4004;
        }

        if (d["intents"] is not JsonValue intentsNode || !intentsNode.TryGetValue<long>(out var intents) || intents < 0 || intents >= 1L << 26)
        {
            return 4013;
        }

        if ((intents & DiscordGatewayEmulatorOptions.PrivilegedIntents & ~_options.EnabledPrivilegedIntents) != 0)
        {
            return 4014;
        }

        if (d["properties"] is not JsonObject)
        {
            return 4001;
        }

        var session = new Session(Guid.NewGuid().ToString("N")) { Intents = intents };
        _sessions[session.Id] = session;
        _latestSession = session;
        connection.Session = session;
        session.Attached = connection;
        var ready = new JsonObject
        {
            ["v"] = 10,
            ["user"] = new JsonObject { ["id"] = _options.BotUserId, ["username"] = _options.BotUsername, ["discriminator"] = "0", ["bot"] = true },
            ["guilds"] = new JsonArray([.. _options.GuildIds.Select(id => (JsonNode)new JsonObject { ["id"] = id, ["unavailable"] = true })]),
            ["session_id"] = session.Id,
            ["resume_gateway_url"] = GatewayUrl.ToString(),
            ["application"] = new JsonObject { ["id"] = _options.ApplicationId, ["flags"] = 0 },
        };
        DispatchLocked(session, "READY", ready.ToJsonString());
        _readyCount++;
        return null;
    }

    private int? Resume(Connection connection, JsonNode? data)
    {
        if (connection.Session is not null)
        {
            return 4005;
        }

        if (data is not JsonObject d || !IsString(d["token"]) || d["token"]!.GetValue<string>() != _options.Token)
        {
            return 4004;
        }

        var sessionId = IsString(d["session_id"]) ? d["session_id"]!.GetValue<string>() : null;
        if (sessionId is null || !_sessions.TryGetValue(sessionId, out var session) || session.Invalid)
        {
            connection.Enqueue("""{"op":9,"d":false,"s":null,"t":null}""");
            return null;
        }

        var seq = d["seq"] is JsonValue seqNode && seqNode.TryGetValue<int>(out var parsed) ? parsed : -1;
        if (seq < 0 || seq > session.Sequence)
        {
            return 4007;
        }

        // A newer connection takes the session over, as on Discord.
        session.Attached?.Drop();
        connection.Session = session;
        session.Attached = connection;
        foreach (var (bufferedSequence, bufferedPayload) in session.Buffer)
        {
            if (bufferedSequence > seq - _options.ResumeReplayOverlap)
            {
                connection.Enqueue(bufferedPayload);
            }
        }

        DispatchLocked(session, "RESUMED", "{}");
        _resumedCount++;
        return null;
    }

    private (int Sequence, Task Sent) DispatchLocked(Session session, string eventName, string dataJson)
    {
        var sequence = ++session.Sequence;
        var payload = $$"""{"op":0,"d":{{dataJson}},"s":{{sequence}},"t":{{JsonSerializer.Serialize(eventName)}}}""";
        session.Buffer.Add((sequence, payload));
        var sent = session.Attached is { } connection ? connection.Enqueue(payload) : Task.CompletedTask;
        SignalLocked();
        return (sequence, sent);
    }

    private Task SendToCurrentAsync(string payload)
    {
        var connection = Read(() => _current) ?? throw new InvalidOperationException("No client is connected.");
        return connection.Enqueue(payload);
    }

    private static bool IsString(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.String;

    private static bool IsDisconnect(Exception ex) =>
        ex is WebSocketException or IOException or OperationCanceledException or ObjectDisposedException
        || ex.GetType().Name == "ConnectionAbortedException";

    private T Read<T>(Func<T> read)
    {
        lock (_lock)
        {
            return read();
        }
    }

    private void RecordServerError(Exception ex)
    {
        lock (_lock)
        {
            _serverErrors.Add(ex);
            SignalLocked();
        }
    }

    private void ThrowIfServerErrorsLocked()
    {
        if (_serverErrors.Count > 0)
        {
            throw new AggregateException("The Discord gateway emulator failed.", _serverErrors);
        }
    }

    private void SignalLocked()
    {
        var changed = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        changed.TrySetResult();
    }

    private string Describe()
    {
        lock (_lock)
        {
            var recent = string.Join(", ", _payloads.TakeLast(5).Select(p => $"#{p.ConnectionId} op {p.Op}"));
            var connections = string.Join(", ", _connections.Select(c => c.Snapshot()));
            return $"Emulator: {_forgottenConnections + _connections.Count} connections [{connections}], {_identifyCount} identifies, {_readyCount} READY, "
                + $"{_resumeCount} resumes, {_resumedCount} RESUMED, {_heartbeatCount} heartbeats, last payloads: {recent}.";
        }
    }

    private sealed class Session(string id)
    {
        public string Id { get; } = id;

        public int Sequence { get; set; }

        public List<(int Sequence, string Payload)> Buffer { get; } = [];

        public Connection? Attached { get; set; }

        public bool Invalid { get; set; }

        /// <summary>The intents the session identified with.</summary>
        public long Intents { get; init; }
    }

    // The Message Content rule (discord-api.md §1.10): a session identified without the intent gets other users'
    // guild messages that don't mention the bot with empty content, embeds, attachments and components.
    private JsonObject ForSession(Session session, string eventName, JsonObject data)
    {
        if (eventName is not ("MESSAGE_CREATE" or "MESSAGE_UPDATE") || (session.Intents & MessageContentIntent) != 0)
        {
            return data;
        }

        var author = data["author"]?["id"]?.GetValue<string>();
        var inDm = data["guild_id"] is null;
        var content = data["content"]?.GetValue<string>() ?? "";
        var mentioned = content.Contains($"<@{_options.BotUserId}>", StringComparison.Ordinal)
            || content.Contains($"<@!{_options.BotUserId}>", StringComparison.Ordinal)
            || (data["mentions"] as JsonArray)?.Any(u => u?["id"]?.GetValue<string>() == _options.BotUserId) == true;
        if (author == _options.BotUserId || inDm || mentioned)
        {
            return data;
        }

        var blanked = (JsonObject)data.DeepClone();
        DiscordRestEmulator.Blank(blanked);
        return blanked;
    }

    private const long MessageContentIntent = 1 << 15;

    private sealed class Connection(DiscordGatewayEmulator owner, int id, WebSocket socket, HttpContext context)
    {
        private readonly string _query = context.Request.QueryString.Value ?? "";
        private readonly Channel<Outbound> _outbound = Channel.CreateUnbounded<Outbound>(new UnboundedChannelOptions { SingleReader = true });

        public int Id { get; } = id;

        public WebSocket Socket { get; } = socket;

        public Session? Session { get; set; }

        public bool IsOpen { get; set; } = true;

        public int? ClientCloseStatus { get; set; }

        public int? ServerCloseStatus { get; set; }

        public bool Dropped { get; set; }

        public EmulatedGatewayConnection Snapshot() =>
            new(Id, _query, IsOpen, ClientCloseStatus, ServerCloseStatus, Dropped);

        // The task completes when the payload was written (or could not be: the client is gone, and a
        // buffered event is then replayed on RESUME).
        public Task Enqueue(string payload)
        {
            var outbound = new Outbound(Encoding.UTF8.GetBytes(payload), null);
            return _outbound.Writer.TryWrite(outbound) ? outbound.Done.Task : Task.CompletedTask;
        }

        public Task CloseAsync(int code)
        {
            var outbound = new Outbound(null, code);
            return _outbound.Writer.TryWrite(outbound) ? outbound.Done.Task : Task.CompletedTask;
        }

        public void Drop()
        {
            lock (owner._lock)
            {
                Dropped = true;
                owner.SignalLocked();
            }

            _outbound.Writer.TryComplete();
            try
            {
                context.Abort();
            }
            catch (ObjectDisposedException)
            {
                // The request ended between the IsOpen check and here: Kestrel already let the connection go.
            }
        }

        public void CompleteWriter() => _outbound.Writer.TryComplete();

        public async Task RunWriterAsync()
        {
            var closed = false;
            await foreach (var outbound in _outbound.Reader.ReadAllAsync().ConfigureAwait(false))
            {
                try
                {
                    if (closed)
                    {
                        continue;
                    }

                    if (outbound.CloseCode is { } code)
                    {
                        closed = true;
                        lock (owner._lock)
                        {
                            ServerCloseStatus ??= code;
                            owner.SignalLocked();
                        }

                        if (Socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                        {
                            await Socket.CloseOutputAsync((WebSocketCloseStatus)code, null, CancellationToken.None).ConfigureAwait(false);
                        }
                    }
                    else
                    {
                        await Socket.SendAsync(outbound.Payload!, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None).ConfigureAwait(false);
                    }
                }
                catch (Exception ex) when (IsDisconnect(ex) || ex is InvalidOperationException)
                {
                    closed = true;
                }
                catch (Exception ex)
                {
                    closed = true;
                    owner.RecordServerError(ex);
                }
                finally
                {
                    outbound.Done.TrySetResult();
                }
            }
        }
    }

    private sealed record Outbound(byte[]? Payload, int? CloseCode)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
