using System.Globalization;
using System.Text.Json.Nodes;
using AstraBit.SupportBot.Bot.KeyChecks;
using AstraBit.SupportBot.Emulators.Discord;

namespace AstraBit.SupportBot.IntegrationTests.Walkthrough;

/// <summary>
/// A member going through /connect-bybit in the Discord emulator: clicks land on the message they see, and
/// every interaction is checked to be acknowledged within Discord's 3 seconds.
/// </summary>
internal sealed class WalkthroughMember(DiscordEmulator discord, ulong supportChannelId, ulong userId)
{
    /// <summary>A member of the server the in-process bot serves.</summary>
    public WalkthroughMember(BotHarness bot, ulong userId)
        : this(bot.Discord, bot.SupportChannelId, userId)
    {
    }

    public const int Ephemeral = 64;
    public const int ComponentsV2 = 1 << 15;
    public const int ChannelMessage = 4;
    public const int DeferredChannelMessage = 5;
    public const int DeferredUpdate = 6;
    public const int UpdateMessage = 7;
    public const int OpenModal = 9;

    public static readonly TimeSpan AcknowledgeDeadline = TimeSpan.FromSeconds(3);

    public ulong UserId => userId;

    /// <summary>The walkthrough message the member is looking at.</summary>
    public EmulatedMessage Message { get; set; } = null!;

    /// <summary>Runs /connect-bybit; returns the interaction id and its (checked) callback.</summary>
    public async Task<(ulong Id, RecordedCallback Callback)> ConnectAsync()
    {
        var id = await discord.RunSlashCommandAsync(userId, "connect-bybit", channelId: supportChannelId);
        return (id, await AcknowledgedAsync(id));
    }

    /// <summary>Runs /connect-bybit with DMs open and picks up the walkthrough message from the DM.</summary>
    public async Task<EmulatedMessage> ConnectInDmAsync() => (await ConnectInDmWithAnswerAsync()).Walkthrough;

    /// <summary>As <see cref="ConnectInDmAsync"/>, with the command's callback and its private answer.</summary>
    public async Task<(RecordedCallback Callback, EmulatedMessage Answer, EmulatedMessage Walkthrough)> ConnectInDmWithAnswerAsync()
    {
        var (id, callback) = await ConnectAsync();
        var answer = await discord.Rest.WaitForMessageAsync(m => m.InteractionId == id && m.EditCount > 0, BotHarness.Timeout);
        Message = await discord.Rest.WaitForMessageAsync(m => m.InDirectMessage && m.AuthorId == discord.Options.BotUserId && Recipient(m) == userId, BotHarness.Timeout);
        return (callback, answer, Message);
    }

    /// <summary>Clicks a button on <see cref="Message"/>.</summary>
    public async Task<RecordedCallback> ClickAsync(string customId)
    {
        var id = await discord.ClickButtonAsync(userId, customId, Message.Id, Message.InDirectMessage ? null : Message.ChannelId, Message.InDirectMessage);
        return await AcknowledgedAsync(id);
    }

    /// <summary>Clicks and expects the message to be updated in place (callback type 7).</summary>
    public async Task<RecordedCallback> ClickAndUpdateAsync(string customId)
    {
        var callback = await ClickAsync(customId);
        Assert.Equal(UpdateMessage, callback.Type);
        return callback;
    }

    public async Task<RecordedCallback> SelectAsync(string customId, string value)
    {
        var id = await discord.SelectAsync(userId, customId, [value], Message.Id, Message.InDirectMessage ? null : Message.ChannelId, Message.InDirectMessage);
        var callback = await AcknowledgedAsync(id);
        Assert.Equal(UpdateMessage, callback.Type);
        return callback;
    }

    /// <summary>Clicks Next until the header says <paramref name="header"/>.</summary>
    public async Task NextUntilAsync(string header)
    {
        for (var i = 0; i < 10 && Header(Message) != header; i++)
        {
            await ClickAndUpdateAsync("wt:next");
        }

        Assert.Equal(header, Header(Message));
    }

    /// <summary>"Check it now" with no key remembered: the key modal opens; submits it from this message and waits for the result.</summary>
    public async Task<RecordedCallback> CheckWithModalAsync(string checkToken, string key, string secret)
    {
        var click = await ClickAsync("wt:check:" + checkToken);
        Assert.Equal(OpenModal, click.Type);
        Assert.Equal("key:step:" + checkToken, click.Data!["custom_id"]!.GetValue<string>());

        var edits = Message.EditCount;
        var submit = await SubmitKeyAsync("key:step:" + checkToken, key, secret);
        Assert.Equal(DeferredUpdate, submit.Type);
        await WaitForEditAsync(edits);
        return submit;
    }

    /// <summary>Submits the walkthrough key modal as Discord does when it was opened from a button on <see cref="Message"/>.</summary>
    public async Task<RecordedCallback> SubmitKeyAsync(string modalId, string key, string secret)
    {
        var payload = discord.Rest.CreateModalSubmit(
            userId,
            modalId,
            new Dictionary<string, string> { [KeyModal.KeyField] = key, [KeyModal.SecretField] = secret },
            Message.InDirectMessage ? null : Message.ChannelId,
            Message.InDirectMessage,
            messageId: Message.Id);
        await discord.Gateway.DispatchAsync("INTERACTION_CREATE", payload);
        return await AcknowledgedAsync(ulong.Parse(payload["id"]!.GetValue<string>(), CultureInfo.InvariantCulture));
    }

    /// <summary>"Check it now" with the key remembered: deferred at once, then the message is edited with the result.</summary>
    public async Task CheckRememberedAsync(string checkToken)
    {
        var edits = Message.EditCount;
        var click = await ClickAsync("wt:check:" + checkToken);
        Assert.Equal(DeferredUpdate, click.Type);
        await WaitForEditAsync(edits);
    }

    public Task WaitForEditAsync(int editsBefore) =>
        discord.Rest.WaitForMessageAsync(m => m.Id == Message.Id && m.EditCount > editsBefore, BotHarness.Timeout);

    public async Task<RecordedCallback> AcknowledgedAsync(ulong interactionId)
    {
        var callback = await discord.Rest.WaitForCallbackAsync(interactionId, BotHarness.Timeout);
        Assert.True(callback.Accepted, $"callback type {callback.Type} refused: status {callback.Status}, code {callback.ErrorCode}");
        Assert.True(callback.SinceCreation < AcknowledgeDeadline, $"acknowledged after {callback.SinceCreation}");
        return callback;
    }

    /// <summary>The "Part 2 of 3 · Step 5 of 6" line of the page (the small print its container starts with).</summary>
    public static string Header(EmulatedMessage message) => Headers(message).FirstOrDefault() ?? "";

    /// <summary>
    /// Each container's header in order: a page's header, "" for a check's result. A walkthrough message is a
    /// Components V2 one with no content or embeds (what an old embed page becomes on its first click, too).
    /// </summary>
    public static IReadOnlyList<string> Headers(EmulatedMessage message)
    {
        Assert.True(message.IsComponentsV2, "the walkthrough message is a Components V2 message");
        Assert.Equal(("", 0), (message.Content, message.Embeds.Count));
        return [.. Containers(message).Select(box => FirstText(box) is { } first && first.StartsWith("-# ", StringComparison.Ordinal) ? first[3..].Split('\n')[0] : "")];
    }

    /// <summary>The page's title: the heading that follows its header.</summary>
    public static string Title(EmulatedMessage message) =>
        MessageText.Walk(Containers(message).First()["components"] as JsonArray)
            .Select(c => Str(c["content"]))
            .First(t => t.StartsWith("### ", StringComparison.Ordinal))[4..].Split('\n')[0];

    /// <summary>The notice above the page ("This step checks out", "Welcome back"): the text before its first container, "" when there is none.</summary>
    public static string Notice(EmulatedMessage message) =>
        string.Join("\n", message.Components.OfType<JsonObject>().TakeWhile(c => Type(c) != 17).Where(c => Type(c) == 10).Select(c => Str(c["content"])));

    /// <summary>Everything the member reads: content, embeds (author, title, description, fields, footer) or Components V2 text displays.</summary>
    public static string Text(EmulatedMessage message) => message.Text;

    /// <summary>The custom ids of the message's buttons and selects, in reading order (a section's accessory after its text).</summary>
    public static IReadOnlyList<string> CustomIds(EmulatedMessage message) =>
        [.. MessageText.Walk(message.Components).Where(c => Type(c) is 2 or 3).Select(c => Str(c["custom_id"]))];

    /// <summary>The label of the button <paramref name="customId"/>, wherever it sits.</summary>
    public static string Label(EmulatedMessage message, string customId) =>
        message.Buttons.First(b => b.CustomId == customId).Label;

    private static IEnumerable<JsonObject> Containers(EmulatedMessage message) =>
        message.Components.OfType<JsonObject>().Where(c => Type(c) == 17);

    private static string? FirstText(JsonObject container) =>
        MessageText.Walk(container["components"] as JsonArray).Where(c => Type(c) == 10).Select(c => Str(c["content"])).FirstOrDefault();

    private static int? Type(JsonObject component) => component["type"] is JsonValue v && v.TryGetValue<int>(out var t) ? t : null;

    private ulong? Recipient(EmulatedMessage message) => discord.Rest.GetChannel(message.ChannelId)?.RecipientId;

    private static string Str(JsonNode? node) => node?.GetValue<string>() ?? "";
}
