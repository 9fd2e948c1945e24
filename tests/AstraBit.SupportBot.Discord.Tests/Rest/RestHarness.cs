using AstraBit.SupportBot.Discord.Rest;
using AstraBit.SupportBot.Emulators.Discord;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;

namespace AstraBit.SupportBot.Discord.Tests.Rest;

/// <summary>An emulator plus a client wired through <c>AddDiscordRest</c>, pointed at it.</summary>
internal sealed class RestHarness : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly ServiceProvider _services;

    private RestHarness(DiscordRestEmulator emulator, ServiceProvider services)
    {
        Emulator = emulator;
        _services = services;
        Client = services.GetRequiredService<DiscordRestClient>();
        Logs = services.GetFakeLogCollector();
    }

    public DiscordRestEmulator Emulator { get; }

    public DiscordRestClient Client { get; }

    public FakeLogCollector Logs { get; }

    public IServiceProvider Services => _services;

    public static async Task<RestHarness> StartAsync(DiscordRestEmulatorOptions? options = null, string? token = null)
    {
        var emulator = await DiscordRestEmulator.StartAsync(options);
        var services = new ServiceCollection();
        services.AddFakeLogging();
        services.Configure<DiscordClientOptions>(o =>
        {
            o.Token = token ?? emulator.Token;
            o.ApiBaseUrl = emulator.ApiBaseUrl;
            o.UserAgentUrl = "https://example.test/bot";
            o.UserAgentVersion = "9.9";
        });
        // Short backoff keeps the 5xx tests quick; the production default is 500 ms doubling.
        services.AddSingleton(new DiscordRestRetryPolicy(3, TimeSpan.FromMilliseconds(20), 5));
        services.AddDiscordRest();
        return new RestHarness(emulator, services.BuildServiceProvider());
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        try
        {
            Emulator.ThrowOnSchemaViolations();
        }
        finally
        {
            await Emulator.DisposeAsync();
        }
    }
}
