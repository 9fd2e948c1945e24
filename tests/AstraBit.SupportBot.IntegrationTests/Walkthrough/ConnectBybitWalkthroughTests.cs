using System.Globalization;
using System.Text;
using AstraBit.SupportBot.Emulators.Bybit;
using AstraBit.SupportBot.Emulators.Discord;

namespace AstraBit.SupportBot.IntegrationTests.Walkthrough;

/// <summary>/connect-bybit as a member goes through it: the real host against the Discord and Bybit emulators.</summary>
public sealed class ConnectBybitWalkthroughTests
{
    private const ulong Member = 1_400_000_000_000_000_101;
    private const string Start = "Connect Bybit to AstraBit";
    private const string Step1 = "Part 1 of 3 · Step 1 of 6";
    private const string Step3 = "Part 1 of 3 · Step 3 of 6";
    private const string Step4 = "Part 1 of 3 · Step 4 of 6";
    private const string Step5 = "Part 2 of 3 · Step 5 of 6";
    private const string Step6 = "Part 3 of 3 · Step 6 of 6";
    private const string FinalCheck = "Final check";

    [Fact]
    public async Task ConnectBybit_HealthyKeyThroughEveryStep_EndsWithAPassingFullCheckAndTheNextStep()
    {
        await using var bot = await BotHarness.StartAsync(s => s["Diagnostics:Cooldown"] = "00:00:00");
        var member = new WalkthroughMember(bot, Member);
        var healthy = bot.Bybit.Scenario("healthy-unified");

        var (ack, answer, message) = await member.ConnectInDmWithAnswerAsync();
        Assert.Equal(WalkthroughMember.DeferredChannelMessage, ack.Type);
        Assert.Equal(WalkthroughMember.Ephemeral, ack.Flags & WalkthroughMember.Ephemeral);
        Assert.True(answer.IsEphemeral);
        Assert.Contains("sent you the guide in a DM", answer.Content, StringComparison.Ordinal);
        Assert.Contains($"/channels/@me/{message.ChannelId}/{message.Id}", answer.Content, StringComparison.Ordinal);
        Assert.Equal(Start, WalkthroughMember.Header(message));

        await member.ClickAndUpdateAsync("wt:next");
        Assert.Equal(Step1, WalkthroughMember.Header(member.Message));
        Assert.Contains("wt:region", WalkthroughMember.CustomIds(member.Message));
        await member.SelectAsync("wt:region", "mainnet");
        await member.NextUntilAsync(Step3);
        Assert.Contains("**Standard account**\n", WalkthroughMember.Text(member.Message), StringComparison.Ordinal);
        await member.SelectAsync("wt:acct", "unified");
        Assert.DoesNotContain("**Standard account**\n", WalkthroughMember.Text(member.Message), StringComparison.Ordinal);
        Assert.Contains("Unified Trading: Contract – Orders", WalkthroughMember.Text(member.Message), StringComparison.Ordinal);

        await member.CheckWithModalAsync("3", healthy.ApiKey, healthy.ApiSecret);
        Assert.Equal([Step3, ""], WalkthroughMember.Headers(member.Message));
        Assert.Contains("This step checks out", WalkthroughMember.Notice(member.Message), StringComparison.Ordinal);
        Assert.Contains("✅ Everything this step checks is right", WalkthroughMember.Text(member.Message), StringComparison.Ordinal);
        Assert.Contains("wt:forget", WalkthroughMember.CustomIds(member.Message));

        await member.NextUntilAsync(Step5);
        await member.CheckRememberedAsync("5");
        Assert.Equal(Step5, WalkthroughMember.Header(member.Message));
        Assert.Contains("This step checks out", WalkthroughMember.Notice(member.Message), StringComparison.Ordinal);
        Assert.Contains("One-Way", WalkthroughMember.Text(member.Message), StringComparison.Ordinal);

        await member.NextUntilAsync(Step6);
        await member.NextUntilAsync(FinalCheck);
        await member.CheckRememberedAsync("final");
        var text = WalkthroughMember.Text(member.Message);
        Assert.Equal([FinalCheck, "", "All done"], WalkthroughMember.Headers(member.Message));
        Assert.Contains("Everything checks out", WalkthroughMember.Notice(member.Message), StringComparison.Ordinal);
        Assert.Contains("✅ **One-Way Mode** is on.", text, StringComparison.Ordinal);
        Assert.Contains("create a trading bot", text, StringComparison.Ordinal);
        Assert.DoesNotContain("wt:next", WalkthroughMember.CustomIds(member.Message));

        // One message, edited in place the whole way.
        Assert.Single(bot.Discord.Rest.Messages, m => m.ChannelId == message.ChannelId);
        Assert.Same(message, member.Message);
    }

    [Fact]
    public async Task CheckItNow_HedgeModeAtStepFive_FailsNamingTheSymbolsThenPassesAfterSwitchingToOneWay()
    {
        await using var bot = await BotHarness.StartAsync(s => s["Diagnostics:Cooldown"] = "00:00:00");
        var member = new WalkthroughMember(bot, Member);
        var hedge = bot.Bybit.Scenario("hedge-mode");
        await member.ConnectInDmAsync();
        await member.NextUntilAsync(Step5);

        await member.CheckWithModalAsync("5", hedge.ApiKey, hedge.ApiSecret);

        var failed = WalkthroughMember.Text(member.Message);
        Assert.Equal(Step5, WalkthroughMember.Header(member.Message));
        Assert.Contains("❌", failed, StringComparison.Ordinal);
        Assert.Contains("BTCUSDT", failed, StringComparison.Ordinal);
        Assert.Contains("ETHUSDT", failed, StringComparison.Ordinal);
        // The notice names the button as the member sees it.
        Assert.Contains("then press \"Check my position mode\" again", WalkthroughMember.Notice(member.Message), StringComparison.Ordinal);
        Assert.Contains(Diagnose.DiagnoseMember.Buttons(member.Message), b => b.Label == "Check my position mode");

        // As the member would on Bybit: close the BTCUSDT position, then switch both symbols to One-Way.
        bot.Bybit.Update("hedge-mode", a => a with { OpenPositions = [] });
        bot.Bybit.SetHedgeMode("hedge-mode", "BTCUSDT", false);
        bot.Bybit.SetHedgeMode("hedge-mode", "ETHUSDT", false);
        await member.CheckRememberedAsync("5");

        Assert.Equal(Step5, WalkthroughMember.Header(member.Message));
        Assert.Contains("This step checks out", WalkthroughMember.Notice(member.Message), StringComparison.Ordinal);
        Assert.DoesNotContain("❌", WalkthroughMember.Text(member.Message), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckItNow_BybitUnderMaintenance_SaysSoWithTheEndTimeNotThatBybitIsUnreachable()
    {
        await using var bot = await BotHarness.StartAsync(s => s["Bybit:RetryBaseDelay"] = "00:00:00.010");
        var member = new WalkthroughMember(bot, Member);
        var healthy = bot.Bybit.Scenario("healthy-unified");
        var end = bot.Bybit.Now.AddMinutes(40);
        bot.Bybit.Faults.Maintenance = [new EmulatedMaintenance("System upgrade", bot.Bybit.Now.AddMinutes(-20), end)];
        await member.ConnectInDmAsync();
        await member.NextUntilAsync(Step3);

        await member.CheckWithModalAsync("3", healthy.ApiKey, healthy.ApiSecret);

        var notice = WalkthroughMember.Notice(member.Message);
        // The end as a Discord timestamp: the member's client shows it in their language and time zone.
        Assert.Contains($"under maintenance until <t:{end.ToUnixTimeSeconds()}:f>", notice, StringComparison.Ordinal);
        Assert.Contains("Please try \"Check my permissions\" again in a few minutes.", notice, StringComparison.Ordinal);
        Assert.DoesNotContain("couldn't reach Bybit", notice, StringComparison.Ordinal);
        Assert.Equal(Step3, WalkthroughMember.Header(member.Message));
    }

    [Fact]
    public async Task CheckItNow_WithdrawalEnabledKeyAtStepThree_FailsWithTheStepThreeFix()
    {
        await using var bot = await BotHarness.StartAsync();
        var member = new WalkthroughMember(bot, Member);
        var withdrawal = bot.Bybit.Scenario("withdrawal-enabled");
        await member.ConnectInDmAsync();
        await member.NextUntilAsync(Step3);

        await member.CheckWithModalAsync("3", withdrawal.ApiKey, withdrawal.ApiSecret);

        var text = WalkthroughMember.Text(member.Message);
        Assert.Equal(Step3, WalkthroughMember.Header(member.Message));
        Assert.Contains("❌", text, StringComparison.Ordinal);
        Assert.Contains("Withdraw", text, StringComparison.Ordinal);
        Assert.Contains("(step 3: Choose the permissions)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("position mode", text, StringComparison.OrdinalIgnoreCase);

        // The key is remembered, so the next "Check it now" asks no modal; within the cooldown it says so in words.
        await member.CheckRememberedAsync("3");
        Assert.Contains("just now", WalkthroughMember.Notice(member.Message), StringComparison.Ordinal);
        Assert.Contains("Nothing was checked", WalkthroughMember.Notice(member.Message), StringComparison.Ordinal);
        Assert.Equal(Step3, WalkthroughMember.Header(member.Message));
    }

    [Fact]
    public async Task CheckItNow_BybitSlowerThanThreeSeconds_IsAcknowledgedAtOnceAndEditedWithTheResultLater()
    {
        await using var bot = await BotHarness.StartAsync();
        var member = new WalkthroughMember(bot, Member);
        var healthy = bot.Bybit.Scenario("healthy-unified");
        await member.ConnectInDmAsync();
        await member.NextUntilAsync(Step3);
        var click = await member.ClickAsync("wt:check:3");
        Assert.Equal(WalkthroughMember.OpenModal, click.Type);
        using var hold = bot.Bybit.Faults.Hold();

        // Bybit answers nothing until released: the member's click is acknowledged while the check is in flight.
        var edits = member.Message.EditCount;
        var submit = await member.SubmitKeyAsync("key:step:3", healthy.ApiKey, healthy.ApiSecret);
        await hold.Reached.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(WalkthroughMember.DeferredUpdate, submit.Type);
        Assert.True(submit.SinceCreation < TimeSpan.FromSeconds(1), $"acknowledged after {submit.SinceCreation}");
        Assert.DoesNotContain("This step checks out", WalkthroughMember.Notice(member.Message), StringComparison.Ordinal);

        hold.Release();
        await member.WaitForEditAsync(edits);
        Assert.Contains("This step checks out", WalkthroughMember.Notice(member.Message), StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeyModal_BadInput_NamesTheFieldAndSendsNothingToBybit()
    {
        await using var bot = await BotHarness.StartAsync();
        var member = new WalkthroughMember(bot, Member);
        await member.ConnectInDmAsync();
        await member.NextUntilAsync(Step3);
        var click = await member.ClickAsync("wt:check:3");
        Assert.Equal(WalkthroughMember.OpenModal, click.Type);

        var answer = await member.SubmitKeyAsync("key:step:3", bot.Bybit.Scenario("healthy-unified").ApiKey, "too-short");

        Assert.Equal(WalkthroughMember.ChannelMessage, answer.Type);
        Assert.Contains("API secret", answer.Data!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(bot.Bybit.Requests);
    }

    [Fact]
    public async Task Restart_MidWalkthrough_OldMessagesNextContinuesFromTheStoredStep()
    {
        await using var bot = await BotHarness.StartAsync();
        var member = new WalkthroughMember(bot, Member);
        var message = await member.ConnectInDmAsync();
        await member.NextUntilAsync(Step4);

        await bot.RestartAsync();
        await member.ClickAndUpdateAsync("wt:next");

        Assert.Same(message, member.Message);
        Assert.Equal(Step5, WalkthroughMember.Header(message));
        Assert.Single(bot.Discord.Rest.Messages, m => m.ChannelId == message.ChannelId);
    }

    [Fact]
    public async Task ConnectBybit_AgainLater_ResumesAtTheSameStepInANewMessageAndTheOldOneStillWorks()
    {
        await using var bot = await BotHarness.StartAsync();
        var member = new WalkthroughMember(bot, Member);
        var first = await member.ConnectInDmAsync();
        await member.NextUntilAsync(Step3);

        var (id, _) = await member.ConnectAsync();
        var answer = await bot.Discord.Rest.WaitForMessageAsync(m => m.InteractionId == id && m.EditCount > 0, BotHarness.Timeout);
        var second = await bot.Discord.Rest.WaitForMessageAsync(m => m.ChannelId == first.ChannelId && m.Id != first.Id, BotHarness.Timeout);

        Assert.Contains("where you left off", answer.Content, StringComparison.Ordinal);
        Assert.Equal(Step3, WalkthroughMember.Header(second));
        Assert.Contains("Welcome back", WalkthroughMember.Notice(second), StringComparison.Ordinal);
        member.Message = first;
        await member.ClickAndUpdateAsync("wt:next");
        Assert.Equal(Step4, WalkthroughMember.Header(first));
    }

    [Fact]
    public async Task ConnectBybit_DmsClosed_RunsTheWalkthroughAsTheEphemeralReplyAndSaysWhyOnce()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Discord.Rest.CloseDms(Member);
        var member = new WalkthroughMember(bot, Member);

        var (id, ack) = await member.ConnectAsync();
        member.Message = await bot.Discord.Rest.WaitForMessageAsync(m => m.InteractionId == id && m.EditCount > 0, BotHarness.Timeout);

        Assert.Equal(WalkthroughMember.DeferredChannelMessage, ack.Type);
        Assert.True(member.Message.IsEphemeral);
        Assert.False(member.Message.InDirectMessage);
        Assert.Contains("DMs are closed", WalkthroughMember.Notice(member.Message), StringComparison.Ordinal);
        Assert.Contains("only you can see", WalkthroughMember.Notice(member.Message), StringComparison.Ordinal);
        Assert.Equal(Start, WalkthroughMember.Header(member.Message));

        await member.ClickAndUpdateAsync("wt:next");
        await member.ClickAndUpdateAsync("wt:next");

        Assert.Equal("Part 1 of 3 · Step 2 of 6", WalkthroughMember.Header(member.Message));
        Assert.DoesNotContain("DMs are closed", WalkthroughMember.Notice(member.Message), StringComparison.Ordinal);
        Assert.True(member.Message.IsEphemeral);
        Assert.DoesNotContain(bot.Discord.Rest.Messages, m => m.InDirectMessage);
        Assert.Contains(bot.Discord.Rest.Requests, r => r.Route == DiscordRestRoutes.CreateMessage && r.ErrorCode == 50007);
    }

    [Fact]
    public async Task CheckItNow_DmsClosed_EditsTheEphemeralWalkthroughWithTheResult()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Discord.Rest.CloseDms(Member);
        var member = new WalkthroughMember(bot, Member);
        var healthy = bot.Bybit.Scenario("healthy-unified");
        var (id, _) = await member.ConnectAsync();
        member.Message = await bot.Discord.Rest.WaitForMessageAsync(m => m.InteractionId == id && m.EditCount > 0, BotHarness.Timeout);
        await member.NextUntilAsync(Step3);

        await member.CheckWithModalAsync("3", healthy.ApiKey, healthy.ApiSecret);

        Assert.Equal([Step3, ""], WalkthroughMember.Headers(member.Message));
        Assert.Contains("This step checks out", WalkthroughMember.Notice(member.Message), StringComparison.Ordinal);
        Assert.True(member.Message.IsEphemeral);
    }

    [Fact]
    public async Task ImStuck_AfterACheck_TellsStaffWhereWithoutTheSecretOrAPing()
    {
        // The emulator knows one guild text channel from the start; it plays the staff channel here.
        var staffChannel = new DiscordRestEmulatorOptions().DefaultChannelId;
        var dataFolder = Path.Combine(Path.GetTempPath(), $"supportbot-wt-{Guid.NewGuid():N}");
        await using var bot = await BotHarness.StartAsync(s =>
        {
            s["Discord:StaffChannelId"] = staffChannel.ToString(CultureInfo.InvariantCulture);
            s["Storage:Path"] = Path.Combine(dataFolder, "supportbot.db");
        });
        var member = new WalkthroughMember(bot, Member);
        var hedge = bot.Bybit.Scenario("hedge-mode");
        await member.ConnectInDmAsync();
        await member.NextUntilAsync(Step5);
        await member.CheckWithModalAsync("5", hedge.ApiKey, hedge.ApiSecret);

        var click = await member.ClickAsync("wt:stuck");
        var notice = await bot.Discord.Rest.WaitForMessageAsync(m => m.ChannelId == staffChannel, BotHarness.Timeout);
        var answer = await bot.Discord.Rest.WaitForMessageAsync(m => m.InteractionId == click.InteractionId && m.EditCount > 0, BotHarness.Timeout);

        Assert.Equal(WalkthroughMember.DeferredChannelMessage, click.Type);
        Assert.Contains("support team", answer.Content, StringComparison.Ordinal);
        var text = WalkthroughMember.Text(notice);
        Assert.Contains($"<@{Member}>", text, StringComparison.Ordinal);
        Assert.Contains("Step 5 of 6", text, StringComparison.Ordinal);
        Assert.Contains("position-mode", text, StringComparison.Ordinal);
        Assert.Contains("…" + hedge.ApiKey[^4..], text, StringComparison.Ordinal);
        Assert.DoesNotContain(hedge.ApiKey, text, StringComparison.Ordinal);
        Assert.Empty(notice.AllowedMentions!["parse"]!.AsArray());
        Assert.Null(notice.AllowedMentions["users"]);
        Assert.Null(notice.AllowedMentions["roles"]);

        await bot.StopAsync();
        Assert.DoesNotContain(bot.Discord.Rest.Requests, r => r.Body?.Contains(hedge.ApiSecret, StringComparison.Ordinal) == true);
        Assert.DoesNotContain(hedge.ApiSecret, bot.Logs, StringComparison.Ordinal);
        var secret = Encoding.UTF8.GetBytes(hedge.ApiSecret);
        var stored = Directory.GetFiles(dataFolder);
        Assert.NotEmpty(stored);
        Assert.All(stored, file => Assert.Equal(-1, File.ReadAllBytes(file).AsSpan().IndexOf(secret)));
        Directory.Delete(dataFolder, recursive: true);
    }

    [Fact]
    public async Task OpenGuideAtStep_ClickedOnAPrivateChannelMessage_ShowsThatStepThere()
    {
        await using var bot = await BotHarness.StartAsync();
        var member = new WalkthroughMember(bot, Member);
        await member.ConnectInDmAsync();
        var (id, _) = await member.ConnectAsync();

        // Stands in for a /diagnose result: a private message in the support channel that carries "Open the guide at step 3".
        member.Message = await bot.Discord.Rest.WaitForMessageAsync(m => m.InteractionId == id && m.EditCount > 0, BotHarness.Timeout);
        await member.ClickAndUpdateAsync("wt:goto:3");

        Assert.Equal(Step3, WalkthroughMember.Header(member.Message));
        Assert.True(member.Message.IsEphemeral);
        Assert.Contains("/connect-bybit", WalkthroughMember.Notice(member.Message), StringComparison.Ordinal);
        await member.ClickAndUpdateAsync("wt:next");
        Assert.Equal(Step4, WalkthroughMember.Header(member.Message));
    }

    [Fact]
    public async Task OldEmbedPage_PostedByAnEarlierVersion_NextUpgradesItInPlaceToTheV2PageWhoseButtonsWork()
    {
        await using var bot = await BotHarness.StartAsync();
        var member = new WalkthroughMember(bot, Member);
        var dm = bot.Discord.Rest.DmChannelOf(Member);
        // "Before you begin" as the bot posted it while pages were embeds: the header as the embed's author, a notice
        // as the content, the buttons in a row. Sent by the bot's token, as that version sent it.
        var old = await PostAsBotAsync(bot, dm, """
            {"content":"Welcome back! You stopped at Before you begin.",
             "embeds":[{"author":{"name":"Connect Bybit to AstraBit"},"title":"Before you begin","description":"You need a Bybit account.","color":5793266}],
             "components":[{"type":1,"components":[{"type":2,"style":1,"label":"Let's start","custom_id":"wt:next"},{"type":2,"style":2,"label":"I'm stuck","custom_id":"wt:stuck"}]}]}
            """);
        member.Message = bot.Discord.Rest.Messages.Single(m => m.Id == old);
        Assert.False(member.Message.IsComponentsV2);

        var update = await member.ClickAndUpdateAsync("wt:next");

        // The same message, now the V2 page: flag set, content and embeds cleared by the update itself.
        Assert.Equal(WalkthroughMember.ComponentsV2, update.Flags & WalkthroughMember.ComponentsV2);
        Assert.True(update.Data!.ContainsKey("content") && update.Data["content"] is null);
        Assert.True(update.Data.ContainsKey("embeds") && update.Data["embeds"] is null);
        Assert.Equal(old, member.Message.Id);
        Assert.Equal(Step1, WalkthroughMember.Header(member.Message));
        Assert.DoesNotContain("You need a Bybit account.", WalkthroughMember.Text(member.Message), StringComparison.Ordinal);

        // Its buttons and its select keep working: state is the member's, kept by the bot, not the message's.
        await member.SelectAsync("wt:region", "mainnet");
        await member.ClickAndUpdateAsync("wt:next");
        Assert.Equal("Part 1 of 3 · Step 2 of 6", WalkthroughMember.Header(member.Message));
        await member.ClickAndUpdateAsync("wt:back");
        Assert.Equal(Step1, WalkthroughMember.Header(member.Message));
        Assert.Single(bot.Discord.Rest.Messages, m => m.ChannelId == dm);
        Assert.Empty(bot.Discord.Rest.InvalidFormBodies);
    }

    private static async Task<ulong> PostAsBotAsync(BotHarness bot, ulong channelId, string json)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(bot.Discord.Rest.ApiBaseUrl + $"/channels/{channelId}/messages"))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", "Bot " + bot.Discord.Rest.Token);
        request.Headers.TryAddWithoutValidation("User-Agent", "DiscordBot (https://example.test, 0.9)");
        using var response = await http.SendAsync(request);
        var created = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(response.IsSuccessStatusCode, created.ToJsonString());
        return ulong.Parse(created["id"]!.GetValue<string>(), CultureInfo.InvariantCulture);
    }
}
