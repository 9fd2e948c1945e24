using AstraBit.SupportBot.Bot.KeyChecks;
using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Core.Walkthrough;
using AstraBit.SupportBot.Storage;
using AstraBit.SupportBot.Emulators.Discord;
using Microsoft.Extensions.Time.Testing;
using static AstraBit.SupportBot.IntegrationTests.Diagnose.DiagnoseMember;

namespace AstraBit.SupportBot.IntegrationTests.Diagnose;

/// <summary>/diagnose against the real host and both emulators, as a member uses it.</summary>
public sealed class DiagnoseCommandTests
{
    private const ulong Member = 1_400_000_000_000_000_101;

    [Fact]
    public async Task Diagnose_Run_OpensTheKeyModalWithKeyAndSecretInputs()
    {
        await using var bot = await BotHarness.StartAsync();

        var id = await bot.Discord.RunSlashCommandAsync(Member, "diagnose");
        var callback = await bot.Discord.Rest.WaitForCallbackAsync(id, BotHarness.Timeout);

        Assert.True(callback.Accepted);
        Assert.Equal(OpenModal, callback.Type);
        Assert.True(callback.SinceCreation < AcknowledgeDeadline);
        Assert.Equal(KeyModalId, callback.Data!["custom_id"]!.GetValue<string>());
        var inputs = Objects(callback.Data).Where(o => o["type"]?.GetValue<int>() == 4).Select(o => o["custom_id"]!.GetValue<string>()).ToArray();
        Assert.Equal([KeyModal.KeyField, KeyModal.SecretField], inputs);
        Assert.Empty(bot.Bybit.Requests);
    }

    [Fact]
    public async Task Submit_HealthyKey_DefersPrivatelyInTimeThenShowsEveryCheckPassing()
    {
        await using var bot = await BotHarness.StartAsync();
        var account = bot.Bybit.Scenario("healthy-unified");

        var (id, callback) = await SubmitKeyAsync(bot, Member, account.ApiKey, account.ApiSecret);
        var result = await WaitForResultAsync(bot, id);

        Assert.True(callback.Accepted);
        Assert.Equal(DeferredChannelMessage, callback.Type);
        Assert.Equal(Ephemeral, callback.Flags & Ephemeral);
        Assert.True(callback.SinceCreation < AcknowledgeDeadline, $"acknowledged after {callback.SinceCreation}");
        Assert.True(result.IsEphemeral);
        var text = Text(result);
        Assert.Contains("ready for AstraBit", text, StringComparison.Ordinal);
        Assert.Contains("✅", text, StringComparison.Ordinal);
        Assert.DoesNotContain("❌", text, StringComparison.Ordinal);
        Assert.Contains("…" + account.ApiKey[^4..], text, StringComparison.Ordinal);
        var buttons = Buttons(result);
        Assert.DoesNotContain(buttons, b => b.CustomId.StartsWith("wt:goto:", StringComparison.Ordinal));
        Assert.Contains(buttons, b => b.CustomId == "wt:forget" && b.Label == "Forget my key");
        Assert.Empty(result.AllowedMentions!["parse"]!.AsArray());
    }

    [Fact]
    public async Task Submit_WithdrawalEnabledKey_FailsWithTheStepThreeFixAndAButtonToIt()
    {
        await using var bot = await BotHarness.StartAsync();
        var account = bot.Bybit.Scenario("withdrawal-enabled");

        var (id, _) = await SubmitKeyAsync(bot, Member, account.ApiKey, account.ApiSecret);
        var result = await WaitForResultAsync(bot, id);

        var text = Text(result);
        Assert.Contains("❌", text, StringComparison.Ordinal);
        Assert.Contains("Withdraw", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("step 3", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(Buttons(result), b => b.CustomId == "wt:goto:3" && b.Label == "Open the guide at step 3");
    }

    [Fact]
    public async Task Submit_HedgeModeKey_FailsPositionModeNamingTheSymbol()
    {
        await using var bot = await BotHarness.StartAsync();
        var account = bot.Bybit.Scenario("hedge-mode");

        var (id, _) = await SubmitKeyAsync(bot, Member, account.ApiKey, account.ApiSecret);
        var result = await WaitForResultAsync(bot, id);

        var text = Text(result);
        Assert.Contains("❌", text, StringComparison.Ordinal);
        Assert.Contains("BTCUSDT", text, StringComparison.Ordinal);
        Assert.Contains("One-Way", text, StringComparison.Ordinal);
        Assert.Contains(Buttons(result), b => b.CustomId == "wt:goto:5" && b.Label == "Open the guide at step 5");
    }

    [Theory]
    [InlineData("empty key", "API key")]
    [InlineData("short secret", "API secret")]
    [InlineData("swapped", "API key and API secret")]
    public async Task Submit_BadInput_NamesTheFieldAtOnceAndSendsNothingToBybit(string mistake, string field)
    {
        await using var bot = await BotHarness.StartAsync();
        var account = bot.Bybit.Scenario("healthy-unified");
        var (key, secret) = mistake switch
        {
            "empty key" => ("   ", account.ApiSecret),
            "short secret" => (account.ApiKey, account.ApiSecret[..10]),
            _ => (account.ApiSecret, account.ApiKey),
        };

        var (_, callback) = await SubmitKeyAsync(bot, Member, key, secret);

        Assert.True(callback.Accepted);
        Assert.Equal(ChannelMessage, callback.Type);
        Assert.Equal(Ephemeral, callback.Flags & Ephemeral);
        var content = callback.Data!["content"]!.GetValue<string>();
        Assert.Contains(field, content, StringComparison.Ordinal);
        Assert.Contains("haven't sent anything to Bybit", content, StringComparison.Ordinal);
        Assert.DoesNotContain(account.ApiSecret, content, StringComparison.Ordinal);
        Assert.Empty(callback.Data!["allowed_mentions"]!["parse"]!.AsArray());
        Assert.Empty(bot.Bybit.Requests);
    }

    [Fact]
    public async Task Submit_SecondCheckWithinCooldown_SaysWhenToTryAgainInWordsAndRunsOnceItIsOver()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var bot = await BotHarness.StartAsync(s => s["Diagnostics:Cooldown"] = "00:00:40", supportClock: clock);
        var account = bot.Bybit.Scenario("healthy-unified");
        var (first, _) = await SubmitKeyAsync(bot, Member, account.ApiKey, account.ApiSecret);
        await WaitForResultAsync(bot, first);
        var requestsAfterFirst = bot.Bybit.Requests.Count;

        var (second, callback) = await SubmitKeyAsync(bot, Member, account.ApiKey, account.ApiSecret);
        var result = await WaitForResultAsync(bot, second);

        Assert.Equal(DeferredChannelMessage, callback.Type);
        Assert.Contains("try again in 40 seconds", result.Content, StringComparison.Ordinal);
        Assert.Empty(result.Embeds);
        Assert.Equal(requestsAfterFirst, bot.Bybit.Requests.Count);

        // The cooldown runs on the support clock: once it has passed, the same member's check runs again.
        clock.Advance(TimeSpan.FromSeconds(40));
        var (third, _) = await SubmitKeyAsync(bot, Member, account.ApiKey, account.ApiSecret);
        var rerun = await WaitForResultAsync(bot, third);
        Assert.Contains("ready for AstraBit", Text(rerun), StringComparison.Ordinal);
        Assert.True(bot.Bybit.Requests.Count > requestsAfterFirst);
    }

    [Fact]
    public async Task Submit_BybitUnreachable_SaysTheCheckCouldNotRunAndToTryLater()
    {
        await using var bot = await BotHarness.StartAsync();
        var account = bot.Bybit.Scenario("healthy-unified");
        bot.Bybit.Faults.GeoBlocked = true;

        var (id, callback) = await SubmitKeyAsync(bot, Member, account.ApiKey, account.ApiSecret);
        var result = await WaitForResultAsync(bot, id);

        Assert.Equal(DeferredChannelMessage, callback.Type);
        Assert.Contains("couldn't run the check", result.Content, StringComparison.Ordinal);
        Assert.Contains("try again in a few minutes", result.Content, StringComparison.Ordinal);
        Assert.Contains("403", result.Content, StringComparison.Ordinal);
        Assert.Contains("couldn't run right now", Text(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_BybitSlowerThanDiscordsDeadline_AcknowledgesInTimeAndAnswersLater()
    {
        await using var bot = await BotHarness.StartAsync(s => s["Bybit:Timeout"] = "00:00:20");
        var account = bot.Bybit.Scenario("healthy-unified");
        using var hold = bot.Bybit.Faults.Hold();

        // Bybit answers nothing until released: the acknowledgement can't wait for the check.
        var (id, callback) = await SubmitKeyAsync(bot, Member, account.ApiKey, account.ApiSecret);
        await hold.Reached.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(callback.Accepted);
        Assert.Equal(DeferredChannelMessage, callback.Type);
        Assert.True(callback.SinceCreation < AcknowledgeDeadline, $"acknowledged after {callback.SinceCreation}");
        Assert.Empty(bot.Discord.Rest.RequestsFor(DiscordRestRoutes.EditOriginal));

        hold.Release();
        var result = await WaitForResultAsync(bot, id, TimeSpan.FromSeconds(60));
        Assert.Single(bot.Discord.Rest.RequestsFor(DiscordRestRoutes.EditOriginal));
        Assert.Contains("ready for AstraBit", Text(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_MemberChoseTestnetInTheWalkthrough_ChecksTheTestnetHost()
    {
        var storage = Path.Combine(Path.GetTempPath(), $"{BotHarness.DataFolderPrefix}{Guid.NewGuid():N}", "supportbot.db");
        Directory.CreateDirectory(Path.GetDirectoryName(storage)!);
        using (var database = new SupportDatabase(storage))
        {
            var now = DateTimeOffset.UtcNow;
            await new LiteWalkthroughStore(database).SaveAsync(
                new WalkthroughProgress(Member, GuidePosition.Step5, AccountType.Unified, "testnet", null, WalkthroughDelivery.DirectMessage(1), now, now));
        }

        string? testnet = null;
        await using var bot = await BotHarness.StartAsync(s =>
        {
            s["Storage:Path"] = storage;
            testnet = (string)s["Bybit:BaseUrl"]!;
            s["Bybit:Hosts:testnet"] = testnet;
            s["Bybit:BaseUrl"] = "http://127.0.0.1:9/";
        });
        var account = bot.Bybit.Scenario("healthy-unified");

        var (id, _) = await SubmitKeyAsync(bot, Member, account.ApiKey, account.ApiSecret);
        var result = await WaitForResultAsync(bot, id);

        var text = Text(result);
        Assert.Contains("ready for AstraBit", text, StringComparison.Ordinal);
        Assert.Contains(testnet!.TrimEnd('/'), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Form_SiteChosenInItsSelect_ChecksThatSitesHost()
    {
        string? eu = null;
        await using var bot = await BotHarness.StartAsync(s =>
        {
            eu = (string)s["Bybit:BaseUrl"]!;
            s["Bybit:Hosts:eu"] = eu;
            s["Bybit:BaseUrl"] = "http://127.0.0.1:9/";
        });
        var account = bot.Bybit.Scenario("healthy-unified");
        var member = new DiscordMember(bot.Discord, Member);

        var opened = await member.RunCommandAsync("/diagnose", bot.Discord.Rest.DefaultChannelId);
        var form = await bot.Discord.Rest.WaitForCallbackAsync(opened, BotHarness.Timeout);
        var site = form.Data!["components"]!.AsArray().Select(c => c!["component"]!).Single(c => (string?)c["custom_id"] == KeyModal.SiteField);
        var id = await member.SubmitFormAsync(opened,
            [ModalAnswer.Typed(KeyModal.KeyField, account.ApiKey), ModalAnswer.Typed(KeyModal.SecretField, account.ApiSecret), ModalAnswer.Chosen(KeyModal.SiteField, "eu")]);
        var result = await WaitForResultAsync(bot, id);

        Assert.Equal(3, (int)site["type"]!);
        Assert.Equal("mainnet", site["options"]!.AsArray().Single(o => (bool?)o!["default"] == true)!["value"]!.GetValue<string>());
        Assert.Contains(site["options"]!.AsArray(), o => (string?)o!["value"] == "eu");
        var text = Text(result);
        Assert.Contains("ready for AstraBit", text, StringComparison.Ordinal);
        Assert.Contains(eu!.TrimEnd('/'), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Form_SiteChosenInItsSelect_IsWrittenToTheWalkthrough_SoTheNextFormAndCheckItNowUseIt()
    {
        string? eu = null;
        await using var bot = await BotHarness.StartAsync(s =>
        {
            eu = (string)s["Bybit:BaseUrl"]!;
            s["Bybit:Hosts:eu"] = eu;
            s["Bybit:BaseUrl"] = "http://127.0.0.1:9/";
            s["Diagnostics:Cooldown"] = "00:00:00";
        });
        var account = bot.Bybit.Scenario("healthy-unified");
        var guide = new Walkthrough.WalkthroughMember(bot, Member);
        await guide.ConnectInDmAsync();
        var member = new DiscordMember(bot.Discord, Member);

        var opened = await member.RunCommandAsync("/diagnose", bot.Discord.Rest.DefaultChannelId);
        await bot.Discord.Rest.WaitForCallbackAsync(opened, BotHarness.Timeout);
        var id = await member.SubmitFormAsync(opened,
            [ModalAnswer.Typed(KeyModal.KeyField, account.ApiKey), ModalAnswer.Typed(KeyModal.SecretField, account.ApiSecret), ModalAnswer.Chosen(KeyModal.SiteField, "eu")]);
        await WaitForResultAsync(bot, id);

        // The next form offers the site the member picked; the guide's "Check it now" checks that site's host
        // (bybit.com's host here answers nothing, so a check there could not run).
        var again = await member.RunCommandAsync("/diagnose", bot.Discord.Rest.DefaultChannelId);
        var form = await bot.Discord.Rest.WaitForCallbackAsync(again, BotHarness.Timeout);
        var site = form.Data!["components"]!.AsArray().Select(c => c!["component"]!).Single(c => (string?)c["custom_id"] == KeyModal.SiteField);
        Assert.Equal("eu", site["options"]!.AsArray().Single(o => (bool?)o!["default"] == true)!["value"]!.GetValue<string>());
        await guide.NextUntilAsync("Part 2 of 3 · Step 5 of 6");
        await guide.CheckRememberedAsync("5");
        var page = Text(bot.Discord.Rest.Messages.Single(m => m.Id == guide.Message.Id));
        Assert.Contains(eu!.TrimEnd('/'), page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_KeyMemoryTurnedOff_OffersNoForgetButton()
    {
        await using var bot = await BotHarness.StartAsync(s => s["Diagnostics:KeyMemory"] = "00:00:00");
        var account = bot.Bybit.Scenario("withdrawal-enabled");

        var (id, _) = await SubmitKeyAsync(bot, Member, account.ApiKey, account.ApiSecret);
        var result = await WaitForResultAsync(bot, id);

        Assert.DoesNotContain(Buttons(result), b => b.CustomId == "wt:forget");
        Assert.DoesNotContain("keep your key", result.Content, StringComparison.Ordinal);
        Assert.Contains(Buttons(result), b => b.CustomId == "wt:goto:3");
    }
}
