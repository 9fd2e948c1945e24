using AstraBit.SupportBot.Discord.Gateway;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AstraBit.SupportBot.Discord.Tests.Gateway;

public sealed class DiscordGatewayServiceTests
{
    [Fact]
    public async Task ExecuteAsync_FatalClose_LogsOneLineSetsExitCodeAndStopsTheHost()
    {
        await using var harness = await GatewayHarness.StartAsync(token: "not-the-right-token", run: false);
        var lifetime = (FakeLifetime)harness.Services.GetRequiredService<IHostApplicationLifetime>();
        var status = new GatewayStatus();
        var service = new DiscordGatewayService(
            harness.Client,
            lifetime,
            status,
            harness.Services.GetRequiredService<ILogger<DiscordGatewayService>>());

        await service.StartAsync(CancellationToken.None);
        await lifetime.StopRequested.WaitAsync(GatewayHarness.Timeout);
        await service.ExecuteTask!.WaitAsync(GatewayHarness.Timeout);

        Assert.Equal(GatewayStatus.FatalExitCode, status.ExitCode);
        Assert.Equal(4004, status.Fatal!.CloseCode);
        Assert.Equal(1, lifetime.StopCalls);
        var critical = Assert.Single(harness.Logs.GetSnapshot(), r => r.Level >= LogLevel.Warning);
        Assert.Equal(LogLevel.Critical, critical.Level);
        Assert.Contains("Discord:Token", critical.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-right-token", critical.Message, StringComparison.Ordinal);
        Assert.Equal(1, harness.Emulator.ConnectionCount);
    }

    [Fact]
    public async Task StopAsync_HealthyConnection_StopsWithoutExitCode()
    {
        await using var harness = await GatewayHarness.StartAsync(run: false);
        var lifetime = (FakeLifetime)harness.Services.GetRequiredService<IHostApplicationLifetime>();
        var status = new GatewayStatus();
        var service = new DiscordGatewayService(harness.Client, lifetime, status, harness.Services.GetRequiredService<ILogger<DiscordGatewayService>>());
        await service.StartAsync(CancellationToken.None);
        await harness.Emulator.WaitForReadyAsync(1, GatewayHarness.Timeout);

        await service.StopAsync(CancellationToken.None);

        Assert.True(service.ExecuteTask!.IsCompletedSuccessfully);
        Assert.Equal(0, status.ExitCode);
        Assert.Equal(0, lifetime.StopCalls);
    }

    [Fact]
    public void AddDiscordGateway_CalledTwice_RegistersOneClientAndOneHostedService()
    {
        var services = new ServiceCollection();

        services.AddDiscordGateway();
        services.AddDiscordGateway();

        Assert.Single(services, d => d.ServiceType == typeof(DiscordGatewayClient));
        Assert.Single(services, d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(DiscordGatewayService));
        Assert.Single(services, d => d.ServiceType == typeof(IGatewayTransport));
    }
}
