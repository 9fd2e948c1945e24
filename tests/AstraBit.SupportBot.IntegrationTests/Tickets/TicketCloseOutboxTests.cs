using AstraBit.SupportBot.Bot.Tickets;
using AstraBit.SupportBot.Emulators.Discord;
using AstraBit.SupportBot.IntegrationTests.Diagnose;
using Microsoft.Extensions.Time.Testing;
using static AstraBit.SupportBot.IntegrationTests.Tickets.TicketPeople;

namespace AstraBit.SupportBot.IntegrationTests.Tickets;

/// <summary>
/// Closing survives Discord errors: the close is recorded at once, and the ticket outbox (every 30 seconds on the
/// ticket clock) finishes whatever Discord refused, until it is done, without posting anything twice.
/// </summary>
public sealed class TicketCloseOutboxTests
{
    [Fact]
    public async Task TranscriptUploadFailing5xxForAWhile_PostedOnceWhenDiscordRecovers()
    {
        var (people, clock, thread) = await TicketFromAFailedCheckAsync();
        await using var bot = people.Bot;
        bot.Discord.Rest.FailNextUploads(3, status: 503);

        var closed = await people.StaffInThreadAsync("close", thread.Id, SlashOption.String("reason", "Withdrawal switched off"), SlashOption.Boolean("force", true));

        // The close stands while Discord refuses the upload: the thread is locked and staff hear it is closed.
        Assert.Contains("is closed", closed, StringComparison.Ordinal);
        Assert.True(thread.Locked);
        Assert.Equal(1, Uploads(bot));
        Assert.DoesNotContain(bot.Discord.Rest.Messages, m => m.ChannelId == bot.LogChannelId && m.Attachments.Count > 0);

        // Each outbox run tries again; the third retry finds Discord recovered.
        for (var attempt = 2; attempt <= 4; attempt++)
        {
            clock.Advance(TicketOutboxService.Interval);
            var expected = attempt;
            await bot.Discord.Rest.WaitForRequestAsync(_ => Uploads(bot) >= expected, BotHarness.Timeout);
        }

        var transcript = await bot.Discord.Rest.WaitForMessageAsync(m => m.ChannelId == bot.LogChannelId && m.Attachments.Count == 1, BotHarness.Timeout);
        Assert.Contains("Withdrawal switched off", Text(transcript), StringComparison.Ordinal);
        var messages = bot.Discord.Rest.Messages;
        Assert.Single(messages, m => m.ChannelId == bot.LogChannelId && m.Attachments.Count == 1);
        Assert.Single(messages, m => m.ChannelId == thread.Id && m.Content.Contains("was closed by", StringComparison.Ordinal));
        Assert.Single(messages, m => Buttons(m).Any(b => b.CustomId == "tk:rate:1:5"));
        await people.DeleteDataAsync();
    }

    [Fact]
    public async Task PostDoneButItsAnswerLost_OutboxRetriesWithTheSameNonce_ShownOnce()
    {
        var (people, clock, thread) = await TicketFromAFailedCheckAsync();
        await using var bot = people.Bot;
        await people.StaffInThreadAsync("close", thread.Id);
        var question = await bot.Discord.Rest.WaitForMessageAsync(m => m.ChannelId == thread.Id && Buttons(m).Any(b => b.CustomId == "tk:fixed:1"), BotHarness.Timeout);

        // "was closed" reaches the thread but Discord's answer is a 502: the bot can't know it was posted.
        bot.Discord.Rest.FailAfterNext(DiscordRestRoutes.CreateMessage, 502);
        var (yes, _) = await people.ClickAsync(Member, "tk:fixed:1", question);
        Assert.Contains("closed as resolved", await people.DeferredAnswerAsync(yes), StringComparison.Ordinal);
        Assert.False(thread.Locked);

        clock.Advance(TicketOutboxService.Interval);
        await bot.Discord.Rest.WaitForMessageAsync(m => m.ChannelId == bot.LogChannelId && m.Attachments.Count == 1, BotHarness.Timeout);

        Assert.True(thread.Locked);
        Assert.Equal(2, bot.Discord.Rest.RequestsFor(DiscordRestRoutes.CreateMessage).Count(r => r.Body?.Contains("was closed by", StringComparison.Ordinal) == true));
        Assert.Single(bot.Discord.Rest.Messages, m => m.ChannelId == thread.Id && m.Content.Contains("was closed by", StringComparison.Ordinal));
        Assert.Single(bot.Discord.Rest.Messages, m => Buttons(m).Any(b => b.CustomId == "tk:rate:1:5"));
        await people.DeleteDataAsync();
    }

    [Fact]
    public async Task TicketClosedWhileDiscordStillBuildsIt_OutboxDoesNotOpenASecondOne()
    {
        // Discord refuses to add the member to the thread: the ticket is recorded, its thread and card are there, and
        // the rest is left for the outbox. Staff close it at once, before the outbox's next run.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var people = await StartAsync(clock);
        await using var bot = people.Bot;
        bot.Discord.Rest.FailNext(DiscordRestRoutes.AddThreadMember, status: 403);
        var (id, _) = await DiagnoseMember.SubmitKeyAsync(bot, Member, bot.Bybit.Scenario("withdrawal-enabled").ApiKey, bot.Bybit.Scenario("withdrawal-enabled").ApiSecret);
        await DiagnoseMember.WaitForResultAsync(bot, id);
        await bot.Discord.Rest.WaitForRequestAsync(r => r.Route == DiscordRestRoutes.AddThreadMember, BotHarness.Timeout);
        var thread = people.Thread();
        await bot.Discord.Rest.WaitForMessageAsync(m => m.ChannelId == thread.Id && Text(m).Contains("Withdrawal", StringComparison.OrdinalIgnoreCase), BotHarness.Timeout);

        var closed = await people.StaffInThreadAsync("close", thread.Id, SlashOption.String("reason", "Sorted in DMs"), SlashOption.Boolean("force", true));
        Assert.Contains("is closed", closed, StringComparison.Ordinal);

        // The outbox's run takes the check's promised ticket before it finishes closes: the promise was this ticket,
        // so by the time the transcript is posted nothing has opened again.
        clock.Advance(TicketOutboxService.Interval);
        await bot.Discord.Rest.WaitForMessageAsync(m => m.ChannelId == bot.LogChannelId && m.Attachments.Count == 1, BotHarness.Timeout);
        Assert.Contains("No open tickets", Answer((await people.TicketCommandAsync(Staff, "list")).Callback), StringComparison.Ordinal);
        Assert.Single(bot.Discord.Rest.Threads, t => t.ParentId == bot.SupportChannelId);
        Assert.DoesNotContain(bot.Discord.Rest.Messages, m => m.ChannelId == bot.StaffChannelId && m.Text.Contains("New ticket #0002", StringComparison.Ordinal));
        await people.DeleteDataAsync();
    }

    private static async Task<(TicketPeople People, FakeTimeProvider Clock, EmulatedChannel Thread)> TicketFromAFailedCheckAsync()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var people = await StartAsync(clock);
        await people.FailDiagnoseAsync(people.Bot.Bybit.Scenario("withdrawal-enabled"));
        await people.StaffNoticeAsync();
        return (people, clock, people.Thread());
    }

    private static int Uploads(BotHarness bot) =>
        bot.Discord.Rest.RequestsFor(DiscordRestRoutes.CreateMessage).Count(r => r.Files.Count > 0);
}
