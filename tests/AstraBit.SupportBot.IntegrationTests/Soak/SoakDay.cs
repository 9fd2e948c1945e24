using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AstraBit.SupportBot.Bot.KeyChecks;
using AstraBit.SupportBot.Core.KeyChecks;
using AstraBit.SupportBot.Discord.Gateway;
using AstraBit.SupportBot.Emulators.Bybit;
using AstraBit.SupportBot.Emulators.Discord;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AstraBit.SupportBot.IntegrationTests.Soak;

/// <summary>How much happens in the scripted day, and how finely its clock moves.</summary>
/// <param name="Step">Support-clock time between two rounds of traffic; the gateway reconnects or drops once per step.</param>
/// <param name="Walkthroughs">Members starting /connect-bybit and turning its first page, per step.</param>
/// <param name="Passes">Members whose /diagnose passes, per step; every other one asks for key-expiry reminders.</param>
/// <param name="Failures">Members whose /diagnose fails (a ticket is promised), per step.</param>
/// <param name="BybitBurstEvery">Every this many steps, Bybit answers 5xx to a burst of requests during a check.</param>
/// <param name="WarmUpSteps">
/// Steps before the baseline is measured (JIT, pools and caches warmed by the same traffic). The full day's is four
/// hours (about 1,100 writes): LiteDB's page cache grows in segments (12, 50, 100, 500 and 1,000 pages of 8 KiB, 13 MB
/// in all) until its journal first reaches the 1,000 pages of a checkpoint, a few hundred writes in, and keeps them; a
/// baseline before that counted its last 8 MB segment as the day's growth in some runs and not in others.
/// </param>
public sealed record SoakShape(TimeSpan Step, int Walkthroughs, int Passes, int Failures, int BybitBurstEvery, int WarmUpSteps)
{
    /// <summary>The day CI runs: a step of an hour, one of each thing per step (24 steps).</summary>
    public static SoakShape Compressed { get; } = new(TimeSpan.FromHours(1), 1, 1, 1, 6, 3);

    /// <summary>The full day the benchmark runs: a step of 5 minutes, a busy server's traffic (288 steps).</summary>
    public static SoakShape FullDay { get; } = new(TimeSpan.FromMinutes(5), 2, 3, 2, 6, 48);

    public int Steps => (int)(TimeSpan.FromDays(1) / Step);
}

/// <summary>
/// The process's figures at one moment, every one taken the same way: after full compacting collections (finalizers
/// run between them) and a last aggressive one, which also hands the heap's free memory back to the system, so the
/// resident size at the baseline and after the day both count what is in use, not what the collector kept for later.
/// </summary>
public sealed record SoakFigures(long ManagedBytes, long ResidentBytes, int Threads, int Handles, long DataBytes)
{
    public static SoakFigures Take(string dataFolder)
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);

        using var self = Process.GetCurrentProcess();
        self.Refresh();
        var handles = Directory.Exists("/proc/self/fd") ? Directory.GetFileSystemEntries("/proc/self/fd").Length : self.HandleCount;
        var data = Directory.Exists(dataFolder) ? new DirectoryInfo(dataFolder).GetFiles("*.db").Sum(f => f.Length) : 0;
        return new SoakFigures(GC.GetTotalMemory(forceFullCollection: true), self.WorkingSet64, self.Threads.Count, handles, data);
    }

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"managed {ManagedBytes / 1048576.0:F1} MB, RSS {ResidentBytes / 1048576.0:F1} MB, threads {Threads}, handles {Handles}, data file {DataBytes / 1024.0:F0} KiB");
}

/// <summary>What the day did and what a member or staff member was promised and did not get.</summary>
public sealed class SoakReport
{
    public required SoakFigures Baseline { get; init; }

    public required SoakFigures After { get; init; }

    /// <summary>The figures after the emulator forgot the day's messages and interactions: the bot's own growth (and the emulators' members, channels and accounts).</summary>
    public required SoakFigures AfterEmulatorHistory { get; init; }

    /// <summary>
    /// The figures once the emulators forgot everything of the day (the Discord emulator its users, members, channels,
    /// threads and rate-limit windows as well, the Bybit emulator its rate limits' windows): what is left above the baseline is the bot's, the test's own list of the
    /// day's tickets, and the small state the emulators held at the baseline (now gone as well).
    /// </summary>
    public required SoakFigures AfterEmulatorState { get; init; }

    public required TimeSpan Took { get; init; }

    public required IReadOnlyDictionary<string, int> Counts { get; init; }

    /// <summary>Actions after the baseline that write to the data file (checks, tickets, messages, closes, progress, reminders).</summary>
    public required int WritesAfterBaseline { get; init; }

    public required IReadOnlyList<string> Missing { get; init; }

    public IEnumerable<string> Lines()
    {
        yield return string.Create(CultureInfo.InvariantCulture, $"soak: day of {string.Join(", ", Counts.Select(c => $"{c.Value} {c.Key}"))} in {Took.TotalSeconds:F1} s");
        yield return $"soak: baseline {Baseline}";
        yield return $"soak: after    {After}";
        yield return $"soak: after, the emulators' history forgotten (Discord's messages, interactions and gateway resume buffer; Bybit's requests and the day's accounts): {AfterEmulatorHistory}";
        yield return $"soak: after, the emulators' state forgotten as well (Discord's users, members, channels, threads, rate-limit windows; Bybit's rate-limit windows): {AfterEmulatorState}";
        yield return string.Create(
            CultureInfo.InvariantCulture,
            $"soak: managed growth split: emulators' history {(After.ManagedBytes - AfterEmulatorHistory.ManagedBytes) / 1048576.0:+0.0;-0.0} MB, emulators' state {(AfterEmulatorHistory.ManagedBytes - AfterEmulatorState.ManagedBytes) / 1048576.0:+0.0;-0.0} MB, the bot (and the test's lists) {(AfterEmulatorState.ManagedBytes - Baseline.ManagedBytes) / 1048576.0:+0.0;-0.0} MB");
        yield return string.Create(
            CultureInfo.InvariantCulture,
            $"soak: growth managed {(After.ManagedBytes - Baseline.ManagedBytes) / 1048576.0:+0.0;-0.0} MB ({(AfterEmulatorHistory.ManagedBytes - Baseline.ManagedBytes) / 1048576.0:+0.0;-0.0} MB without the emulators' history), RSS {(After.ResidentBytes - Baseline.ResidentBytes) / 1048576.0:+0.0;-0.0} MB, threads {After.Threads - Baseline.Threads:+0;-0}, handles {After.Handles - Baseline.Handles:+0;-0}, data file {(After.DataBytes - Baseline.DataBytes) / 1024.0:+0;-0} KiB for {WritesAfterBaseline} writes");
        yield return Missing.Count == 0 ? "soak: nothing a member or staff member was promised is missing" : $"soak: MISSING {Missing.Count}: {string.Join(" | ", Missing.Take(20))}";
    }
}

/// <summary>
/// A scripted day of a busy server on a fake support clock, run at high speed against the real bot host and the
/// Discord and Bybit emulators on loopback: members start walkthroughs and run checks (some pass and ask for
/// key-expiry reminders, some fail and are promised a ticket), members and staff talk in tickets, staff close them,
/// the gateway asks the bot to reconnect or drops it every step (each time it resumes), Discord is down for ten
/// minutes (API 503, gateway refusing connections) while reminders fall due, and Bybit answers 5xx in bursts.
/// The process's figures are taken after a warm-up and again after the day; then every promise is checked: each
/// failed check's ticket with its thread, card and staff notice, each close's transcript, each reminder's DM.
/// Shared by the CI test (<see cref="SoakShape.Compressed"/>) and the benchmark's <c>soak</c> mode (<see cref="SoakShape.FullDay"/>).
/// </summary>
public sealed partial class SoakDay
{
    private const ulong Staff = 1_800_000_000_000_000_001;
    private const string ReminderLabel = "Remind me before this key expires";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ReminderLead = TimeSpan.FromHours(2);

    private readonly SoakShape _shape;
    private readonly Action<string> _log;
    private readonly Func<string, Task>? _snapshot;
    private readonly FakeTimeProvider _clock;
    private readonly DateTimeOffset _start;
    private readonly string _dataFolder;
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly List<string> _missing = [];
    private readonly List<OpenedTicket> _tickets = [];
    private readonly List<(ulong Member, DateTimeOffset Due)> _reminders = [];
    private readonly List<(int Number, string Said)> _closed = [];
    private BotHarness _bot = null!;
    private ulong _nextMember = 1_800_000_000_000_100_000;
    private int _writes;
    private int _accounts;

    private SoakDay(SoakShape shape, Action<string> log, Func<string, Task>? snapshot)
    {
        _shape = shape;
        _log = log;
        _snapshot = snapshot;
        _start = new DateTimeOffset(DateTimeOffset.UtcNow.UtcDateTime.Date.AddDays(1), TimeSpan.Zero);
        _clock = new FakeTimeProvider(_start);
        _dataFolder = Path.Combine(Path.GetTempPath(), $"{BotHarness.DataFolderPrefix}soak-{Guid.NewGuid():N}");
    }

    /// <summary>Runs the day; the bot and emulators are gone when it returns.</summary>
    /// <param name="shape">How much happens in the day.</param>
    /// <param name="log">Where progress lines go.</param>
    /// <param name="snapshot">Called with "baseline" and "after" right after those figures are taken (the bot still running), e.g. to take a heap snapshot of the process.</param>
    public static async Task<SoakReport> RunAsync(SoakShape shape, Action<string> log, Func<string, Task>? snapshot = null)
    {
        var day = new SoakDay(shape, log, snapshot);
        return await day.RunAsync();
    }

    private async Task<SoakReport> RunAsync()
    {
        var took = Stopwatch.StartNew();
        _bot = await BotHarness.StartAsync(
            s =>
            {
                s["Storage:Path"] = Path.Combine(_dataFolder, "supportbot.db");
                s["Diagnostics:Cooldown"] = "00:00:00";
                s["Logging:MinimumLevel"] = "Warning";
            },
            supportClock: _clock,
            configureHost: builder => builder.Services.AddSingleton(new GatewayClientSettings
            {
                // The day's reconnects are many; the real clock's waits between attempts are shortened, not skipped.
                ReconnectInitialDelay = TimeSpan.FromMilliseconds(20),
                ReconnectMaxDelay = TimeSpan.FromMilliseconds(200),
                InvalidSessionMinDelay = TimeSpan.FromMilliseconds(20),
                InvalidSessionMaxDelay = TimeSpan.FromMilliseconds(50),
                IdentifyInterval = TimeSpan.FromMilliseconds(50),
            }));
        await using var bot = _bot;
        bot.Discord.Rest.AddMember(Staff, [BotHarness.SupportRoleId], "sam.support");
        var scenarioAccounts = bot.Bybit.Accounts.Keys.ToHashSet(StringComparer.Ordinal);

        SoakFigures? baseline = null;
        var writesAtBaseline = 0;
        var outageStep = _shape.Steps * 13 / 24;
        for (var step = 0; step < _shape.Steps; step++)
        {
            if (step == _shape.WarmUpSteps)
            {
                await QuietAsync();
                baseline = SoakFigures.Take(_dataFolder);
                writesAtBaseline = _writes;
                _log($"soak: baseline at {_clock.GetUtcNow():HH:mm} (support clock) after {step} steps: {baseline}");
                if (_snapshot is not null)
                {
                    await _snapshot("baseline");
                }
            }

            await RoundAsync(step);
            if (step == outageStep)
            {
                await OutageAsync();
            }

            await ReconnectAsync(step);
            _clock.Advance(_shape.Step);
            if ((step + 1) % Math.Max(1, _shape.Steps / 12) == 0)
            {
                _log(string.Create(CultureInfo.InvariantCulture, $"soak: {_clock.GetUtcNow():HH:mm} (support clock), step {step + 1}/{_shape.Steps}, {took.Elapsed.TotalSeconds:F1} s, {_tickets.Count} tickets, {_missing.Count} missing"));
            }
        }

        // The rest of the day: every reminder due in it falls due, the timers run, nothing new arrives.
        var end = _start.AddDays(1).Add(ReminderLead);
        while (_clock.GetUtcNow() < end)
        {
            _clock.Advance(TimeSpan.FromMinutes(10));
            await QuietAsync();
        }

        await CheckPromisesAsync();
        await QuietAsync();
        bot.Discord.Rest.ForgetRecords();
        var after = SoakFigures.Take(_dataFolder);

        // The emulators keep the whole day: Discord's every message and interaction, and its gateway every event it
        // dispatched (the resume buffer, never trimmed: most of the day's growth), Bybit's every request (with its HTTP
        // exchange) and the day's accounts. Forgotten, what is left of the day in this process is the bot's (and the
        // Discord emulator's members and channels).
        bot.Discord.Rest.ForgetHistory();
        bot.Discord.Gateway.ForgetHistory();
        bot.Bybit.ForgetRequests();
        foreach (var key in bot.Bybit.Accounts.Keys.Where(k => !scenarioAccounts.Contains(k)))
        {
            bot.Bybit.Accounts.TryRemove(key, out _);
        }

        var afterEmulatorHistory = SoakFigures.Take(_dataFolder);
        bot.Discord.Rest.ForgetState();
        bot.Bybit.ForgetRateWindows();
        var afterEmulatorState = SoakFigures.Take(_dataFolder);
        if (_snapshot is not null)
        {
            await _snapshot("after");
        }

        await bot.StopAsync();
        return new SoakReport
        {
            Baseline = baseline ?? after,
            After = after,
            AfterEmulatorHistory = afterEmulatorHistory,
            AfterEmulatorState = afterEmulatorState,
            Took = took.Elapsed,
            Counts = new Dictionary<string, int>(_counts, StringComparer.Ordinal),
            WritesAfterBaseline = _writes - writesAtBaseline,
            Missing = [.. _missing],
        };
    }

    /// <summary>One step's traffic.</summary>
    private async Task RoundAsync(int step)
    {
        for (var i = 0; i < _shape.Walkthroughs; i++)
        {
            await WalkthroughAsync();
        }

        for (var i = 0; i < _shape.Passes; i++)
        {
            await PassingCheckAsync((step + i) % 2 == 0 && _clock.GetUtcNow() + ReminderLead < _start.AddDays(1) ? ReminderLead : null);
        }

        if (_shape.BybitBurstEvery > 0 && step % _shape.BybitBurstEvery == _shape.BybitBurstEvery - 1)
        {
            await CheckThroughBybitBurstAsync();
        }

        for (var i = 0; i < _shape.Failures; i++)
        {
            await FailingCheckAsync(step);
        }

        // Members and staff talk in the tickets opened in the last two steps; tickets two steps old are closed.
        foreach (var ticket in _tickets.Where(t => t.Closed is null && step - t.Step is 0 or 1).ToList())
        {
            await TalkAsync(ticket);
        }

        foreach (var ticket in _tickets.Where(t => t.Closed is null && step - t.Step >= 2 && t.Number % 4 != 0).ToList())
        {
            await CloseAsync(ticket);
        }

        // The emulator keeps what Discord keeps (channels, messages); its records of requests are for tests to read.
        _bot.Discord.Rest.ForgetRecords();
    }

    private async Task WalkthroughAsync()
    {
        var member = NewMember("walker");
        var id = await _bot.Discord.RunSlashCommandAsync(member, "connect-bybit", channelId: _bot.SupportChannelId);
        await AnsweredAsync(id, "walkthrough");
        var dm = _bot.Discord.Rest.DmChannelOf(member);
        var page = await FindAsync(m => m.ChannelId == dm && m.AuthorId == _bot.Discord.Options.BotUserId && HasButton(m, "wt:next"), $"walkthrough page for {member}");
        if (page is not null)
        {
            var next = await _bot.Discord.ClickButtonAsync(member, "wt:next", page.Id, inDm: true);
            await AnsweredAsync(next, "walkthrough next");
            _writes += 2;
            Count("walkthroughs");
        }
    }

    /// <param name="remindIn">When set, the member asks for reminders, and the first falls due this long from now.</param>
    private async Task PassingCheckAsync(TimeSpan? remindIn)
    {
        var member = NewMember("passer");
        var due = _clock.GetUtcNow() + (remindIn ?? ReminderLead);
        var account = Clone("healthy-unified") with { ExpiresAt = due.AddDays(14) };
        _bot.Bybit.Accounts[account.ApiKey] = account;
        var id = await SubmitKeyAsync(member, account);
        var result = await FindAsync(m => m.InteractionId == id && m.EditCount > 0, $"check result for {member}");
        _writes++;
        Count("checks passed");
        if (remindIn is null || result is null)
        {
            return;
        }

        var button = Buttons(result).FirstOrDefault(b => b.Label == ReminderLabel).CustomId;
        if (button is null)
        {
            Miss($"no reminder offer on {member}'s passing check");
            return;
        }

        var click = await _bot.Discord.ClickButtonAsync(member, button, result.Id, result.ChannelId);
        await AnsweredAsync(click, "reminder subscription");
        _reminders.Add((member, due));
        _writes++;
        Count("reminders");
    }

    /// <summary>A check while Bybit answers 5xx to a burst of requests: the member is answered either way.</summary>
    private async Task CheckThroughBybitBurstAsync()
    {
        var member = NewMember("burst");
        var account = Clone("healthy-unified");
        _bot.Bybit.Accounts[account.ApiKey] = account;
        _bot.Bybit.Faults.FailNext(3, 502);
        var id = await SubmitKeyAsync(member, account);
        await FindAsync(m => m.InteractionId == id && m.EditCount > 0, $"answer to {member}'s check during a Bybit 5xx burst");
        _bot.Bybit.Faults.Clear();
        _writes++;
        Count("checks in Bybit 5xx bursts");
    }

    private async Task FailingCheckAsync(int step)
    {
        var member = NewMember("failer");
        var account = Clone("withdrawal-enabled");
        _bot.Bybit.Accounts[account.ApiKey] = account;
        var id = await SubmitKeyAsync(member, account);
        var told = await FindAsync(m => m.InteractionId == id && m.Content.Contains("support ticket #", StringComparison.Ordinal), $"ticket follow-up for {member}'s failed check");
        Count("checks failed");
        _writes += 3;
        if (told is not null && TicketNumber().Match(told.Content) is { Success: true } number)
        {
            _tickets.Add(new OpenedTicket(int.Parse(number.Groups[1].Value, CultureInfo.InvariantCulture), member, step));
            Count("tickets");
        }
    }

    private async Task TalkAsync(OpenedTicket ticket)
    {
        var thread = ThreadOf(ticket.Number);
        if (thread is null)
        {
            return;
        }

        var said = string.Create(CultureInfo.InvariantCulture, $"Soak reply for #{ticket.Number:0000} at {_clock.GetUtcNow():HH:mm}");
        await SayAsync(ticket.Member, thread.Id, "Still failing for me, what should I change?");
        await SayAsync(Staff, thread.Id, said);
        ticket.LastSaid = said;
        _writes += 2;
        Count("ticket messages", 2);
    }

    private async Task CloseAsync(OpenedTicket ticket)
    {
        var thread = ThreadOf(ticket.Number);
        if (thread is null)
        {
            return;
        }

        var id = await _bot.Discord.RunSlashCommandAsync(Staff, "ticket", [SlashOption.Subcommand("close", SlashOption.String("reason", "Explained in the soak"), SlashOption.Boolean("force", true))], thread.Id);
        await FindAsync(m => m.InteractionId == id && m.EditCount > 0, $"close answer for #{ticket.Number:0000}");
        ticket.Closed = _clock.GetUtcNow();
        _closed.Add((ticket.Number, ticket.LastSaid ?? ""));
        _writes += 2;
        Count("closes");
    }

    /// <summary>The gateway asks for a reconnect (op 7) or drops the connection, alternately; the bot resumes.</summary>
    private async Task ReconnectAsync(int step)
    {
        var gateway = _bot.Discord.Gateway;
        var resumed = gateway.ResumedCount;
        if (step % 2 == 0)
        {
            await gateway.RequestReconnectAsync();
        }
        else
        {
            await gateway.DropAsync();
        }

        await gateway.WaitForResumedAsync(resumed + 1, Wait);
        Count("resumes");
    }

    /// <summary>Ten minutes without Discord: its API answers 503 and its gateway refuses connections; reminders and the outbox keep their work for after.</summary>
    private async Task OutageAsync()
    {
        var gateway = _bot.Discord.Gateway;
        // A member asks for reminders just before; their first falls due in the middle of the outage.
        await PassingCheckAsync(TimeSpan.FromMinutes(5));
        var back = gateway.ResumedCount + gateway.ReadyCount;
        _bot.Discord.Rest.Outage = true;
        gateway.Unavailable = true;
        for (var minute = 0; minute < 10; minute++)
        {
            _clock.Advance(TimeSpan.FromMinutes(1));
            await QuietAsync();
        }

        gateway.Unavailable = false;
        _bot.Discord.Rest.Outage = false;
        await gateway.WaitUntilAsync(() => gateway.ResumedCount + gateway.ReadyCount > back, Wait, "the bot back on the gateway after the outage");
        Count("outages");
    }

    /// <summary>Gives the bot's loops a support-clock tick, then makes a round trip through the bot (none while Discord is down).</summary>
    private async Task QuietAsync()
    {
        _clock.Advance(TimeSpan.FromSeconds(31));
        if (_bot.Discord.Rest.Outage)
        {
            return;
        }

        var id = await _bot.Discord.RunSlashCommandAsync(Staff, "ticket", [SlashOption.Subcommand("list")], _bot.SupportChannelId);
        await AnsweredAsync(id, "quiet round trip");
    }

    private async Task CheckPromisesAsync()
    {
        foreach (var ticket in _tickets)
        {
            var name = $"#{ticket.Number:0000}";
            var thread = ThreadOf(ticket.Number);
            if (thread is null)
            {
                Miss($"{name} has no thread");
                continue;
            }

            if (!thread.Members.Contains(ticket.Member))
            {
                Miss($"{name}'s member is not in its thread");
            }

            var first = _bot.Discord.Rest.Messages.Where(m => m.ChannelId == thread.Id).OrderBy(m => m.Id).FirstOrDefault();
            if (first is null || first.AuthorId != _bot.Discord.Options.BotUserId || !Text(first).Contains("withdrawal", StringComparison.Ordinal))
            {
                Miss($"{name} has no card first in its thread");
            }

            await FindAsync(m => m.ChannelId == _bot.StaffChannelId && m.Text.Contains($"New ticket {name}", StringComparison.Ordinal), $"staff notice for {name}");
        }

        foreach (var (number, said) in _closed)
        {
            var name = $"#{number:0000}";
            var log = await FindAsync(m => m.ChannelId == _bot.LogChannelId && m.Attachments.Count > 0 && Text(m).Contains($"Ticket {name} closed", StringComparison.Ordinal), $"transcript of {name}");
            if (log is not null && said.Length > 0 && !log.Attachments.Any(a => Encoding.UTF8.GetString(a.Content).Contains(said, StringComparison.Ordinal)))
            {
                Miss($"{name}'s transcript lacks what staff said in it");
            }

            if (ThreadOf(number) is { Archived: false })
            {
                Miss($"{name} was closed but its thread is not archived");
            }
        }

        foreach (var (member, due) in _reminders)
        {
            var dm = _bot.Discord.Rest.DmChannelOf(member);
            var sent = await FindAsync(m => m.ChannelId == dm && m.Content.Contains("expires", StringComparison.Ordinal) && HasLabel(m, "Stop reminders"), $"reminder DM for {member} due {due:HH:mm}");
            if (sent is not null)
            {
                Count("reminder DMs");
            }
        }
    }

    private async Task<ulong> SubmitKeyAsync(ulong member, BybitAccountScenario account)
    {
        var id = await _bot.Discord.SubmitModalAsync(member, KeyFormId.For(new KeyCheckOrigin.Command()).Build(), new Dictionary<string, string>
        {
            [KeyModal.KeyField] = account.ApiKey,
            [KeyModal.SecretField] = account.ApiSecret,
        });
        await AnsweredAsync(id, "key check");
        return id;
    }

    private async Task SayAsync(ulong author, ulong channelId, string content) =>
        await _bot.Discord.Gateway.DispatchAsync("MESSAGE_CREATE", _bot.Discord.Rest.PostMemberMessage(author, channelId, content));

    private async Task AnsweredAsync(ulong interactionId, string what)
    {
        try
        {
            var callback = await _bot.Discord.Rest.WaitForCallbackAsync(interactionId, Wait);
            if (!callback.Accepted)
            {
                Miss($"{what}: callback refused ({callback.Status}, {callback.ErrorCode})");
            }
        }
        catch (TimeoutException)
        {
            Miss($"{what}: never answered");
        }
    }

    private async Task<EmulatedMessage?> FindAsync(Func<EmulatedMessage, bool> predicate, string what)
    {
        try
        {
            return await _bot.Discord.Rest.WaitForMessageAsync(predicate, Wait);
        }
        catch (TimeoutException)
        {
            Miss(what);
            return null;
        }
    }

    private EmulatedChannel? ThreadOf(int number) =>
        _bot.Discord.Rest.Threads.FirstOrDefault(t => t.ParentId == _bot.SupportChannelId && t.Name!.StartsWith($"ticket-{number:0000}", StringComparison.Ordinal));

    private ulong NewMember(string kind)
    {
        var member = _nextMember++;
        _bot.Discord.Rest.AddMember(member, [], string.Create(CultureInfo.InvariantCulture, $"{kind}{member % 100_000}"));
        return member;
    }

    // Each member's key is a Bybit account of its own (its own UID): Bybit limits requests per UID and endpoint, so
    // a day of members sharing one UID met "Too many visits!" whenever the day ran fast, and their checks ended in error.
    private BybitAccountScenario Clone(string scenario) =>
        BybitEmulatorCommand.Clones(_bot.Bybit.Scenario(scenario), 1)[0] with { Uid = 300_000_000 + Interlocked.Increment(ref _accounts) };

    private void Miss(string what)
    {
        _missing.Add(what);
        _log($"soak: missing: {what}");
    }

    private void Count(string what, int by = 1) => _counts[what] = _counts.GetValueOrDefault(what) + by;

    private static bool HasButton(EmulatedMessage message, string customId) => Buttons(message).Any(b => b.CustomId == customId);

    private static bool HasLabel(EmulatedMessage message, string label) => Buttons(message).Any(b => b.Label == label);

    // Either shape: an embed message or a Components V2 one (the ticket's card is V2).
    private static IReadOnlyList<(string CustomId, string Label)> Buttons(EmulatedMessage message) => message.Buttons;

    private static string Text(EmulatedMessage message) => message.Text;

    [GeneratedRegex(@"support ticket #(\d{4,})")]
    private static partial Regex TicketNumber();

    private sealed class OpenedTicket(int number, ulong member, int step)
    {
        public int Number { get; } = number;

        public ulong Member { get; } = member;

        public int Step { get; } = step;

        public string? LastSaid { get; set; }

        public DateTimeOffset? Closed { get; set; }
    }
}
