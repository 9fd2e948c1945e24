using System.Net;
using AstraBit.SupportBot.Emulators.Discord;

namespace AstraBit.SupportBot.Discord.Tests.Rest;

public sealed class DiscordRestEmulatorTests
{
    [Fact]
    public async Task AnyRoute_WrongToken_Answers401Code0()
    {
        await using var emulator = await DiscordRestEmulator.StartAsync();
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, emulator.ApiBaseUrl + "/gateway/bot");
        request.Headers.TryAddWithoutValidation("Authorization", "Bot nope");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("\"code\":0", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(response.Headers.Contains("X-RateLimit-Bucket"));
    }

    [Fact]
    public async Task EveryResponse_CarriesRateLimitHeaders()
    {
        await using var emulator = await DiscordRestEmulator.StartAsync();
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, emulator.ApiBaseUrl + "/gateway/bot");
        request.Headers.TryAddWithoutValidation("Authorization", "Bot " + emulator.Token);

        using var response = await http.SendAsync(request);

        foreach (var header in new[] { "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset", "X-RateLimit-Reset-After", "X-RateLimit-Bucket" })
        {
            Assert.True(response.Headers.Contains(header), header);
        }
    }

    [Fact]
    public async Task Callback_NoContentAnswer_HasNoJsonContentType()
    {
        await using var emulator = await DiscordRestEmulator.StartAsync();
        var payload = emulator.CreateSlashCommand(1, "diagnose");
        using var http = new HttpClient();
        using var content = new StringContent("""{"type":5,"data":{"flags":64}}""", System.Text.Encoding.UTF8, "application/json");

        using var response = await http.PostAsync(
            new Uri($"{emulator.ApiBaseUrl}/interactions/{payload["id"]}/{payload["token"]}/callback"), content);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Null(response.Content.Headers.ContentType);
    }

    [Fact]
    public async Task DisposeAsync_AfterHandlerFailure_RethrowsCapturedException()
    {
        var emulator = await DiscordRestEmulator.StartAsync();
        using var http = new HttpClient();
        var parent = emulator.AddTextChannel();
        using var threadRequest = new HttpRequestMessage(HttpMethod.Post, $"{emulator.ApiBaseUrl}/channels/{parent}/threads")
        {
            Content = new StringContent("""{"name":"t","type":12}""", System.Text.Encoding.UTF8, "application/json"),
        };
        threadRequest.Headers.TryAddWithoutValidation("Authorization", "Bot " + emulator.Token);
        using var threadResponse = await http.SendAsync(threadRequest);
        var created = System.Text.Json.Nodes.JsonNode.Parse(await threadResponse.Content.ReadAsStringAsync())!;
        using var bad = new HttpRequestMessage(HttpMethod.Put, $"{emulator.ApiBaseUrl}/channels/{created["id"]}/thread-members/not-a-number");
        bad.Headers.TryAddWithoutValidation("Authorization", "Bot " + emulator.Token);

        using var response = await http.SendAsync(bad);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Single(emulator.ServerErrors);
        var ex = await Assert.ThrowsAsync<AggregateException>(() => emulator.DisposeAsync().AsTask());
        Assert.IsType<FormatException>(Assert.Single(ex.InnerExceptions));
    }
}
