using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace AstraBit.SupportBot.Discord.Tests.Gateway;

/// <summary>The gateway's RESUME and IDENTIFY counters against the emulator: each counts what the emulator received.</summary>
public sealed class GatewayMetricsTests
{
    [Fact]
    public async Task ResumesAndIdentifies_AfterAReconnectAndARejectedResume_MatchWhatTheEmulatorReceived()
    {
        await using var harness = await GatewayHarness.StartAsync(run: false);
        var meters = harness.Services.GetRequiredService<IMeterFactory>();
        using var resumes = new MetricCollector<long>(meters, DiscordMetrics.MeterName, "discord.gateway.resumes");
        using var identifies = new MetricCollector<long>(meters, DiscordMetrics.MeterName, "discord.gateway.identifies");
        harness.Start();
        await harness.Events.WaitForAsync("READY", 1);

        // Discord asks for a reconnect: the session resumes.
        await harness.Emulator.RequestReconnectAsync();
        await harness.Emulator.WaitForResumedAsync(1, GatewayHarness.Timeout);

        // The session expires while the socket drops: the RESUME is refused and the client identifies again.
        harness.Emulator.ExpireSession();
        await harness.Emulator.DropAsync();
        // The client counts before it reads the answer, so its second READY means both were counted.
        await harness.Events.WaitForAsync("READY", 2);

        Assert.Equal(2, harness.Emulator.ResumeCount);
        Assert.Equal(2, harness.Emulator.IdentifyCount);
        Assert.Equal(harness.Emulator.ResumeCount, resumes.GetMeasurementSnapshot().Sum(m => m.Value));
        Assert.Equal(harness.Emulator.IdentifyCount, identifies.GetMeasurementSnapshot().Sum(m => m.Value));
        Assert.All(resumes.GetMeasurementSnapshot().Concat(identifies.GetMeasurementSnapshot()), m => Assert.Empty(m.Tags));
    }
}
