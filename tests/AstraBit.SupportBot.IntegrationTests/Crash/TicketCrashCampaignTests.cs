using System.Globalization;

namespace AstraBit.SupportBot.IntegrationTests.Crash;

/// <summary>
/// The seeded kill campaign of <see cref="TicketCrashTests"/>, in a class of its own so it runs beside the kills at
/// each step rather than after them (each test has its own emulators, data file and bot processes).
/// </summary>
[Trait("Bot", "Process")]
public sealed class TicketCrashCampaignTests
{
    private const ulong FirstMember = 1_600_000_000_000_000_001;

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

            await WaitForKillPointAsync(bot, kill, round, killAfter, started);
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

    /// <summary>A kill point never reached says what the bot did and wrote instead (a CI run once stopped here with nothing more).</summary>
    private static async Task WaitForKillPointAsync(KillableBot bot, Task kill, int round, int killAfter, DateTimeOffset started)
    {
        try
        {
            await kill;
        }
        catch (TimeoutException timeout)
        {
            var requests = bot.Discord.Rest.Requests.Where(r => r.ReceivedAt >= started).Select(r => $"{r.Method} {r.Route ?? r.Path}");
            var callbacks = bot.Discord.Rest.Callbacks.Select(c => $"{c.InteractionId}: {c.Status} after {c.SinceCreation.TotalMilliseconds:F0} ms");
            throw new TimeoutException(
                $"Round {round}: the bot made {requests.Count()} of the {killAfter} requests awaited ({(bot.HasExited ? "it had exited" : "it was running")}).\n"
                + $"Requests: {string.Join(", ", requests)}\nCallbacks: {string.Join(", ", callbacks)}\nOutput:\n{bot.Output}",
                timeout);
        }
    }
}
