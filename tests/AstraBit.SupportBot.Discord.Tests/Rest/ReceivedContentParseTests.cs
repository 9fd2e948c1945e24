using System.Globalization;
using System.Text.Json.Nodes;
using AstraBit.SupportBot.Discord.Models;
using AstraBit.SupportBot.Emulators.Discord;

namespace AstraBit.SupportBot.Discord.Tests.Rest;

/// <summary>What a read message shows besides its content — embeds, Components V2, forwards — as GET messages returns it.</summary>
public sealed class ReceivedContentParseTests
{
    private const ulong Member = 1_700_000_000_000_000_002;
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task GetChannelMessages_ComponentsV2EmbedAndForward_ReadAsATree()
    {
        await using var h = await RestHarness.StartAsync();
        var channel = h.Emulator.DefaultChannelId;
        var sent = await h.Client.CreateMessageAsync(channel, MessagePayload.Text("card"), Ct);
        var stored = h.Emulator.Messages.Single(m => m.Id == sent.Id);
        stored.Embeds.Add(JsonNode.Parse("""{"type":"rich","title":"Key check","description":"failed","color":14427686,"fields":[{"name":"Key","value":"…Xy12","inline":true}],"footer":{"text":"foot"}}"""));
        stored.Components.Add(JsonNode.Parse("""
            {"type":17,"accent_color":255,"components":[
              {"type":9,"components":[{"type":10,"content":"step one"},{"type":10,"content":"step two"}],"accessory":{"type":11,"media":{"url":"https://cdn.discordapp.com/attachments/1/2/shot%201.png?ex=1"},"description":null}},
              {"type":14,"divider":true},
              {"type":12,"items":[{"media":{"url":"attachment://a.png"},"description":"the API page"},{"media":{"url":"attachment://b.png"}}]},
              {"type":13,"file":{"url":"attachment://bot.log"}},
              {"type":1,"components":[{"type":2,"style":1,"label":"Run the check again","custom_id":"x"},{"type":3,"custom_id":"s","placeholder":"Pick a site","options":[]}]}]}
            """));
        var elsewhere = h.Emulator.AddTextChannel("elsewhere");
        var original = h.Emulator.PostMemberMessage(Member, elsewhere, "forwarded words", [new MemberFile("notes.txt", "hi"u8.ToArray())]);
        h.Emulator.ForwardMemberMessage(Member, ulong.Parse(original["id"]!.GetValue<string>(), CultureInfo.InvariantCulture), channel);

        var messages = await h.Client.GetChannelMessagesAsync(channel, 10, ct: Ct);

        var card = messages.Single(m => m.Id == sent.Id);
        var embed = Assert.Single(card.Embeds);
        Assert.Equal(("Key check", "failed", 14427686, "foot"), (embed.Title, embed.Description, embed.Color, embed.Footer));
        Assert.Equal(new EmbedField("Key", "…Xy12", true), Assert.Single(embed.Fields));
        var container = Assert.Single(card.Components);
        Assert.Equal((ReceivedComponent.ContainerType, 255), (container.Type, container.AccentColor));
        Assert.Equal([9, 14, 12, 13, 1], container.Children.Select(c => c.Type));
        var section = container.Children[0];
        Assert.Equal(["step one", "step two", "shot 1.png"], section.Children.Select(c => c.Text));
        Assert.Equal(ReceivedComponent.ThumbnailType, section.Children[^1].Type);
        Assert.Equal(["the API page", "b.png"], container.Children[2].Children.Select(c => c.Text));
        Assert.Equal("bot.log", container.Children[3].Text);
        Assert.Equal(["Run the check again", "Pick a site"], container.Children[4].Children.Select(c => c.Text));
        var forward = messages.Single(m => m.Forwarded.Count > 0);
        var snapshot = Assert.Single(forward.Forwarded);
        Assert.Equal("forwarded words", snapshot.Content);
        Assert.Equal("notes.txt", Assert.Single(snapshot.Attachments).FileName);
    }
}
