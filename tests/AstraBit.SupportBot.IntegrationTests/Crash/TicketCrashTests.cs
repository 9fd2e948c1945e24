using System.Globalization;
using AstraBit.SupportBot.Emulators.Discord;

namespace AstraBit.SupportBot.IntegrationTests.Crash;

/// <summary>
/// kill -9 between "check failed" and "ticket built": the bot runs in its own process and is killed the moment Discord
/// sees a given step of building the ticket; the next bot on the same data file completes the ticket, and the member
/// ends with exactly one ticket they can open, with the card and a staff notice.
/// </summary>
[Trait("Bot", "Process")]
public sealed class TicketCrashTests
{
    private const ulong FirstMember = 1_600_000_000_000_000_001;

    public static TheoryData<string> Steps => ["check recorded", "thread created", "card posted", "member added", "staff notice posted"];

    [Theory]
    [MemberData(nameof(Steps))]
    public async Task KilledAtStep_NextBotCompletesTheTicket(string step)
    {
        await using var bot = await KillableBot.CreateAsync();
        var account = bot.Accounts("withdrawal-enabled", 1)[0];
        bot.Discord.Rest.AddMember(FirstMember, [], "carol.crash");
        await bot.LaunchAsync();
        var started = DateTimeOffset.UtcNow;

        await bot.SubmitKeyAsync(FirstMember, account);
        await bot.Discord.Rest.WaitForRequestAsync(r => r.ReceivedAt >= started && IsStep(bot, step, r), KillableBot.Timeout);
        await bot.KillAsync();

        await bot.LaunchAsync();
        await bot.WaitForOutboxRunAsync();
        await bot.KillAsync();

        var (tickets, pending) = await bot.ReadDataAsync();
        Assert.Empty(pending);
        bot.AssertOneCompleteTicket(tickets, FirstMember, "…" + account.ApiKey[^4..], $"killed at \"{step}\"");
    }

    /// <summary>
    /// Discord refuses to add the member to the new thread, so the ticket is left half-built: a thread the member can't
    /// open and no staff notice. `/ticket open` repairs it instead of pointing at it; the promise still pending from
    /// the check is completed by the next bot without a second thread, card or notice.
    /// </summary>
    [Fact]
    public async Task HalfBuiltTicket_TicketOpenRepairsIt_AndTheNextBotAddsNothingTwice()
    {
        const ulong Member = FirstMember + 500;
        await using var bot = await KillableBot.CreateAsync();
        var account = bot.Accounts("withdrawal-enabled", 1)[0];
        bot.Discord.Rest.AddMember(Member, [], "dave.halfbuilt");
        bot.Discord.Rest.FailNext(DiscordRestRoutes.AddThreadMember, status: 403);
        await bot.LaunchAsync();

        var check = await bot.SubmitKeyAsync(Member, account);
        await bot.Discord.Rest.WaitForMessageAsync(m => m.InteractionId == check && m.EditCount > 0, KillableBot.Timeout);
        var thread = Assert.Single(bot.Discord.Rest.Threads, t => t.ParentId == bot.SupportChannelId);
        Assert.DoesNotContain(Member, thread.Members);
        Assert.DoesNotContain(bot.Discord.Rest.Messages, m => m.ChannelId == bot.StaffChannelId && m.Text.Contains("New ticket", StringComparison.Ordinal));

        var open = await bot.Discord.RunSlashCommandAsync(Member, "ticket", [SlashOption.Subcommand("open")], bot.SupportChannelId);
        var answer = await bot.Discord.Rest.WaitForMessageAsync(m => m.InteractionId == open && m.EditCount > 0, KillableBot.Timeout);
        Assert.Contains($"You already have ticket #0001 open: <#{thread.Id.ToString(CultureInfo.InvariantCulture)}>", answer.Content, StringComparison.Ordinal);
        Assert.Contains(Member, thread.Members);
        Assert.Single(bot.Discord.Rest.Messages, m => m.ChannelId == bot.StaffChannelId && m.Text.Contains("New ticket #0001", StringComparison.Ordinal));
        var inThread = bot.Discord.Rest.Messages.Count(m => m.ChannelId == thread.Id);

        await bot.KillAsync();
        await bot.LaunchAsync();
        await bot.WaitForOutboxRunAsync();
        await bot.KillAsync();

        var (tickets, pending) = await bot.ReadDataAsync();
        Assert.Empty(pending);
        var ticket = bot.AssertOneCompleteTicket(tickets, Member, "…" + account.ApiKey[^4..], "repaired by /ticket open");
        Assert.Empty(ticket.LaterChecks);
        Assert.Single(bot.Discord.Rest.Threads, t => t.ParentId == bot.SupportChannelId);
        Assert.Equal(inThread, bot.Discord.Rest.Messages.Count(m => m.ChannelId == thread.Id));
        Assert.Single(bot.Discord.Rest.Messages, m => m.ChannelId == bot.StaffChannelId && m.Text.Contains("New ticket", StringComparison.Ordinal));
    }

    private static bool IsStep(KillableBot bot, string step, RecordedRequest request) => step switch
    {
        // The first Discord request after the check was recorded with its ticket promise: the member's name for the thread
        // (the member's own record: at READY the bot also reads its own member record for the set-up check).
        "check recorded" => request.Route == DiscordRestRoutes.GetGuildMember && request.Path.EndsWith(FirstMember.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal),
        "thread created" => request.Route == DiscordRestRoutes.StartThread,
        "card posted" => request.Route == DiscordRestRoutes.CreateMessage && bot.Discord.Rest.Threads.Any(t => request.Path.Contains(t.Id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)),
        "member added" => request.Route == DiscordRestRoutes.AddThreadMember,
        "staff notice posted" => request.Route == DiscordRestRoutes.CreateMessage
            && request.Path.Contains(bot.StaffChannelId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            && request.Body?.Contains("New ticket", StringComparison.Ordinal) == true,
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, null),
    };
}
