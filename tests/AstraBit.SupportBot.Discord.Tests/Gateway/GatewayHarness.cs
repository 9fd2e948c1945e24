using System.Collections.Concurrent;
using AstraBit.SupportBot.Discord.Gateway;
using AstraBit.SupportBot.Emulators.Discord;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace AstraBit.SupportBot.Discord.Tests.Gateway;

/// <summary>A real client against a real emulator over a loopback socket, with recorded events and logs.</summary>
internal sealed class GatewayHarness : IAsyncDisposable
{
    public const string Token = "Bot-secret-token-7a1c9e";

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public static readonly GatewayClientSettings FastSettings = new()
    {
        ReconnectInitialDelay = TimeSpan.FromMilliseconds(5),
        ReconnectMaxDelay = TimeSpan.FromMilliseconds(50),
        InvalidSessionMinDelay = TimeSpan.FromMilliseconds(5),
        InvalidSessionMaxDelay = TimeSpan.FromMilliseconds(20),
        IdentifyInterval = TimeSpan.Zero,
        HeartbeatJitter = () => 0.5,
    };

    private readonly CancellationTokenSource _stop = new();
    private readonly ServiceProvider _services;

    private GatewayHarness(DiscordGatewayEmulator emulator, ServiceProvider services, FakeLogCollector logs)
    {
        Emulator = emulator;
        _services = services;
        Logs = logs;
        Client = services.GetRequiredService<DiscordGatewayClient>();
        Events = services.GetRequiredService<EventRecorder>();
    }

    public DiscordGatewayEmulator Emulator { get; }

    public DiscordGatewayClient Client { get; }

    public EventRecorder Events { get; }

    public FakeLogCollector Logs { get; }

    public Task Run { get; private set; } = Task.CompletedTask;

    public IServiceProvider Services => _services;

    public static async Task<GatewayHarness> StartAsync(
        DiscordGatewayEmulatorOptions? emulatorOptions = null,
        string token = Token,
        int? intents = null,
        GatewayClientSettings? settings = null,
        TimeProvider? clientTime = null,
        Action<IServiceCollection>? configure = null,
        bool run = true)
    {
        var emulator = await DiscordGatewayEmulator.StartAsync(emulatorOptions ?? new DiscordGatewayEmulatorOptions
        {
            Token = Token,
            HeartbeatInterval = TimeSpan.FromMilliseconds(1000),
        });
        var logs = new FakeLogCollector();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(logs)));
        services.Configure<DiscordClientOptions>(options =>
        {
            options.Token = token;
            options.GatewayUrl = emulator.GatewayUrl;
            if (intents is { } value)
            {
                options.Intents = value;
            }
        });
        services.AddSingleton(settings ?? FastSettings);
        if (clientTime is not null)
        {
            services.AddSingleton(clientTime);
        }

        services.AddSingleton<IHostApplicationLifetime, FakeLifetime>();
        services.AddDiscordGateway();
        // Test handlers first: the recorder then runs after them, so "recorded" means they are done.
        configure?.Invoke(services);
        services.AddSingleton<EventRecorder>();
        services.AddScoped<IGatewayEventHandler, RecordingHandler>();
        var harness = new GatewayHarness(emulator, services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true }), logs);
        if (run)
        {
            harness.Start();
        }

        return harness;
    }

    public void Start() => Run = Task.Run(() => Client.RunAsync(_stop.Token));

    /// <summary>Dispatches MESSAGE_CREATE events and returns their sequence numbers.</summary>
    public async Task<List<int>> DispatchMessagesAsync(int count)
    {
        var sequences = new List<int>();
        for (var i = 0; i < count; i++)
        {
            sequences.Add(await Emulator.DispatchAsync("MESSAGE_CREATE", new() { ["id"] = $"{1000 + i}", ["content"] = "hi" }));
        }

        return sequences;
    }

    public async Task<GatewayFatalException> WaitForFatalAsync()
    {
        var ex = await Assert.ThrowsAsync<GatewayFatalException>(() => Run.WaitAsync(Timeout));
        return ex;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await Run.WaitAsync(Timeout);
        }
        catch (GatewayFatalException)
        {
            // Asserted by the test that caused it.
        }

        await _services.DisposeAsync();
        _stop.Dispose();
        await Emulator.DisposeAsync();
    }
}

/// <summary>Every event the client delivered, awaitable.</summary>
internal sealed class EventRecorder
{
    private readonly Lock _lock = new();
    private readonly List<GatewayEvent> _events = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<GatewayEvent> Events
    {
        get
        {
            lock (_lock)
            {
                return [.. _events];
            }
        }
    }

    public ConcurrentBag<Guid> ScopeIds { get; } = [];

    public void Record(GatewayEvent gatewayEvent)
    {
        lock (_lock)
        {
            _events.Add(gatewayEvent);
            var changed = _changed;
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
            changed.TrySetResult();
        }
    }

    /// <summary>Deliveries per sequence number for events named <paramref name="name"/>.</summary>
    public Dictionary<int, int> CountsBySequence(string name = "MESSAGE_CREATE") =>
        Events.Where(e => e.Name == name).GroupBy(e => e.Sequence).ToDictionary(g => g.Key, g => g.Count());

    public Task WaitForAsync(string name, int count) => WaitUntilAsync(events => events.Count(e => e.Name == name) >= count, $"{count} {name}");

    public Task WaitForSequencesAsync(IEnumerable<int> sequences)
    {
        var wanted = sequences.ToHashSet();
        return WaitUntilAsync(events => wanted.IsSubsetOf(events.Select(e => e.Sequence)), $"sequences {string.Join(",", wanted)}");
    }

    public async Task WaitUntilAsync(Func<List<GatewayEvent>, bool> condition, string description)
    {
        using var cts = new CancellationTokenSource(GatewayHarness.Timeout);
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                if (condition(_events))
                {
                    return;
                }

                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Timed out waiting for {description}; got [{string.Join(", ", Events.Select(e => $"{e.Name}#{e.Sequence}"))}]");
            }
        }
    }
}

internal sealed class RecordingHandler(EventRecorder recorder) : IGatewayEventHandler
{
    private readonly Guid _scopeId = Guid.NewGuid();

    public bool Handles(string eventName) => true;

    public Task HandleAsync(GatewayEvent gatewayEvent, CancellationToken cancellationToken)
    {
        recorder.ScopeIds.Add(_scopeId);
        recorder.Record(gatewayEvent);
        return Task.CompletedTask;
    }
}
