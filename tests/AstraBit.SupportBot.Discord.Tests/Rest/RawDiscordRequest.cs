using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AstraBit.SupportBot.Emulators.Discord;

namespace AstraBit.SupportBot.Discord.Tests.Rest;

/// <summary>A request to the Discord emulator as any bot would send it, past our own client: what the emulator refuses is its own doing.</summary>
internal static class RawDiscordRequest
{
    public static async Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(DiscordRestEmulator emulator, HttpMethod method, string path, string json)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(method, emulator.ApiBaseUrl + path)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", "Bot " + emulator.Token);
        request.Headers.TryAddWithoutValidation("User-Agent", "DiscordBot (https://example.test, 1.0)");
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }
}
