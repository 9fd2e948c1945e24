using AstraBit.SupportBot.Emulators.Bybit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace AstraBit.SupportBot.Bybit.Tests;

/// <summary>A Bybit emulator plus a client built through the real registration (retry pipeline included).</summary>
internal sealed class BybitTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private BybitTestHost(BybitEmulator emulator, ServiceProvider services)
    {
        Emulator = emulator;
        _services = services;
        Factory = services.GetRequiredService<IBybitClientFactory>();
        Client = Factory.Create(emulator.BaseUrl);
        Logs = services.GetFakeLogCollector();
    }

    public BybitEmulator Emulator { get; }

    public IBybitClientFactory Factory { get; }

    public BybitClient Client { get; }

    public FakeLogCollector Logs { get; }

    public static async Task<BybitTestHost> StartAsync(
        BybitEmulatorOptions? emulatorOptions = null,
        Action<BybitClientOptions>? configure = null,
        TimeProvider? clock = null)
    {
        var emulator = await BybitEmulator.StartAsync(emulatorOptions);
        var services = new ServiceCollection();
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }

        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddFakeLogging());
        services.AddBybitClient(options =>
        {
            options.BaseUrl = emulator.BaseUrl;
            // The shipped default: the machine running the suite may be busy; tests about deadlines set their own.
            options.Timeout = TimeSpan.FromSeconds(10);
            options.RetryBaseDelay = TimeSpan.FromMilliseconds(5);
            configure?.Invoke(options);
        });
        return new BybitTestHost(emulator, services.BuildServiceProvider(validateScopes: true));
    }

    public BybitCredentials Credentials(string scenario)
    {
        var account = Emulator.Scenario(scenario);
        return new BybitCredentials(account.ApiKey, account.ApiSecret);
    }

    public IReadOnlyList<BybitRecordedRequest> RequestsTo(string path) =>
        [.. Emulator.Requests.Where(r => r.Path == path)];

    /// <summary>
    /// Waits until the clock measurement that a signed call starts alongside itself has come back (or failed):
    /// a call that Bybit accepts at once does not wait for it, so a test counting the measurement waits here.
    /// </summary>
    public async Task ClockMeasuredAsync()
    {
        var timeSync = _services.GetRequiredService<BybitTimeSync>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        // Never "fresh enough": an offset taken from a 10002 answer makes the cache fresh while the measurement is still
        // out, so this waits for the measurement's turn at the host's gate and then measures nothing itself.
        await timeSync.GetAsync(Client.Host, _ => Task.FromResult<TimeSpan?>(null), staleIfMeasuredBefore: DateTimeOffset.MaxValue, timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        // The emulator goes first: a call Bybit accepted at once leaves its clock measurement running, and Polly
        // disposes a pipeline with an execution in flight by polling once a second. Stopping the emulator lets that
        // measurement end (answered, or refused) before the client's container is disposed.
        await Emulator.DisposeAsync();
        await _services.DisposeAsync();
    }
}
