using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AstraBit.SupportBot.Emulators.Discord;

/// <summary>
/// A loopback Discord REST API v10 on real Kestrel (127.0.0.1, random port) with in-memory state:
/// channels, DMs, messages, threads, members, commands and interactions. It checks authorization,
/// validates payloads against Discord's limits, sends rate-limit headers, enforces per-route buckets,
/// can script 429s and 5xx answers, and records every request for assertions. Exceptions thrown while
/// handling a request are captured and rethrown by <see cref="DisposeAsync"/>.
/// </summary>
public sealed partial class DiscordRestEmulator : IAsyncDisposable
{
    private const long DiscordEpochMs = 1_420_070_400_000;

    /// <summary>How long a message's nonce is remembered for enforce_nonce: Discord documents "the past few minutes".</summary>
    public static readonly TimeSpan NonceWindow = TimeSpan.FromMinutes(5);

    private readonly Lock _lock = new();
    private readonly DiscordRestEmulatorOptions _options;
    private readonly TimeProvider _clock;
    private readonly ConcurrentQueue<Exception> _serverErrors = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<RecordedCallback> _callbacks = [];
    private bool _outage;
    private readonly Dictionary<ulong, EmulatedChannel> _channels = [];
    private readonly List<EmulatedMessage> _messages = [];
    private readonly Queue<int> _uploadFailures = new();
    private readonly List<EmulatedMessage> _deletedMessages = [];
    private readonly Dictionary<ulong, string> _users = [];
    private readonly Dictionary<ulong, string> _locales = [];
    private string _guildLocale = "en-US";
    private readonly Dictionary<ulong, (ulong[] Roles, ulong Permissions)> _members = [];
    private readonly HashSet<ulong> _closedDms = [];
    private readonly Dictionary<ulong, EmulatedInteraction> _interactions = [];
    private readonly Dictionary<ulong, JsonArray> _guildCommands = [];
    private readonly Dictionary<string, (int Limit, TimeSpan Window)> _limits;
    private readonly Dictionary<string, (DateTimeOffset Start, int Count)> _windows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _maxPerWindow = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _violations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<(TimeSpan RetryAfter, bool Global)>> _scripted429 = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<int>> _scriptedFailures = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<int>> _scriptedFailuresAfter = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TaskCompletionSource> _holds = new(StringComparer.Ordinal);
    private WebApplication? _app;
    private TaskCompletionSource _pulse = NewPulse();
    private ulong _nextId;

    private DiscordRestEmulator(DiscordRestEmulatorOptions options)
    {
        _options = options;
        _clock = options.TimeProvider;
        _limits = new(options.BucketLimits, StringComparer.Ordinal);
        _nextId = (ulong)(_clock.GetUtcNow().ToUnixTimeMilliseconds() - DiscordEpochMs) << 22;
        _users[options.BotUserId] = "SupportBot";
        _channels[options.DefaultChannelId] = new EmulatedChannel(options.DefaultChannelId, 0, options.GuildId, null, "support", null);
        SeedGuild();
        foreach (var (userId, roles) in options.Members)
        {
            AddMember(userId, roles);
        }
    }

    /// <summary>Base URL to put in <c>DiscordClientOptions.ApiBaseUrl</c>, e.g. http://127.0.0.1:PORT/api/v10.</summary>
    public Uri ApiBaseUrl { get; private set; } = null!;

    public string Token => _options.Token;

    public ulong ApplicationId => _options.ApplicationId;

    public ulong BotUserId => _options.BotUserId;

    public ulong GuildId => _options.GuildId;

    public ulong DefaultChannelId => _options.DefaultChannelId;

    /// <summary>Exceptions thrown inside the emulator while handling requests.</summary>
    public IReadOnlyCollection<Exception> ServerErrors => _serverErrors;

    /// <summary>Starts Kestrel on 127.0.0.1 with a random port.</summary>
    public static async Task<DiscordRestEmulator> StartAsync(DiscordRestEmulatorOptions? options = null, CancellationToken ct = default)
    {
        var emulator = new DiscordRestEmulator(options ?? new DiscordRestEmulatorOptions());
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, emulator._options.Port));
        var app = builder.Build();
        app.Run(emulator.HandleAsync);
        await app.StartAsync(ct).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        emulator._app = app;
        emulator.ApiBaseUrl = new Uri(address.TrimEnd('/') + "/api/v10");
        return emulator;
    }

    /// <summary>Stops the server; throws when a request handler failed, so the test sees it.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync().ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
            _app = null;
        }

        if (!_serverErrors.IsEmpty)
        {
            throw new AggregateException("The Discord REST emulator failed while handling requests.", _serverErrors);
        }
    }

    // ---- seeding and scripting ----

    /// <summary>
    /// Permissions of an ordinary member: VIEW_CHANNEL, SEND_MESSAGES, READ_MESSAGE_HISTORY,
    /// USE_APPLICATION_COMMANDS, SEND_MESSAGES_IN_THREADS.
    /// </summary>
    public const ulong DefaultMemberPermissions = (1UL << 10) | (1UL << 11) | (1UL << 16) | (1UL << 31) | (1UL << 38);

    /// <summary>Adds (or replaces) a guild member with roles; <paramref name="permissions"/> is what interactions report.</summary>
    public void AddMember(ulong userId, IEnumerable<ulong> roles, string? username = null, ulong permissions = DefaultMemberPermissions)
    {
        lock (_lock)
        {
            _users[userId] = username ?? _users.GetValueOrDefault(userId) ?? "user" + Id(userId);
            _members[userId] = ([.. roles], permissions);
        }
    }

    /// <summary>
    /// The language of this user's Discord client (e.g. "es-ES", "pt-BR", "ja"): their interactions carry it as
    /// <c>locale</c> from now on. Users start in en-US.
    /// </summary>
    public void SetLocale(ulong userId, string locale)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(locale);
        lock (_lock)
        {
            _locales[userId] = locale;
        }
    }

    /// <summary>The locale a user's interactions carry (en-US unless <see cref="SetLocale"/> changed it).</summary>
    public string LocaleOf(ulong userId)
    {
        lock (_lock)
        {
            return _locales.GetValueOrDefault(userId) ?? "en-US";
        }
    }

    /// <summary>The guild's preferred locale, carried as <c>guild_locale</c> by interactions in the guild (en-US by default).</summary>
    public string GuildLocale
    {
        get
        {
            lock (_lock)
            {
                return _guildLocale;
            }
        }

        set
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(value);
            lock (_lock)
            {
                _guildLocale = value;
            }
        }
    }

    /// <summary>From now on, messages to this user's DM channel fail with 403 / 50007.</summary>
    public void CloseDms(ulong userId)
    {
        lock (_lock)
        {
            _closedDms.Add(userId);
        }
    }

    /// <summary>The DM channel between the bot and this user (opened if it wasn't), as a member writing to the bot uses it.</summary>
    public ulong DmChannelOf(ulong userId)
    {
        lock (_lock)
        {
            return DmChannel(userId).Id;
        }
    }

    public void OpenDms(ulong userId)
    {
        lock (_lock)
        {
            _closedDms.Remove(userId);
        }
    }

    /// <summary>Adds a guild text channel and returns its id.</summary>
    public ulong AddTextChannel(string name = "general")
    {
        lock (_lock)
        {
            var id = NextId();
            _channels[id] = new EmulatedChannel(id, 0, _options.GuildId, null, name, null);
            return id;
        }
    }

    /// <summary>Sets a route's bucket size (route names: <see cref="DiscordRestRoutes"/>).</summary>
    public void SetBucketLimit(string route, int limit, TimeSpan window)
    {
        lock (_lock)
        {
            _limits[route] = (limit, window);
        }
    }

    /// <summary>The next request on <paramref name="route"/> is answered 429 with <c>retry_after</c>.</summary>
    public void Script429(string route, TimeSpan retryAfter, bool global = false)
    {
        lock (_lock)
        {
            GetQueue(_scripted429, route).Enqueue((retryAfter, global));
        }
    }

    /// <summary>The next <paramref name="count"/> requests on <paramref name="route"/> are answered with <paramref name="status"/>.</summary>
    public void FailNext(string route, int status = 500, int count = 1)
    {
        lock (_lock)
        {
            for (var i = 0; i < count; i++)
            {
                GetQueue(_scriptedFailures, route).Enqueue(status);
            }
        }
    }

    /// <summary>
    /// The next <paramref name="count"/> message posts that upload files (multipart, e.g. a transcript) fail with
    /// <paramref name="status"/> and take no effect, as when Discord's attachment storage is down; other posts go through.
    /// </summary>
    public void FailNextUploads(int count, int status = 500)
    {
        lock (_lock)
        {
            for (var i = 0; i < count; i++)
            {
                _uploadFailures.Enqueue(status);
            }
        }
    }

    /// <summary>
    /// The next request on <paramref name="route"/> takes effect (a message is posted) but is answered with
    /// <paramref name="status"/>, as when Discord's edge gives up on a slow origin.
    /// </summary>
    public void FailAfterNext(string route, int status = 502)
    {
        lock (_lock)
        {
            GetQueue(_scriptedFailuresAfter, route).Enqueue(status);
        }
    }

    /// <summary>
    /// Requests on <paramref name="route"/> are recorded as they arrive and then wait, unanswered, until the returned
    /// hold is disposed, as a request to a slow Discord does: a test can kill the bot while one is in flight, at a point
    /// of its choosing rather than racing the bot. A request whose client hung up meanwhile takes no effect.
    /// </summary>
    public IDisposable Hold(string route)
    {
        ArgumentException.ThrowIfNullOrEmpty(route);
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            _holds[route] = hold;
        }

        return new RouteHold(() =>
        {
            lock (_lock)
            {
                if (_holds.TryGetValue(route, out var current) && current == hold)
                {
                    _holds.Remove(route);
                }
            }

            hold.TrySetResult();
        });
    }

    /// <summary>
    /// While true, every API request is answered 503 and takes no effect, as during an outage of Discord's API
    /// (the gateway's side is <see cref="DiscordGatewayEmulator.Unavailable"/>).
    /// </summary>
    public bool Outage
    {
        get => Volatile.Read(ref _outage);
        set => Volatile.Write(ref _outage, value);
    }

    /// <summary>
    /// Forgets the recorded requests and callbacks (what tests inspect), keeping the state Discord holds: channels,
    /// messages, members, interactions. A long run calls it once it has checked what it recorded, so the emulator's
    /// records don't grow for the length of the run.
    /// </summary>
    public void ForgetRecords()
    {
        lock (_lock)
        {
            _requests.Clear();
            _callbacks.Clear();
        }
    }

    /// <summary>
    /// Forgets every message and interaction as well as the records (channels, members and commands stay): for a long
    /// run that measures its own process after it has checked everything, so what the emulator kept of the run is not
    /// counted as the bot's.
    /// </summary>
    public void ForgetHistory()
    {
        lock (_lock)
        {
            _requests.Clear();
            _callbacks.Clear();
            _messages.Clear();
            _deletedMessages.Clear();
            _interactions.Clear();
            _modalUploads.Clear();
        }
    }

    /// <summary>
    /// Forgets everything Discord would hold for the guild (users, members, their languages, channels and threads, the
    /// rate limits' windows) as well as the history: for a long run that measures its own process after it has checked
    /// everything and is about to stop, so that what stays is its client's.
    /// </summary>
    public void ForgetState()
    {
        ForgetHistory();
        lock (_lock)
        {
            _users.Clear();
            _locales.Clear();
            _members.Clear();
            _channels.Clear();
            _closedDms.Clear();
            _windows.Clear();
            _maxPerWindow.Clear();
            _violations.Clear();
        }
    }

    // ---- inspection ----

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    private const int InvalidFormBodyCode = 50035;

    /// <summary>
    /// Requests the emulator refused as Discord would with 50035 Invalid Form Body (a limit, a Components V2 rule, a
    /// modal layout): injected failures never carry that code, so each one is something the sender got wrong.
    /// </summary>
    public IReadOnlyList<RecordedRequest> InvalidFormBodies
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests.Where(r => r.ErrorCode == InvalidFormBodyCode)];
            }
        }
    }

    /// <summary>Throws when any request was refused with 50035, naming its route and body, so a test fails on it.</summary>
    public void ThrowOnInvalidFormBodies()
    {
        var refused = InvalidFormBodies;
        if (refused.Count > 0)
        {
            throw new InvalidOperationException(
                "Discord would refuse these requests (50035 Invalid Form Body):\n" + string.Join("\n", refused.Select(r => $"{r.Method} {r.Route}: {r.Body}")));
        }
    }

    /// <summary>Requests whose body had fields Discord's schema does not define (see <see cref="RecordedRequest.UnknownFields"/>).</summary>
    public IReadOnlyList<RecordedRequest> SchemaViolations
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests.Where(r => r.UnknownFields.Count > 0)];
            }
        }
    }

    /// <summary>Throws naming each request that sent a field Discord's schema does not define; tests call it when they end.</summary>
    public void ThrowOnSchemaViolations()
    {
        var violations = SchemaViolations;
        if (violations.Count > 0)
        {
            throw new InvalidOperationException("Requests sent body fields Discord's schema does not define (Discord would ignore them):\n"
                + string.Join("\n", violations.Select(r => $"{r.Route}: {string.Join(", ", r.UnknownFields)}")));
        }
    }

    public IReadOnlyList<RecordedRequest> RequestsFor(string route)
    {
        lock (_lock)
        {
            return [.. _requests.Where(r => r.Route == route)];
        }
    }

    public IReadOnlyList<RecordedCallback> Callbacks
    {
        get
        {
            lock (_lock)
            {
                return [.. _callbacks];
            }
        }
    }

    public IReadOnlyList<EmulatedMessage> Messages
    {
        get
        {
            lock (_lock)
            {
                return [.. _messages];
            }
        }
    }

    public EmulatedChannel? GetChannel(ulong channelId)
    {
        lock (_lock)
        {
            return _channels.GetValueOrDefault(channelId);
        }
    }

    /// <summary>Every channel, DM channel and thread.</summary>
    public IReadOnlyList<EmulatedChannel> Channels
    {
        get
        {
            lock (_lock)
            {
                return [.. _channels.Values];
            }
        }
    }

    /// <summary>The user's name as messages and interactions carry it.</summary>
    public string UserName(ulong userId)
    {
        lock (_lock)
        {
            return _users.GetValueOrDefault(userId) ?? "user" + Id(userId);
        }
    }

    /// <summary>The id of the user with this name, or null.</summary>
    public ulong? FindUser(string userName)
    {
        lock (_lock)
        {
            return _users.Where(u => string.Equals(u.Value, userName, StringComparison.OrdinalIgnoreCase)).Select(u => (ulong?)u.Key).FirstOrDefault();
        }
    }

    public IReadOnlyList<EmulatedChannel> Threads
    {
        get
        {
            lock (_lock)
            {
                return [.. _channels.Values.Where(c => c.IsThread)];
            }
        }
    }

    /// <summary>The commands last registered for the guild (as sent, plus ids).</summary>
    public JsonArray GetRegisteredCommands(ulong guildId)
    {
        lock (_lock)
        {
            return (JsonArray)(_guildCommands.GetValueOrDefault(guildId)?.DeepClone() ?? new JsonArray());
        }
    }

    /// <summary>The most requests seen in one window of any of the route's buckets.</summary>
    public int MaxRequestsPerWindow(string route)
    {
        lock (_lock)
        {
            return _maxPerWindow.Where(kv => kv.Key.StartsWith(route + "|", StringComparison.Ordinal)).Select(kv => kv.Value).DefaultIfEmpty(0).Max();
        }
    }

    /// <summary>Requests that arrived while the route's bucket was empty (answered 429).</summary>
    public int RateLimitViolations(string route)
    {
        lock (_lock)
        {
            return _violations.Where(kv => kv.Key.StartsWith(route + "|", StringComparison.Ordinal)).Sum(kv => kv.Value);
        }
    }

    /// <summary>Who started an interaction, where, and on which message; null for an unknown id.</summary>
    public InteractionContext? FindInteraction(ulong interactionId)
    {
        lock (_lock)
        {
            return _interactions.TryGetValue(interactionId, out var i)
                ? new InteractionContext(i.Id, i.Type, i.UserId, i.ChannelId, i.InDm, i.MessageId)
                : null;
        }
    }

    // ---- waiting ----

    /// <summary>Completes at the next request the emulator handles (a page showing its state waits on it instead of polling).</summary>
    public Task NextChange
    {
        get
        {
            lock (_lock)
            {
                return _pulse.Task;
            }
        }
    }

    /// <summary>Waits for the first callback of an interaction (accepted or not).</summary>
    public Task<RecordedCallback> WaitForCallbackAsync(ulong interactionId, TimeSpan timeout) =>
        WaitAsync(() => _callbacks.FirstOrDefault(c => c.InteractionId == interactionId), timeout, $"a callback for interaction {interactionId}");

    /// <summary>
    /// Waits for the first callback of each interaction with a single waiter (hundreds of
    /// <see cref="WaitForCallbackAsync"/> calls at once would each rescan on every request).
    /// </summary>
    public async Task<IReadOnlyList<RecordedCallback>> WaitForCallbacksAsync(IReadOnlyCollection<ulong> interactionIds, TimeSpan timeout)
    {
        var wanted = interactionIds.ToHashSet();
        var found = new Dictionary<ulong, RecordedCallback>();
        var scanned = 0;
        await WaitAsync(
            () =>
            {
                for (; scanned < _callbacks.Count; scanned++)
                {
                    var callback = _callbacks[scanned];
                    if (wanted.Contains(callback.InteractionId))
                    {
                        found.TryAdd(callback.InteractionId, callback);
                    }
                }

                return found.Count == wanted.Count ? found : null;
            },
            timeout,
            $"callbacks for {wanted.Count} interactions").ConfigureAwait(false);
        return [.. interactionIds.Select(id => found[id])];
    }

    /// <summary>Waits until a message (new or edited) matches.</summary>
    public Task<EmulatedMessage> WaitForMessageAsync(Func<EmulatedMessage, bool> predicate, TimeSpan timeout) =>
        WaitAsync(() => _messages.FirstOrDefault(predicate), timeout, "a matching message");

    /// <summary>Waits until a recorded request matches.</summary>
    public Task<RecordedRequest> WaitForRequestAsync(Func<RecordedRequest, bool> predicate, TimeSpan timeout) =>
        WaitAsync(() => _requests.FirstOrDefault(predicate), timeout, "a matching request");

    private async Task<T> WaitAsync<T>(Func<T?> probe, TimeSpan timeout, string what)
        where T : class
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            Task pulse;
            lock (_lock)
            {
                if (probe() is { } found)
                {
                    return found;
                }

                pulse = _pulse.Task;
            }

            try
            {
                await pulse.WaitAsync(cts.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Timed out after {timeout} waiting for {what}.");
            }
        }
    }

    private static TaskCompletionSource NewPulse() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void Pulse()
    {
        TaskCompletionSource old;
        lock (_lock)
        {
            old = _pulse;
            _pulse = NewPulse();
        }

        old.TrySetResult();
    }

    private static Queue<T> GetQueue<T>(Dictionary<string, Queue<T>> map, string route)
    {
        if (!map.TryGetValue(route, out var q))
        {
            q = new Queue<T>();
            map[route] = q;
        }

        return q;
    }

    // A snowflake carries its creation time in its top 42 bits (ms since the Discord epoch), as Discord's do; the
    // low bits keep ids unique and increasing within a millisecond.
    private ulong NextId() => _nextId = Math.Max(_nextId + 1, (ulong)(_clock.GetUtcNow().ToUnixTimeMilliseconds() - DiscordEpochMs) << 22);

    private static string Id(ulong id) => id.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Releases a route held by <see cref="DiscordRestEmulator.Hold"/>.</summary>
internal sealed class RouteHold(Action release) : IDisposable
{
    private Action? release = release;

    public void Dispose() => Interlocked.Exchange(ref release, null)?.Invoke();
}
