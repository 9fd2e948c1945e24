using AstraBit.SupportBot.Emulators.Discord;
using AstraBit.SupportBot.IntegrationTests.Tickets;
using Microsoft.Extensions.Time.Testing;
using static AstraBit.SupportBot.IntegrationTests.Tickets.TicketPeople;

namespace AstraBit.SupportBot.IntegrationTests.MemberHelp;

/// <summary>The key-leak guard against the real host: a secret posted in a public channel, a ticket thread and a DM.</summary>
public sealed class KeyLeakGuardTests
{
    [Fact]
    public async Task SecretInPublicChannelThreadAndDm_DeletedOrAskedToDelete_MemberTold_Audited_TicketNoted_SecretNowhere()
    {
        var people = await TicketPeople.StartAsync();
        try
        {
            var bot = people.Bot;
            var account = bot.Bybit.Scenario("healthy-unified");
            var paste = $"help, my bot fails. key: {account.ApiKey} secret: {account.ApiSecret}";
            var masked = "…" + account.ApiKey[^4..];

            // Public channel: deleted at once with an audit-log reason, the member warned in a DM.
            await people.SayAsync(Member, bot.SupportChannelId, paste);
            var leaked = bot.Discord.Rest.Messages.Last(m => m.AuthorId == Member);
            var delete = await bot.Discord.Rest.WaitForRequestAsync(r => r.Method == "DELETE" && r.Path.EndsWith("/messages/" + Id(leaked.Id), StringComparison.Ordinal), BotHarness.Timeout);
            Assert.Contains("API secret", delete.AuditLogReason, StringComparison.Ordinal);
            Assert.Contains(bot.Discord.Rest.DeletedMessages, m => m.Id == leaked.Id);
            var warning = await WarningToAsync(bot, Member);
            Assert.Contains("deleted that message", warning.Content, StringComparison.Ordinal);
            Assert.Contains($"Delete the API key {masked} on Bybit now", warning.Content, StringComparison.Ordinal);
            Assert.Contains("create a new one", warning.Content, StringComparison.Ordinal);
            Assert.Contains("can trade on your account", warning.Content, StringComparison.Ordinal);
            await people.AuditUntilAsync($"channel {Id(bot.SupportChannelId)}; key {masked}; message deleted");

            // A ticket thread: deleted, and a note for staff in the ticket.
            var (open, _) = await people.OpenTicketAsync(Member, channelId: bot.SupportChannelId);
            await people.DeferredAnswerAsync(open);
            var thread = people.Thread();
            await people.SayAsync(Member, thread.Id, "here: " + account.ApiSecret);
            var inThread = bot.Discord.Rest.Messages.Last(m => m.AuthorId == Member && m.ChannelId == thread.Id);
            await bot.Discord.Rest.WaitForRequestAsync(r => r.Method == "DELETE" && r.Path.EndsWith("/messages/" + Id(inThread.Id), StringComparison.Ordinal), BotHarness.Timeout);
            var note = await bot.Discord.Rest.WaitForMessageAsync(m => m.ChannelId == thread.Id && m.Content.Contains("posted an API secret", StringComparison.Ordinal), BotHarness.Timeout);
            Assert.Contains("was deleted", note.Content, StringComparison.Ordinal);
            Assert.Empty(note.AllowedMentions!["parse"]!.AsArray());
            await people.AuditUntilAsync($"channel {Id(thread.Id)}; key not posted; message deleted");

            // A DM to the bot: no bot may delete it, so the member is asked to.
            var dm = bot.Discord.Rest.DmChannelOf(Member);
            var before = bot.Discord.Rest.Messages.Count(m => m.ChannelId == dm && m.AuthorId == bot.Discord.Rest.BotUserId);
            await people.SayAsync(Member, dm, paste);
            var asked = await bot.Discord.Rest.WaitForMessageAsync(
                m => m.ChannelId == dm && m.AuthorId == bot.Discord.Rest.BotUserId && m.Content.Contains("please delete that message now", StringComparison.Ordinal),
                BotHarness.Timeout);
            Assert.Contains($"Delete the API key {masked} on Bybit now", asked.Content, StringComparison.Ordinal);
            Assert.True(bot.Discord.Rest.Messages.Count(m => m.ChannelId == dm && m.AuthorId == bot.Discord.Rest.BotUserId) > before);
            await people.AuditUntilAsync($"a DM to the bot; key {masked}; member asked to delete it");

            // The ticket closes with a transcript; nothing the bot sent, logged or stored holds the secret.
            await people.StaffInThreadAsync("close", thread.Id, SlashOption.String("reason", "Key replaced"));
            await bot.Discord.Rest.WaitForMessageAsync(m => m.ChannelId == bot.LogChannelId && m.Attachments.Count == 1, BotHarness.Timeout);
            await bot.StopAsync();
            people.AssertSecretNowhere(account.ApiSecret);
            Assert.DoesNotContain(bot.Discord.Rest.Requests, r => r.Body?.Contains(account.ApiKey, StringComparison.Ordinal) == true);
            Assert.DoesNotContain(account.ApiKey, bot.Logs, StringComparison.Ordinal);
        }
        finally
        {
            await people.Bot.DisposeAsync();
            await people.DeleteDataAsync();
        }
    }

    [Fact]
    public async Task SecretFromMemberWithClosedDms_ShortNoticeMentioningOnlyThem_GoneAfterAMinute()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var people = await TicketPeople.StartAsync(clock);
        try
        {
            var bot = people.Bot;
            var account = bot.Bybit.Scenario("healthy-unified");
            bot.Discord.Rest.CloseDms(Member);

            await people.SayAsync(Member, bot.SupportChannelId, "is this right? " + account.ApiSecret);
            var notice = await bot.Discord.Rest.WaitForMessageAsync(m => m.ChannelId == bot.SupportChannelId && m.AuthorId == bot.Discord.Rest.BotUserId, BotHarness.Timeout);
            Assert.StartsWith($"<@{Id(Member)}>", notice.Content, StringComparison.Ordinal);
            Assert.Contains("Delete that API key on Bybit now", notice.Content, StringComparison.Ordinal);
            Assert.Equal([Id(Member)], notice.AllowedMentions!["users"]!.AsArray().Select(u => u!.GetValue<string>()));
            Assert.Empty(notice.AllowedMentions["parse"]!.AsArray());
            Assert.DoesNotContain(bot.Discord.Rest.DeletedMessages, m => m.Id == notice.Id);

            clock.Advance(TimeSpan.FromMinutes(1));
            await bot.Discord.Rest.WaitForRequestAsync(r => r.Method == "DELETE" && r.Path.EndsWith("/messages/" + Id(notice.Id), StringComparison.Ordinal), BotHarness.Timeout);
            Assert.Contains(bot.Discord.Rest.DeletedMessages, m => m.Id == notice.Id);
            await bot.StopAsync();
            people.AssertSecretNowhere(account.ApiSecret);
        }
        finally
        {
            await people.Bot.DisposeAsync();
            await people.DeleteDataAsync();
        }
    }

    [Fact]
    public async Task WithoutMessageContentIntent_TheBotSaysOnceAtStartThatTheGuardIsOff()
    {
        await using var bot = await BotHarness.StartAsync(s => s["Discord:Intents"] = 37379 - 32768);
        await bot.RestartAsync();

        // Once per start: two starts, two lines.
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(bot.Logs, "lacks Message Content \\(32768\\): the key-leak guard and answers to pasted errors are off").Count);
    }

    private static Task<EmulatedMessage> WarningToAsync(BotHarness bot, ulong member) =>
        bot.Discord.Rest.WaitForMessageAsync(m => m.InDirectMessage && bot.Discord.Rest.GetChannel(m.ChannelId)?.RecipientId == member && m.Content.Contains("API secret", StringComparison.Ordinal), BotHarness.Timeout);
}
