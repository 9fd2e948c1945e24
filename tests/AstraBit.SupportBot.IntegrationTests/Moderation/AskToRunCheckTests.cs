using AstraBit.SupportBot.Core.Audit;
using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Core.Walkthrough;
using AstraBit.SupportBot.Emulators.Discord;
using AstraBit.SupportBot.Storage;
using AstraBit.SupportBot.Storage.Tickets;
using static AstraBit.SupportBot.IntegrationTests.Diagnose.DiagnoseMember;
using static AstraBit.SupportBot.IntegrationTests.Moderation.ModerationScene;

namespace AstraBit.SupportBot.IntegrationTests.Moderation;

/// <summary>
/// `/diagnose-user` and "Ask to run Bybit check" against the real host and both emulators, as a moderator,
/// staff and the member take them. The requested checks use warn-only accounts so the result lands in the staff
/// channel whether or not a failed check opens a ticket.
/// </summary>
public sealed class AskToRunCheckTests
{
    [Fact]
    public async Task DiagnoseUser_Moderator_DmsThePromptNamingThemAndShowsTheMembersLastResults()
    {
        await using var bot = await BotHarness.StartAsync(s => s["Diagnostics:Cooldown"] = "00:00:00");
        var scene = Seeded(bot);
        var failing = bot.Bybit.Scenario("withdrawal-enabled");
        var (diagnose, _) = await SubmitKeyAsync(bot, Member, failing.ApiKey, failing.ApiSecret);
        await WaitForResultAsync(bot, diagnose);

        var (id, callback) = await scene.AskAsync(Moderator, Member);
        var answer = await scene.AnswerAsync(id);
        var prompt = await scene.PromptAsync();

        Assert.Equal(DeferredChannelMessage, callback.Type);
        Assert.Equal(Ephemeral, callback.Flags & Ephemeral);
        Assert.True(answer.IsEphemeral);
        Assert.Contains("sent <@" + Member + "> a private prompt", answer.Content, StringComparison.Ordinal);
        Assert.Contains("❌ fail", answer.Content, StringComparison.Ordinal);
        Assert.Contains("withdrawal", answer.Content, StringComparison.Ordinal);
        Assert.Contains("…" + failing.ApiKey[^4..], answer.Content, StringComparison.Ordinal);
        Assert.Contains("mainnet", answer.Content, StringComparison.Ordinal);
        // When, as a Discord timestamp: each moderator's client shows it in their own language and time zone.
        Assert.Matches(@"<t:\d+:R>", answer.Content);
        Assert.DoesNotContain(failing.ApiKey, answer.Content, StringComparison.Ordinal);

        Assert.Contains(ModeratorName + "** from the AstraBit team asked you to run the Bybit key check", prompt.Content, StringComparison.Ordinal);
        Assert.Contains("Nobody sees your secret — not even them.", prompt.Content, StringComparison.Ordinal);
        Assert.Equal([(RunButtonId, "Run the check")], Buttons(prompt));
        Assert.Empty(prompt.AllowedMentions!["parse"]!.AsArray());
        scene.AssertSecretNowhere(failing.ApiSecret);
    }

    [Fact]
    public async Task DiagnoseUser_MemberRunsTheCheck_ResultToTheMemberAndStaffChannelWithoutSecretOrPing()
    {
        var storage = NewStoragePath();
        await using var bot = await BotHarness.StartAsync(s =>
        {
            s["Diagnostics:Cooldown"] = "00:00:00";
            s["Storage:Path"] = storage;
        });
        var scene = Seeded(bot);
        var account = bot.Bybit.Scenario("extra-permissions");

        var (id, _) = await scene.AskAsync(Moderator, Member);
        await scene.AnswerAsync(id);
        var (click, submit, result) = await scene.RunCheckAsync(await scene.PromptAsync(), account.ApiKey, account.ApiSecret);
        var notice = await bot.Discord.Rest.WaitForMessageAsync(m => m.ChannelId == bot.StaffChannelId, BotHarness.Timeout);

        Assert.Equal(OpenModal, click.Type);
        Assert.Equal(RequestModalId, click.Data!["custom_id"]!.GetValue<string>());
        Assert.Equal(DeferredChannelMessage, submit.Type);
        Assert.True(submit.SinceCreation < AcknowledgeDeadline);
        var member = Text(result);
        Assert.Contains(ModeratorName + "** from the AstraBit team asked for this check", member, StringComparison.Ordinal);
        Assert.Contains("⚠️", member, StringComparison.Ordinal);
        Assert.Contains("…" + account.ApiKey[^4..], member, StringComparison.Ordinal);

        Assert.Contains($"<@{Member}> ran the check you asked for, <@{Moderator}>: verdict **⚠️ warn**", notice.Content, StringComparison.Ordinal);
        Assert.Contains("extra-permissions", notice.Content, StringComparison.Ordinal);
        Assert.Contains("…" + account.ApiKey[^4..], Text(notice), StringComparison.Ordinal);
        Assert.DoesNotContain(account.ApiKey, Text(notice), StringComparison.Ordinal);
        Assert.Empty(notice.AllowedMentions!["parse"]!.AsArray());
        Assert.False(notice.IsEphemeral);
        scene.AssertSecretNowhere(account.ApiSecret);

        await bot.StopAsync();
        using var database = new SupportDatabase(storage);
        var entry = Assert.Single(await new LiteAuditLog(database).ForMemberAsync(Member));
        Assert.Equal(AuditActions.CheckRequested, entry.Action);
        Assert.Equal(Moderator, entry.ActorId);
        Assert.True(DateTimeOffset.UtcNow - entry.At < TimeSpan.FromMinutes(1));
        Assert.DoesNotContain(account.ApiSecret, await File.ReadAllTextAsync(storage), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DiagnoseUser_MemberHasAnOpenTicket_ResultGoesIntoTheTicketNotTheStaffChannel()
    {
        await using var bot = await BotHarness.StartAsync(s => s["Diagnostics:Cooldown"] = "00:00:00");
        var scene = Seeded(bot);
        var failing = bot.Bybit.Scenario("withdrawal-enabled");
        var (diagnose, _) = await SubmitKeyAsync(bot, Member, failing.ApiKey, failing.ApiSecret);
        await WaitForResultAsync(bot, diagnose);
        var card = await bot.Discord.Rest.WaitForMessageAsync(m => bot.Discord.Rest.GetChannel(m.ChannelId)?.IsThread == true, BotHarness.Timeout);
        var account = bot.Bybit.Scenario("extra-permissions");

        var (id, _) = await scene.AskAsync(Moderator, Member);
        await scene.AnswerAsync(id);
        var (_, _, result) = await scene.RunCheckAsync(await scene.PromptAsync(), account.ApiKey, account.ApiSecret);
        var inTicket = await bot.Discord.Rest.WaitForMessageAsync(
            m => m.ChannelId == card.ChannelId && Text(m).Contains("…" + account.ApiKey[^4..], StringComparison.Ordinal),
            BotHarness.Timeout);

        Assert.Contains(ModeratorName, Text(result), StringComparison.Ordinal);
        Assert.Contains("⚠️", Text(inTicket), StringComparison.Ordinal);
        Assert.DoesNotContain(scene.StaffChannelMessages(), m => m.Content.Contains("ran the check you asked for", StringComparison.Ordinal));
        scene.AssertSecretNowhere(account.ApiSecret);
        scene.AssertSecretNowhere(failing.ApiSecret);
    }

    [Fact]
    public async Task DiagnoseUser_MemberWithoutTicketFailsTheCheck_OpensTheirTicketAtTheModeratorsRequest()
    {
        await using var bot = await BotHarness.StartAsync(s => s["Diagnostics:Cooldown"] = "00:00:00");
        var scene = Seeded(bot);
        var failing = bot.Bybit.Scenario("withdrawal-enabled");

        var (id, _) = await scene.AskAsync(Moderator, Member);
        await scene.AnswerAsync(id);
        var (_, _, result) = await scene.RunCheckAsync(await scene.PromptAsync(), failing.ApiKey, failing.ApiSecret);
        var notice = await bot.Discord.Rest.WaitForMessageAsync(
            m => m.ChannelId == bot.StaffChannelId && m.Text.Contains("New ticket #0001", StringComparison.Ordinal), BotHarness.Timeout);

        Assert.Contains("❌", Text(result), StringComparison.Ordinal);
        Assert.Contains($"opened at <@{Moderator}>'s request", notice.Text, StringComparison.Ordinal);
        var thread = Assert.Single(bot.Discord.Rest.Threads, t => t.ParentId == bot.SupportChannelId);
        Assert.Contains(Member, thread.Members);
        var card = bot.Discord.Rest.Messages.Where(m => m.ChannelId == thread.Id).OrderBy(m => m.Id).First();
        Assert.Contains("withdrawal", Text(card), StringComparison.Ordinal);
        Assert.Contains("…" + failing.ApiKey[^4..], Text(card), StringComparison.Ordinal);
        scene.AssertSecretNowhere(failing.ApiSecret);
    }

    [Fact]
    public async Task AskToRunCheck_StaffFromTheUserMenu_SameFlowNamingTheStaffMember()
    {
        await using var bot = await BotHarness.StartAsync(s => s["Diagnostics:Cooldown"] = "00:00:00");
        var scene = Seeded(bot);
        var account = bot.Bybit.Scenario("below-recommended");

        var (id, callback) = await scene.AskAsync(Staff, Member, contextMenu: true);
        var answer = await scene.AnswerAsync(id);
        var prompt = await scene.PromptAsync();
        var (_, _, result) = await scene.RunCheckAsync(prompt, account.ApiKey, account.ApiSecret);
        var notice = await bot.Discord.Rest.WaitForMessageAsync(m => m.ChannelId == bot.StaffChannelId, BotHarness.Timeout);

        Assert.Equal(DeferredChannelMessage, callback.Type);
        Assert.Contains("private prompt", answer.Content, StringComparison.Ordinal);
        Assert.Contains("haven't run a check yet", answer.Content, StringComparison.Ordinal);
        Assert.Contains(StaffName + "** from the AstraBit team asked you", prompt.Content, StringComparison.Ordinal);
        Assert.Contains(StaffName + "** from the AstraBit team asked for this check", Text(result), StringComparison.Ordinal);
        Assert.Contains($"<@{Member}> ran the check you asked for, <@{Staff}>", notice.Content, StringComparison.Ordinal);
        Assert.Contains("balance", notice.Content, StringComparison.Ordinal);
        Assert.Empty(notice.AllowedMentions!["parse"]!.AsArray());
        scene.AssertSecretNowhere(account.ApiSecret);
    }

    [Fact]
    public async Task RunTheCheck_MemberChoseTestnetInTheWalkthrough_ChecksTheTestnetHost()
    {
        var storage = NewStoragePath();
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
        var scene = Seeded(bot);
        var account = bot.Bybit.Scenario("extra-permissions");
        var (id, _) = await scene.AskAsync(Moderator, Member);
        await scene.AnswerAsync(id);

        var (_, _, result) = await scene.RunCheckAsync(await scene.PromptAsync(), account.ApiKey, account.ApiSecret);
        var notice = await bot.Discord.Rest.WaitForMessageAsync(m => m.ChannelId == bot.StaffChannelId, BotHarness.Timeout);

        Assert.Contains(testnet!.TrimEnd('/'), Text(result), StringComparison.Ordinal);
        Assert.Contains("· testnet", notice.Content, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Ask_PlainMember_RefusedPrivatelyNoDmNothingStored(bool contextMenu)
    {
        var storage = NewStoragePath();
        await using var bot = await BotHarness.StartAsync(s => s["Storage:Path"] = storage);
        var scene = Seeded(bot);

        var (_, callback) = await scene.AskAsync(Bystander, Member, contextMenu);

        Assert.Equal(ChannelMessage, callback.Type);
        Assert.Equal(Ephemeral, callback.Flags & Ephemeral);
        Assert.Contains("Only moderators and the support team can ask a member to run the Bybit check", callback.Data!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(bot.Discord.Rest.RequestsFor(DiscordRestRoutes.CreateDm));
        Assert.Empty(scene.DirectMessages(Member));

        await bot.StopAsync();
        using var database = new SupportDatabase(storage);
        Assert.Empty(await new LiteAuditLog(database).ForMemberAsync(Member));
    }

    [Fact]
    public async Task Ask_BotOrSelf_RefusedSensiblyWithoutDm()
    {
        await using var bot = await BotHarness.StartAsync();
        var scene = Seeded(bot);

        var (_, atBot) = await scene.AskAsync(Moderator, bot.Discord.Options.BotUserId, contextMenu: true);
        var (_, atSelf) = await scene.AskAsync(Moderator, Moderator);

        Assert.Equal(ChannelMessage, atBot.Type);
        Assert.Contains("is a bot", atBot.Data!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(ChannelMessage, atSelf.Type);
        Assert.Contains("/diagnose", atSelf.Data!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(Ephemeral, atSelf.Flags & Ephemeral);
        Assert.Empty(bot.Discord.Rest.RequestsFor(DiscordRestRoutes.CreateMessage));
    }

    [Fact]
    public async Task Ask_MembersDmsClosed_TellsTheModeratorAndSuggestsDiagnose()
    {
        await using var bot = await BotHarness.StartAsync();
        var scene = Seeded(bot);
        bot.Discord.Rest.CloseDms(Member);

        var (id, _) = await scene.AskAsync(Moderator, Member);
        var answer = await scene.AnswerAsync(id);

        Assert.True(answer.IsEphemeral);
        Assert.Contains("closed their DMs", answer.Content, StringComparison.Ordinal);
        Assert.Contains("`/diagnose`", answer.Content, StringComparison.Ordinal);
        Assert.Empty(scene.DirectMessages(Member));
    }

    [Fact]
    public async Task RunTheCheck_NoPendingRequest_MemberGetsTheResultButStaffGetNothing()
    {
        await using var bot = await BotHarness.StartAsync(s => s["Diagnostics:Cooldown"] = "00:00:00");
        var scene = Seeded(bot);
        var account = bot.Bybit.Scenario("extra-permissions");
        var (id, _) = await scene.AskAsync(Moderator, Member);
        await scene.AnswerAsync(id);
        var prompt = await scene.PromptAsync();
        await scene.RunCheckAsync(prompt, account.ApiKey, account.ApiSecret);
        await bot.Discord.Rest.WaitForMessageAsync(m => m.ChannelId == bot.StaffChannelId, BotHarness.Timeout);

        var (_, submit, result) = await scene.RunCheckAsync(prompt, account.ApiKey, account.ApiSecret);

        Assert.Equal(DeferredChannelMessage, submit.Type);
        Assert.Contains("stays with you", Text(result), StringComparison.Ordinal);
        Assert.Contains("⚠️", Text(result), StringComparison.Ordinal);
        Assert.Single(scene.StaffChannelMessages());
    }

    [Fact]
    public async Task RunTheCheck_SecretTooShort_NamesTheFieldAndSendsNothingToBybit()
    {
        await using var bot = await BotHarness.StartAsync();
        var scene = Seeded(bot);
        var account = bot.Bybit.Scenario("healthy-unified");
        var (id, _) = await scene.AskAsync(Moderator, Member);
        await scene.AnswerAsync(id);
        var prompt = await scene.PromptAsync();

        var clickId = await bot.Discord.ClickButtonAsync(Member, RunButtonId, prompt.Id, inDm: true);
        await bot.Discord.Rest.WaitForCallbackAsync(clickId, BotHarness.Timeout);
        var submitId = await bot.Discord.SubmitModalAsync(
            Member,
            RequestModalId,
            new Dictionary<string, string> { [Bot.KeyChecks.KeyModal.KeyField] = account.ApiKey, [Bot.KeyChecks.KeyModal.SecretField] = account.ApiSecret[..10] },
            inDm: true);
        var callback = await bot.Discord.Rest.WaitForCallbackAsync(submitId, BotHarness.Timeout);

        Assert.Equal(ChannelMessage, callback.Type);
        var content = callback.Data!["content"]!.GetValue<string>();
        Assert.Contains("API secret", content, StringComparison.Ordinal);
        Assert.Contains("Run the check", content, StringComparison.Ordinal);
        Assert.Empty(bot.Bybit.Requests);
        Assert.Empty(scene.StaffChannelMessages());
    }

    private static ModerationScene Seeded(BotHarness bot)
    {
        bot.Discord.Rest.AddMember(Moderator, [BotHarness.ModeratorRoleId], ModeratorName);
        bot.Discord.Rest.AddMember(Staff, [BotHarness.SupportRoleId], StaffName);
        bot.Discord.Rest.AddMember(Member, [], "mo.member");
        bot.Discord.Rest.AddMember(Bystander, [], "bo.bystander");
        return new ModerationScene(bot);
    }

    private static string NewStoragePath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"{BotHarness.DataFolderPrefix}{Guid.NewGuid():N}", "supportbot.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }
}
