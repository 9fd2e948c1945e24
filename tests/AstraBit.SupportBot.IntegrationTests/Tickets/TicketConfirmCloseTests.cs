using System.Text;
using System.Text.RegularExpressions;
using AstraBit.SupportBot.Cli;
using AstraBit.SupportBot.Bot.KeyChecks;
using AstraBit.SupportBot.Emulators.Discord;
using Microsoft.Extensions.Time.Testing;
using static AstraBit.SupportBot.IntegrationTests.Tickets.TicketPeople;

namespace AstraBit.SupportBot.IntegrationTests.Tickets;

/// <summary>
/// "Is it fixed?" (PRODUCT.md §10): staff Close on a ticket from a failed check asks the member, and the check, the
/// member's answer or the timer decides the outcome, which the log channel, the transcript and the stats show.
/// </summary>
public sealed class TicketConfirmCloseTests
{
    [Fact]
    public async Task RunTheCheck_PassesAfterTheFix_ClosesResolvedVerified()
    {
        var people = await StartAsync();
        await using var bot = people.Bot;
        var thread = await OpenClaimedTicketAsync(people);

        var question = await AskIsItFixedByButtonAsync(people, thread);
        Assert.False(thread.Locked);

        // Only the member may answer; staff and others get a private "only … can" and nothing changes.
        var (_, byOutsider) = await people.ClickAsync(Outsider, "tk:fixed:1", question);
        Assert.Equal(Ephemeral, byOutsider.Flags & Ephemeral);
        Assert.Contains($"Only <@{Id(Member)}> can", Answer(byOutsider), StringComparison.Ordinal);
        var (_, byStaff) = await people.ClickAsync(Staff, "tk:not-fixed:1", question);
        Assert.Contains($"Only <@{Id(Member)}> can", Answer(byStaff), StringComparison.Ordinal);
        var (_, checkByStaff) = await people.ClickAsync(Staff, "tk:check:1", question);
        Assert.Contains($"Only <@{Id(Member)}> can", Answer(checkByStaff), StringComparison.Ordinal);
        Assert.False(thread.Locked);

        // The member made a new key without Withdrawal and runs the check from the question: it passes, so it is verified.
        var healthy = bot.Bybit.Scenario("healthy-unified");
        var (_, modal) = await people.ClickAsync(Member, "tk:check:1", question);
        Assert.Equal(OpenModal, modal.Type);
        var (submit, _) = await people.SubmitAsync(Member, "key:ticket:1", new Dictionary<string, string> { [KeyModal.KeyField] = healthy.ApiKey, [KeyModal.SecretField] = healthy.ApiSecret }, thread.Id);
        Assert.Contains("closed as resolved — verified", await people.DeferredAnswerAsync(submit), StringComparison.Ordinal);

        var log = await TranscriptAsync(bot);
        Assert.True(thread.Locked);
        Assert.Contains("resolved — verified", Text(log), StringComparison.Ordinal);
        Assert.Contains("Outcome: resolved — verified", TranscriptFile.Text(log.Attachments[0]), StringComparison.Ordinal);
        Assert.Contains("resolved — verified", Text(people.MessagesIn(thread.Id).Last(m => m.Content.Contains("was closed", StringComparison.Ordinal))), StringComparison.Ordinal);
        Assert.Matches(@"resolved — verified\s+1\n", (await people.StatsAsync()).Text);

        await bot.StopAsync();
        people.AssertSecretNowhere(healthy.ApiSecret);
        await people.DeleteDataAsync();
    }

    [Fact]
    public async Task YesCloseIt_ByCommandQuestion_ClosesResolvedAndStatsShowIt()
    {
        var people = await StartAsync();
        await using var bot = people.Bot;
        var thread = await OpenClaimedTicketAsync(people);

        // /ticket close without force asks too; a reason given is not needed for that.
        var asked = await people.StaffInThreadAsync("close", thread.Id);
        Assert.Contains("whether it is fixed", asked, StringComparison.Ordinal);
        var question = await QuestionAsync(people, thread);
        var (yes, _) = await people.ClickAsync(Member, "tk:fixed:1", question);
        Assert.Contains("closed as resolved", await people.DeferredAnswerAsync(yes), StringComparison.Ordinal);

        var log = await TranscriptAsync(bot);
        Assert.True(thread.Locked);
        var transcript = TranscriptFile.Text(log.Attachments[0]);
        Assert.Contains("Outcome: resolved\n", transcript, StringComparison.Ordinal);

        // /ticket stats [days] carries the desk's figures: outcomes, staff, and "none" where nothing was stored.
        var (statsCallback, stats) = await people.StatsAsync(SlashOption.Integer("days", 7));
        Assert.Equal(DeferredChannelMessage, statsCallback.Type);
        Assert.Equal(Ephemeral, statsCallback.Flags & Ephemeral);
        Assert.Contains("Support figures for the last 7 days", stats, StringComparison.Ordinal);
        Assert.Matches(@"\n  resolved\s+1\n", stats);
        Assert.Matches(@"resolved — verified\s+0\n", stats);
        Assert.Matches(@"checks run\s+1\n", stats);
        Assert.Matches(@"started\s+none\n", stats);
        Assert.Matches(@"median first response\s+none\n", stats);
        Assert.Matches($@"{Id(Staff)}\s+claimed 1, closed 1", stats);
        // One first-response figure, in working time (always open here, so wall-clock), from the one stats service.
        Assert.Single(Regex.Matches(stats, "median first response", RegexOptions.IgnoreCase));
        Assert.Contains("Times (always open: wall-clock)", stats, StringComparison.Ordinal);
        Assert.Matches(@"open now\s+0 unclaimed, 0 claimed\n", stats);
        var (_, badDays) = await people.TicketCommandAsync(Staff, "stats", null, SlashOption.Integer("days", 0));
        Assert.Contains("give 1 to 365", Answer(badDays), StringComparison.Ordinal);

        // The `stats` verb reads the same data file to the same table, line for line after the dated first line.
        await bot.StopAsync();
        using var output = new StringWriter();
        var exit = await SupportBotCommandLine.InvokeAsync(["stats", "--data", Path.Combine(people.DataFolder, "supportbot.db"), "--days", "7"], new CliConsole(output, TextWriter.Null, _ => null, null));
        Assert.Equal(ExitCodes.Ok, exit);
        var table = stats[(stats.IndexOf("```\n", StringComparison.Ordinal) + 4)..stats.LastIndexOf("\n```", StringComparison.Ordinal)];
        Assert.Equal(table.TrimEnd('\n').Split('\n')[1..], output.ToString().TrimEnd('\n').Split('\n')[1..]);
        await people.DeleteDataAsync();
    }

    [Fact]
    public async Task NoIStillNeedHelp_StaysOpenAndTellsTheClaimer()
    {
        var people = await StartAsync();
        await using var bot = people.Bot;
        var thread = await OpenClaimedTicketAsync(people);
        var question = await AskIsItFixedByButtonAsync(people, thread);

        var (no, _) = await people.ClickAsync(Member, "tk:not-fixed:1", question);
        Assert.Contains("stays open", await people.DeferredAnswerAsync(no), StringComparison.Ordinal);
        var told = await bot.Discord.Rest.WaitForMessageAsync(m => m.ChannelId == thread.Id && m.Content.Contains("still needs help", StringComparison.Ordinal), BotHarness.Timeout);
        Assert.StartsWith($"<@{Id(Staff)}>", told.Content, StringComparison.Ordinal);
        Assert.Equal([Id(Staff)], told.AllowedMentions!["users"]!.AsArray().Select(u => u!.GetValue<string>()));
        Assert.False(thread.Locked);
        Assert.DoesNotContain(bot.Discord.Rest.Messages, m => m.ChannelId == bot.LogChannelId);
        await people.ListUntilAsync("#0001");

        // A second answer is refused, privately and at once: it no longer waits for one.
        var (_, again) = await people.ClickAsync(Member, "tk:fixed:1", question);
        Assert.Equal(Ephemeral, again.Flags & Ephemeral);
        Assert.Contains("not waiting for your answer", Answer(again), StringComparison.Ordinal);
        Assert.False(thread.Locked);
        await people.DeleteDataAsync();
    }

    [Fact]
    public async Task NoAnswer_PastCloseConfirmAfter_ClosesResolvedUnconfirmedOnTheClock()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var people = await StartAsync(clock, s => s["Tickets:CloseConfirmAfter"] = "1.00:00:00");
        await using var bot = people.Bot;
        var thread = await OpenClaimedTicketAsync(people);
        await AskIsItFixedByButtonAsync(people, thread);
        await people.AuditUntilAsync("asked the member whether #0001 is fixed");

        clock.Advance(TimeSpan.FromHours(23));
        await people.ListUntilAsync("#0001");
        Assert.False(thread.Locked);

        clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        var log = await TranscriptAsync(bot);
        Assert.True(thread.Locked);
        Assert.Contains("resolved — unconfirmed", Text(log), StringComparison.Ordinal);
        Assert.Contains("Outcome: resolved — unconfirmed", TranscriptFile.Text(log.Attachments[0]), StringComparison.Ordinal);
        await people.DeleteDataAsync();
    }

    [Fact]
    public async Task ForcedClose_WithAReason_ClosedByStaffWithoutAsking()
    {
        var people = await StartAsync();
        await using var bot = people.Bot;
        var thread = await OpenClaimedTicketAsync(people);

        var closed = await people.StaffInThreadAsync("close", thread.Id, SlashOption.String("reason", "Member moved to another exchange"), SlashOption.Boolean("force", true));

        Assert.Contains("is closed", closed, StringComparison.Ordinal);
        var log = await TranscriptAsync(bot);
        Assert.True(thread.Locked);
        Assert.DoesNotContain(bot.Discord.Rest.Messages, m => m.ChannelId == thread.Id && m.Content.Contains("Is it fixed?", StringComparison.Ordinal));
        Assert.Contains("closed by staff", Text(log), StringComparison.Ordinal);
        var transcript = TranscriptFile.Text(log.Attachments[0]);
        Assert.Contains("Outcome: closed by staff", transcript, StringComparison.Ordinal);
        Assert.Contains("Close reason: Member moved to another exchange", transcript, StringComparison.Ordinal);
        await people.DeleteDataAsync();
    }

    [Fact]
    public async Task StaffNote_NeverInTheThreadOrAnythingTheMemberSees_OnlyViewAndTheLogTranscript()
    {
        const string note = "Member is on Bybit EU; double-check the region before advising";
        var people = await StartAsync();
        await using var bot = people.Bot;
        var thread = await OpenClaimedTicketAsync(people);

        var (noteId, noteCallback) = await people.TicketCommandAsync(Staff, "note", thread.Id, SlashOption.String("text", note));
        Assert.Equal(Ephemeral, noteCallback.Flags & Ephemeral);
        Assert.Contains("Note saved on ticket #0001", Answer(noteCallback), StringComparison.Ordinal);
        Assert.DoesNotContain(note, Answer(noteCallback), StringComparison.Ordinal);

        // A member can't write or read notes.
        var (_, byMember) = await people.TicketCommandAsync(Member, "note", thread.Id, SlashOption.String("text", "let me in"));
        Assert.Contains("Only the support team", Answer(byMember), StringComparison.Ordinal);
        var (_, viewByMember) = await people.TicketCommandAsync(Member, "view", thread.Id);
        Assert.DoesNotContain(note, Answer(viewByMember), StringComparison.Ordinal);

        var (_, view) = await people.TicketCommandAsync(Staff, "view", thread.Id);
        Assert.Equal(Ephemeral, view.Flags & Ephemeral);
        Assert.Contains(note, Answer(view), StringComparison.Ordinal);
        Assert.Contains("Staff notes (1)", Answer(view), StringComparison.Ordinal);

        await people.StaffInThreadAsync("close", thread.Id, SlashOption.String("reason", "Sorted"), SlashOption.Boolean("force", true));
        var log = await TranscriptAsync(bot);
        var transcript = TranscriptFile.Text(log.Attachments[0]);
        Assert.Contains($"staff note · user {Id(Staff)} · {note}", transcript, StringComparison.Ordinal);
        await bot.Discord.Rest.WaitForMessageAsync(m => m.InDirectMessage && Buttons(m).Any(b => b.CustomId == "tk:rate:1:5"), BotHarness.Timeout);

        // Nowhere else: not in the thread, not in a DM, not in the staff channel, not in any request to Discord but the log's transcript and the staff answers.
        var leaked = bot.Discord.Rest.Messages.Where(m => m.ChannelId != bot.LogChannelId && !m.IsEphemeral
            && (Text(m).Contains(note, StringComparison.Ordinal) || m.Attachments.Any(a => Encoding.UTF8.GetString(a.Content).Contains(note, StringComparison.Ordinal))));
        Assert.Empty(leaked.Select(m => $"{m.ChannelId} {m.Flags} {m.InteractionId} {Text(m)}"));
        // In the thread only the private answers to the staff member who ran /ticket note and /ticket view hold it.
        Assert.All(people.MessagesIn(thread.Id).Where(m => Text(m).Contains(note, StringComparison.Ordinal)), m => Assert.True(m.IsEphemeral));
        Assert.NotEqual(0UL, noteId);
        await people.DeleteDataAsync();
    }

    /// <summary>A failed check opens ticket #0001; staff claim it. Returns its thread.</summary>
    private static async Task<EmulatedChannel> OpenClaimedTicketAsync(TicketPeople people)
    {
        await people.FailDiagnoseAsync(people.Bot.Bybit.Scenario("withdrawal-enabled"));
        await people.StaffNoticeAsync();
        var thread = people.Thread();
        Assert.Contains("You claimed ticket #0001", await people.StaffInThreadAsync("claim", thread.Id), StringComparison.Ordinal);
        return thread;
    }

    /// <summary>Staff press Close in the thread: the member is asked, nothing closes yet.</summary>
    private static async Task<EmulatedMessage> AskIsItFixedByButtonAsync(TicketPeople people, EmulatedChannel thread)
    {
        var welcome = people.MessagesIn(thread.Id)[1];
        var (close, callback) = await people.ClickAsync(Staff, "tk:close:1", welcome);
        Assert.Equal(DeferredChannelMessage, callback.Type);
        Assert.Contains("whether it is fixed", await people.DeferredAnswerAsync(close), StringComparison.Ordinal);
        return await QuestionAsync(people, thread);
    }

    private static async Task<EmulatedMessage> QuestionAsync(TicketPeople people, EmulatedChannel thread)
    {
        var question = await people.Bot.Discord.Rest.WaitForMessageAsync(m => m.ChannelId == thread.Id && m.Content.Contains("Is it fixed?", StringComparison.Ordinal), BotHarness.Timeout);
        Assert.Equal(
            [("tk:check:1", "Run the check"), ("tk:fixed:1", "Yes, close it"), ("tk:not-fixed:1", "No, I still need help")],
            Buttons(question));
        Assert.Equal([Id(Member)], question.AllowedMentions!["users"]!.AsArray().Select(u => u!.GetValue<string>()));
        return question;
    }

    private static Task<EmulatedMessage> TranscriptAsync(BotHarness bot) =>
        bot.Discord.Rest.WaitForMessageAsync(m => m.ChannelId == bot.LogChannelId && m.Attachments.Count == 1, BotHarness.Timeout);
}
