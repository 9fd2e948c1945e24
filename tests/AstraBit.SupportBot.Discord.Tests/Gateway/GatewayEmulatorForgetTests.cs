namespace AstraBit.SupportBot.Discord.Tests.Gateway;

/// <summary>
/// The gateway emulator's <c>ForgetHistory</c>, which a long run calls before it measures its own process: the
/// connections that ended (each holding its socket and request) are let go, and the emulator still counts and numbers
/// connections as before.
/// </summary>
public sealed class GatewayEmulatorForgetTests
{
    private static readonly TimeSpan Timeout = GatewayHarness.Timeout;

    [Fact]
    public async Task ForgetHistory_AfterAReconnect_LetsGoOfTheEndedConnectionAndKeepsCounting()
    {
        await using var harness = await GatewayHarness.StartAsync();
        await harness.Events.WaitForAsync("READY", 1);
        await harness.Emulator.RequestReconnectAsync();
        await harness.Emulator.WaitForResumedAsync(1, Timeout);
        await harness.Emulator.WaitForConnectionEndedAsync(1, Timeout);

        harness.Emulator.ForgetHistory();

        Assert.Equal(2, Assert.Single(harness.Emulator.Connections).Id);
        Assert.Equal(2, harness.Emulator.ConnectionCount);
        await harness.Emulator.WaitForConnectionEndedAsync(1, Timeout);

        await harness.Emulator.DropAsync();
        await harness.Emulator.WaitForResumedAsync(2, Timeout);
        await harness.Emulator.WaitForConnectionsAsync(3, Timeout);
        Assert.Equal(3, harness.Emulator.Connections[^1].Id);
        Assert.Equal(3, harness.Emulator.ConnectionCount);
    }
}
