using System.Globalization;
using System.Net;
using System.Net.Sockets;
using AstraBit.SupportBot.Cli;
using AstraBit.SupportBot.Emulators.Discord;
using AstraBit.SupportBot.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AstraBit.SupportBot.Tests.Hosting;

/// <summary>
/// `health` against the running bot: the bot connected to the Discord emulator records its liveness in the health
/// file; the verb reads it with the same (fake) clock and answers 0 or 1.
/// </summary>
public sealed class HealthTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly BotStart bot = new();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 2, 6, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Health_BotNotRunning_Unhealthy()
    {
        bot.WriteConfig();

        var (exit, line) = await HealthAsync();

        Assert.Equal(ExitCodes.Failed, exit);
        Assert.Equal($"unhealthy: no health file at {Path.Combine(bot.Folder, "data", "supportbot.health.json")}; the bot is not running, or runs with another Storage:Path", line);
    }

    [Fact]
    public async Task Health_BeforeReady_UnhealthyThenStoppedAfterShutdown()
    {
        // A gateway that accepts the TCP connection and never answers: the bot can't get past connecting.
        var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        try
        {
            bot.Settings["Discord:GatewayUrl"] = $"ws://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture)}/";
            var liveness = new BotLiveness(clock, BotLiveness.FileFor(bot.DataFile));
            using var stop = new CancellationTokenSource();
            var run = bot.RunAsync(b => b.Services.AddSingleton(liveness), stop.Token);

            await liveness.WaitForAsync(s => s.Gateway == GatewayState.Connecting).WaitAsync(Timeout);
            var (exit, line) = await HealthAsync();

            Assert.Equal(ExitCodes.Failed, exit);
            Assert.Equal("unhealthy: not connected to Discord yet (the gateway is connecting since 2026-12-02 06:00:00Z)", line);

            await stop.CancelAsync();
            await run.WaitAsync(Timeout);
            var (exitAfter, lineAfter) = await HealthAsync();
            Assert.Equal(ExitCodes.Failed, exitAfter);
            Assert.Equal("unhealthy: the bot stopped at 2026-12-02 06:00:00Z", lineAfter);
        }
        finally
        {
            silent.Stop();
        }
    }

    [Fact]
    public async Task Health_AfterReady_HealthyUntilHeartbeatAcksStop()
    {
        await using var discord = await StartDiscordAsync();
        var liveness = new BotLiveness(clock, BotLiveness.FileFor(bot.DataFile));
        using var stop = new CancellationTokenSource();
        var run = bot.RunAsync(b => b.Services.AddSingleton(liveness), stop.Token);

        await liveness.WaitForAsync(s => s.Gateway == GatewayState.Ready).WaitAsync(Timeout);
        // Registering the commands after READY goes through the REST client, whose answers are recorded too.
        await liveness.WaitForAsync(s => s.LastRestSuccessAt is not null).WaitAsync(Timeout);
        var (exit, line) = await HealthAsync();
        Assert.Equal(ExitCodes.Ok, exit);
        Assert.StartsWith("healthy: gateway ready, last heartbeat ACK 0 s ago", line, StringComparison.Ordinal);

        // An ACK a minute later keeps it healthy.
        clock.Advance(TimeSpan.FromMinutes(1));
        await discord.Gateway.RequestHeartbeatAsync();
        await liveness.WaitForAsync(s => s.LastHeartbeatAckAt == clock.GetUtcNow()).WaitAsync(Timeout);
        Assert.Equal(ExitCodes.Ok, (await HealthAsync()).Exit);

        // The gateway goes silent (a half-open connection): no ACK for more than two minutes is unhealthy.
        discord.Gateway.AckHeartbeats = false;
        clock.Advance(TimeSpan.FromSeconds(121));
        var (silentExit, silentLine) = await HealthAsync();
        Assert.Equal(ExitCodes.Failed, silentExit);
        Assert.Equal("unhealthy: no heartbeat ACK from Discord since 2026-12-02 06:01:00Z (2 minutes ago)", silentLine);

        await stop.CancelAsync();
        Assert.Equal(ExitCodes.Ok, (await run.WaitAsync(Timeout)).ExitCode);
    }

    [Fact]
    public async Task Health_GatewayDiedAndDoesNotComeBack_Unhealthy()
    {
        var discord = await StartDiscordAsync();
        var liveness = new BotLiveness(clock, BotLiveness.FileFor(bot.DataFile));
        using var stop = new CancellationTokenSource();
        var run = bot.RunAsync(b => b.Services.AddSingleton(liveness), stop.Token);
        await liveness.WaitForAsync(s => s.Gateway == GatewayState.Ready).WaitAsync(Timeout);
        Assert.Equal(ExitCodes.Ok, (await HealthAsync()).Exit);

        // Discord goes away entirely: the connection drops and every reconnect is refused.
        await discord.DisposeAsync();
        await liveness.WaitForAsync(s => s.Gateway == GatewayState.Disconnected).WaitAsync(Timeout);
        var (exit, line) = await HealthAsync();

        Assert.Equal(ExitCodes.Failed, exit);
        Assert.Matches(@"^unhealthy: (the Discord gateway connection was lost at 2026-12-02 06:00:00Z and is not back|not connected to Discord yet \(the gateway is connecting since 2026-12-02 06:00:00Z\))$", line);
        await stop.CancelAsync();
        await run.WaitAsync(Timeout);
    }

    [Fact]
    public async Task Running_DataFileDeleted_SaysSoInOneLineAndExits5()
    {
        await using var discord = await StartDiscordAsync();
        var liveness = new BotLiveness(clock, BotLiveness.FileFor(bot.DataFile));
        var run = bot.RunAsync(b => b.Services.AddSingleton(liveness));
        await liveness.WaitForAsync(s => s.Gateway == GatewayState.Ready).WaitAsync(Timeout);

        File.Delete(bot.DataFile);
        clock.Advance(BotLiveness.WriteInterval);
        await discord.Gateway.RequestHeartbeatAsync();
        var result = await run.WaitAsync(Timeout);

        Assert.Equal(ExitCodes.CannotServe, result.ExitCode);
        Assert.Single(result.Logs.Split('\n'), l => l.Contains($"The bot can't serve and stops: the data file {bot.DataFile} is gone", StringComparison.Ordinal));
        Assert.Equal(ExitCodes.Failed, (await HealthAsync()).Exit);
    }

    [Fact]
    public void HealthFile_ChangeSoonAfterAWrite_WrittenWhenTheIntervalEnds()
    {
        var file = BotLiveness.FileFor(bot.DataFile);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var liveness = new BotLiveness(clock, file);
        liveness.Ready();

        // An ACK a second after READY's write is held back (at most one write per interval) …
        clock.Advance(TimeSpan.FromSeconds(1));
        liveness.HeartbeatAcknowledged();
        Assert.Null(BotLiveness.Read(file)!.LastHeartbeatAckAt);

        // … and written when the interval ends, without another event to carry it.
        clock.Advance(BotLiveness.WriteInterval - TimeSpan.FromSeconds(1));
        var written = BotLiveness.Read(file)!;
        Assert.Equal(clock.GetUtcNow().AddSeconds(-4), written.LastHeartbeatAckAt);
        Assert.Equal(clock.GetUtcNow(), written.WrittenAt);
    }

    [Fact]
    public void Problem_RestFailingLongerThanTwoMinutes_Unhealthy()
    {
        var at = clock.GetUtcNow();
        var ready = new HealthSnapshot(GatewayState.Ready, at, at, at.AddSeconds(150), null, at.AddSeconds(10), at.AddSeconds(20), 1);

        Assert.Null(ready.Problem(at.AddSeconds(140)));
        Assert.Equal(
            "Discord's REST API has failed every call since 2026-12-02 06:00:20Z (last success 2026-12-02 06:00:10Z)",
            ready.Problem(at.AddSeconds(141)));
        Assert.Null((ready with { RestFailingSince = null }).Problem(at.AddSeconds(200)));
    }

    [Fact]
    public void Problem_DataFileTakesNoWrites_UnhealthyNamingWhy()
    {
        var at = clock.GetUtcNow();
        var ready = new HealthSnapshot(GatewayState.Ready, at, at, at, null, at, null, 1);

        Assert.Null(ready.Problem(at));
        Assert.Equal(
            "the data file can't be written since 2026-12-02 06:00:00Z (the disk is full); members are told their changes can't be saved",
            (ready with { StorageFailingSince = at, StorageProblem = "the disk is full" }).Problem(at.AddSeconds(1)));
    }

    public void Dispose() => bot.Dispose();

    private async Task<DiscordEmulator> StartDiscordAsync()
    {
        var discord = await DiscordEmulator.StartAsync();
        bot.UseDiscord(discord);
        return discord;
    }

    private Task<(int Exit, string Line)> HealthAsync() => bot.HealthAsync(clock);
}
