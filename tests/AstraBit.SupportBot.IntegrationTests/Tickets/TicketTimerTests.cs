using Microsoft.Extensions.Time.Testing;
using static AstraBit.SupportBot.IntegrationTests.Tickets.TicketPeople;

namespace AstraBit.SupportBot.IntegrationTests.Tickets;

/// <summary>The ticket timers on a fake clock: due times are stored, so they fire after a restart too.</summary>
public sealed class TicketTimerTests
{
    [Fact]
    public async Task Timers_EscalateRemindAutoClose_FireOnTheClockAcrossRestarts()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var people = await StartAsync(clock, s =>
        {
            s["Tickets:EscalateAfter"] = "00:30:00";
            s["Tickets:StaleAfter"] = "1.00:00:00";
            s["Tickets:AutoCloseAfter"] = "2.00:00:00";
        });
        await using var bot = people.Bot;
        var account = bot.Bybit.Scenario("withdrawal-enabled");
        await people.FailDiagnoseAsync(account);
        await people.StaffNoticeAsync();
        var thread = people.Thread();

        // Unclaimed past EscalateAfter, with a restart in between: the support role is pinged again.
        await bot.RestartAsync();
        clock.Advance(TimeSpan.FromMinutes(31));
        var escalation = await bot.Discord.Rest.WaitForMessageAsync(m => m.ChannelId == bot.StaffChannelId && m.Content.Contains("nobody has claimed it", StringComparison.Ordinal), BotHarness.Timeout);
        Assert.Contains($"<@&{Id(BotHarness.SupportRoleId)}>", escalation.Content, StringComparison.Ordinal);
        Assert.Matches(@"has waited 3\d minutes", escalation.Content);
        Assert.Equal([Id(BotHarness.SupportRoleId)], escalation.AllowedMentions!["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Empty(escalation.AllowedMentions["parse"]!.AsArray());

        // Staff answered and the member went quiet past StaleAfter: a reminder that pings the member.
        await people.SayAsync(Staff, thread.Id, "Please remove the Withdrawal permission and tell me when done.");
        await people.ListUntilAsync("waiting for the member");
        clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        var reminder = await bot.Discord.Rest.WaitForMessageAsync(m => m.ChannelId == thread.Id && m.Content.Contains("waiting for you", StringComparison.Ordinal), BotHarness.Timeout);
        Assert.Contains($"<@{Id(Member)}>", reminder.Content, StringComparison.Ordinal);
        Assert.Equal([Id(Member)], reminder.AllowedMentions!["users"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Null(reminder.AllowedMentions["roles"]);

        // Still no answer past AutoCloseAfter, across another restart: closed as "no reply", transcript posted. (The
        // restart waits until the reminder is recorded: a bot stopped between sending and recording sends it again.)
        await people.AuditUntilAsync("reminded the member in #0001");
        await bot.RestartAsync();
        clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromMinutes(1));
        var log = await bot.Discord.Rest.WaitForMessageAsync(m => m.ChannelId == bot.LogChannelId && m.Attachments.Count == 1, BotHarness.Timeout);
        Assert.True(thread.Archived);
        Assert.True(thread.Locked);
        Assert.Contains("no reply", Text(log), StringComparison.Ordinal);
        Assert.Matches(@"Closed: .* by the bot", TranscriptFile.Text(log.Attachments[0]));
        Assert.Single(bot.Discord.Rest.Messages, m => m.ChannelId == bot.StaffChannelId && m.Content.Contains("nobody has claimed it", StringComparison.Ordinal));
        Assert.Single(bot.Discord.Rest.Messages, m => m.ChannelId == thread.Id && m.Content.Contains("waiting for you", StringComparison.Ordinal));

        var (_, audit) = await people.TicketCommandAsync(Staff, "audit");
        var auditText = Answer(audit);
        Assert.Contains("support pinged again", auditText, StringComparison.Ordinal);
        Assert.Contains("reminded the member in #0001", auditText, StringComparison.Ordinal);
        Assert.Contains("The bot closed #0001", auditText, StringComparison.Ordinal);

        await bot.StopAsync();
        people.AssertSecretNowhere(account.ApiSecret);
        await people.DeleteDataAsync();
    }

    [Fact]
    public async Task MemberAnswers_BeforeTheReminder_NoReminderAndNoAutoClose()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var people = await StartAsync(clock);
        await using var bot = people.Bot;
        await people.FailDiagnoseAsync(bot.Bybit.Scenario("withdrawal-enabled"));
        await people.StaffNoticeAsync();
        var thread = people.Thread();
        await people.StaffInThreadAsync("claim", thread.Id);
        await people.SayAsync(Staff, thread.Id, "Can you try again?");
        await people.ListUntilAsync("waiting for the member");

        clock.Advance(TimeSpan.FromHours(12));
        await people.SayAsync(Member, thread.Id, "Trying now");
        await people.ListUntilAsync("waiting for staff");
        clock.Advance(TimeSpan.FromDays(4));

        // Timers run in order on the clock: the next one-minute tick after the jump shows nothing was due.
        await people.ListUntilAsync("#0001");
        Assert.DoesNotContain(bot.Discord.Rest.Messages, m => m.ChannelId == thread.Id && m.Content.Contains("waiting for you", StringComparison.Ordinal));
        Assert.False(thread.Locked);
        await people.DeleteDataAsync();
    }
}
