using System.Globalization;
using System.Text.Json.Nodes;
using AstraBit.SupportBot.Core.Panel;
using AstraBit.SupportBot.Emulators.Discord;
using Microsoft.Extensions.DependencyInjection;
using static AstraBit.SupportBot.IntegrationTests.Diagnose.DiagnoseMember;

namespace AstraBit.SupportBot.IntegrationTests.MemberHelp;

/// <summary>`/support panel` and its four buttons against the real host and the Discord emulator.</summary>
public sealed class SupportPanelTests
{
    private const ulong Staff = 1_600_000_000_000_000_201;
    private const ulong Alice = 1_600_000_000_000_000_101;
    private const ulong Bob = 1_600_000_000_000_000_102;

    [Fact]
    public async Task Panel_FourButtonsFromTwoMembersAtOnce_EachDoesWhatItsCommandDoes_AlsoAfterARestart_AndRepostingEditsIt()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Discord.Rest.AddMember(Staff, [BotHarness.SupportRoleId], "sam.support");
        bot.Discord.Rest.AddMember(Alice, [], "alice");
        bot.Discord.Rest.AddMember(Bob, [], "bob");

        // A member who isn't staff can't post it.
        var refused = await bot.Discord.RunSlashCommandAsync(Alice, "support", [SlashOption.Subcommand("panel")], bot.SupportChannelId);
        Assert.Contains("Only the support team", (await bot.Discord.Rest.WaitForCallbackAsync(refused, BotHarness.Timeout)).Data!["content"]!.GetValue<string>(), StringComparison.Ordinal);

        var post = await bot.Discord.RunSlashCommandAsync(Staff, "support", [SlashOption.Subcommand("panel")], bot.SupportChannelId);
        var posted = await bot.Discord.Rest.WaitForMessageAsync(m => m.InteractionId == post && m.EditCount > 0, BotHarness.Timeout);
        Assert.Contains("posted", posted.Content, StringComparison.Ordinal);
        Assert.True(posted.IsEphemeral);
        var panel = Assert.Single(PanelsIn(bot));
        Assert.True(panel.IsComponentsV2);
        Assert.Equal(
            [("pn:connect", "Connect Bybit step by step"), ("kc:open", "Check my API key"), ("pn:error", "Explain an error"), ("pn:ticket", "Talk to support")],
            Buttons(panel));
        Assert.Contains("Bybit connection help", Text(panel), StringComparison.Ordinal);

        await PressAllAsync(bot, panel);

        // After a restart the same message's buttons still work, and re-running the command edits it in place.
        await bot.RestartAsync();
        var error = await bot.Discord.ClickButtonAsync(Bob, "pn:error", panel.Id, bot.SupportChannelId);
        Assert.Equal(OpenModal, (await bot.Discord.Rest.WaitForCallbackAsync(error, BotHarness.Timeout)).Type);
        var again = await bot.Discord.RunSlashCommandAsync(Staff, "support", [SlashOption.Subcommand("panel")], bot.SupportChannelId);
        var edited = await bot.Discord.Rest.WaitForMessageAsync(m => m.InteractionId == again && m.EditCount > 0, BotHarness.Timeout);
        Assert.Contains("updated in place", edited.Content, StringComparison.Ordinal);
        Assert.Equal(panel.Id, Assert.Single(PanelsIn(bot)).Id);
        Assert.Contains(bot.Discord.Rest.Requests, r => r.Method == "PATCH" && r.Path.EndsWith("/messages/" + panel.Id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));

        // Asked for another channel, the panel moves there: still one panel.
        var other = bot.Discord.Rest.AddTextChannel("help");
        var move = await bot.Discord.RunSlashCommandAsync(Staff, "support", [SlashOption.Subcommand("panel", new SlashOption("channel", 7, JsonValue.Create(other.ToString(CultureInfo.InvariantCulture))))], bot.SupportChannelId);
        await bot.Discord.Rest.WaitForMessageAsync(m => m.InteractionId == move && m.EditCount > 0, BotHarness.Timeout);
        Assert.Equal(other, Assert.Single(PanelsIn(bot)).ChannelId);
        Assert.Contains(bot.Discord.Rest.DeletedMessages, m => m.Id == panel.Id);
    }

    [Fact]
    public async Task Panel_PostedAsAnEmbedByAnEarlierVersion_RerunningTheCommandEditsItIntoTheV2PanelInPlace()
    {
        var stored = new RecordedPanel();
        await using var bot = await BotHarness.StartAsync(configureHost: b => b.Services.AddSingleton<IPanelLocationStore>(stored));
        bot.Discord.Rest.AddMember(Staff, [BotHarness.SupportRoleId], "sam.support");
        // The panel as a version before Components V2 posted it: an embed and a row of the same four buttons.
        var old = await PostAsBotAsync(bot, bot.SupportChannelId, """
            {"embeds":[{"title":"Bybit connection help","description":"Pick what you need.","color":5793266}],
             "components":[{"type":1,"components":[{"type":2,"style":1,"label":"Connect Bybit step by step","custom_id":"pn:connect"},{"type":2,"style":2,"label":"Check my API key","custom_id":"kc:open"}]}]}
            """);
        stored.Location = new PanelLocation(bot.Discord.Rest.GuildId, bot.SupportChannelId, old, DateTimeOffset.UnixEpoch);

        var again = await bot.Discord.RunSlashCommandAsync(Staff, "support", [SlashOption.Subcommand("panel")], bot.SupportChannelId);
        var answer = await bot.Discord.Rest.WaitForMessageAsync(m => m.InteractionId == again && m.EditCount > 0, BotHarness.Timeout);

        Assert.Contains("updated in place", answer.Content, StringComparison.Ordinal);
        var panel = Assert.Single(PanelsIn(bot));
        Assert.Equal(old, panel.Id);
        Assert.True(panel.IsComponentsV2);
        Assert.Equal(("", 0), (panel.Content, panel.Embeds.Count));
        Assert.Equal(4, Buttons(panel).Count);
        Assert.DoesNotContain(bot.Discord.Rest.DeletedMessages, m => m.Id == old);
        Assert.Empty(bot.Discord.Rest.InvalidFormBodies);
    }

    private static async Task<ulong> PostAsBotAsync(BotHarness bot, ulong channelId, string json)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(bot.Discord.Rest.ApiBaseUrl + $"/channels/{channelId}/messages"))
        {
            Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", "Bot " + bot.Discord.Rest.Token);
        request.Headers.TryAddWithoutValidation("User-Agent", "DiscordBot (https://example.test, 0.9)");
        using var response = await http.SendAsync(request);
        var created = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(response.IsSuccessStatusCode, created.ToJsonString());
        return ulong.Parse(created["id"]!.GetValue<string>(), CultureInfo.InvariantCulture);
    }

    // The server's panel location, in memory: set by the test to a message an earlier version posted.
    private sealed class RecordedPanel : IPanelLocationStore
    {
        public PanelLocation? Location { get; set; }

        public Task<PanelLocation?> GetAsync(ulong guildId, CancellationToken cancellationToken = default) =>
            Task.FromResult(Location?.GuildId == guildId ? Location : null);

        public Task SaveAsync(PanelLocation location, CancellationToken cancellationToken = default)
        {
            Location = location;
            return Task.CompletedTask;
        }

        public Task<bool> DeleteAsync(ulong guildId, CancellationToken cancellationToken = default)
        {
            var had = Location?.GuildId == guildId;
            Location = had ? null : Location;
            return Task.FromResult(had);
        }
    }

    private static async Task PressAllAsync(BotHarness bot, EmulatedMessage panel)
    {
        ulong[] members = [Alice, Bob];
        var clicks = await Task.WhenAll(members.SelectMany(member => new[] { "pn:connect", "kc:open", "pn:error", "pn:ticket" }
            .Select(async id => (Member: member, Id: id, Interaction: await bot.Discord.ClickButtonAsync(member, id, panel.Id, bot.SupportChannelId)))));
        var callbacks = await bot.Discord.Rest.WaitForCallbacksAsync([.. clicks.Select(c => c.Interaction)], BotHarness.Timeout);
        foreach (var (click, callback) in clicks.Zip(callbacks))
        {
            Assert.True(callback.Accepted, click.Id);
            switch (click.Id)
            {
                case "kc:open":
                    Assert.Equal(OpenModal, callback.Type);
                    Assert.Equal("key:panel", callback.Data!["custom_id"]!.GetValue<string>());
                    break;
                case "pn:error":
                    Assert.Equal(OpenModal, callback.Type);
                    Assert.Equal("pn:explain", callback.Data!["custom_id"]!.GetValue<string>());
                    break;
                case "pn:ticket":
                    Assert.Equal(OpenModal, callback.Type);
                    Assert.Equal("intake:form", callback.Data!["custom_id"]!.GetValue<string>());
                    break;
                default:
                    Assert.Equal(DeferredChannelMessage, callback.Type);
                    Assert.Equal(Ephemeral, callback.Flags & Ephemeral);
                    break;
            }
        }

        foreach (var member in members)
        {
            // "Connect Bybit step by step" = /connect-bybit: the walkthrough in the member's own DMs.
            await bot.Discord.Rest.WaitForMessageAsync(m => m.InDirectMessage && bot.Discord.Rest.GetChannel(m.ChannelId)?.RecipientId == member && m.AuthorId == bot.Discord.Rest.BotUserId, BotHarness.Timeout);

            // "Talk to support" = /ticket open: the intake form, then the member's own private thread.
            var ticketClick = clicks.Single(c => c.Member == member && c.Id == "pn:ticket").Interaction;
            var submitted = await new DiscordMember(bot.Discord, member).SubmitFormAsync(ticketClick, [ModalAnswer.Chosen("topic", "billing"), ModalAnswer.Typed("description", "My invoice")]);
            var answer = await bot.Discord.Rest.WaitForMessageAsync(m => m.InteractionId == submitted && m.EditCount > 0, BotHarness.Timeout);
            Assert.Contains("Your private ticket", answer.Content, StringComparison.Ordinal);

            // "Explain an error" = /bybit-error with what the member typed.
            var explain = await bot.Discord.SubmitModalAsync(member, "pn:explain", new Dictionary<string, string> { ["error"] = "retCode 10003" }, bot.SupportChannelId);
            var explained = await bot.Discord.Rest.WaitForCallbackAsync(explain, BotHarness.Timeout);
            Assert.Equal(ChannelMessage, explained.Type);
            Assert.Equal(Ephemeral, explained.Flags & Ephemeral);
            Assert.Contains("10003", explained.Data!.ToJsonString(), StringComparison.Ordinal);
        }

        Assert.Equal(2, bot.Discord.Rest.Threads.Count(t => t.ParentId == bot.SupportChannelId));
    }

    private static IEnumerable<EmulatedMessage> PanelsIn(BotHarness bot) =>
        bot.Discord.Rest.Messages.Where(m => m.AuthorId == bot.Discord.Rest.BotUserId && Buttons(m).Any(b => b.CustomId == "pn:connect"));
}
