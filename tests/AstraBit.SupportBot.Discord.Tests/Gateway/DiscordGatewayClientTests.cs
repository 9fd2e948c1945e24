using System.Text.Json;
using System.Text.Json.Nodes;
using AstraBit.SupportBot.Discord.Gateway;
using AstraBit.SupportBot.Emulators.Discord;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AstraBit.SupportBot.Discord.Tests.Gateway;

public sealed class DiscordGatewayClientTests
{
    private static readonly TimeSpan Timeout = GatewayHarness.Timeout;

    [Fact]
    public async Task RunAsync_ValidToken_IdentifiesAndStoresReady()
    {
        await using var harness = await GatewayHarness.StartAsync(intents: 4609);

        await harness.Events.WaitForAsync("READY", 1);

        var connection = Assert.Single(harness.Emulator.Connections);
        Assert.Equal("?v=10&encoding=json", connection.Query);
        var identify = JsonNode.Parse(harness.Emulator.ReceivedPayloads.First(p => p.Op == 2).Json)!["d"]!;
        Assert.Equal(GatewayHarness.Token, identify["token"]!.GetValue<string>());
        Assert.Equal(4609, identify["intents"]!.GetValue<int>());
        Assert.Equal("astrabit-support-bot", identify["properties"]!["browser"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(identify["properties"]!["os"]!.GetValue<string>()));
        var session = harness.Client.Session;
        Assert.NotNull(session);
        Assert.Equal(harness.Emulator.Options.BotUserId, session.UserId);
        Assert.Equal(harness.Emulator.Options.ApplicationId, session.ApplicationId);
        Assert.Equal(harness.Emulator.GatewayUrl, session.ResumeGatewayUrl);
    }

    [Fact]
    public async Task RunAsync_AfterHello_SendsHeartbeatsWithLastSequenceThatAreAcked()
    {
        await using var harness = await GatewayHarness.StartAsync();
        await harness.Events.WaitForAsync("READY", 1);
        var sequences = await harness.DispatchMessagesAsync(2);
        await harness.Events.WaitForSequencesAsync(sequences);
        var before = harness.Emulator.HeartbeatCount;

        await harness.Emulator.WaitForHeartbeatsAsync(before + 3, Timeout);

        var last = JsonNode.Parse(harness.Emulator.ReceivedPayloads.Last(p => p.Op == 1).Json)!["d"]!.GetValue<int>();
        Assert.Equal(sequences[^1], last);
        Assert.Equal(1, harness.Emulator.ConnectionCount);
    }

    [Fact]
    public async Task RunAsync_ServerRequestsHeartbeat_AnswersImmediately()
    {
        await using var harness = await GatewayHarness.StartAsync(new DiscordGatewayEmulatorOptions
        {
            Token = GatewayHarness.Token,
            HeartbeatInterval = TimeSpan.FromMinutes(10),
        });
        await harness.Events.WaitForAsync("READY", 1);
        var before = harness.Emulator.HeartbeatCount;

        await harness.Emulator.RequestHeartbeatAsync();

        await harness.Emulator.WaitForHeartbeatsAsync(before + 1, Timeout);
    }

    [Fact]
    public async Task RunAsync_ReconnectRequested_ResumesAndDeliversEveryEventOnce()
    {
        await using var harness = await GatewayHarness.StartAsync();
        await harness.Events.WaitForAsync("READY", 1);
        var sequences = await harness.DispatchMessagesAsync(3);
        await harness.Events.WaitForSequencesAsync(sequences);

        await harness.Emulator.RequestReconnectAsync();
        sequences.AddRange(await harness.DispatchMessagesAsync(3));
        await harness.Emulator.WaitForResumedAsync(1, Timeout);
        sequences.AddRange(await harness.DispatchMessagesAsync(2));

        await AssertDeliveredExactlyOnceAsync(harness, sequences);
        Assert.Equal(1, harness.Emulator.IdentifyCount);
        Assert.Equal(2, harness.Emulator.ConnectionCount);
        Assert.Equal(4000, harness.Emulator.Connections[0].ClientCloseStatus);
        Assert.Equal("?v=10&encoding=json", harness.Emulator.Connections[1].Query);
    }

    [Theory]
    [InlineData(4000)]
    [InlineData(4001)]
    [InlineData(4002)]
    [InlineData(4003)]
    [InlineData(4005)]
    [InlineData(4008)]
    public async Task RunAsync_ResumableCloseCode_ResumesAndDeliversEventsFromTheGapOnce(int closeCode)
    {
        await using var harness = await GatewayHarness.StartAsync();
        await harness.Events.WaitForAsync("READY", 1);
        var sequences = await harness.DispatchMessagesAsync(2);
        await harness.Events.WaitForSequencesAsync(sequences);

        await harness.Emulator.CloseAsync(closeCode);
        await harness.Emulator.WaitForConnectionEndedAsync(1, Timeout);
        sequences.AddRange(await harness.DispatchMessagesAsync(3));
        await harness.Emulator.WaitForResumedAsync(1, Timeout);
        sequences.AddRange(await harness.DispatchMessagesAsync(2));

        await AssertDeliveredExactlyOnceAsync(harness, sequences);
        Assert.Equal(1, harness.Emulator.IdentifyCount);
    }

    [Fact]
    public async Task RunAsync_SocketDroppedWithoutCloseFrame_ResumesAndDeliversEventsFromTheGapOnce()
    {
        await using var harness = await GatewayHarness.StartAsync();
        await harness.Events.WaitForAsync("READY", 1);
        var sequences = await harness.DispatchMessagesAsync(2);
        await harness.Events.WaitForSequencesAsync(sequences);

        await harness.Emulator.DropAsync();
        await harness.Emulator.WaitForConnectionEndedAsync(1, Timeout);
        sequences.AddRange(await harness.DispatchMessagesAsync(3));
        await harness.Emulator.WaitForResumedAsync(1, Timeout);
        sequences.AddRange(await harness.DispatchMessagesAsync(1));

        await AssertDeliveredExactlyOnceAsync(harness, sequences);
        Assert.Equal(1, harness.Emulator.IdentifyCount);
    }

    [Fact]
    public async Task RunAsync_ResumeReplaysEventsAlreadySeen_DeliversEachSequenceOnce()
    {
        await using var harness = await GatewayHarness.StartAsync(new DiscordGatewayEmulatorOptions
        {
            Token = GatewayHarness.Token,
            HeartbeatInterval = TimeSpan.FromMilliseconds(300),
            ResumeReplayOverlap = 3,
        });
        await harness.Events.WaitForAsync("READY", 1);
        var sequences = await harness.DispatchMessagesAsync(4);
        await harness.Events.WaitForSequencesAsync(sequences);

        await harness.Emulator.RequestReconnectAsync();
        await harness.Emulator.WaitForResumedAsync(1, Timeout);
        sequences.AddRange(await harness.DispatchMessagesAsync(2));

        await AssertDeliveredExactlyOnceAsync(harness, sequences);
    }

    [Fact]
    public async Task RunAsync_InvalidSessionNotResumable_IdentifiesAgain()
    {
        await using var harness = await GatewayHarness.StartAsync();
        await harness.Events.WaitForAsync("READY", 1);
        var firstSession = harness.Client.Session!.SessionId;

        await harness.Emulator.InvalidateSessionAsync(resumable: false);

        await harness.Emulator.WaitForReadyAsync(2, Timeout);
        await harness.Events.WaitForAsync("READY", 2);
        Assert.Equal(2, harness.Emulator.IdentifyCount);
        Assert.Equal(0, harness.Emulator.ResumeCount);
        Assert.Equal(1000, harness.Emulator.Connections[0].ClientCloseStatus);
        Assert.NotEqual(firstSession, harness.Client.Session!.SessionId);
    }

    [Fact]
    public async Task RunAsync_InvalidSessionResumable_Resumes()
    {
        await using var harness = await GatewayHarness.StartAsync();
        await harness.Events.WaitForAsync("READY", 1);

        await harness.Emulator.InvalidateSessionAsync(resumable: true);

        await harness.Emulator.WaitForResumedAsync(1, Timeout);
        Assert.Equal(1, harness.Emulator.IdentifyCount);
    }

    [Fact]
    public async Task RunAsync_ResumeRejected_FallsBackToIdentify()
    {
        await using var harness = await GatewayHarness.StartAsync();
        await harness.Events.WaitForAsync("READY", 1);

        harness.Emulator.ExpireSession();
        await harness.Emulator.DropAsync();

        await harness.Emulator.WaitForReadyAsync(2, Timeout);
        await harness.Events.WaitForAsync("READY", 2);
        Assert.Equal(2, harness.Emulator.IdentifyCount);
        Assert.Equal(1, harness.Emulator.ResumeCount);
    }

    [Theory]
    [InlineData(4007)]
    [InlineData(4009)]
    public async Task RunAsync_SessionEndingCloseCode_IdentifiesAgain(int closeCode)
    {
        await using var harness = await GatewayHarness.StartAsync();
        await harness.Events.WaitForAsync("READY", 1);

        await harness.Emulator.CloseAsync(closeCode);

        await harness.Emulator.WaitForReadyAsync(2, Timeout);
        Assert.Equal(2, harness.Emulator.IdentifyCount);
        Assert.Equal(0, harness.Emulator.ResumeCount);
    }

    [Theory]
    [InlineData(4004)]
    [InlineData(4010)]
    [InlineData(4011)]
    [InlineData(4012)]
    [InlineData(4013)]
    [InlineData(4014)]
    public async Task RunAsync_FatalCloseCode_StopsWithTypedFailureAndNoReconnect(int closeCode)
    {
        await using var harness = await GatewayHarness.StartAsync();
        await harness.Events.WaitForAsync("READY", 1);

        await harness.Emulator.CloseAsync(closeCode);

        var ex = await harness.WaitForFatalAsync();
        Assert.Equal(closeCode, ex.CloseCode);
        Assert.Equal(GatewayFatalException.Describe(closeCode), ex.Message);
        Assert.Equal(1, harness.Emulator.ConnectionCount);
    }

    [Fact]
    public async Task RunAsync_WrongToken_Stops4004AndNamesTheSetting()
    {
        await using var harness = await GatewayHarness.StartAsync(token: "wrong-token");

        var ex = await harness.WaitForFatalAsync();

        Assert.Equal(GatewayCloseCode.AuthenticationFailed, ex.KnownCloseCode);
        Assert.Contains("Discord:Token", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, harness.Emulator.ConnectionCount);
    }

    [Fact]
    public async Task RunAsync_PrivilegedIntentNotEnabled_Stops4014AndSaysWhereToEnableIt()
    {
        await using var harness = await GatewayHarness.StartAsync(
            new DiscordGatewayEmulatorOptions { Token = GatewayHarness.Token, EnabledPrivilegedIntents = 0 },
            intents: (1 << 0) | (1 << 15));

        var ex = await harness.WaitForFatalAsync();

        Assert.Equal(GatewayCloseCode.DisallowedIntents, ex.KnownCloseCode);
        Assert.Contains("Developer Portal", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, harness.Emulator.ConnectionCount);
    }

    [Fact]
    public async Task RunAsync_HeartbeatsNotAcked_ClosesWithNon1000AndResumes()
    {
        await using var harness = await GatewayHarness.StartAsync(new DiscordGatewayEmulatorOptions
        {
            Token = GatewayHarness.Token,
            HeartbeatInterval = TimeSpan.FromMilliseconds(150),
        });
        await harness.Events.WaitForAsync("READY", 1);
        var sequences = await harness.DispatchMessagesAsync(2);
        await harness.Events.WaitForSequencesAsync(sequences);

        harness.Emulator.AckHeartbeats = false;
        await harness.Emulator.WaitForConnectionEndedAsync(1, Timeout);
        harness.Emulator.AckHeartbeats = true;
        sequences.AddRange(await harness.DispatchMessagesAsync(2));
        await harness.Emulator.WaitForResumedAsync(1, Timeout);

        await AssertDeliveredExactlyOnceAsync(harness, sequences);
        var zombie = harness.Emulator.Connections[0];
        Assert.NotNull(zombie.ClientCloseStatus);
        Assert.NotEqual(1000, zombie.ClientCloseStatus);
        Assert.Equal(1, harness.Emulator.IdentifyCount);
    }

    [Fact]
    public async Task SendAsync_BurstOverTheLimit_NeverExceeds120PerMinuteOnTheWire()
    {
        var time = new WatchedFakeTimeProvider(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));
        await using var harness = await GatewayHarness.StartAsync(
            new DiscordGatewayEmulatorOptions { Token = GatewayHarness.Token, TimeProvider = time },
            clientTime: time);
        await harness.Events.WaitForAsync("READY", 1);
        var presence = new JsonObject { ["since"] = null, ["activities"] = new JsonArray(), ["status"] = "online", ["afk"] = false };

        var burst = Task.Run(async () =>
        {
            for (var i = 0; i < 130; i++)
            {
                await harness.Client.SendAsync(GatewayOpCode.PresenceUpdate, presence.DeepClone(), CancellationToken.None);
            }
        });
        // IDENTIFY took one of the 117 non-heartbeat slots.
        await harness.Emulator.WaitForPayloadsAsync(p => p.Op == 3, 116, Timeout);
        // The 117th send waits for the oldest send to leave the 60 s window.
        await time.WaitForTimerAsync(due => due == TimeSpan.FromSeconds(60), Timeout);
        Assert.False(burst.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(61));
        await burst.WaitAsync(Timeout);
        await harness.Emulator.WaitForPayloadsAsync(p => p.Op == 3, 130, Timeout);

        var payloads = harness.Emulator.ReceivedPayloads;
        var busiestMinute = payloads.Max(p => payloads.Count(q => q.ReceivedAt >= p.ReceivedAt && q.ReceivedAt < p.ReceivedAt.AddSeconds(60)));
        Assert.True(busiestMinute <= 120, $"{busiestMinute} payloads in one minute");
        Assert.Equal(117, payloads.Count(p => p.ReceivedAt == payloads[0].ReceivedAt));
        Assert.Equal(1, harness.Emulator.ConnectionCount);
        Assert.Null(harness.Emulator.Connections[0].ServerCloseStatus);
    }

    [Fact]
    public async Task SendAsync_PayloadOf4096Bytes_IsRejectedBeforeSending()
    {
        await using var harness = await GatewayHarness.StartAsync();
        await harness.Events.WaitForAsync("READY", 1);
        var overhead = """{"op":3,"d":{"x":""}}""".Length;
        var tooLarge = new JsonObject { ["x"] = new string('a', 4096 - overhead) };

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => harness.Client.SendAsync(GatewayOpCode.PresenceUpdate, tooLarge, CancellationToken.None));
        await harness.Client.SendAsync(GatewayOpCode.PresenceUpdate, new JsonObject { ["x"] = "small" }, CancellationToken.None);

        await harness.Emulator.WaitForPayloadsAsync(p => p.Op == 3, 1, Timeout);
        Assert.Contains("4096", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(harness.Emulator.ReceivedPayloads, p => p.Json.Length >= 4096);
        Assert.Equal(1, harness.Emulator.ConnectionCount);
    }

    [Fact]
    public async Task RunAsync_HandlerThrows_LaterEventsStillDelivered()
    {
        await using var harness = await GatewayHarness.StartAsync(configure: services => services.AddScoped<IGatewayEventHandler, ThrowingHandler>());
        await harness.Events.WaitForAsync("READY", 1);

        await harness.Emulator.DispatchAsync("BOOM", new JsonObject());
        var sequences = await harness.DispatchMessagesAsync(2);

        await harness.Events.WaitForSequencesAsync(sequences);
        await harness.Events.WaitForAsync("BOOM", 1);
        Assert.Contains(harness.Logs.GetSnapshot(), r => r.Level == LogLevel.Error && r.Exception is InvalidOperationException && r.Message.Contains("BOOM", StringComparison.Ordinal));
        Assert.Equal(1, harness.Emulator.ConnectionCount);
    }

    [Fact]
    public async Task RunAsync_SlowHandler_DoesNotDelayHeartbeatsOrOtherEvents()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var harness = await GatewayHarness.StartAsync(configure: services => services.AddSingleton(new SlowHandler(release.Task)).AddScoped<IGatewayEventHandler>(sp => sp.GetRequiredService<SlowHandler>()));
        await harness.Events.WaitForAsync("READY", 1);

        await harness.Emulator.DispatchAsync("SLOW", new JsonObject());
        var sequences = await harness.DispatchMessagesAsync(1);
        var beats = harness.Emulator.HeartbeatCount;

        await harness.Events.WaitForSequencesAsync(sequences);
        await harness.Emulator.WaitForHeartbeatsAsync(beats + 2, Timeout);
        Assert.Equal(1, harness.Emulator.ConnectionCount);
        release.SetResult();
    }

    [Fact]
    public async Task RunAsync_EachEvent_ResolvesHandlersInAFreshScope()
    {
        await using var harness = await GatewayHarness.StartAsync();
        await harness.Events.WaitForAsync("READY", 1);

        var sequences = await harness.DispatchMessagesAsync(3);

        await harness.Events.WaitForSequencesAsync(sequences);
        Assert.Equal(harness.Events.Events.Count, harness.Events.ScopeIds.Distinct().Count());
    }

    [Fact]
    public async Task RunAsync_EventData_IsClonedAndReadableAfterDelivery()
    {
        await using var harness = await GatewayHarness.StartAsync();
        await harness.Events.WaitForAsync("READY", 1);

        var sequence = await harness.Emulator.DispatchAsync("INTERACTION_CREATE", new JsonObject { ["id"] = "42", ["type"] = 2 });

        await harness.Events.WaitForSequencesAsync([sequence]);
        var delivered = harness.Events.Events.Single(e => e.Name == "INTERACTION_CREATE");
        Assert.Equal(sequence, delivered.Sequence);
        Assert.Equal("42", delivered.Data.GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Object, delivered.Data.ValueKind);
    }

    [Fact]
    public async Task RunAsync_ThroughReconnectsAndAFatalClose_NeverLogsTheToken()
    {
        await using var harness = await GatewayHarness.StartAsync();
        await harness.Events.WaitForAsync("READY", 1);
        await harness.Emulator.RequestReconnectAsync();
        await harness.Emulator.WaitForResumedAsync(1, Timeout);
        await harness.Emulator.InvalidateSessionAsync(resumable: false);
        await harness.Emulator.WaitForReadyAsync(2, Timeout);

        await harness.Emulator.CloseAsync(4004);
        await harness.WaitForFatalAsync();

        var records = harness.Logs.GetSnapshot();
        Assert.NotEmpty(records);
        foreach (var record in records)
        {
            Assert.DoesNotContain(GatewayHarness.Token, record.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(GatewayHarness.Token, record.Exception?.ToString() ?? "", StringComparison.Ordinal);
            Assert.DoesNotContain(record.StructuredState ?? [], kv => kv.Value?.Contains(GatewayHarness.Token, StringComparison.Ordinal) == true);
        }
    }

    [Fact]
    public async Task RunAsync_Cancelled_ClosesWith1000AndCompletes()
    {
        var harness = await GatewayHarness.StartAsync();
        await using (harness)
        {
            await harness.Events.WaitForAsync("READY", 1);
        }

        Assert.True(harness.Run.IsCompletedSuccessfully);
        Assert.Equal(1000, harness.Emulator.Connections[0].ClientCloseStatus);
    }

    private static async Task AssertDeliveredExactlyOnceAsync(GatewayHarness harness, List<int> sequences)
    {
        await harness.Events.WaitForSequencesAsync(sequences);
        var counts = harness.Events.CountsBySequence();
        Assert.Equal(sequences.Order(), counts.Keys.Order());
        Assert.All(counts, kv => Assert.Equal(1, kv.Value));
        var all = harness.Events.Events.Select(e => e.Sequence).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
    }

    private sealed class ThrowingHandler : IGatewayEventHandler
    {
        public bool Handles(string eventName) => eventName == "BOOM";

        public Task HandleAsync(GatewayEvent gatewayEvent, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("handler failed on purpose");
    }

    private sealed class SlowHandler(Task release) : IGatewayEventHandler
    {
        public bool Handles(string eventName) => eventName == "SLOW";

        public Task HandleAsync(GatewayEvent gatewayEvent, CancellationToken cancellationToken) => release.WaitAsync(cancellationToken);
    }
}
