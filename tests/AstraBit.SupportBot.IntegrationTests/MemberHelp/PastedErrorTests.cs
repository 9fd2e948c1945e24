using static AstraBit.SupportBot.IntegrationTests.Tickets.TicketPeople;

namespace AstraBit.SupportBot.IntegrationTests.MemberHelp;

/// <summary>Answers to errors pasted in the support channel, against the real host.</summary>
public sealed class PastedErrorTests
{
    private const ulong Member = 1_600_000_000_000_000_121;

    [Fact]
    public async Task PastedError_InTheSupportChannel_AnsweredOnceAsAReplyWithoutPing_NotTwice_NotInTicketThreads()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Discord.Rest.AddMember(Member, [], "pat");

        await SayAsync(bot, bot.SupportChannelId, "my bot says retCode 10003, what now?");
        var asked = bot.Discord.Rest.Messages.Last(m => m.AuthorId == Member);
        var reply = await bot.Discord.Rest.WaitForMessageAsync(m => m.ChannelId == bot.SupportChannelId && m.AuthorId == bot.Discord.Rest.BotUserId, BotHarness.Timeout);
        Assert.Contains("10003", Text(reply), StringComparison.Ordinal);
        Assert.Contains(Buttons(reply), b => b.CustomId == "kc:open" && b.Label == "Check my API key");
        var sent = bot.Discord.Rest.Requests.Single(r => r.Method == "POST" && r.Path.EndsWith($"/channels/{Id(bot.SupportChannelId)}/messages", StringComparison.Ordinal));
        Assert.Equal(Id(asked.Id), sent.Json!["message_reference"]!["message_id"]!.GetValue<string>());
        Assert.False(sent.Json["allowed_mentions"]!["replied_user"]!.GetValue<bool>());
        Assert.Empty(sent.Json["allowed_mentions"]!["parse"]!.AsArray());

        // The button under the reply opens the key form.
        var click = await bot.Discord.ClickButtonAsync(Member, "kc:open", reply.Id, bot.SupportChannelId);
        Assert.Equal("key:panel", (await bot.Discord.Rest.WaitForCallbackAsync(click, BotHarness.Timeout)).Data!["custom_id"]!.GetValue<string>());

        // The same error again within the hour is not answered again; a new error in the same message is, alone.
        // A ticket thread gets no answer (staff are talking there); its message goes first, the answer after it is
        // the bot's, and the bot is stopped (its handlers drained) before counting.
        var thread = bot.Discord.Rest.AddTextChannel("ticket-0001");
        await SayAsync(bot, thread, "retCode 10010 here");
        await SayAsync(bot, bot.SupportChannelId, "still 10003 :( and now position idx not match position mode");
        var second = await bot.Discord.Rest.WaitForMessageAsync(m => m.AuthorId == bot.Discord.Rest.BotUserId && m.Id != reply.Id && m.ChannelId == bot.SupportChannelId, BotHarness.Timeout);
        Assert.Contains("position", Text(second), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("10003", Text(second), StringComparison.Ordinal);
        await bot.StopAsync();
        Assert.Equal(2, bot.Discord.Rest.Messages.Count(m => m.AuthorId == bot.Discord.Rest.BotUserId && m.ChannelId == bot.SupportChannelId));
        Assert.DoesNotContain(bot.Discord.Rest.Messages, m => m.AuthorId == bot.Discord.Rest.BotUserId && m.ChannelId == thread);
    }

    private static Task SayAsync(BotHarness bot, ulong channelId, string content) =>
        bot.Discord.Gateway.DispatchAsync("MESSAGE_CREATE", bot.Discord.Rest.PostMemberMessage(Member, channelId, content));
}
