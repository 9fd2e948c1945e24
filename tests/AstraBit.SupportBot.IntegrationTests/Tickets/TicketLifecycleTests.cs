using AstraBit.SupportBot.Bot.KeyChecks;
using AstraBit.SupportBot.Emulators.Discord;
using static AstraBit.SupportBot.IntegrationTests.Tickets.TicketPeople;

namespace AstraBit.SupportBot.IntegrationTests.Tickets;

/// <summary>Tickets against the real host and both emulators, as the member and support staff take them.</summary>
public sealed class TicketLifecycleTests
{
    [Fact]
    public async Task FailedCheck_ClaimRecheckCloseRate_TheWholeTicketWithoutTheSecret()
    {
        var people = await StartAsync();
        await using var bot = people.Bot;
        var account = bot.Bybit.Scenario("withdrawal-enabled");

        // A failed /diagnose opens the ticket: private thread, member added, the card first.
        var check = await people.FailDiagnoseAsync(account);
        var notice = await people.StaffNoticeAsync();
        var told = await bot.Discord.Rest.WaitForMessageAsync(m => m.InteractionId == check && m.Content.Contains("#0001", StringComparison.Ordinal), BotHarness.Timeout);
        var thread = people.Thread();
        Assert.True(told.IsEphemeral);
        Assert.Equal(12, thread.Type);
        Assert.False(thread.Invitable);
        Assert.StartsWith("ticket-0001-alice", thread.Name, StringComparison.Ordinal);
        Assert.Contains(Member, thread.Members);
        var inThread = people.MessagesIn(thread.Id);
        var card = Text(inThread[0]);
        Assert.Contains("withdrawal", card, StringComparison.Ordinal);
        Assert.Contains("guide step 3", card, StringComparison.Ordinal);
        Assert.Contains("…" + account.ApiKey[^4..], card, StringComparison.Ordinal);
        Assert.DoesNotContain(account.ApiKey, card, StringComparison.Ordinal);
        var welcome = inThread[1];
        Assert.Contains(Buttons(welcome), b => b.CustomId == "tk:check:1" && b.Label == "Run the check again");
        Assert.All(inThread, m => Assert.Empty(m.AllowedMentions!["parse"]!.AsArray()));

        // The staff notice names the member without pinging anyone and offers Join and Claim.
        Assert.Contains($"<@{Id(Member)}>", notice.Text, StringComparison.Ordinal);
        Assert.Contains("withdrawal", notice.Text, StringComparison.Ordinal);
        Assert.Equal(["tk:join:1", "tk:claim:1"], Buttons(notice).Select(b => b.CustomId));
        Assert.Null(notice.AllowedMentions!["roles"]);
        Assert.Null(notice.AllowedMentions["users"]);

        // Staff joins, then claims from the notice.
        var (join, joinCallback) = await people.ClickAsync(Staff, "tk:join:1", notice);
        Assert.Equal(DeferredChannelMessage, joinCallback.Type);
        Assert.Contains("You're in", await people.DeferredAnswerAsync(join), StringComparison.Ordinal);
        Assert.Contains(Staff, thread.Members);
        var (claim, _) = await people.ClickAsync(Staff, "tk:claim:1", notice);
        Assert.Contains("You claimed ticket #0001", await people.DeferredAnswerAsync(claim), StringComparison.Ordinal);
        await bot.Discord.Rest.WaitForMessageAsync(m => m.ChannelId == thread.Id && m.Content.Contains("has claimed ticket #0001", StringComparison.Ordinal), BotHarness.Timeout);

        // They talk in the thread; the member re-runs the check from the ticket, and it still fails: same ticket.
        await people.SayAsync(Staff, thread.Id, "Hi! Your key still allows withdrawals; switch that off in API Management.");
        await people.SayAsync(Member, thread.Id, "Done, I think. Let me check.");
        await people.SayAsync(Member, thread.Id, "In case you need it: " + account.ApiSecret);
        // The key-leak guard deletes that message and notes it in the ticket.
        await bot.Discord.Rest.WaitForMessageAsync(m => m.ChannelId == thread.Id && m.Content.Contains("posted an API secret", StringComparison.Ordinal), BotHarness.Timeout);
        Assert.DoesNotContain(people.MessagesIn(thread.Id), m => m.Content.StartsWith("In case you need it", StringComparison.Ordinal));
        var (_, modal) = await people.ClickAsync(Member, "tk:check:1", welcome);
        Assert.Equal(OpenModal, modal.Type);
        Assert.Equal("key:ticket:1", modal.Data!["custom_id"]!.GetValue<string>());
        var (recheck, recheckCallback) = await people.SubmitAsync(Member, "key:ticket:1", new Dictionary<string, string> { [KeyModal.KeyField] = account.ApiKey, [KeyModal.SecretField] = account.ApiSecret }, thread.Id);
        Assert.Equal(DeferredChannelMessage, recheckCallback.Type);
        Assert.Contains("posted in your ticket", await people.DeferredAnswerAsync(recheck), StringComparison.Ordinal);
        var posted = await bot.Discord.Rest.WaitForMessageAsync(m => m.ChannelId == thread.Id && m.Content.Contains("ran the key check again", StringComparison.Ordinal), BotHarness.Timeout);
        Assert.Contains("❌", Text(posted), StringComparison.Ordinal);
        Assert.Single(bot.Discord.Rest.Threads, t => t.ParentId == bot.SupportChannelId);

        // Staff press Close: a ticket from a failed check first asks the member "Is it fixed?"; pressing Close again
        // while that waits asks for the reason and closes it now.
        var closeButton = people.MessagesIn(thread.Id).Last(m => Buttons(m).Any(b => b.CustomId == "tk:close:1"));
        var (ask, _) = await people.ClickAsync(Staff, "tk:close:1", closeButton);
        Assert.Contains("whether it is fixed", await people.DeferredAnswerAsync(ask), StringComparison.Ordinal);
        Assert.False(thread.Locked);
        var (_, form) = await people.ClickAsync(Staff, "tk:close:1", closeButton);
        Assert.Equal(OpenModal, form.Type);
        Assert.Equal("tk:close-reason:1", form.Data!["custom_id"]!.GetValue<string>());
        var (close, _) = await people.SubmitAsync(Staff, "tk:close-reason:1", new Dictionary<string, string> { ["reason"] = "Explained how to remove Withdrawal" }, thread.Id);
        Assert.Contains("is closed", await people.DeferredAnswerAsync(close), StringComparison.Ordinal);

        // Archived and locked with a reason; transcript with summary in the log channel; the rating asked in a DM.
        var log = await bot.Discord.Rest.WaitForMessageAsync(m => m.ChannelId == bot.LogChannelId && m.Attachments.Count == 1, BotHarness.Timeout);
        Assert.True(thread.Archived);
        Assert.True(thread.Locked);
        Assert.Contains(thread.AuditLogReasons, r => r.Contains("Explained how to remove Withdrawal", StringComparison.Ordinal));
        var summary = Text(log);
        Assert.Contains("Ticket #0001 closed", summary, StringComparison.Ordinal);
        Assert.Contains($"<@{Id(Staff)}>", summary, StringComparison.Ordinal);
        Assert.Contains("`withdrawal`", summary, StringComparison.Ordinal);
        Assert.Contains("Explained how to remove Withdrawal", summary, StringComparison.Ordinal);
        var transcript = TranscriptFile.Text(log.Attachments[0]);
        Assert.Contains("Ticket #0001", transcript, StringComparison.Ordinal);
        Assert.Contains("Close reason: Explained how to remove Withdrawal", transcript, StringComparison.Ordinal);
        Assert.Matches($"sam\\.support staff {Id(Staff)} [^\n]*\nHi! Your key still allows withdrawals", transcript);
        Assert.Matches($"alice\\.trader member {Id(Member)} [^\n]*\nDone, I think.", transcript);
        Assert.Contains("withdrawal", transcript, StringComparison.Ordinal);
        Assert.DoesNotContain("In case you need it", transcript, StringComparison.Ordinal);
        Assert.Contains("posted an API secret", transcript, StringComparison.Ordinal);
        Assert.Matches(@"Support bot bot \d+ [^\n]*\n.*ran the key check again", transcript);
        Assert.DoesNotMatch(@"\n[^\n]* other \d+ \d{4}-\d\d-\d\d ", transcript);
        Assert.True(transcript.IndexOf("Diagnosis at opening", StringComparison.Ordinal) < transcript.IndexOf("\nMessages\n", StringComparison.Ordinal));
        Assert.Contains($"claimed · sam.support (user {Id(Staff)}) · claimed #0001", transcript, StringComparison.Ordinal);
        var prompt = await bot.Discord.Rest.WaitForMessageAsync(m => m.InDirectMessage && Buttons(m).Any(b => b.CustomId == "tk:rate:1:4"), BotHarness.Timeout);
        Assert.Equal(5, Buttons(prompt).Count);

        // The member rates 4, once.
        var (_, rated) = await people.ClickAsync(Member, "tk:rate:1:4", prompt, inDm: true);
        Assert.Equal(UpdateMessage, rated.Type);
        await bot.Discord.Rest.WaitForMessageAsync(m => m.ChannelId == bot.LogChannelId && m.Content.Contains("rated ticket #0001 4/5", StringComparison.Ordinal), BotHarness.Timeout);
        var (_, again) = await people.ClickAsync(Member, "tk:rate:1:1", prompt, inDm: true);
        Assert.Contains("already been rated", Answer(again), StringComparison.Ordinal);
        var (stats, statsText) = await people.StatsAsync();
        Assert.Equal(Ephemeral, stats.Flags & Ephemeral);
        Assert.Matches(@"average rating\s+4\.0 from 1 rating\n", statsText);
        Assert.Matches(@"\n  withdrawal\s+1\n", statsText);

        // Staff reopens from the thread: unarchived and unlocked again.
        var (reopen, _) = await people.TicketCommandAsync(Staff, "reopen", thread.Id);
        Assert.Contains("open again", await people.DeferredAnswerAsync(reopen), StringComparison.Ordinal);
        Assert.False(thread.Archived);
        Assert.False(thread.Locked);

        // Every staff action is in the audit log, in words.
        var (_, audit) = await people.TicketCommandAsync(Staff, "audit");
        var auditText = Answer(audit);
        Assert.Contains("claimed #0001", auditText, StringComparison.Ordinal);
        Assert.Contains("closed #0001: Explained how to remove Withdrawal", auditText, StringComparison.Ordinal);
        Assert.Contains("reopened #0001", auditText, StringComparison.Ordinal);
        Assert.Contains("joined #0001", auditText, StringComparison.Ordinal);
        Assert.Contains("just now", auditText, StringComparison.Ordinal);

        await bot.StopAsync();
        people.AssertSecretNowhere(account.ApiSecret);
        await people.DeleteDataAsync();
    }

    [Fact]
    public async Task SecondFailure_WhileOpen_GoesIntoTheSameTicket()
    {
        var people = await StartAsync();
        await using var bot = people.Bot;
        await people.FailDiagnoseAsync(bot.Bybit.Scenario("withdrawal-enabled"));
        await people.StaffNoticeAsync();
        var thread = people.Thread();

        var hedge = bot.Bybit.Scenario("hedge-mode");
        await people.FailDiagnoseAsync(hedge);
        var appended = await bot.Discord.Rest.WaitForMessageAsync(m => m.ChannelId == thread.Id && m.Text.Contains("here is what the bot found", StringComparison.Ordinal), BotHarness.Timeout);

        Assert.Contains("position-mode", Text(appended), StringComparison.Ordinal);
        Assert.Single(bot.Discord.Rest.Threads, t => t.ParentId == bot.SupportChannelId);
        Assert.Single(bot.Discord.Rest.Messages, m => m.ChannelId == bot.StaffChannelId && m.Text.Contains("New ticket", StringComparison.Ordinal));
        var (open, _) = await people.TicketCommandAsync(Member, "open");
        Assert.Contains("already have ticket #0001", await people.DeferredAnswerAsync(open), StringComparison.Ordinal);
        Assert.Single(bot.Discord.Rest.Threads, t => t.ParentId == bot.SupportChannelId);

        await bot.StopAsync();
        people.AssertSecretNowhere(hedge.ApiSecret);
        await people.DeleteDataAsync();
    }

    [Fact]
    public async Task RecheckInTicket_DiscordFailsPostingTheResult_TheMemberStillGetsAnAnswer()
    {
        var people = await StartAsync();
        await using var bot = people.Bot;
        var account = bot.Bybit.Scenario("withdrawal-enabled");
        await people.FailDiagnoseAsync(account);
        await people.StaffNoticeAsync();
        var thread = people.Thread();
        var welcome = people.MessagesIn(thread.Id)[1];

        await people.ClickAsync(Member, "tk:check:1", welcome);
        bot.Discord.Rest.FailNext(DiscordRestRoutes.CreateMessage, 500);
        var (recheck, _) = await people.SubmitAsync(Member, "key:ticket:1", new Dictionary<string, string> { [KeyModal.KeyField] = account.ApiKey, [KeyModal.SecretField] = account.ApiSecret }, thread.Id);

        var answer = await people.DeferredAnswerAsync(recheck);
        Assert.Contains("❌", answer, StringComparison.Ordinal);
        Assert.Contains("couldn't post the full result", answer, StringComparison.Ordinal);

        await bot.StopAsync();
        people.AssertSecretNowhere(account.ApiSecret);
        await people.DeleteDataAsync();
    }

    [Fact]
    public async Task TicketOpen_WithoutAnyCheck_OpensATicketAndListShowsItUnclaimedFirst()
    {
        var people = await StartAsync();
        await using var bot = people.Bot;

        var (open, callback) = await people.OpenTicketAsync(Outsider);
        Assert.Equal(DeferredChannelMessage, callback.Type);
        Assert.Equal(Ephemeral, callback.Flags & Ephemeral);
        Assert.Contains("ticket #0001 is open", await people.DeferredAnswerAsync(open), StringComparison.Ordinal);
        var notice = await people.StaffNoticeAsync();
        Assert.Contains("/ticket open", notice.Text, StringComparison.Ordinal);
        Assert.Contains("No key check yet", Text(people.MessagesIn(people.Thread().Id)[0]), StringComparison.Ordinal);

        await people.FailDiagnoseAsync(bot.Bybit.Scenario("withdrawal-enabled"));
        await people.StaffNoticeAsync(2);
        var thread2 = people.Thread(2);
        await people.StaffInThreadAsync("claim", thread2.Id);
        var list = await people.ListUntilAsync("claimed by");
        Assert.True(list.IndexOf("#0001", StringComparison.Ordinal) < list.IndexOf("#0002", StringComparison.Ordinal), list);
        Assert.Contains("**unclaimed**", list, StringComparison.Ordinal);
        Assert.Contains("opened just now", list, StringComparison.Ordinal);
        Assert.Contains("waiting for staff", list, StringComparison.Ordinal);
        await people.DeleteDataAsync();
    }

    [Fact]
    public async Task MemberLeaves_OpenTicket_ClosesWithTranscript()
    {
        var people = await StartAsync();
        await using var bot = people.Bot;
        await people.FailDiagnoseAsync(bot.Bybit.Scenario("withdrawal-enabled"));
        await people.StaffNoticeAsync();
        var thread = people.Thread();

        await bot.Discord.Gateway.DispatchAsync("GUILD_MEMBER_REMOVE", bot.Discord.Rest.RemoveMember(Member));
        var log = await bot.Discord.Rest.WaitForMessageAsync(m => m.ChannelId == bot.LogChannelId && m.Attachments.Count == 1, BotHarness.Timeout);

        Assert.True(thread.Archived);
        Assert.True(thread.Locked);
        Assert.Contains("member left the server", Text(log), StringComparison.Ordinal);
        Assert.Matches(@"Closed: .* by the bot", TranscriptFile.Text(log.Attachments[0]));
        Assert.DoesNotContain(bot.Discord.Rest.Messages, m => m.InDirectMessage && Buttons(m).Any(b => b.CustomId.StartsWith("tk:rate", StringComparison.Ordinal)));
        await people.DeleteDataAsync();
    }

    [Fact]
    public async Task ImStuck_InTheWalkthrough_OpensATicketSayingWhereTheMemberStopped()
    {
        var people = await StartAsync();
        await using var bot = people.Bot;
        var member = new Walkthrough.WalkthroughMember(bot, Member);
        await member.ConnectInDmAsync();
        await member.NextUntilAsync("Part 1 of 3 · Step 3 of 6");

        var click = await member.ClickAsync("wt:stuck");
        var notice = await people.StaffNoticeAsync();
        var answer = await bot.Discord.Rest.WaitForMessageAsync(m => m.InteractionId == click.InteractionId && m.EditCount > 0, BotHarness.Timeout);

        Assert.Contains("ticket #0001", answer.Content, StringComparison.Ordinal);
        Assert.Contains("I'm stuck", notice.Text, StringComparison.Ordinal);
        var card = Text(people.MessagesIn(people.Thread().Id)[0]);
        Assert.Contains("Step 3 of 6", card, StringComparison.Ordinal);
        Assert.Contains(Member, people.Thread().Members);
        await people.DeleteDataAsync();
    }

    [Fact]
    public async Task CheckItNow_FailsInTheWalkthrough_OpensATicketAndStuckAddsToIt()
    {
        var people = await StartAsync();
        await using var bot = people.Bot;
        var hedge = bot.Bybit.Scenario("hedge-mode");
        var member = new Walkthrough.WalkthroughMember(bot, Member);
        await member.ConnectInDmAsync();
        await member.NextUntilAsync("Part 2 of 3 · Step 5 of 6");

        await member.CheckWithModalAsync("5", hedge.ApiKey, hedge.ApiSecret);
        await people.StaffNoticeAsync();
        var thread = people.Thread();

        Assert.Contains("support ticket #0001", Walkthrough.WalkthroughMember.Notice(member.Message), StringComparison.Ordinal);
        var card = Text(people.MessagesIn(thread.Id)[0]);
        Assert.Contains("position-mode", card, StringComparison.Ordinal);
        Assert.Contains("Step 5 of 6", card, StringComparison.Ordinal);

        var click = await member.ClickAsync("wt:stuck");
        await bot.Discord.Rest.WaitForMessageAsync(m => m.InteractionId == click.InteractionId && m.EditCount > 0, BotHarness.Timeout);
        var stuck = await bot.Discord.Rest.WaitForMessageAsync(m => m.ChannelId == thread.Id && m.Text.Contains("pressed \"I'm stuck\"", StringComparison.Ordinal), BotHarness.Timeout);
        Assert.Contains("Stuck in the guide", Text(stuck), StringComparison.Ordinal);
        Assert.Single(bot.Discord.Rest.Threads, t => t.ParentId == bot.SupportChannelId);

        await bot.StopAsync();
        people.AssertSecretNowhere(hedge.ApiSecret);
        await people.DeleteDataAsync();
    }

    [Fact]
    public async Task CloseByCommand_MemberWithDmsClosed_IsAskedForTheRatingInTheThread()
    {
        var people = await StartAsync();
        await using var bot = people.Bot;
        bot.Discord.Rest.CloseDms(Member);
        await people.FailDiagnoseAsync(bot.Bybit.Scenario("withdrawal-enabled"));
        await people.StaffNoticeAsync();
        var thread = people.Thread();
        var welcome = people.MessagesIn(thread.Id)[1];

        Assert.Contains("You claimed ticket #0001", await people.StaffInThreadAsync("claim", thread.Id), StringComparison.Ordinal);
        var (unclaim, _) = await people.ClickAsync(Staff, "tk:unclaim:1", welcome);
        Assert.Contains("unclaimed again", await people.DeferredAnswerAsync(unclaim), StringComparison.Ordinal);
        await people.ListUntilAsync("**unclaimed**");
        var closed = await people.StaffInThreadAsync("close", thread.Id, SlashOption.String("reason", "Member fixed it on their own"), SlashOption.Boolean("force", true));

        Assert.Contains("is closed", closed, StringComparison.Ordinal);
        Assert.True(thread.Locked);
        var prompt = people.MessagesIn(thread.Id).Single(m => Buttons(m).Any(b => b.CustomId == "tk:rate:1:5"));

        // The prompt stands in the thread staff read too: their click is refused (before the member's rating takes its buttons away).
        var (_, byStaff) = await people.ClickAsync(Staff, "tk:rate:1:1", prompt);
        Assert.Contains($"Only <@{Id(Member)}> can", Answer(byStaff), StringComparison.Ordinal);
        var (_, rated) = await people.ClickAsync(Member, "tk:rate:1:5", prompt);
        Assert.Equal(UpdateMessage, rated.Type);
        await bot.Discord.Rest.WaitForMessageAsync(m => m.ChannelId == bot.LogChannelId && m.Content.Contains("rated ticket #0001 5/5", StringComparison.Ordinal), BotHarness.Timeout);
        Assert.Contains("Member fixed it on their own", Text(bot.Discord.Rest.Messages.Single(m => m.ChannelId == bot.LogChannelId && m.Attachments.Count == 1)), StringComparison.Ordinal);
        await people.DeleteDataAsync();
    }
}
