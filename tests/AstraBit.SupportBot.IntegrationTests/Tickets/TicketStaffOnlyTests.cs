using AstraBit.SupportBot.Emulators.Discord;
using static AstraBit.SupportBot.IntegrationTests.Tickets.TicketPeople;

namespace AstraBit.SupportBot.IntegrationTests.Tickets;

/// <summary>Staff actions are checked against the configured support role on every use, whatever Discord shows.</summary>
public sealed class TicketStaffOnlyTests
{
    [Fact]
    public async Task NonStaff_EveryStaffAction_IsRefusedAndChangesNothing()
    {
        var people = await StartAsync();
        await using var bot = people.Bot;
        await people.FailDiagnoseAsync(bot.Bybit.Scenario("withdrawal-enabled"));
        var notice = await people.StaffNoticeAsync();
        var thread = people.Thread();
        var welcome = people.MessagesIn(thread.Id)[1];
        var messagesBefore = bot.Discord.Rest.Messages.Count(m => !m.IsEphemeral);

        var refusals = new List<RecordedCallback>();
        foreach (var who in new[] { Outsider, Member })
        {
            foreach (var sub in new[] { "claim", "reopen", "list", "stats", "audit" })
            {
                refusals.Add((await people.TicketCommandAsync(who, sub, thread.Id)).Callback);
            }

            refusals.Add((await people.TicketCommandAsync(who, "close", thread.Id, SlashOption.String("reason", "sorted"))).Callback);
            refusals.Add((await people.ClickAsync(who, "tk:claim:1", notice)).Callback);
            refusals.Add((await people.ClickAsync(who, "tk:join:1", notice)).Callback);
            refusals.Add((await people.ClickAsync(who, "tk:unclaim:1", welcome)).Callback);
            refusals.Add((await people.ClickAsync(who, "tk:close:1", welcome)).Callback);
            refusals.Add((await people.SubmitAsync(who, "tk:close-reason:1", new Dictionary<string, string> { ["reason"] = "sorted" }, thread.Id)).Callback);
        }

        Assert.All(refusals, callback =>
        {
            Assert.Equal(ChannelMessage, callback.Type);
            Assert.Equal(Ephemeral, callback.Flags & Ephemeral);
            Assert.Contains("Only the support team can", Answer(callback), StringComparison.Ordinal);
        });
        Assert.False(thread.Archived);
        Assert.False(thread.Locked);
        Assert.DoesNotContain(Outsider, thread.Members);
        Assert.Equal(messagesBefore, bot.Discord.Rest.Messages.Count(m => !m.IsEphemeral));
        var (_, audit) = await people.TicketCommandAsync(Staff, "audit");
        Assert.Contains("empty", Answer(audit), StringComparison.Ordinal);
        var list = await people.ListUntilAsync("#0001");
        Assert.Contains("**unclaimed**", list, StringComparison.Ordinal);
        await people.DeleteDataAsync();
    }

    [Fact]
    public async Task RunTheCheckAgain_ClickedByStaff_IsOnlyForTheMember()
    {
        var people = await StartAsync();
        await using var bot = people.Bot;
        await people.FailDiagnoseAsync(bot.Bybit.Scenario("withdrawal-enabled"));
        await people.StaffNoticeAsync();
        var welcome = people.MessagesIn(people.Thread().Id)[1];

        var (_, callback) = await people.ClickAsync(Staff, "tk:check:1", welcome);

        Assert.Equal(ChannelMessage, callback.Type);
        Assert.Contains("never need anyone's key", Answer(callback), StringComparison.Ordinal);
        await people.DeleteDataAsync();
    }
}
