using System.Globalization;
using AstraBit.SupportBot.Bot.KeyChecks;
using AstraBit.SupportBot.Emulators.Discord;
using static AstraBit.SupportBot.IntegrationTests.Diagnose.DiagnoseMember;

namespace AstraBit.SupportBot.IntegrationTests.Interactions;

/// <summary>
/// A member's client sends another flow's custom_id pointed at the public support panel (Discord's API lets a modified
/// client do that). Every id the bot sends that edits its message in place must be refused there, privately, with
/// the panel left as it was for everyone else.
/// </summary>
public sealed class ForgedComponentIdTests
{
    private const ulong Staff = 1_600_000_000_000_000_211;
    private const ulong Mallory = 1_600_000_000_000_000_111;
    private const int UpdateMessage = 7;
    private const int DeferredUpdateMessage = 6;

    // The bot's own ids that update the message they are on: /privacy, the walkthrough, `/ticket history`, the rating.
    private static readonly string[] InPlaceButtons =
    [
        "pv:delete",
        "pv:confirm",
        "pv:cancel",
        "wt:next",
        "wt:back",
        "wt:goto:3",
        "wt:goto:done",
        "wt:check:5",
        "wt:check:final",
        "wt:forget",
        "wt:stuck",
        "th:page:" + Mallory.ToString(CultureInfo.InvariantCulture) + ":2",
        "tk:rate:1:5",
    ];

    [Fact]
    public async Task ForgedIdsOnThePanel_EachGetsAPrivateRefusal_AndThePanelStaysAsItWas()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Discord.Rest.AddMember(Staff, [BotHarness.SupportRoleId], "sam.support");
        bot.Discord.Rest.AddMember(Mallory, [BotHarness.SupportRoleId], "mallory");
        var panel = await PostPanelAsync(bot);
        var before = Snapshot(panel);

        var clicks = new List<(string What, ulong Interaction)>();
        foreach (var id in InPlaceButtons)
        {
            clicks.Add((id, await bot.Discord.ClickButtonAsync(Mallory, id, panel.Id, bot.SupportChannelId)));
        }

        clicks.Add(("wt:acct (select)", await bot.Discord.SelectAsync(Mallory, "wt:acct", ["unified"], panel.Id, bot.SupportChannelId)));
        clicks.Add(("wt:region (select)", await bot.Discord.SelectAsync(Mallory, "wt:region", ["mainnet"], panel.Id, bot.SupportChannelId)));
        var healthy = bot.Bybit.Scenario("healthy-unified");
        var key = new Dictionary<string, string> { [KeyModal.KeyField] = healthy.ApiKey, [KeyModal.SecretField] = healthy.ApiSecret };
        foreach (var form in new[] { "key:step:5", "wt:key:5", "key:step:final" })
        {
            clicks.Add((form + " (form)", await bot.Discord.SubmitModalAsync(Mallory, form, key, bot.SupportChannelId, messageId: panel.Id)));
        }

        foreach (var (what, interaction) in clicks)
        {
            var callback = await bot.Discord.Rest.WaitForCallbackAsync(interaction, BotHarness.Timeout);
            Assert.True(callback.Type == ChannelMessage, $"{what}: answered with callback type {callback.Type}, not a private message");
            Assert.True((callback.Flags & Ephemeral) == Ephemeral, $"{what}: the refusal is not ephemeral");
            Assert.Contains("doesn't belong to this message", callback.Data!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        Assert.DoesNotContain(bot.Discord.Rest.Callbacks, c => clicks.Any(k => k.Interaction == c.InteractionId) && c.Type is UpdateMessage or DeferredUpdateMessage);
        Assert.DoesNotContain(bot.Discord.Rest.Requests, r => r.Method == "PATCH" && r.Path.EndsWith("/messages/" + panel.Id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        var after = bot.Discord.Rest.Messages.Single(m => m.Id == panel.Id);
        Assert.Equal(before, Snapshot(after));
        Assert.Equal(0, after.EditCount);
    }

    [Fact]
    public async Task TheSameIds_OnTheMembersOwnPrivateMessages_StillWork()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Discord.Rest.AddMember(Mallory, [], "mallory");

        // /privacy answers ephemerally; its Delete redraws that message in place.
        var privacy = await bot.Discord.RunSlashCommandAsync(Mallory, "privacy", [], bot.SupportChannelId);
        var overview = await bot.Discord.Rest.WaitForMessageAsync(m => m.InteractionId == privacy, BotHarness.Timeout);
        Assert.True(overview.IsEphemeral);
        var delete = await bot.Discord.ClickButtonAsync(Mallory, "pv:delete", overview.Id, bot.SupportChannelId);
        Assert.Equal(UpdateMessage, (await bot.Discord.Rest.WaitForCallbackAsync(delete, BotHarness.Timeout)).Type);

        // The walkthrough in the member's DM: Next moves it in place.
        var start = await bot.Discord.RunSlashCommandAsync(Mallory, "connect-bybit", [], bot.SupportChannelId);
        await bot.Discord.Rest.WaitForCallbackAsync(start, BotHarness.Timeout);
        var guide = await bot.Discord.Rest.WaitForMessageAsync(m => m.InDirectMessage && m.AuthorId == bot.Discord.Rest.BotUserId && Buttons(m).Any(b => b.CustomId == "wt:next"), BotHarness.Timeout);
        var next = await bot.Discord.ClickButtonAsync(Mallory, "wt:next", guide.Id, guide.ChannelId, inDm: true);
        Assert.Equal(UpdateMessage, (await bot.Discord.Rest.WaitForCallbackAsync(next, BotHarness.Timeout)).Type);

        // A key form opened by the version before this one ("dx:key") and submitted after the deploy still runs the check.
        var healthy = bot.Bybit.Scenario("healthy-unified");
        var legacy = await bot.Discord.SubmitModalAsync(Mallory, "dx:key", new Dictionary<string, string> { [KeyModal.KeyField] = healthy.ApiKey, [KeyModal.SecretField] = healthy.ApiSecret }, bot.SupportChannelId);
        var acknowledged = await bot.Discord.Rest.WaitForCallbackAsync(legacy, BotHarness.Timeout);
        Assert.Equal(DeferredChannelMessage, acknowledged.Type);
        Assert.Contains("ready for AstraBit", Text(await WaitForResultAsync(bot, legacy)), StringComparison.Ordinal);
    }

    private static async Task<EmulatedMessage> PostPanelAsync(BotHarness bot)
    {
        var post = await bot.Discord.RunSlashCommandAsync(Staff, "support", [SlashOption.Subcommand("panel")], bot.SupportChannelId);
        await bot.Discord.Rest.WaitForMessageAsync(m => m.InteractionId == post && m.EditCount > 0, BotHarness.Timeout);
        return bot.Discord.Rest.Messages.Single(m => m.AuthorId == bot.Discord.Rest.BotUserId && Buttons(m).Any(b => b.CustomId == "pn:connect"));
    }

    private static string Snapshot(EmulatedMessage message) =>
        message.Content + "\n" + message.Embeds.ToJsonString() + "\n" + message.Components.ToJsonString() + "\n" + message.Flags.ToString(CultureInfo.InvariantCulture);
}
