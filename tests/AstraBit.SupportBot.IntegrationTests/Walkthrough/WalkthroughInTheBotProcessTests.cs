using AstraBit.SupportBot.IntegrationTests.Crash;

namespace AstraBit.SupportBot.IntegrationTests.Walkthrough;

/// <summary>
/// /connect-bybit against the bot's own process (the shipped Native AOT build in CI's second pass): slash command,
/// DM, buttons, selects, the key modal, checks at steps 3, 5 and the final one, and the progress kept across a kill -9.
/// Each step is what <see cref="ConnectBybitWalkthroughTests"/> proves in-process in more detail.
/// </summary>
[Trait("Bot", "Process")]
public sealed class WalkthroughInTheBotProcessTests
{
    private const ulong Member = 1_400_000_000_000_000_301;

    [Fact]
    public async Task ConnectBybit_HealthyKey_ThroughEveryStepAndARestartToAPassingFinalCheck()
    {
        await using var bot = await KillableBot.CreateAsync();
        await bot.LaunchAsync();
        var healthy = bot.Accounts("healthy-unified", 1)[0];
        var member = new WalkthroughMember(bot.Discord, bot.SupportChannelId, Member);

        var message = await member.ConnectInDmAsync();
        Assert.Equal("Connect Bybit to AstraBit", WalkthroughMember.Header(message));
        await member.ClickAndUpdateAsync("wt:next");
        await member.SelectAsync("wt:region", "mainnet");
        await member.NextUntilAsync("Part 1 of 3 · Step 3 of 6");
        await member.SelectAsync("wt:acct", "unified");
        await member.CheckWithModalAsync("3", healthy.ApiKey, healthy.ApiSecret);
        Assert.Contains("✅ Everything this step checks is right", WalkthroughMember.Text(member.Message), StringComparison.Ordinal);
        await member.NextUntilAsync("Part 1 of 3 · Step 4 of 6");

        // kill -9 and a new process on the same data file: the old message's Next continues from the stored step.
        await bot.KillAsync();
        await bot.LaunchAsync();
        await member.ClickAndUpdateAsync("wt:next");
        Assert.Equal("Part 2 of 3 · Step 5 of 6", WalkthroughMember.Header(member.Message));

        // The key lived in the killed process's memory only: "Check it now" asks for it again.
        await member.CheckWithModalAsync("5", healthy.ApiKey, healthy.ApiSecret);
        Assert.Contains("One-Way", WalkthroughMember.Text(member.Message), StringComparison.Ordinal);
        await member.NextUntilAsync("Part 3 of 3 · Step 6 of 6");
        await member.NextUntilAsync("Final check");
        await member.CheckRememberedAsync("final");

        Assert.Equal(["Final check", "", "All done"], WalkthroughMember.Headers(member.Message));
        Assert.Contains("Everything checks out", WalkthroughMember.Notice(member.Message), StringComparison.Ordinal);
        Assert.Same(message, member.Message);
        Assert.Single(bot.Discord.Rest.Messages, m => m.ChannelId == message.ChannelId);
    }
}
