using System.Text.Json;
using AstraBit.SupportBot.Discord;
using AstraBit.SupportBot.Discord.Gateway;
using AstraBit.SupportBot.Discord.Rest;
using AstraBit.SupportBot.Doctor;
using AstraBit.SupportBot.Emulators.Discord;
using AstraBit.SupportBot.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AstraBit.SupportBot.Tests.Doctor;

/// <summary>The running bot's half of `doctor`: once after READY, each problem one warning with its fix.</summary>
public sealed class DoctorReadyCheckTests
{
    private static readonly GatewayEvent Ready = new("READY", 1, JsonDocument.Parse("""{"v":10,"application":{"id":"1","flags":0}}""").RootElement.Clone());

    [Fact]
    public async Task Ready_WithAMissingPermission_LogsOneWarningNamingItAndTheFix_OncePerProcess()
    {
        await using var h = await DoctorHarness.StartAsync();
        h.Discord.SetOverwrite(h.StaffChannelId, h.Discord.BotRoleId, 0, 0, 1UL << 14);
        await using var services = Services(h);

        await RunReadyAsync(services);
        await RunReadyAsync(services);

        var warnings = services.GetFakeLogCollector().GetSnapshot().Where(r => r.Level == LogLevel.Warning).ToList();
        var warning = Assert.Single(warnings);
        Assert.Contains("discord-channel-staff", warning.Message, StringComparison.Ordinal);
        Assert.Contains("lacks Embed Links", warning.Message, StringComparison.Ordinal);
        Assert.Contains("Fix: ", warning.Message, StringComparison.Ordinal);
        Assert.Single(h.Discord.RequestsFor(DiscordRestRoutes.GetCurrentUser));
        Assert.Empty(h.Discord.RequestsFor(DiscordRestRoutes.GetGuildCommands));
    }

    [Fact]
    public async Task Ready_AllRight_LogsNoWarning()
    {
        await using var h = await DoctorHarness.StartAsync();
        await using var services = Services(h);

        await RunReadyAsync(services);

        var records = services.GetFakeLogCollector().GetSnapshot();
        Assert.DoesNotContain(records, r => r.Level >= LogLevel.Warning);
        Assert.Contains(records, r => r.Message.Contains("all 8 checks pass", StringComparison.Ordinal));
    }

    [Fact]
    public void AddSupportBot_RegistersTheReadyCheckAsAGatewayHandler()
    {
        var services = new ServiceCollection();

        services.AddSupportBot(new ConfigurationBuilder().Build());

        Assert.Contains(services, d => d.ServiceType == typeof(IGatewayEventHandler) && d.ImplementationType == typeof(DoctorReadyCheck));
    }

    private static async Task RunReadyAsync(ServiceProvider services)
    {
        using var scope = services.CreateScope();
        var handler = scope.ServiceProvider.GetServices<IGatewayEventHandler>().OfType<DoctorReadyCheck>().Single();
        Assert.True(handler.Handles("READY"));
        await handler.HandleAsync(Ready, CancellationToken.None);
    }

    private static ServiceProvider Services(DoctorHarness h)
    {
        var services = new ServiceCollection();
        services.AddFakeLogging();
        services.Configure<DiscordClientOptions>(o =>
        {
            o.Token = DoctorHarness.Token;
            o.ApiBaseUrl = h.Discord.ApiBaseUrl;
        });
        services.Configure<SupportDiscordOptions>(o =>
        {
            o.GuildId = h.Discord.GuildId;
            o.SupportChannelId = h.SupportChannelId;
            o.StaffChannelId = h.StaffChannelId;
            o.LogChannelId = h.LogChannelId;
            o.SupportRoleIds = [h.SupportRoleId];
            o.ModeratorRoleIds = [h.ModeratorRoleId];
        });
        services.AddDiscordRest();
        services.AddSupportDoctor();
        return services.BuildServiceProvider();
    }
}
