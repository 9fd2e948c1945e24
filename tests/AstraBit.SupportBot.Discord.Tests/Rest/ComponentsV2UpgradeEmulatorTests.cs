using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using AstraBit.SupportBot.Discord.Models;
using AstraBit.SupportBot.Emulators.Discord;

namespace AstraBit.SupportBot.Discord.Tests.Rest;

/// <summary>
/// A legacy message (content and embeds) becomes a Components V2 one in place when an edit adds the flag and clears
/// what V2 doesn't show: <c>content</c> and <c>embeds</c> set to null or emptied (discord.js guide "Components V2",
/// discordjs/guide#1620; Discord.Net v3.18 notes, discord-net/Discord.Net#3162). An edit that adds the flag but leaves
/// them on the message is refused with 50035 naming the field, on each way a message is edited: PATCH of the message,
/// UPDATE_MESSAGE (callback type 7) and PATCH of @original. Raw HTTP, as Discord sees a client; then our client's
/// V2 edits, which must say the nulls out loud.
/// </summary>
public sealed class ComponentsV2UpgradeEmulatorTests
{
    private const string Legacy = """{"content":"Welcome back","embeds":[{"author":{"name":"Part 1 of 3 · Step 2 of 6"},"title":"Create the key","description":"Open API management."}],"components":[{"type":1,"components":[{"type":2,"style":1,"label":"Next","custom_id":"wt:next"}]}]}""";
    private const string Page = """[{"type":17,"components":[{"type":10,"content":"-# Part 1 of 3 · Step 3 of 6"}]},{"type":1,"components":[{"type":2,"style":1,"label":"Next","custom_id":"wt:next"}]}]""";

    public enum EditRoute
    {
        PatchMessage,
        UpdateMessageCallback,
        PatchOriginal,
    }

    [Theory]
    [InlineData(EditRoute.PatchMessage, """ "content":null,"embeds":null """)]
    [InlineData(EditRoute.PatchMessage, """ "content":"","embeds":[] """)]
    [InlineData(EditRoute.UpdateMessageCallback, """ "content":null,"embeds":null """)]
    [InlineData(EditRoute.PatchOriginal, """ "content":null,"embeds":null """)]
    public async Task Edit_AddingTheV2FlagAndClearingContentAndEmbeds_UpgradesTheLegacyMessageInPlace(EditRoute route, string cleared)
    {
        await using var emulator = await DiscordRestEmulator.StartAsync();
        var legacy = await PostLegacyAsync(emulator);

        var (status, answer) = await EditAsync(emulator, route, legacy, $$"""{"flags":32768,{{cleared}},"components":{{Page}}}""");

        Assert.True(status is HttpStatusCode.OK or HttpStatusCode.NoContent, $"{status}: {answer?.ToJsonString()}");
        var stored = emulator.Messages.Single(m => m.Id == legacy);
        Assert.True(stored.IsComponentsV2);
        Assert.Equal("", stored.Content);
        Assert.Empty(stored.Embeds);
        Assert.Equal(1, stored.EditCount);
        Assert.Equal("-# Part 1 of 3 · Step 3 of 6", stored.Text.Trim());
        Assert.Equal(["wt:next"], stored.Buttons.Select(b => b.CustomId));
        Assert.Empty(emulator.InvalidFormBodies);
    }

    [Theory]
    [InlineData(EditRoute.PatchMessage, "", "content")]
    [InlineData(EditRoute.PatchMessage, """ "content":null, """, "embeds")]
    [InlineData(EditRoute.PatchMessage, """ "embeds":[], """, "content")]
    [InlineData(EditRoute.UpdateMessageCallback, "", "embeds")]
    [InlineData(EditRoute.PatchOriginal, """ "content":null, """, "embeds")]
    public async Task Edit_AddingTheV2FlagButLeavingContentOrEmbeds_Answers50035NamingTheField(EditRoute route, string partlyCleared, string field)
    {
        await using var emulator = await DiscordRestEmulator.StartAsync();
        var legacy = await PostLegacyAsync(emulator);

        var (status, answer) = await EditAsync(emulator, route, legacy, $$"""{{{partlyCleared}}"flags":32768,"components":{{Page}}}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(50035, answer!["code"]!.GetValue<int>());
        Assert.Contains("MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2", ErrorCodesAt(answer, field));
        var stored = emulator.Messages.Single(m => m.Id == legacy);
        Assert.False(stored.IsComponentsV2);
        Assert.Equal(("Welcome back", 1, 0), (stored.Content, stored.Embeds.Count, stored.EditCount));
    }

    [Fact]
    public async Task ClientV2Edits_OfALegacyMessage_SayContentAndEmbedsAreNull_AndUpgradeIt()
    {
        await using var h = await RestHarness.StartAsync();
        var page = new MessageBuilder()
            .WithComponentsV2()
            .AddComponent(new Container([new TextDisplay("-# Part 1 of 3 · Step 3 of 6")]))
            .AddActionRow(Button.Create(ButtonStyle.Primary, "wt:next", "Next"))
            .Build();
        var patched = await PostLegacyAsync(h.Emulator);
        var clicked = await PostLegacyAsync(h.Emulator);
        var click = Interaction.Parse(JsonDocument.Parse(h.Emulator.CreateButtonClick(7, "wt:next", clicked, h.Emulator.DefaultChannelId).ToJsonString()).RootElement);

        await h.Client.EditMessageAsync(h.Emulator.DefaultChannelId, patched, page, CancellationToken.None);
        await h.Client.UpdateMessageAsync(click, page, CancellationToken.None);

        Assert.All(h.Emulator.Messages, m => Assert.True(m.IsComponentsV2 && m.Content.Length == 0 && m.Embeds.Count == 0));
        Assert.Empty(h.Emulator.InvalidFormBodies);
        var update = Assert.Single(h.Emulator.Callbacks);
        Assert.True(update.Data!.ContainsKey("content") && update.Data["content"] is null);
        Assert.True(update.Data.ContainsKey("embeds") && update.Data["embeds"] is null);
    }

    [Fact]
    public void ClientV2Message_WhenCreated_SendsNoContentOrEmbedsAtAll()
    {
        var page = new MessageBuilder().WithComponentsV2().AddComponent(new TextDisplay("page")).Build();

        var json = page.ToJson();

        Assert.False(json.ContainsKey("content"));
        Assert.False(json.ContainsKey("embeds"));
    }

    private static async Task<ulong> PostLegacyAsync(DiscordRestEmulator emulator)
    {
        var (status, created) = await RawDiscordRequest.SendAsync(emulator, HttpMethod.Post, $"/channels/{emulator.DefaultChannelId}/messages", Legacy);
        Assert.Equal(HttpStatusCode.OK, status);
        return ulong.Parse(created!["id"]!.GetValue<string>(), CultureInfo.InvariantCulture);
    }

    private static async Task<(HttpStatusCode Status, JsonNode? Body)> EditAsync(DiscordRestEmulator emulator, EditRoute route, ulong messageId, string json)
    {
        switch (route)
        {
            case EditRoute.PatchMessage:
                return await RawDiscordRequest.SendAsync(emulator, HttpMethod.Patch, $"/channels/{emulator.DefaultChannelId}/messages/{messageId}", json);
            case EditRoute.UpdateMessageCallback:
                {
                    var click = emulator.CreateButtonClick(7, "wt:next", messageId, emulator.DefaultChannelId);
                    return await RawDiscordRequest.SendAsync(emulator, HttpMethod.Post, $"/interactions/{click["id"]}/{click["token"]}/callback", $$"""{"type":7,"data":{{json}}}""");
                }

            default:
                {
                    // A deferred update makes the clicked message the interaction's original response.
                    var click = emulator.CreateButtonClick(7, "wt:next", messageId, emulator.DefaultChannelId);
                    var (deferred, _) = await RawDiscordRequest.SendAsync(emulator, HttpMethod.Post, $"/interactions/{click["id"]}/{click["token"]}/callback", """{"type":6}""");
                    Assert.Equal(HttpStatusCode.NoContent, deferred);
                    return await RawDiscordRequest.SendAsync(emulator, HttpMethod.Patch, $"/webhooks/{emulator.ApplicationId}/{click["token"]}/messages/@original", json);
                }
        }
    }

    private static IReadOnlyList<string> ErrorCodesAt(JsonNode body, string path)
    {
        var node = body["errors"];
        foreach (var part in path.Split('.'))
        {
            node = node?[part];
        }

        return [.. (node?["_errors"] as JsonArray ?? []).Select(e => e!["code"]!.GetValue<string>())];
    }
}
