using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using AstraBit.SupportBot.Discord.Models;
using AstraBit.SupportBot.Emulators.Discord;

namespace AstraBit.SupportBot.Discord.Tests.Rest;

/// <summary>
/// The emulator refuses what Discord refuses in modals (a select or an upload outside a Label, limits) and in
/// Components V2 messages (content or embeds with the flag, a 41st component, a deferred response with more than the
/// ephemeral flag), answering 400 with code 50035 and the field's error code, on raw HTTP as the bot's client sees it.
/// </summary>
public sealed class ModalAndComponentsV2EmulatorTests
{
    private const string Select = """{"type":3,"custom_id":"topic","options":[{"label":"Billing","value":"billing"},{"label":"Other","value":"other"}]}""";
    private const string Upload = """{"type":19,"custom_id":"shots","min_values":0,"max_values":3,"required":false}""";

    [Theory]
    [InlineData("select straight in the modal", "[" + Select + "]", "data.components.0", "UNION_TYPE_CHOICES")]
    [InlineData("upload in an action row", """[{"type":1,"components":[""" + Upload + "]}]", "data.components.0", "UNION_TYPE_CHOICES")]
    [InlineData("required upload allowing none", """[{"type":18,"label":"Screens","component":{"type":19,"custom_id":"s","min_values":0,"max_values":3}}]""", "data.components.0.component.min_values", "COMPONENT_REQUIRED_MIN_VALUES")]
    [InlineData("upload of 11 files", """[{"type":18,"label":"Screens","component":{"type":19,"custom_id":"s","min_values":1,"max_values":11}}]""", "data.components.0.component.max_values", "NUMBER_TYPE_MAX")]
    [InlineData("radio group of one", """[{"type":18,"label":"Site","component":{"type":21,"custom_id":"r","options":[{"label":"A","value":"a"}]}}]""", "data.components.0.component.options", "BASE_TYPE_BAD_LENGTH")]
    [InlineData("select of 26 options", "", "data.components.0.component.options", "BASE_TYPE_BAD_LENGTH")]
    [InlineData("two inputs with one custom_id", """[{"type":18,"label":"A","component":{"type":23,"custom_id":"x"}},{"type":18,"label":"B","component":{"type":22,"custom_id":"x","options":[{"label":"Y","value":"y"}]}}]""", "data.components.1.component.custom_id", "COMPONENT_CUSTOM_ID_DUPLICATED")]
    [InlineData("button in a Label", """[{"type":18,"label":"A","component":{"type":2,"style":1,"label":"Go","custom_id":"go"}}]""", "data.components.0.component", "UNION_TYPE_CHOICES")]
    public async Task ModalCallback_WhatDiscordRefuses_Answers50035WithTheFieldsCode(string what, string components, string path, string code)
    {
        await using var emulator = await DiscordRestEmulator.StartAsync();
        if (components.Length == 0)
        {
            var options = string.Join(",", Enumerable.Range(0, 26).Select(i => $$"""{"label":"o{{i}}","value":"v{{i}}"}"""));
            components = $$$"""[{"type":18,"label":"Topic","component":{"type":3,"custom_id":"t","options":[{{{options}}}]}}]""";
        }

        var (status, body) = await CallbackAsync(emulator, $$$"""{"type":9,"data":{"custom_id":"form","title":"Form","components":{{{components}}}}}""");

        Assert.True(status == HttpStatusCode.BadRequest, what);
        Assert.Equal(50035, body!["code"]!.GetValue<int>());
        Assert.Contains(code, ErrorCodesAt(body, path));
        // What the integration harness fails a test on: every 50035 the bot caused.
        Assert.Single(emulator.InvalidFormBodies);
        Assert.Throws<InvalidOperationException>(emulator.ThrowOnInvalidFormBodies);
    }

    [Fact]
    public async Task ModalCallback_EveryInputInsideALabel_IsAccepted()
    {
        await using var emulator = await DiscordRestEmulator.StartAsync();
        var components =
            """[{"type":10,"content":"Tell us what happened."},{"type":18,"label":"Topic","component":""" + Select + "}," +
            """{"type":18,"label":"Site","component":{"type":21,"custom_id":"site","options":[{"label":"bybit.com","value":"mainnet","default":true},{"label":"Bybit EU","value":"eu"}]}},""" +
            """{"type":18,"label":"Screenshots","description":"Up to three images","component":""" + Upload + "}," +
            """{"type":18,"label":"Agree","component":{"type":23,"custom_id":"agree","default":false}}]""";

        var (status, _) = await CallbackAsync(emulator, $$$"""{"type":9,"data":{"custom_id":"form","title":"Form","components":{{{components}}}}}""");

        Assert.Equal(HttpStatusCode.NoContent, status);
        Assert.Empty(emulator.SchemaViolations);
    }

    [Theory]
    [InlineData("""{"content":"hello","components":[{"type":10,"content":"hi"}]}""", "content", "MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2")]
    [InlineData("""{"embeds":[{"title":"t"}],"components":[{"type":10,"content":"hi"}]}""", "embeds", "MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2")]
    [InlineData("""{"components":[{"type":17,"components":[{"type":17,"components":[{"type":10,"content":"a"}]}]}]}""", "components.0.components.0", "UNION_TYPE_CHOICES")]
    [InlineData("""{"components":[{"type":17,"components":[]}]}""", "components.0.components", "BASE_TYPE_BAD_LENGTH")]
    [InlineData("""{"components":[{"type":9,"components":[{"type":10,"content":"a"}]}]}""", "components.0.accessory", "BASE_TYPE_REQUIRED")]
    [InlineData("""{"components":[{"type":9,"components":[{"type":10,"content":"a"}],"accessory":{"type":10,"content":"b"}}]}""", "components.0.accessory", "UNION_TYPE_CHOICES")]
    public async Task CreateMessage_ComponentsV2Breaking_Answers50035(string json, string path, string code)
    {
        await using var emulator = await DiscordRestEmulator.StartAsync();
        var body = JsonNode.Parse(json)!.AsObject();
        body["flags"] = 1 << 15;

        var (status, answer) = await SendAsync(emulator, HttpMethod.Post, $"/channels/{emulator.DefaultChannelId}/messages", body.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(50035, answer!["code"]!.GetValue<int>());
        Assert.Contains(code, ErrorCodesAt(answer, path));
    }

    // Without the flag a message's top level takes action rows only, and a row is five buttons wide.
    [Theory]
    [InlineData("""{"components":[{"type":17,"components":[{"type":10,"content":"a"}]}]}""", "components.0", "UNION_TYPE_CHOICES")]
    [InlineData("""{"components":[{"type":1,"components":[{"type":2,"style":1,"label":"1","custom_id":"a"},{"type":2,"style":1,"label":"2","custom_id":"b"},{"type":2,"style":1,"label":"3","custom_id":"c"},{"type":2,"style":1,"label":"4","custom_id":"d"},{"type":2,"style":1,"label":"5","custom_id":"e"},{"type":2,"style":1,"label":"6","custom_id":"f"}]}]}""", "components.0.components.5", "COMPONENT_LAYOUT_WIDTH_EXCEEDED")]
    public async Task CreateMessage_LegacyBreaking_Answers50035(string json, string path, string code)
    {
        await using var emulator = await DiscordRestEmulator.StartAsync();

        var (status, answer) = await SendAsync(emulator, HttpMethod.Post, $"/channels/{emulator.DefaultChannelId}/messages", json);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(code, ErrorCodesAt(answer!, path));
    }

    // Once a message is V2 it stays V2: an edit that drops the flag, or that brings content or embeds, is refused; an
    // edit that keeps to the V2 rules (with or without repeating the flag) goes through and the message stays V2.
    [Theory]
    [InlineData("""{"flags":0,"content":"plain again"}""", "flags", "MESSAGE_CANNOT_REMOVE_COMPONENTS_V2_FLAG")]
    [InlineData("""{"content":"a line above"}""", "content", "MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2")]
    [InlineData("""{"embeds":[{"title":"t"}]}""", "embeds", "MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2")]
    [InlineData("""{"components":[{"type":10,"content":"changed"}]}""", "", "")]
    [InlineData("""{"flags":32768,"components":[{"type":10,"content":"changed"}]}""", "", "")]
    public async Task EditMessage_OfAComponentsV2Message_KeepsToTheV2Rules(string json, string path, string code)
    {
        await using var emulator = await DiscordRestEmulator.StartAsync();
        var (_, created) = await SendAsync(emulator, HttpMethod.Post, $"/channels/{emulator.DefaultChannelId}/messages", """{"flags":32768,"components":[{"type":10,"content":"card"}]}""");

        var (status, answer) = await SendAsync(emulator, HttpMethod.Patch, $"/channels/{emulator.DefaultChannelId}/messages/{created!["id"]}", json);

        var stored = emulator.Messages.Single(m => m.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) == created["id"]!.GetValue<string>());
        Assert.True(stored.IsComponentsV2);
        if (code.Length == 0)
        {
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal("changed\n", stored.Text.Replace("\r", "", StringComparison.Ordinal));
        }
        else
        {
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Contains(code, ErrorCodesAt(answer!, path));
            Assert.Equal("card", stored.Text.Trim());
        }
    }

    [Fact]
    public async Task EditOriginal_AfterTheV2MessageWasEditedIn_CannotDropTheFlag()
    {
        await using var emulator = await DiscordRestEmulator.StartAsync();
        var payload = emulator.CreateSlashCommand(1, "diagnose");
        var original = $"/webhooks/{emulator.ApplicationId}/{payload["token"]}/messages/@original";
        await SendAsync(emulator, HttpMethod.Post, $"/interactions/{payload["id"]}/{payload["token"]}/callback", """{"type":5,"data":{"flags":64}}""");
        await SendAsync(emulator, HttpMethod.Patch, original, """{"flags":32768,"components":[{"type":10,"content":"All checks passed"}]}""");

        var (status, answer) = await SendAsync(emulator, HttpMethod.Patch, original, """{"flags":0,"content":"plain"}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("MESSAGE_CANNOT_REMOVE_COMPONENTS_V2_FLAG", ErrorCodesAt(answer!, "flags"));
        var stored = emulator.Messages.Single(m => m.InteractionId is not null);
        Assert.True(stored.IsEphemeral && stored.IsComponentsV2);
    }

    [Fact]
    public async Task CreateMessageAsync_ContainerWithSectionsBuiltByTheClient_PassesTheEmulator()
    {
        await using var h = await RestHarness.StartAsync();
        var message = new MessageBuilder()
            .WithComponentsV2()
            .AddComponent(new TextDisplay("Ticket #0001"))
            .AddComponent(new Container(
                [
                    new TextDisplay("### Diagnosis"),
                    new Separator(),
                    new Section([new TextDisplay("❌ withdrawal"), new TextDisplay("Untick Withdrawal")], Button.Create(ButtonStyle.Primary, "tk:check:1:1", "Run the check again")),
                    new Section([new TextDisplay("❌ transfer")], Button.Create(ButtonStyle.Primary, "tk:check:1:2", "Run the check again")),
                ],
                accentColor: 0xD9534F))
            .AddActionRow(Button.Create(ButtonStyle.Success, "tk:claim:1", "Claim"))
            .Build();

        await h.Client.CreateMessageAsync(h.Emulator.DefaultChannelId, message, CancellationToken.None);

        var sent = Assert.Single(h.Emulator.Messages);
        Assert.True(sent.IsComponentsV2);
        Assert.Empty(h.Emulator.InvalidFormBodies);
        Assert.Equal(["tk:check:1:1", "tk:check:1:2", "tk:claim:1"], sent.Buttons.Select(b => b.CustomId));
        Assert.Contains("Untick Withdrawal", sent.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void MessageBuilder_ComponentsV2OutsideTheRules_IsRefusedBeforeSending()
    {
        var text = new TextDisplay("x");
        Assert.Throws<ArgumentException>(() => new MessageBuilder().WithComponentsV2().WithContent("hello").AddComponent(text).Build());
        Assert.Throws<ArgumentException>(() => new MessageBuilder().WithComponentsV2().AddEmbed(new EmbedBuilder().WithTitle("t").Build()).AddComponent(text).Build());
        Assert.Throws<ArgumentException>(() => new MessageBuilder().AddComponent(text).Build());
        Assert.Throws<ArgumentException>(() => new MessageBuilder().WithComponentsV2().AddComponent(new Container(Enumerable.Range(0, 40).Select(i => new TextDisplay($"{i}")))).Build());
        Assert.Throws<ArgumentException>(() => new MessageBuilder().WithComponentsV2().AddComponent(new TextDisplay(new string('a', 3000))).AddComponent(new TextDisplay(new string('b', 1001))).Build());
        Assert.Throws<ArgumentException>(() => new Section([text, text, text, text], Button.Create(ButtonStyle.Primary, "a", "A")));
        Assert.Equal(40, new MessageBuilder().WithComponentsV2().AddComponent(new Container(Enumerable.Range(0, 39).Select(i => new TextDisplay($"{i}")))).Build().Components!.Sum(ComponentsV2.CountOf));
    }

    [Theory]
    [InlineData(40, HttpStatusCode.OK)]
    [InlineData(41, HttpStatusCode.BadRequest)]
    public async Task CreateMessage_ComponentsV2CountingNested_FortyIsTheMost(int total, HttpStatusCode expected)
    {
        await using var emulator = await DiscordRestEmulator.StartAsync();
        // One container holding text displays: the container counts too.
        var texts = string.Join(",", Enumerable.Range(0, total - 1).Select(i => $$"""{"type":10,"content":"line {{i}}"}"""));
        var json = $$"""{"flags":32768,"components":[{"type":17,"accent_color":15158332,"components":[{{texts}}]}]}""";

        var (status, answer) = await SendAsync(emulator, HttpMethod.Post, $"/channels/{emulator.DefaultChannelId}/messages", json);

        Assert.Equal(expected, status);
        if (expected == HttpStatusCode.BadRequest)
        {
            Assert.Contains("BASE_TYPE_MAX_LENGTH", ErrorCodesAt(answer!, "components"));
        }
    }

    [Fact]
    public async Task DeferredCallback_WithTheV2Flag_IsRefused_ThenTheV2MessageComesByEditingTheOriginal()
    {
        await using var emulator = await DiscordRestEmulator.StartAsync();
        var payload = emulator.CreateSlashCommand(1, "diagnose");

        var (refused, answer) = await SendAsync(emulator, HttpMethod.Post, $"/interactions/{payload["id"]}/{payload["token"]}/callback", """{"type":5,"data":{"flags":32832}}""");
        var (deferred, _) = await SendAsync(emulator, HttpMethod.Post, $"/interactions/{payload["id"]}/{payload["token"]}/callback", """{"type":5,"data":{"flags":64}}""");
        var (edited, _) = await SendAsync(
            emulator,
            HttpMethod.Patch,
            $"/webhooks/{emulator.ApplicationId}/{payload["token"]}/messages/@original",
            """{"flags":32768,"components":[{"type":17,"components":[{"type":10,"content":"All checks passed"}]}]}""");

        Assert.Equal(HttpStatusCode.BadRequest, refused);
        Assert.Equal(50035, answer!["code"]!.GetValue<int>());
        Assert.Contains("INTERACTION_RESPONSE_FLAGS_INVALID", ErrorCodesAt(answer, "data.flags"));
        Assert.Equal(HttpStatusCode.NoContent, deferred);
        Assert.Equal(HttpStatusCode.OK, edited);
    }

    [Fact]
    public async Task ModalSubmit_WithSelectRadioAndUpload_ParsesAsDiscordSendsIt_AndTheFileIsServed()
    {
        await using var emulator = await DiscordRestEmulator.StartAsync();
        var modal = JsonNode.Parse(
            """{"custom_id":"form","title":"Form","components":[{"type":18,"label":"Topic","component":""" + Select + "}," +
            """{"type":18,"label":"Site","component":{"type":21,"custom_id":"site","options":[{"label":"bybit.com","value":"mainnet"},{"label":"Bybit EU","value":"eu"}]}},""" +
            """{"type":18,"label":"Describe","component":{"type":4,"custom_id":"text","style":2}},""" +
            """{"type":18,"label":"Screenshots","component":""" + Upload + "}]}")!.AsObject();
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 1, 2, 3 };

        var submit = emulator.CreateModalSubmit(5, "form",
            [ModalAnswer.Chosen("topic", "billing"), ModalAnswer.Typed("site", "eu"), ModalAnswer.Typed("text", "It broke"),
             ModalAnswer.Uploaded("shots", new MemberFile("screen.png", png, "image/png"))],
            modal);
        var data = Interaction.Parse(JsonDocument.Parse(submit.ToJsonString()).RootElement).Modal!;
        var upload = Assert.Single(data.GetUploads("shots"));
        using var http = new HttpClient();
        var served = await http.GetByteArrayAsync(upload.Url);

        Assert.Equal(["billing"], data.GetValues("topic"));
        Assert.Equal("eu", data.GetTextInput("site"));
        Assert.Equal("It broke", data.GetTextInput("text"));
        Assert.Equal(("screen.png", "image/png", png.Length), (upload.FileName, upload.ContentType, upload.Size));
        Assert.Equal(png, served);
        Assert.Equal(21, submit["data"]!["components"]![1]!["component"]!["type"]!.GetValue<int>());
    }

    [Fact]
    public async Task OpenModalAsync_BuiltWithSelectRadioAndUpload_PassesTheEmulator()
    {
        await using var h = await RestHarness.StartAsync();
        var interaction = Interaction.Parse(JsonDocument.Parse(h.Emulator.CreateSlashCommand(1, "ticket").ToJsonString()).RootElement);
        var modal = new ModalBuilder("form", "Talk to support")
            .AddSelect("Topic", new StringSelect("topic", [new SelectOption("Billing", "billing"), new SelectOption("Other", "other")], required: true))
            .AddRadioGroup("Site", new RadioGroup("site", [new SelectOption("bybit.com", "mainnet", isDefault: true), new SelectOption("Bybit EU", "eu")]))
            .AddFileUpload("Screenshots", new FileUploadInput("shots", minValues: 0, maxValues: 3, required: false))
            .Build();

        await h.Client.OpenModalAsync(interaction, modal, CancellationToken.None);

        var callback = Assert.Single(h.Emulator.Callbacks);
        Assert.Equal((9, 204), (callback.Type, callback.Status));
    }

    [Fact]
    public void ModalBuilder_SelectOutsideTheRules_IsRefusedBeforeSending()
    {
        Assert.Throws<ArgumentException>(() => new FileUploadInput("shots", minValues: 0, maxValues: 3, required: true));
        Assert.Throws<ArgumentException>(() => new FileUploadInput("shots", minValues: 1, maxValues: 11));
        Assert.Throws<ArgumentException>(() => new RadioGroup("site", [new SelectOption("only", "one")]));
        Assert.Throws<ArgumentException>(() => new ActionRow(new FileUploadInput("shots")));
        Assert.Throws<ArgumentException>(() => new ModalBuilder("f", "F").AddSelect("Topic", new StringSelect("t", [new SelectOption("A", "a")])));
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

    private static Task<(HttpStatusCode, JsonNode?)> CallbackAsync(DiscordRestEmulator emulator, string json)
    {
        var payload = emulator.CreateSlashCommand(1, "ticket");
        return SendAsync(emulator, HttpMethod.Post, $"/interactions/{payload["id"]}/{payload["token"]}/callback", json);
    }

    private static Task<(HttpStatusCode, JsonNode?)> SendAsync(DiscordRestEmulator emulator, HttpMethod method, string path, string json) =>
        RawDiscordRequest.SendAsync(emulator, method, path, json);
}
