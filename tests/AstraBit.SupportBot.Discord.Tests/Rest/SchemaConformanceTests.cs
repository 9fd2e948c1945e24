using System.Net.Http.Headers;
using System.Text;
using AstraBit.SupportBot.Emulators.Discord;

namespace AstraBit.SupportBot.Discord.Tests.Rest;

/// <summary>
/// The emulator flags a body field that Discord's OpenAPI schema does not define: Discord would accept the
/// request and ignore the field, so a typo there would otherwise pass every test unseen.
/// </summary>
public sealed class SchemaConformanceTests
{
    [Theory]
    [InlineData("""{"content":"hi","alowed_mentions":{"parse":[]}}""", "alowed_mentions")]
    [InlineData("""{"embeds":[{"title":"t","colour":5}]}""", "embeds.0.colour")]
    [InlineData("""{"embeds":[{"title":"t","footer":{"text":"f","icon":"x"}}]}""", "embeds.0.footer.icon")]
    [InlineData("""{"content":"hi","allowed_mentions":{"parse":[],"user":["1"]}}""", "allowed_mentions.user")]
    [InlineData("""{"components":[{"type":1,"components":[{"type":2,"style":1,"label":"Go","custom_id":"go","disable":true}]}]}""", "components.0.components.0.disable")]
    [InlineData("""{"components":[{"type":1,"components":[{"type":3,"custom_id":"s","options":[{"label":"a","value":"a","descripton":"x"}]}]}]}""", "components.0.components.0.options.0.descripton")]
    public async Task CreateMessage_FieldDiscordDoesNotDefine_IsRecordedWithItsPath(string body, string path)
    {
        await using var emulator = await DiscordRestEmulator.StartAsync();

        await SendAsync(emulator, HttpMethod.Post, $"channels/{emulator.DefaultChannelId}/messages", body);

        var request = Assert.Single(emulator.SchemaViolations);
        Assert.Equal([path], request.UnknownFields);
        Assert.Throws<InvalidOperationException>(emulator.ThrowOnSchemaViolations);
    }

    [Fact]
    public async Task BulkOverwrite_OptionTypo_IsFlagged()
    {
        await using var emulator = await DiscordRestEmulator.StartAsync();

        await SendAsync(emulator, HttpMethod.Put, $"applications/{emulator.ApplicationId}/guilds/{emulator.GuildId}/commands",
            """[{"name":"ticket","description":"d","options":[{"type":1,"name":"close","description":"c","options":[{"type":3,"name":"reason","description":"r","require":false}]}]}]""");

        Assert.Equal(["0.options.0.options.0.require"], Assert.Single(emulator.SchemaViolations).UnknownFields);
    }

    [Fact]
    public async Task StartThread_TypoInInvitable_IsFlagged()
    {
        await using var emulator = await DiscordRestEmulator.StartAsync();

        await SendAsync(emulator, HttpMethod.Post, $"channels/{emulator.DefaultChannelId}/threads", """{"name":"ticket-0001","type":12,"invitible":false}""");

        Assert.Equal(["invitible"], Assert.Single(emulator.SchemaViolations).UnknownFields);
    }

    [Fact]
    public async Task GetMessages_QueryParameterDiscordDoesNotDefine_IsFlagged()
    {
        await using var emulator = await DiscordRestEmulator.StartAsync();

        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{emulator.ApiBaseUrl}/channels/{emulator.DefaultChannelId}/messages?limit=5&newest_first=true");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bot", emulator.Token);
        (await http.SendAsync(request)).EnsureSuccessStatusCode();

        Assert.Equal(["?newest_first"], Assert.Single(emulator.SchemaViolations).UnknownFields);
    }

    [Fact]
    public async Task SchemaFields_EverywhereTheyAreDefined_AreNotFlagged()
    {
        await using var emulator = await DiscordRestEmulator.StartAsync();

        await SendAsync(emulator, HttpMethod.Post, $"channels/{emulator.DefaultChannelId}/messages",
            """{"content":"hi","flags":4096,"allowed_mentions":{"parse":[],"users":["1"],"replied_user":false},"embeds":[{"title":"t","description":"d","color":5,"fields":[{"name":"n","value":"v","inline":true}],"footer":{"text":"f"},"author":{"name":"a"},"timestamp":"2026-01-01T00:00:00Z"}],"components":[{"type":1,"components":[{"type":2,"style":5,"label":"Docs","url":"https://example.com"}]}]}""");
        await SendAsync(emulator, HttpMethod.Post, $"channels/{emulator.DefaultChannelId}/threads", """{"name":"t","type":12,"invitable":false,"auto_archive_duration":10080}""");

        Assert.Empty(emulator.SchemaViolations);
        emulator.ThrowOnSchemaViolations();
    }

    private static async Task SendAsync(DiscordRestEmulator emulator, HttpMethod method, string path, string json)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(method, emulator.ApiBaseUrl + "/" + path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bot", emulator.Token);
        using var response = await http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
