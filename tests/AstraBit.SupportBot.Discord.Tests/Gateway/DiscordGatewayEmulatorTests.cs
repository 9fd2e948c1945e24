using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using AstraBit.SupportBot.Emulators.Discord;

namespace AstraBit.SupportBot.Discord.Tests.Gateway;

/// <summary>The emulator's protocol rules, checked with a bare WebSocket.</summary>
public sealed class DiscordGatewayEmulatorTests
{
    private const string Token = "emu-token";
    private const string Identify = """{"op":2,"d":{"token":"emu-token","intents":513,"properties":{"os":"linux","browser":"t","device":"t"}}}""";

    [Theory]
    [InlineData("""{"op":3,"d":{"since":null,"activities":[],"status":"online","afk":false}}""", 4003)]
    [InlineData("""{"op":2,"d":{"token":"wrong","intents":513,"properties":{}}}""", 4004)]
    [InlineData("""{"op":2,"d":{"token":"emu-token","properties":{}}}""", 4013)]
    [InlineData("""{"op":2,"d":{"token":"emu-token","intents":"lots","properties":{}}}""", 4013)]
    [InlineData("""{"op":99,"d":null}""", 4001)]
    [InlineData("""not json""", 4002)]
    public async Task Receive_InvalidFirstPayload_ClosesWithTheDocumentedCode(string payload, int expected)
    {
        await using var emulator = await DiscordGatewayEmulator.StartAsync(new DiscordGatewayEmulatorOptions { Token = Token });
        using var socket = await ConnectAsync(emulator);

        await SendAsync(socket, payload);

        Assert.Equal(expected, await ReadUntilCloseAsync(socket));
    }

    [Fact]
    public async Task Receive_PrivilegedIntentNotEnabled_Closes4014()
    {
        await using var emulator = await DiscordGatewayEmulator.StartAsync(new DiscordGatewayEmulatorOptions { Token = Token, EnabledPrivilegedIntents = 0 });
        using var socket = await ConnectAsync(emulator);

        await SendAsync(socket, """{"op":2,"d":{"token":"emu-token","intents":32769,"properties":{}}}""");

        Assert.Equal(4014, await ReadUntilCloseAsync(socket));
    }

    [Fact]
    public async Task Receive_SecondIdentify_Closes4005()
    {
        await using var emulator = await DiscordGatewayEmulator.StartAsync(new DiscordGatewayEmulatorOptions { Token = Token });
        using var socket = await ConnectAsync(emulator);
        await SendAsync(socket, Identify);
        await emulator.WaitForReadyAsync(1);

        await SendAsync(socket, Identify);

        Assert.Equal(4005, await ReadUntilCloseAsync(socket));
    }

    [Fact]
    public async Task Receive_PayloadOver4096Bytes_Closes4002()
    {
        await using var emulator = await DiscordGatewayEmulator.StartAsync(new DiscordGatewayEmulatorOptions { Token = Token });
        using var socket = await ConnectAsync(emulator);

        await SendAsync(socket, $$"""{"op":1,"d":null,"x":"{{new string('a', 4097)}}"}""");

        Assert.Equal(4002, await ReadUntilCloseAsync(socket));
        Assert.Empty(emulator.ReceivedPayloads);
    }

    [Fact]
    public async Task Receive_121PayloadsInAMinute_Closes4008()
    {
        await using var emulator = await DiscordGatewayEmulator.StartAsync(new DiscordGatewayEmulatorOptions { Token = Token });
        using var socket = await ConnectAsync(emulator);

        for (var i = 0; i < 121; i++)
        {
            await SendAsync(socket, """{"op":1,"d":null}""");
        }

        Assert.Equal(4008, await ReadUntilCloseAsync(socket));
        Assert.Equal(121, emulator.ReceivedPayloads.Count);
    }

    [Fact]
    public async Task Receive_ResumeOfUnknownSession_AnswersInvalidSessionNotResumable()
    {
        await using var emulator = await DiscordGatewayEmulator.StartAsync(new DiscordGatewayEmulatorOptions { Token = Token });
        using var socket = await ConnectAsync(emulator);

        await SendAsync(socket, """{"op":6,"d":{"token":"emu-token","session_id":"nope","seq":3}}""");

        var answer = await ReadAsync(socket);
        Assert.Equal(9, answer["op"]!.GetValue<int>());
        Assert.False(answer["d"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Connect_WrongApiVersion_Closes4012()
    {
        await using var emulator = await DiscordGatewayEmulator.StartAsync(new DiscordGatewayEmulatorOptions { Token = Token });
        using var socket = new ClientWebSocket();

        await socket.ConnectAsync(new Uri(emulator.GatewayUrl, "?v=6&encoding=json"), CancellationToken.None);

        Assert.Equal(4012, await ReadUntilCloseAsync(socket));
    }

    [Fact]
    public async Task Connect_Always_SendsHelloWithTheConfiguredInterval()
    {
        await using var emulator = await DiscordGatewayEmulator.StartAsync(new DiscordGatewayEmulatorOptions { HeartbeatInterval = TimeSpan.FromMilliseconds(1234) });
        using var socket = new ClientWebSocket();

        await socket.ConnectAsync(new Uri(emulator.GatewayUrl, "?v=10&encoding=json"), CancellationToken.None);

        var hello = await ReadAsync(socket);
        Assert.Equal(10, hello["op"]!.GetValue<int>());
        Assert.Equal(1234, hello["d"]!["heartbeat_interval"]!.GetValue<int>());
    }

    private static async Task<ClientWebSocket> ConnectAsync(DiscordGatewayEmulator emulator)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(emulator.GatewayUrl, "?v=10&encoding=json"), CancellationToken.None);
        var hello = await ReadAsync(socket);
        Assert.Equal(10, hello["op"]!.GetValue<int>());
        return socket;
    }

    private static Task SendAsync(ClientWebSocket socket, string payload) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(payload), WebSocketMessageType.Text, true, CancellationToken.None);

    private static async Task<JsonNode> ReadAsync(ClientWebSocket socket)
    {
        var (text, _) = await ReceiveAsync(socket);
        return JsonNode.Parse(text ?? throw new InvalidOperationException($"Closed with {socket.CloseStatus}"))!;
    }

    private static async Task<int> ReadUntilCloseAsync(ClientWebSocket socket)
    {
        while (true)
        {
            var (text, close) = await ReceiveAsync(socket);
            if (text is null)
            {
                return close!.Value;
            }
        }
    }

    private static async Task<(string? Text, int? Close)> ReceiveAsync(ClientWebSocket socket)
    {
        using var cts = new CancellationTokenSource(GatewayHarness.Timeout);
        var buffer = new byte[16384];
        var length = 0;
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.AsMemory(length), cts.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return (null, (int?)socket.CloseStatus);
            }

            length += result.Count;
            if (result.EndOfMessage)
            {
                return (Encoding.UTF8.GetString(buffer, 0, length), null);
            }
        }
    }
}
