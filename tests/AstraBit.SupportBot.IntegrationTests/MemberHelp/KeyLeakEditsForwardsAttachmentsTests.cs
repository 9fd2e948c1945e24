using System.Text;
using AstraBit.SupportBot.Emulators.Discord;
using AstraBit.SupportBot.IntegrationTests.Tickets;
using static AstraBit.SupportBot.IntegrationTests.Tickets.TicketPeople;

namespace AstraBit.SupportBot.IntegrationTests.MemberHelp;

/// <summary>
/// The key-leak guard against the real host for the other ways a secret reaches a channel: an edit, a forward, an
/// attached text file. Where something must NOT happen, a later message holding a secret is the barrier: the bot starts
/// handling events in the order Discord sent them, so once the later one is deleted the earlier one has been taken
/// up, and stopping the bot waits for handlers still running before anything is counted.
/// </summary>
public sealed class KeyLeakEditsForwardsAttachmentsTests
{
    private const ulong Friend = 1_500_000_000_000_000_401;

    [Fact]
    public async Task EditIntoSecret_And_ForwardOfSecret_Deleted_MemberWarnedPrivately_Audited_HarmlessEditStays()
    {
        var people = await TicketPeople.StartAsync();
        try
        {
            var bot = people.Bot;
            var rest = bot.Discord.Rest;
            var member = new DiscordMember(bot.Discord, Member);
            var account = bot.Bybit.Scenario("healthy-unified");
            var masked = "…" + account.ApiKey[^4..];

            // An edit that puts the key and secret into a harmless message.
            await member.SayAsync(bot.SupportChannelId, "my bot stopped trading, any idea?");
            var asked = rest.Messages.Last(m => m.AuthorId == Member);
            var edit = rest.EditMemberMessage(Member, asked.Id, $"my bot stopped trading. key {account.ApiKey} secret {account.ApiSecret}");
            await bot.Discord.Gateway.DispatchAsync("MESSAGE_UPDATE", edit);
            await DeletedAsync(bot, asked.Id);
            var warning = await WarningAsync(bot, "edited a message");
            Assert.Contains("deleted that message", warning.Content, StringComparison.Ordinal);
            Assert.Contains($"Delete the API key {masked} on Bybit now", warning.Content, StringComparison.Ordinal);
            await AuditShowsAsync(people, $"channel {Id(bot.SupportChannelId)}; key {masked}; message deleted; in an edit");

            // A forward of a message (from a place the bot doesn't watch) holding the secret, its text split by full stops.
            var elsewhere = rest.AddTextChannel("another-server");
            var split = string.Join('.', account.ApiSecret.Chunk(6).Select(c => new string(c)));
            var original = rest.PostMemberMessage(Friend, elsewhere, "here is the secret: " + split);
            var forward = await member.ForwardAsync(ulong.Parse(original["id"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture), bot.SupportChannelId);
            await DeletedAsync(bot, forward);
            var forwardWarning = await WarningAsync(bot, "forwarded a message");
            Assert.Contains("deleted that message", forwardWarning.Content, StringComparison.Ordinal);
            await AuditShowsAsync(people, $"channel {Id(bot.SupportChannelId)}; key not posted; message deleted; in a forwarded message");

            // The same edit delivered again (a resumed session replays events) changes nothing: one warning, one delete.
            await bot.Discord.Gateway.DispatchAsync("MESSAGE_UPDATE", edit);

            // A harmless edit (a key alone is not a secret) stays; then a barrier.
            await member.SayAsync(bot.SupportChannelId, "thanks, trying again");
            var harmless = rest.Messages.Last(m => m.AuthorId == Member);
            await member.EditAsync(harmless.Id, $"thanks, trying again with key {account.ApiKey}");
            await member.SayAsync(bot.SupportChannelId, "oops " + account.ApiSecret);
            var barrier = rest.Messages.Last(m => m.AuthorId == Member);
            await DeletedAsync(bot, barrier.Id);
            await bot.StopAsync();

            Assert.Contains(rest.Messages, m => m.Id == harmless.Id && m.Content.EndsWith(account.ApiKey, StringComparison.Ordinal));
            Assert.DoesNotContain(rest.Requests, r => r.Method == "DELETE" && r.Path.EndsWith("/messages/" + Id(harmless.Id), StringComparison.Ordinal));
            Assert.Equal(3, rest.DeletedMessages.Count(m => m.AuthorId == Member));
            Assert.Single(rest.Requests, r => r.Method == "DELETE" && r.Path.EndsWith("/messages/" + Id(asked.Id), StringComparison.Ordinal));
            Assert.Single(rest.Messages, m => m.InDirectMessage && m.Content.Contains("edited a message", StringComparison.Ordinal));
            people.AssertSecretNowhere(account.ApiSecret);
            Assert.DoesNotContain(split, bot.Logs, StringComparison.Ordinal);
        }
        finally
        {
            await people.Bot.DisposeAsync();
            await people.DeleteDataAsync();
        }
    }

    [Fact]
    public async Task TextAttachments_SecretInside_Deleted_MemberWarned_Audited_OnlyAllowedSmallFilesFetched()
    {
        var people = await TicketPeople.StartAsync();
        await using var elsewhere = await DiscordRestEmulator.StartAsync();
        try
        {
            var bot = people.Bot;
            var rest = bot.Discord.Rest;
            var member = new DiscordMember(bot.Discord, Member);
            var account = bot.Bybit.Scenario("healthy-unified");
            var masked = "…" + account.ApiKey[^4..];
            var logWithSecret = Encoding.UTF8.GetBytes($"2026-12-07 10:00 starting\napiKey={account.ApiKey}\napiSecret={account.ApiSecret}\nretCode 10003\n");

            // A log file holding the key and secret: fetched from the emulator's attachment host, without the bot token.
            var posted = await member.SayAsync(bot.SupportChannelId, "my logs", [new MemberFile("bot.log", logWithSecret)]);
            await DeletedAsync(bot, posted);
            var warning = await WarningAsync(bot, "attached a file");
            Assert.Contains($"Delete the API key {masked} on Bybit now", warning.Content, StringComparison.Ordinal);
            await AuditShowsAsync(people, $"channel {Id(bot.SupportChannelId)}; key {masked}; message deleted; in an attached file");
            var fetched = Assert.Single(rest.RequestsFor(DiscordRestEmulator.AttachmentRoute));
            Assert.Equal(200, fetched.Status);
            Assert.True(string.IsNullOrEmpty(fetched.Authorization), "the bot token went to the attachment host");

            // Files read one after another: one over 1 MiB (by the size Discord states) is skipped unread, one whose URL
            // points at another host is never requested, one whose host redirects elsewhere is not followed; the
            // secret in the last one gets the message deleted, which also shows the others were taken up first.
            var huge = new byte[(1024 * 1024) + 1];
            logWithSecret.CopyTo(huge, 0);
            var elsewhereOrigin = new Uri(elsewhere.ApiBaseUrl, "/");
            var json = rest.PostMemberMessage(Member, bot.SupportChannelId, $"everything I have, also at {elsewhereOrigin}attachments/keys.txt",
            [
                new MemberFile("huge.txt", huge),
                new MemberFile("keys.txt", logWithSecret),
                new MemberFile("config.json", logWithSecret, "application/json"),
                new MemberFile("trades.csv", logWithSecret, "text/csv"),
            ]);
            var files = json["attachments"]!.AsArray().Select(a => a!.AsObject()).ToList();
            files[1]["url"] = new Uri(elsewhereOrigin, new Uri(files[1]["url"]!.GetValue<string>()).PathAndQuery).AbsoluteUri;
            var redirected = ulong.Parse(files[2]["id"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
            rest.RedirectAttachment(redirected, new Uri(elsewhereOrigin, "/attachments/config.json"));
            await bot.Discord.Gateway.DispatchAsync("MESSAGE_CREATE", json);
            await DeletedAsync(bot, ulong.Parse(json["id"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));

            // A harmless text file stays; then a barrier.
            var notes = await member.SayAsync(bot.SupportChannelId, "notes", [new MemberFile("notes.txt", Encoding.UTF8.GetBytes($"key {account.ApiKey}, connected on bybit.com"))]);
            var barrier = await member.SayAsync(bot.SupportChannelId, "and " + account.ApiSecret, []);
            await DeletedAsync(bot, barrier);
            await bot.StopAsync();

            var requested = rest.RequestsFor(DiscordRestEmulator.AttachmentRoute).Select(r => r.Path).ToList();
            Assert.DoesNotContain(requested, p => p.Contains("/" + files[0]["id"]!.GetValue<string>() + "/", StringComparison.Ordinal));
            Assert.DoesNotContain(requested, p => p.EndsWith("/keys.txt", StringComparison.Ordinal));
            Assert.Equal(302, rest.RequestsFor(DiscordRestEmulator.AttachmentRoute).Single(r => r.Path.Contains("/config.json", StringComparison.Ordinal)).Status);
            Assert.Contains(requested, p => p.EndsWith("/trades.csv", StringComparison.Ordinal));
            Assert.Contains(requested, p => p.EndsWith("/notes.txt", StringComparison.Ordinal));
            Assert.Empty(elsewhere.Requests);
            Assert.Contains(rest.Messages, m => m.Id == notes);
            people.AssertSecretNowhere(account.ApiSecret);
        }
        finally
        {
            await people.Bot.DisposeAsync();
            await people.DeleteDataAsync();
        }
    }

    // The guard writes the audit entry after warning the member; staff ask for the audit log until it shows it (each
    // round a real interaction), for as long as the harness waits for anything.
    private static async Task AuditShowsAsync(TicketPeople people, string expected)
    {
        var deadline = DateTimeOffset.UtcNow + BotHarness.Timeout;
        var text = "";
        while (!text.Contains(expected, StringComparison.Ordinal) && DateTimeOffset.UtcNow < deadline)
        {
            text = Answer((await people.TicketCommandAsync(Staff, "audit")).Callback);
        }

        Assert.Contains(expected, text, StringComparison.Ordinal);
    }

    private static Task<RecordedRequest> DeletedAsync(BotHarness bot, ulong messageId) =>
        bot.Discord.Rest.WaitForRequestAsync(r => r.Method == "DELETE" && r.Path.EndsWith("/messages/" + Id(messageId), StringComparison.Ordinal), BotHarness.Timeout);

    private static Task<EmulatedMessage> WarningAsync(BotHarness bot, string how) =>
        bot.Discord.Rest.WaitForMessageAsync(
            m => m.InDirectMessage && bot.Discord.Rest.GetChannel(m.ChannelId)?.RecipientId == Member && m.Content.Contains(how, StringComparison.Ordinal),
            BotHarness.Timeout);
}
