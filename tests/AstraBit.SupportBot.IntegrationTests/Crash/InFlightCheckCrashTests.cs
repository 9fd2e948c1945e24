using System.Globalization;
using AstraBit.SupportBot.Emulators.Discord;
using static AstraBit.SupportBot.IntegrationTests.Diagnose.DiagnoseMember;

namespace AstraBit.SupportBot.IntegrationTests.Crash;

/// <summary>
/// kill -9 while members' key checks run (issue 20 item 4): their replies said "thinking…" for good. The next bot on the
/// same data file edits each reply once while Discord still takes its token: with the result when the check had
/// completed, else with word that it was interrupted and how to run it again; a reply past its 15 minutes is left alone.
/// Everything is read from the Discord emulator's record of webhook edits.
/// </summary>
[Trait("Bot", "Process")]
public sealed class InFlightCheckCrashTests
{
    private const ulong FirstMember = 1_600_000_000_000_000_701;

    [Fact]
    public async Task KilledDuringChecks_RestartedBotEditsEachReplyOnce_AndLeavesAnExpiredOneAlone()
    {
        // The first member's check begins 16 minutes ago as Discord counts (the emulator's ids follow its clock, so it
        // runs behind from the start): its token is spent by the time the bot is back.
        var discordClock = new ShiftedClock { Offset = -TimeSpan.FromMinutes(16) };
        await using var bot = await KillableBot.CreateAsync(new DiscordEmulatorOptions { TimeProvider = discordClock });
        var accounts = bot.Accounts("healthy-unified", 3);
        ulong[] members = [FirstMember, FirstMember + 1, FirstMember + 2];
        for (var i = 0; i < members.Length; i++)
        {
            bot.Discord.Rest.AddMember(members[i], [], $"member{i}");
        }

        await bot.LaunchAsync();
        // Bybit as slow as it gets: every request waits until the bot is dead, so each check is mid-flight at the kill.
        using var bybitStalled = bot.Bybit.Faults.Hold();

        var expired = await SubmitAndWaitUntilRunningAsync(bot, members[0], accounts[0]);
        discordClock.Offset = TimeSpan.Zero;
        var interrupted = new List<ulong>();
        for (var i = 1; i < members.Length; i++)
        {
            interrupted.Add(await SubmitAndWaitUntilRunningAsync(bot, members[i], accounts[i]));
        }

        await bot.KillAsync();
        Assert.DoesNotContain(bot.Discord.Rest.Messages, m => m.InteractionId is { } id && (id == expired || interrupted.Contains(id)) && m.EditCount > 0);
        Assert.Equal(3, (await bot.ReadInFlightAsync()).Count);

        bybitStalled.Release();
        var restartedAt = discordClock.GetUtcNow();
        await bot.LaunchAsync();
        foreach (var id in interrupted)
        {
            var reply = await bot.Discord.Rest.WaitForMessageAsync(m => m.InteractionId == id && m.EditCount > 0, KillableBot.Timeout);
            Assert.Contains("The bot restarted while it was checking your key", reply.Content, StringComparison.Ordinal);
            Assert.Contains("Run `/diagnose` again to check your key.", reply.Content, StringComparison.Ordinal);
        }

        // Each record is removed after its reply is edited: the last removal follows the last edit.
        await bot.WaitForOutputAsync("Key checks left by the last run: all");
        await bot.KillAsync();
        foreach (var id in interrupted)
        {
            var edit = Assert.Single(EditsOf(bot, id, restartedAt));
            Assert.Equal(200, edit.Status);
        }

        // Answered in interaction order, the expired one first: it was passed over, never sent.
        Assert.Empty(EditsOf(bot, expired, restartedAt));
        Assert.Equal(0, bot.Discord.Rest.Messages.Single(m => m.InteractionId == expired).EditCount);
        Assert.Empty(await bot.ReadInFlightAsync());
    }

    [Fact]
    public async Task KilledAfterTheCheckCompleted_RestartedBotShowsTheResult_AndTheTicketIsFinished()
    {
        await using var bot = await KillableBot.CreateAsync();
        var account = bot.Accounts("withdrawal-enabled", 1)[0];
        bot.Discord.Rest.AddMember(FirstMember + 10, [], "wendy.withdraw");
        await bot.LaunchAsync();
        var started = DateTimeOffset.UtcNow;

        // The thread is the ticket's first Discord step; the result was saved with the in-flight record before it. The
        // thread's request is held unanswered, so the kill lands there and not a moment later.
        ulong check;
        using (bot.Discord.Rest.Hold(DiscordRestRoutes.StartThread))
        {
            check = await bot.SubmitKeyAsync(FirstMember + 10, account);
            await bot.Discord.Rest.WaitForRequestAsync(r => r.ReceivedAt >= started && r.Route == DiscordRestRoutes.StartThread, KillableBot.Timeout);
            await bot.KillAsync();
        }

        Assert.Equal(0, bot.Discord.Rest.Messages.Single(m => m.InteractionId == check).EditCount);

        var restartedAt = DateTimeOffset.UtcNow;
        await bot.LaunchAsync();
        var reply = await bot.Discord.Rest.WaitForMessageAsync(m => m.InteractionId == check && m.EditCount > 0, KillableBot.Timeout);
        await bot.WaitForOutputAsync("Key checks left by the last run: all");
        await bot.WaitForOutboxRunAsync();
        await bot.KillAsync();

        Assert.Contains("The bot restarted just before it could show you this result", reply.Content, StringComparison.Ordinal);
        var text = Text(reply);
        Assert.Contains("…" + account.ApiKey[^4..], text, StringComparison.Ordinal);
        Assert.Contains("Withdrawal", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(account.ApiSecret, bot.Discord.Rest.Requests.Select(r => r.Body ?? ""));
        Assert.Single(EditsOf(bot, check, restartedAt));
        Assert.Empty(await bot.ReadInFlightAsync());

        var (tickets, pending) = await bot.ReadDataAsync();
        Assert.Empty(pending);
        bot.AssertOneCompleteTicket(tickets, FirstMember + 10, "…" + account.ApiKey[^4..], "killed after the check completed");
    }

    /// <summary>Submits the key form and returns once the bot has recorded the check as in flight and begun it.</summary>
    private static async Task<ulong> SubmitAndWaitUntilRunningAsync(KillableBot bot, ulong member, Emulators.Bybit.BybitAccountScenario account)
    {
        var id = await bot.SubmitKeyAsync(member, account);
        await bot.WaitForOutputAsync($"member {member.ToString(CultureInfo.InvariantCulture)} (/diagnose) with key");
        return id;
    }

    private static IReadOnlyList<RecordedRequest> EditsOf(KillableBot bot, ulong interactionId, DateTimeOffset since)
    {
        var token = TokenOf(bot, interactionId);
        return [.. bot.Discord.Rest.RequestsFor(DiscordRestRoutes.EditOriginal).Where(r => r.ReceivedAt >= since && r.Path.Contains("/" + token + "/", StringComparison.Ordinal))];
    }

    // The callback's path is /interactions/{id}/{token}/callback.
    private static string TokenOf(KillableBot bot, ulong interactionId)
    {
        var prefix = $"/interactions/{interactionId.ToString(CultureInfo.InvariantCulture)}/";
        var path = bot.Discord.Rest.RequestsFor(DiscordRestRoutes.InteractionCallback).Select(r => r.Path).First(p => p.Contains(prefix, StringComparison.Ordinal));
        return path[(path.IndexOf(prefix, StringComparison.Ordinal) + prefix.Length)..].Split('/')[0];
    }

    /// <summary>Real time moved by <see cref="Offset"/>: Discord's clock as the emulator keeps it, set back to make an old interaction.</summary>
    private sealed class ShiftedClock : TimeProvider
    {
        public TimeSpan Offset { get; set; }

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
    }
}
