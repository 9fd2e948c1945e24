using AstraBit.SupportBot.Emulators.Discord;
using static AstraBit.SupportBot.IntegrationTests.Diagnose.DiagnoseMember;

namespace AstraBit.SupportBot.IntegrationTests.Tickets;

/// <summary>
/// The bot restarted right after a burst of tickets used up Discord's thread-creation bucket: the new process waits
/// for the reset it was told about before the restart, so the next ticket meets no 429.
/// </summary>
public sealed class RestartRateLimitTests
{
    private const ulong FirstMember = 1_700_000_000_000_000_401;

    [Fact]
    public async Task Restart_RightAfterABurstOfTickets_TheNextTicketMeetsNo429()
    {
        await using var bot = await BotHarness.StartAsync(s => s["Diagnostics:Cooldown"] = "00:00:00");
        // Two threads per 10 s in the support channel: the burst below empties the bucket, and a restart is quicker than its reset.
        bot.Discord.Rest.SetBucketLimit(DiscordRestRoutes.StartThread, 2, TimeSpan.FromSeconds(10));
        var failing = bot.Bybit.Scenario("withdrawal-enabled");

        await Task.WhenAll(OpenTicketAsync(bot, FirstMember, failing, 1), OpenTicketAsync(bot, FirstMember + 1, failing, 2));
        await bot.RestartAsync();
        await OpenTicketAsync(bot, FirstMember + 2, failing, 3);

        Assert.Equal(3, bot.Discord.Rest.Threads.Count(t => t.ParentId == bot.SupportChannelId));
        Assert.Equal(0, bot.Discord.Rest.RateLimitViolations(DiscordRestRoutes.StartThread));
    }

    private static async Task OpenTicketAsync(BotHarness bot, ulong member, Emulators.Bybit.BybitAccountScenario key, int ticket)
    {
        var (id, _) = await SubmitKeyAsync(bot, member, key.ApiKey, key.ApiSecret);
        await WaitForResultAsync(bot, id);
        var number = ticket.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
        await bot.Discord.Rest.WaitForMessageAsync(m => m.ChannelId == bot.StaffChannelId && m.Text.Contains($"New ticket #{number}", StringComparison.Ordinal), BotHarness.Timeout);
    }
}
