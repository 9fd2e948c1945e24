using AstraBit.SupportBot.Discord.Gateway;

namespace AstraBit.SupportBot.Discord.Tests.Gateway;

public sealed class GatewayFailurePolicyTests
{
    [Theory]
    [InlineData(4000, GatewayRecovery.Resume)]
    [InlineData(4001, GatewayRecovery.Resume)]
    [InlineData(4002, GatewayRecovery.Resume)]
    [InlineData(4003, GatewayRecovery.Resume)]
    [InlineData(4004, GatewayRecovery.Stop)]
    [InlineData(4005, GatewayRecovery.Resume)]
    [InlineData(4007, GatewayRecovery.NewSession)]
    [InlineData(4008, GatewayRecovery.Resume)]
    [InlineData(4009, GatewayRecovery.NewSession)]
    [InlineData(4010, GatewayRecovery.Stop)]
    [InlineData(4011, GatewayRecovery.Stop)]
    [InlineData(4012, GatewayRecovery.Stop)]
    [InlineData(4013, GatewayRecovery.Stop)]
    [InlineData(4014, GatewayRecovery.Stop)]
    [InlineData(1000, GatewayRecovery.Resume)]
    [InlineData(1001, GatewayRecovery.Resume)]
    [InlineData(1006, GatewayRecovery.Resume)]
    [InlineData(4999, GatewayRecovery.Resume)]
    public void Classify_CloseCode_MatchesTheCloseCodeTable(int closeCode, GatewayRecovery expected) =>
        Assert.Equal(expected, GatewayFailurePolicy.Classify(GatewayDisconnect.Closed(closeCode)));

    [Theory]
    [InlineData(GatewayDisconnectKind.ReconnectRequested, false, GatewayRecovery.Resume)]
    [InlineData(GatewayDisconnectKind.ConnectionLost, false, GatewayRecovery.Resume)]
    [InlineData(GatewayDisconnectKind.Zombie, false, GatewayRecovery.Resume)]
    [InlineData(GatewayDisconnectKind.InvalidSession, true, GatewayRecovery.Resume)]
    [InlineData(GatewayDisconnectKind.InvalidSession, false, GatewayRecovery.NewSession)]
    public void Classify_NonCloseFailure_ResumesUnlessTheSessionIsGone(GatewayDisconnectKind kind, bool resumable, GatewayRecovery expected) =>
        Assert.Equal(expected, GatewayFailurePolicy.Classify(new GatewayDisconnect(kind, Resumable: resumable)));

    [Theory]
    [InlineData(4004, "Discord:Token")]
    [InlineData(4013, "Discord:Intents")]
    [InlineData(4014, "Developer Portal")]
    [InlineData(4011, "sharding")]
    public void Describe_FatalCode_SaysWhatTheOperatorMustDo(int closeCode, string remedy) =>
        Assert.Contains(remedy, GatewayFatalException.Describe(closeCode), StringComparison.Ordinal);
}
