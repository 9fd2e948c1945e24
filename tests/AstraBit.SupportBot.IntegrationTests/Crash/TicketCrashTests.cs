using System.Globalization;
using AstraBit.SupportBot.Emulators.Discord;

namespace AstraBit.SupportBot.IntegrationTests.Crash;

/// <summary>
/// kill -9 between "check failed" and "ticket built": the bot runs in its own process and is killed the moment Discord
/// sees a given step of building the ticket; the next bot on the same data file completes the ticket, and the member
/// ends with exactly one ticket they can open, with the card and a staff notice.
/// </summary>
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
        Assert.DoesNotContain(bot.Discord.Rest.Messages, m => m.ChannelId == bot.StaffChannelId && m.Content.Contains("New ticket", StringComparison.Ordinal));

        var open = await bot.Discord.RunSlashCommandAsync(Member, "ticket", [SlashOption.Subcommand("open")], bot.SupportChannelId);
        var answer = await bot.Discord.Rest.WaitForMessageAsync(m => m.InteractionId == open && m.EditCount > 0, KillableBot.Timeout);
        Assert.Contains($"You already have ticket #0001 open: <#{thread.Id.ToString(CultureInfo.InvariantCulture)}>", answer.Content, StringComparison.Ordinal);
        Assert.Contains(Member, thread.Members);
        Assert.Single(bot.Discord.Rest.Messages, m => m.ChannelId == bot.StaffChannelId && m.Content.Contains("New ticket #0001", StringComparison.Ordinal));
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
        Assert.Single(bot.Discord.Rest.Messages, m => m.ChannelId == bot.StaffChannelId && m.Content.Contains("New ticket", StringComparison.Ordinal));
    }

    /// <summary>
    /// Rounds of bursts of failing checks, each round's bot killed after a random number of Discord requests (seeded,
    /// so a failure names its kill points), the next round's bot starting on the same file while work is pending.
    /// Afterwards every member who was shown a failing result — and every ticket at all — is complete, one per member.
    /// </summary>
    [Fact]
    public async Task Campaign_BurstsKilledAtRandomPoints_EveryShownFailureHasExactlyOneCompleteTicket()
    {
        const int Rounds = 4;
        const int Burst = 6;
        const int Seed = 20261202;
        var random = new Random(Seed);
        await using var bot = await KillableBot.CreateAsync();
        var accounts = bot.Accounts("withdrawal-enabled", Rounds * Burst);
        var members = Enumerable.Range(0, Rounds * Burst).Select(i => FirstMember + 1000 + (ulong)i).ToArray();
        foreach (var member in members)
        {
            bot.Discord.Rest.AddMember(member, [], "member" + (member % 1000).ToString(CultureInfo.InvariantCulture));
        }

        var interactions = new Dictionary<ulong, ulong>();
        var killPoints = new List<int>();
        for (var round = 0; round < Rounds; round++)
        {
            await bot.LaunchAsync();
            var started = DateTimeOffset.UtcNow;
            var killAfter = random.Next(Burst, Burst * 7);
            killPoints.Add(killAfter);
            var kill = bot.Discord.Rest.WaitForRequestAsync(_ => bot.Discord.Rest.Requests.Count(r => r.ReceivedAt >= started) >= killAfter, KillableBot.Timeout);

            // Not waiting for the acknowledgements: the kill may come before some of them, as it may in production.
            for (var i = round * Burst; i < (round + 1) * Burst; i++)
            {
                interactions[members[i]] = await bot.SubmitKeyAsync(members[i], accounts[i], waitForAcknowledgement: false);
            }

            await kill;
            await bot.KillAsync();
        }

        await bot.LaunchAsync();
        await bot.WaitForOutboxRunAsync();
        await bot.KillAsync();

        var context = $"seed {Seed}, kill after {string.Join("/", killPoints)} requests";
        var (tickets, pending) = await bot.ReadDataAsync();
        Assert.True(pending.Count == 0, $"{context}: {pending.Count} pending.");
        var shown = interactions.Where(i => bot.Discord.Rest.Messages.Any(m => m.InteractionId == i.Value && m.EditCount > 0)).Select(i => i.Key).ToList();
        Assert.NotEmpty(shown);
        foreach (var member in shown)
        {
            var index = Array.IndexOf(members, member);
            bot.AssertOneCompleteTicket(tickets, member, "…" + accounts[index].ApiKey[^4..], context);
        }

        // Checks recorded but not yet answered when a bot died still got their ticket, whole, and only one each.
        Assert.All(tickets, t => Assert.True(t.IsBuilt, $"{context}: {t.DisplayNumber} is {t.Built}."));
        Assert.Equal(tickets.Count, tickets.Select(t => t.MemberId).Distinct().Count());
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
