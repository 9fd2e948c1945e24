using AstraBit.SupportBot.Discord.Gateway;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Discord.Tests.Gateway;

/// <summary>Heartbeat timing against a scripted transport and a fake clock.</summary>
public sealed class DiscordGatewayClientTimingTests
{
    private const string Ready = """{"op":0,"s":1,"t":"READY","d":{"v":10,"user":{"id":"1","username":"bot"},"guilds":[],"session_id":"s-1","resume_gateway_url":"wss://resume.example","application":{"id":"2","flags":0}}}""";

    [Fact]
    public async Task RunAsync_NoAckBeforeTheNextBeat_ClosesWith4000AndResumesOnTheResumeUrl()
    {
        var time = new WatchedFakeTimeProvider(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));
        var transport = new ScriptedGatewayTransport();
        using var services = new ServiceCollection().BuildServiceProvider();
        var client = new DiscordGatewayClient(
            Options.Create(new DiscordClientOptions { Token = "t", GatewayUrl = new Uri("wss://gateway.example/") }),
            transport,
            new GatewayDispatcher(services.GetRequiredService<IServiceScopeFactory>(), NullLogger<GatewayDispatcher>.Instance),
            time,
            NullLogger<DiscordGatewayClient>.Instance,
            GatewayHarness.FastSettings with { ReconnectInitialDelay = TimeSpan.Zero });
        using var stop = new CancellationTokenSource();
        var run = client.RunAsync(stop.Token);

        var first = await transport.NextConnectionAsync();
        Assert.Equal(new Uri("wss://gateway.example/?v=10&encoding=json"), first.Uri);
        first.ServerSends("""{"op":10,"d":{"heartbeat_interval":1000}}""");
        await first.ExpectAsync(2);
        await first.ServerSendsAndWaitHandledAsync(Ready);

        // First beat after interval × jitter (the harness fixes the jitter at one half).
        await time.WaitForTimerAsync(due => due == TimeSpan.FromMilliseconds(500), GatewayHarness.Timeout);
        Assert.False(first.HasSent);
        time.Advance(TimeSpan.FromSeconds(1));
        var beat = await first.ExpectAsync(1);
        Assert.Equal(1, beat["d"]!.GetValue<int>());

        // No ACK: when the next beat is due the connection is a zombie.
        await time.WaitForTimerAsync(due => due == TimeSpan.FromSeconds(1), GatewayHarness.Timeout);
        time.Advance(TimeSpan.FromSeconds(1));
        var second = await transport.NextConnectionAsync();

        Assert.Equal(4000, first.ClientCloseCode);
        Assert.Equal(new Uri("wss://resume.example/?v=10&encoding=json"), second.Uri);
        second.ServerSends("""{"op":10,"d":{"heartbeat_interval":1000}}""");
        var resume = await second.ExpectAsync(6);
        Assert.Equal("s-1", resume["d"]!["session_id"]!.GetValue<string>());
        Assert.Equal(1, resume["d"]!["seq"]!.GetValue<int>());
        Assert.Equal("t", resume["d"]!["token"]!.GetValue<string>());

        await stop.CancelAsync();
        await run.WaitAsync(GatewayHarness.Timeout);
    }

    [Fact]
    public async Task RunAsync_NoConfiguredUrl_AsksTheUrlSourceOnceAndReusesItForNewSessions()
    {
        var transport = new ScriptedGatewayTransport();
        var source = new CountingUrlSource(new Uri("wss://from-rest.example/"));
        using var services = new ServiceCollection().BuildServiceProvider();
        var client = new DiscordGatewayClient(
            Options.Create(new DiscordClientOptions { Token = "t" }),
            transport,
            new GatewayDispatcher(services.GetRequiredService<IServiceScopeFactory>(), NullLogger<GatewayDispatcher>.Instance),
            TimeProvider.System,
            NullLogger<DiscordGatewayClient>.Instance,
            GatewayHarness.FastSettings,
            source);
        using var stop = new CancellationTokenSource();
        var run = client.RunAsync(stop.Token);

        var first = await transport.NextConnectionAsync();
        first.ServerSends("""{"op":10,"d":{"heartbeat_interval":60000}}""");
        await first.ExpectAsync(2);
        first.ServerSends(Ready);
        first.ServerSends("""{"op":9,"d":false}""");
        var second = await transport.NextConnectionAsync();
        second.ServerSends("""{"op":10,"d":{"heartbeat_interval":60000}}""");
        await second.ExpectAsync(2);

        Assert.Equal(new Uri("wss://from-rest.example/?v=10&encoding=json"), first.Uri);
        Assert.Equal(first.Uri, second.Uri);
        Assert.Equal(1, source.Calls);
        Assert.Equal(1000, first.ClientCloseCode);
        await stop.CancelAsync();
        await run.WaitAsync(GatewayHarness.Timeout);
    }

    [Fact]
    public async Task RunAsync_AckedBeats_KeepsTheConnection()
    {
        var time = new WatchedFakeTimeProvider(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));
        var transport = new ScriptedGatewayTransport();
        using var services = new ServiceCollection().BuildServiceProvider();
        var client = new DiscordGatewayClient(
            Options.Create(new DiscordClientOptions { Token = "t", GatewayUrl = new Uri("wss://gateway.example/") }),
            transport,
            new GatewayDispatcher(services.GetRequiredService<IServiceScopeFactory>(), NullLogger<GatewayDispatcher>.Instance),
            time,
            NullLogger<DiscordGatewayClient>.Instance,
            GatewayHarness.FastSettings);
        using var stop = new CancellationTokenSource();
        var run = client.RunAsync(stop.Token);
        var connection = await transport.NextConnectionAsync();
        connection.ServerSends("""{"op":10,"d":{"heartbeat_interval":1000}}""");
        await connection.ExpectAsync(2);
        await connection.ServerSendsAndWaitHandledAsync(Ready);
        await time.WaitForTimerAsync(due => due == TimeSpan.FromMilliseconds(500), GatewayHarness.Timeout);
        time.Advance(TimeSpan.FromMilliseconds(500));
        await connection.ExpectAsync(1);

        for (var i = 0; i < 3; i++)
        {
            await connection.ServerSendsAndWaitHandledAsync("""{"op":11}""");
            await time.WaitForTimerAsync(due => due == TimeSpan.FromSeconds(1), GatewayHarness.Timeout, count: i + 1);
            time.Advance(TimeSpan.FromSeconds(1));
            await connection.ExpectAsync(1);
        }

        Assert.Null(connection.ClientCloseCode);
        await stop.CancelAsync();
        await run.WaitAsync(GatewayHarness.Timeout);
        Assert.Equal(1000, connection.ClientCloseCode);
    }

    private sealed class CountingUrlSource(Uri url) : IGatewayUrlSource
    {
        private int _calls;

        public int Calls => _calls;

        public Task<Uri> GetGatewayUrlAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return Task.FromResult(url);
        }
    }
}
