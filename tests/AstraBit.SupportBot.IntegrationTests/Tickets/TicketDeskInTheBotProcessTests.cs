using AstraBit.SupportBot.Emulators.Discord;
using AstraBit.SupportBot.IntegrationTests.Crash;
using static AstraBit.SupportBot.IntegrationTests.Tickets.TicketPeople;

namespace AstraBit.SupportBot.IntegrationTests.Tickets;

/// <summary>
/// The staff desk against the bot's own process (the shipped Native AOT build in CI's second pass): a failed check's
/// ticket, Claim from the staff notice, a conversation, /ticket close, the transcript in the log channel and the
/// member's rating. <see cref="TicketLifecycleTests"/> proves each step in-process in more detail.
/// </summary>
[Trait("Bot", "Process")]
public sealed class TicketDeskInTheBotProcessTests
{
    [Fact]
    public async Task FailedCheck_ClaimTalkCloseRate_InTheBotProcess()
    {
        await using var bot = await KillableBot.CreateAsync();
        bot.Discord.Rest.AddMember(Member, [], "alice.trader");
        bot.Discord.Rest.AddMember(Staff, [BotHarness.SupportRoleId], "sam.support");
        await bot.LaunchAsync();
        var account = bot.Accounts("hedge-mode", 1)[0];

        await bot.SubmitKeyAsync(Member, account);
        var notice = await bot.Discord.Rest.WaitForMessageAsync(m => m.ChannelId == bot.StaffChannelId && m.Text.Contains("New ticket #0001", StringComparison.Ordinal), KillableBot.Timeout);
        var thread = bot.Discord.Rest.Threads.Single(t => t.ParentId == bot.SupportChannelId);

        var claim = await bot.Discord.ClickButtonAsync(Staff, "tk:claim:1", notice.Id, notice.ChannelId);
        await bot.Discord.Rest.WaitForCallbackAsync(claim, KillableBot.Timeout);
        await bot.Discord.Rest.WaitForMessageAsync(m => m.ChannelId == thread.Id && m.Content.Contains("has claimed ticket #0001", StringComparison.Ordinal), KillableBot.Timeout);
        await bot.Discord.Gateway.DispatchAsync("MESSAGE_CREATE", bot.Discord.Rest.PostMemberMessage(Staff, thread.Id, "Switch Position Mode to One-Way for BTCUSDT."));
        await bot.Discord.Gateway.DispatchAsync("MESSAGE_CREATE", bot.Discord.Rest.PostMemberMessage(Member, thread.Id, "Done, thanks!"));

        var close = await bot.Discord.RunSlashCommandAsync(
            Staff, "ticket", [SlashOption.Subcommand("close", SlashOption.String("reason", "Switched to One-Way"), SlashOption.Boolean("force", true))], thread.Id);
        await bot.Discord.Rest.WaitForCallbackAsync(close, KillableBot.Timeout);

        var log = await bot.Discord.Rest.WaitForMessageAsync(m => m.ChannelId == bot.LogChannelId && m.Attachments.Count == 1, KillableBot.Timeout);
        var transcript = TranscriptFile.Text(log.Attachments[0]);
        Assert.Contains("Ticket #0001", transcript, StringComparison.Ordinal);
        Assert.Contains("Close reason: Switched to One-Way", transcript, StringComparison.Ordinal);
        Assert.Matches($"sam\\.support staff {Id(Staff)} [^\n]*\nSwitch Position Mode to One-Way", transcript);
        Assert.Matches($"alice\\.trader member {Id(Member)} [^\n]*\nDone, thanks!", transcript);
        Assert.Contains("position-mode", transcript, StringComparison.Ordinal);
        Assert.DoesNotContain(account.ApiSecret, transcript, StringComparison.Ordinal);
        Assert.True(thread.Archived && thread.Locked);

        var prompt = await bot.Discord.Rest.WaitForMessageAsync(m => m.InDirectMessage && ButtonIds(m).Contains("tk:rate:1:5"), KillableBot.Timeout);
        var rate = await bot.Discord.ClickButtonAsync(Member, "tk:rate:1:5", prompt.Id, null, true);
        await bot.Discord.Rest.WaitForCallbackAsync(rate, KillableBot.Timeout);
        await bot.Discord.Rest.WaitForMessageAsync(m => m.ChannelId == bot.LogChannelId && m.Content.Contains("rated ticket #0001 5/5", StringComparison.Ordinal), KillableBot.Timeout);
    }

    private static IReadOnlyList<string> ButtonIds(EmulatedMessage message) => [.. Buttons(message).Select(b => b.CustomId)];
}
