using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using AstraBit.SupportBot.Discord.Tests.Gateway;
using AstraBit.SupportBot.Emulators.Discord;

namespace AstraBit.SupportBot.Discord.Tests.Rest;

/// <summary>Message delete and the Message Content intent as the emulator answers them on the wire.</summary>
public sealed class MessageDeleteAndContentTests
{
    private const ulong Member = 4242;

    [Fact]
    public async Task Delete_MemberMessageInGuildChannel_204AndGone()
    {
        await using var emulator = await DiscordRestEmulator.StartAsync();
        var channel = emulator.AddTextChannel();
        var posted = Id(emulator.PostMemberMessage(Member, channel, "my secret is …"));
        using var http = Client(emulator);

        using var response = await http.DeleteAsync(new Uri($"{emulator.ApiBaseUrl}/channels/{channel}/messages/{posted}"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(posted, Assert.Single(emulator.DeletedMessages).Id);
        var listed = JsonNode.Parse(await http.GetStringAsync(new Uri($"{emulator.ApiBaseUrl}/channels/{channel}/messages")))!.AsArray();
        Assert.Empty(listed);
    }

    [Fact]
    public async Task Delete_MemberMessageInDm_403CannotExecuteActionOnADmChannel()
    {
        await using var emulator = await DiscordRestEmulator.StartAsync();
        using var http = Client(emulator);
        var dm = await OpenDmAsync(http, emulator);
        var posted = Id(emulator.PostMemberMessage(Member, dm, "key and secret"));

        using var response = await http.DeleteAsync(new Uri($"{emulator.ApiBaseUrl}/channels/{dm}/messages/{posted}"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(50003, error["code"]!.GetValue<int>());
        Assert.Equal("Cannot execute action on a DM channel", error["message"]!.GetValue<string>());
        Assert.Contains(emulator.Messages, m => m.Id == posted);
    }

    [Fact]
    public async Task Delete_BotsOwnMessageInDm_204()
    {
        await using var emulator = await DiscordRestEmulator.StartAsync();
        using var http = Client(emulator);
        var dm = await OpenDmAsync(http, emulator);
        using var sent = await http.PostAsync(
            new Uri($"{emulator.ApiBaseUrl}/channels/{dm}/messages"),
            new StringContent("""{"content":"Please delete the message with your secret."}""", Encoding.UTF8, "application/json"));
        var own = Id(JsonNode.Parse(await sent.Content.ReadAsStringAsync())!.AsObject());

        using var response = await http.DeleteAsync(new Uri($"{emulator.ApiBaseUrl}/channels/{dm}/messages/{own}"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.DoesNotContain(emulator.Messages, m => m.Id == own);
    }

    [Fact]
    public async Task Delete_UnknownMessageOrChannel_404WithTheirCodes()
    {
        await using var emulator = await DiscordRestEmulator.StartAsync();
        var channel = emulator.AddTextChannel();
        using var http = Client(emulator);

        using var message = await http.DeleteAsync(new Uri($"{emulator.ApiBaseUrl}/channels/{channel}/messages/123"));
        using var unknownChannel = await http.DeleteAsync(new Uri($"{emulator.ApiBaseUrl}/channels/999/messages/123"));

        Assert.Equal(10008, JsonNode.Parse(await message.Content.ReadAsStringAsync())!["code"]!.GetValue<int>());
        Assert.Equal(10003, JsonNode.Parse(await unknownChannel.Content.ReadAsStringAsync())!["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task GetMessages_AppWithoutMessageContent_OthersGuildMessagesBlankedUnlessTheyMentionTheBot()
    {
        var options = new DiscordRestEmulatorOptions { MessageContentIntent = false };
        await using var emulator = await DiscordRestEmulator.StartAsync(options);
        using var http = Client(emulator);
        var channel = emulator.AddTextChannel();
        emulator.PostMemberMessage(Member, channel, "plain words from a member");
        emulator.PostMemberMessage(Member, channel, $"<@{options.BotUserId}> help me");
        using var own = await http.PostAsync(
            new Uri($"{emulator.ApiBaseUrl}/channels/{channel}/messages"),
            new StringContent("""{"content":"bot says hi","embeds":[{"title":"card"}]}""", Encoding.UTF8, "application/json"));
        var dm = await OpenDmAsync(http, emulator);
        emulator.PostMemberMessage(Member, dm, "a DM to the bot");

        var guild = JsonNode.Parse(await http.GetStringAsync(new Uri($"{emulator.ApiBaseUrl}/channels/{channel}/messages")))!.AsArray();
        var direct = JsonNode.Parse(await http.GetStringAsync(new Uri($"{emulator.ApiBaseUrl}/channels/{dm}/messages")))!.AsArray();

        var contents = guild.Select(m => m!["content"]!.GetValue<string>()).Reverse().ToList();
        Assert.Equal(["", $"<@{options.BotUserId}> help me", "bot says hi"], contents);
        var blank = guild.Last()!;
        Assert.Empty(blank["embeds"]!.AsArray());
        Assert.Empty(blank["attachments"]!.AsArray());
        Assert.Empty(blank["components"]!.AsArray());
        Assert.Single(guild.First()!["embeds"]!.AsArray());
        Assert.Equal("a DM to the bot", Assert.Single(direct)!["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetMessages_AppWithMessageContent_EverythingShown()
    {
        await using var emulator = await DiscordRestEmulator.StartAsync();
        using var http = Client(emulator);
        var channel = emulator.AddTextChannel();
        emulator.PostMemberMessage(Member, channel, "plain words from a member");

        var listed = JsonNode.Parse(await http.GetStringAsync(new Uri($"{emulator.ApiBaseUrl}/channels/{channel}/messages")))!.AsArray();

        Assert.Equal("plain words from a member", Assert.Single(listed)!["content"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(513, "guild", false, "")]
    [InlineData(513 | 32768, "guild", false, "the words")]
    [InlineData(513 | 4096, "dm", false, "the words")]
    [InlineData(513, "guild", true, "<@1100000000000000001> the words")]
    [InlineData(513, "bot", false, "the words")]
    public async Task MessageCreate_SessionIntents_ContentBlankedAsDiscordDoes(int intents, string where, bool mention, string expected)
    {
        await using var emulator = await DiscordGatewayEmulator.StartAsync(new DiscordGatewayEmulatorOptions { Token = "emu-token" });
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(emulator.GatewayUrl, "?v=10&encoding=json"), CancellationToken.None);
        await ReadAsync(socket);
        await socket.SendAsync(Encoding.UTF8.GetBytes("""{"op":2,"d":{"token":"emu-token","intents":""" + intents + ""","properties":{"os":"linux","browser":"t","device":"t"}}}"""), WebSocketMessageType.Text, true, CancellationToken.None);
        Assert.Equal("READY", (await ReadAsync(socket))["t"]!.GetValue<string>());
        var message = new JsonObject
        {
            ["id"] = "7001",
            ["channel_id"] = "7002",
            ["author"] = new JsonObject { ["id"] = where == "bot" ? emulator.Options.BotUserId : "4242", ["username"] = "m" },
            ["content"] = mention ? $"<@{emulator.Options.BotUserId}> the words" : "the words",
            ["embeds"] = new JsonArray(new JsonObject { ["title"] = "e" }),
            ["attachments"] = new JsonArray(new JsonObject { ["id"] = "1", ["filename"] = "a.txt" }),
            ["components"] = new JsonArray(),
        };
        if (where != "dm")
        {
            message["guild_id"] = "7003";
        }

        await emulator.DispatchAsync("MESSAGE_CREATE", message);
        var received = (await ReadAsync(socket))["d"]!;

        Assert.Equal(expected, received["content"]!.GetValue<string>());
        Assert.Equal(expected.Length == 0 ? 0 : 1, received["embeds"]!.AsArray().Count);
        Assert.Equal(expected.Length == 0 ? 0 : 1, received["attachments"]!.AsArray().Count);
    }

    private static HttpClient Client(DiscordRestEmulator emulator)
    {
        var http = new HttpClient();
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Bot " + emulator.Token);
        return http;
    }

    private static async Task<ulong> OpenDmAsync(HttpClient http, DiscordRestEmulator emulator)
    {
        using var response = await http.PostAsync(
            new Uri($"{emulator.ApiBaseUrl}/users/@me/channels"),
            new StringContent($$"""{"recipient_id":"{{Member}}"}""", Encoding.UTF8, "application/json"));
        return Id(JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    private static ulong Id(JsonObject json) => ulong.Parse(json["id"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<JsonNode> ReadAsync(ClientWebSocket socket)
    {
        using var cts = new CancellationTokenSource(GatewayHarness.Timeout);
        var buffer = new byte[65536];
        var length = 0;
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.AsMemory(length), cts.Token);
            Assert.NotEqual(WebSocketMessageType.Close, result.MessageType);
            length += result.Count;
            if (result.EndOfMessage)
            {
                return JsonNode.Parse(Encoding.UTF8.GetString(buffer, 0, length))!;
            }
        }
    }
}
