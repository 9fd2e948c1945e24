using System.Diagnostics;
using System.Globalization;
using AstraBit.SupportBot.Bot;
using AstraBit.SupportBot.Bot.KeyChecks;
using AstraBit.SupportBot.Bot.Privacy;
using AstraBit.SupportBot.Core.KeyChecks;
using AstraBit.SupportBot.Emulators.Bybit;
using AstraBit.SupportBot.Emulators.Discord;

namespace AstraBit.SupportBot.Benchmarks.BusyYear;

/// <summary>
/// The bot with a year of a 50,000-member community in its data file (<see cref="YearGenerator"/>) beside the same bot
/// on an empty file, in the same run: start-up to READY, idle memory, each staff command and member action the data
/// file's size could slow down, and the `backup` and `stats` verbs. The bot runs in its own process against the
/// Discord emulator (here) and the Bybit emulator (here), as an operator runs it. Each command runs three times and the
/// median is printed (the first run of each also warms the bot's JIT, for both files alike). Times are from dispatching
/// the interaction to the bot's final answer (the deferred answer's edit, the export's file, the ticket's follow-up).
/// </summary>
internal static class BusyYearBenchmark
{
    private const ulong StaffId = 1_300_000_000_000_000_777;
    private const ulong SupportRole = 1_300_000_000_000_000_001;
    private const ulong NewMember = 1_700_000_000_000_000_001;
    private const int Runs = 3;
    private const double AnswerTargetMs = 3000;
    private const double CompleteTargetMs = 1000;
    private const double MemoryTargetMb = 45;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var seed = 1;
        string? keep = null;
        var size = YearSize.Full;
        var reuse = false;
        var generateOnly = false;
        string? current = null;
        var startupRounds = 0;
        var unsealed = false;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--seed" when i + 1 < args.Count && int.TryParse(args[i + 1], Inv, out var s):
                    seed = s;
                    i++;
                    break;
                case "--data" when i + 1 < args.Count:
                    keep = Path.GetFullPath(args[++i]);
                    break;
                case "--small":
                    size = YearSize.Small;
                    break;
                case "--reuse":
                    reuse = true;
                    break;
                case "--generate-only":
                    generateOnly = true;
                    break;
                case "--current" when i + 1 < args.Count:
                    current = Path.GetFullPath(args[++i]);
                    break;
                case "--startup-only" when i + 1 < args.Count && int.TryParse(args[i + 1], Inv, out var rounds) && rounds > 0:
                    startupRounds = rounds;
                    i++;
                    break;
                case "--unsealed":
                    unsealed = true;
                    break;
                default:
                    Console.Error.WriteLine($"busy-year: unknown or incomplete option '{args[i]}'. Options: --seed <n> --data <path> (keep the year's data file there) --reuse (use the file at --data as it is) --small (a hundredth of the year) --generate-only --current <published bot dir> --startup-only <rounds> (only start-up and idle memory, empty and year alternately) --unsealed (with --startup-only: the year's seal removed before each start, as after a crash)");
                    return 2;
            }
        }

        if (reuse && (keep is null || !File.Exists(keep)))
        {
            Console.Error.WriteLine("busy-year: --reuse needs --data <path> naming an existing data file.");
            return 2;
        }

        if (!reuse && keep is not null && File.Exists(keep))
        {
            Console.Error.WriteLine($"busy-year: {keep} exists; give a new path, or add --reuse to measure that file as it is.");
            return 2;
        }

        var work = Directory.CreateTempSubdirectory("supportbot-busyyear-").FullName;
        try
        {
            var yearFile = keep ?? Path.Combine(work, "year.db");
            ulong busiest;
            if (reuse)
            {
                busiest = YearGenerator.FirstMember;
                Console.WriteLine($"busy-year: measuring {yearFile} as it is");
            }
            else
            {
                var end = DateTimeOffset.UtcNow;
                var year = await new YearGenerator(seed, size).WriteAsync(yearFile, end);
                busiest = year.BusiestMember;
                Console.WriteLine(string.Create(Inv, $"busy-year: generated seed {seed} in {year.Took.TotalSeconds:F1} s: {year.Checks} checks, {year.Tickets} tickets ({year.OpenTickets} open), {year.AuditEntries} audit entries, {year.Walkthroughs} walkthroughs, {year.Reminders} reminders; busiest member {year.BusiestMember} with {year.BusiestMemberTickets} tickets; {yearFile}"));
            }

            if (generateOnly)
            {
                return 0;
            }

            // The bot as shipped: a Release publish with its own runtime settings (as the interaction benchmark runs it).
            current ??= await InteractionBenchmark.PublishCurrentAsync();
            await using var bybit = await BybitEmulator.StartAsync();
            var emptyCopy = Path.Combine(work, "empty", "supportbot.db");
            var yearCopy = Path.Combine(work, "year", "supportbot.db");
            Directory.CreateDirectory(Path.GetDirectoryName(yearCopy)!);
            File.Copy(yearFile, yearCopy);

            // A file from an older version lacks indexes this version builds on its first start (once): built here
            // first, so start-up and the commands are measured on the file as this version keeps it.
            var indexing = Stopwatch.StartNew();
            Storage.SupportDatabase.OpenForServing(yearCopy).Dispose();

            Console.WriteLine(string.Create(Inv, $"busy-year: opening the year's file and ensuring this version's indexes (once per version) took {indexing.Elapsed.TotalMilliseconds:F0} ms"));
            if (startupRounds > 0)
            {
                return await StartupOnlyAsync(current, emptyCopy, yearCopy, startupRounds, unsealed);
            }

            var empty = await MeasureAsync(current, emptyCopy, bybit, busiest, work);
            var full = await MeasureAsync(current, yearCopy, bybit, busiest, work);

            Console.WriteLine();
            Console.WriteLine($"Busy year: the bot on an empty data file and on a generated year (seed {seed}), same run; command times are dispatch → final answer, median of {Runs}");
            var ok = true;
            foreach (var (name, emptyFigure) in empty.Figures)
            {
                var yearFigure = full.Figures[name];
                Console.WriteLine(string.Create(Inv, $"busy-year: {name} empty={emptyFigure.Completed:F0} year={yearFigure.Completed:F0}") +
                    (yearFigure.Answered is { } answered ? string.Create(Inv, $"  (answered empty={emptyFigure.Answered:F0} year={answered:F0})") : ""));
                ok &= !name.StartsWith("verb", StringComparison.Ordinal) && !name.StartsWith("start", StringComparison.Ordinal)
                    ? yearFigure.Completed <= CompleteTargetMs && (yearFigure.Answered ?? 0) <= AnswerTargetMs
                    : true;
            }

            Console.WriteLine(string.Create(Inv, $"busy-year: startup_ms empty={empty.StartupMs:F0} year={full.StartupMs:F0}   (target year <= 2 x empty)"));
            Console.WriteLine(string.Create(Inv, $"busy-year: rss_idle_mb empty={empty.IdleMb:F1} year={full.IdleMb:F1}   (target <= {MemoryTargetMb} MB)"));
            Console.WriteLine(string.Create(Inv, $"busy-year: rss_after_commands_mb empty={empty.AfterMb:F1} year={full.AfterMb:F1}"));
            Console.WriteLine(string.Create(Inv, $"busy-year: data_file_mb empty={Mb(new FileInfo(emptyCopy).Length):F1} year={Mb(new FileInfo(yearFile).Length):F1}"));
            ok &= full.StartupMs <= 2 * empty.StartupMs && full.IdleMb <= MemoryTargetMb;
            Console.WriteLine(ok ? "busy-year: every target met" : "busy-year: a target was missed (see above)");
            return ok ? 0 : 1;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task<Session> MeasureAsync(string botDirectory, string dataFile, BybitEmulator bybit, ulong busiest, string work)
    {
        await using var discord = await DiscordEmulator.StartAsync();
        var environment = BotProcess.EnvironmentFor(discord);
        environment["Storage__Path"] = dataFile;
        environment["Bybit__BaseUrl"] = bybit.BaseUrl.AbsoluteUri;
        environment["Diagnostics__Cooldown"] = "00:00:00";
        environment["Logging__MinimumLevel"] = "Information";
        discord.Rest.AddMember(StaffId, [SupportRole], "sam.support");

        var figures = new Dictionary<string, Figure>(StringComparer.Ordinal);
        var startup = Stopwatch.StartNew();
        double startupMs, idleMb, afterMb;
        await using (var bot = BotProcess.Start(environment, botDirectory, keepData: true))
        {
            try
            {
                await discord.Rest.WaitForRequestAsync(r => r.Route == DiscordRestRoutes.BulkOverwriteGuildCommands, Timeout);
                startupMs = startup.Elapsed.TotalMilliseconds;
                await Task.Delay(TimeSpan.FromSeconds(3));
                idleMb = Mb(bot.ResidentBytes());

                foreach (var days in new[] { 7, 30, 365 })
                {
                    figures[$"ticket-stats-{days}d"] = await MedianAsync(() => CommandAsync(discord, () => discord.RunSlashCommandAsync(StaffId, "ticket", [SlashOption.Subcommand("stats", SlashOption.Integer("days", days))])));
                }

                figures["ticket-list"] = await MedianAsync(() => CommandAsync(discord, () => discord.RunSlashCommandAsync(StaffId, "ticket", [SlashOption.Subcommand("list")])));
                figures["ticket-history-busiest"] = await MedianAsync(() => CommandAsync(discord, () => discord.RunSlashCommandAsync(StaffId, "ticket", [SlashOption.Subcommand("history", SlashOption.User("member", busiest))])));

                discord.Rest.AddMember(busiest, [], "busiest.member");
                var overviewId = 0UL;
                figures["privacy-overview"] = await MedianAsync(() => CommandAsync(discord, async () => overviewId = await discord.RunSlashCommandAsync(busiest, SupportCommands.Privacy)));
                var overview = discord.Rest.Messages.Single(m => m.InteractionId == overviewId);
                figures["privacy-export"] = await MedianAsync(() => CommandAsync(
                    discord,
                    () => discord.ClickButtonAsync(busiest, new PrivacyId(PrivacyIdKind.Export).Build(), overview.Id, overview.ChannelId),
                    id => m => m.InteractionId == id && m.Attachments.Count == 1));
                figures["privacy-delete"] = await CommandAsync(
                    discord,
                    () => discord.ClickButtonAsync(busiest, new PrivacyId(PrivacyIdKind.ConfirmDelete).Build(), overview.Id, overview.ChannelId),
                    _ => m => m.Id == overview.Id && m.Content.StartsWith("Deleted:", StringComparison.Ordinal));

                // A member's failed check opens a ticket: complete when the member is told which ticket it went into.
                var copy = BybitEmulatorCommand.Clones(bybit.Scenario("hedge-mode"), 1)[0];
                bybit.Accounts[copy.ApiKey] = copy;
                var member = NewMember;
                discord.Rest.AddMember(member, [], "new.member");
                figures["failed-check-opens-ticket"] = await StepAsync(bot, discord, member, () => CommandAsync(
                    discord,
                    () => discord.SubmitModalAsync(member, KeyFormId.For(new KeyCheckOrigin.Command()).Build(), new Dictionary<string, string> { [KeyModal.KeyField] = copy.ApiKey, [KeyModal.SecretField] = copy.ApiSecret }),
                    id => m => m.InteractionId == id && m.Content.Contains("support ticket #", StringComparison.Ordinal),
                    TimeSpan.FromSeconds(45)));

                var backupFolder = Path.Combine(work, "backups-" + Path.GetRandomFileName());
                Directory.CreateDirectory(backupFolder);
                try
                {
                    figures["verb-backup-while-running"] = await VerbAsync(botDirectory, new Dictionary<string, string> { ["Storage__Path"] = dataFile }, "backup", backupFolder);
                }
                catch (InvalidOperationException exception)
                {
                    // Printed as infinite, with why, so the other figures of the run are still shown.
                    Console.Error.WriteLine($"busy-year: backup while the bot ran did not complete: {exception.Message}");
                    figures["verb-backup-while-running"] = new Figure(null, double.PositiveInfinity);
                }

                afterMb = Mb(bot.ResidentBytes());
            }
            catch (TimeoutException)
            {
                Console.Error.WriteLine($"busy-year: a step timed out on {dataFile}; the bot's last lines:\n{bot.Tail}");
                throw;
            }
        }

        figures["verb-stats-30d"] = await VerbAsync(botDirectory, new Dictionary<string, string>(), "stats", "--data", dataFile, "--days", "30");
        figures["verb-stats-365d"] = await VerbAsync(botDirectory, new Dictionary<string, string>(), "stats", "--data", dataFile, "--days", "365");
        return new Session(startupMs, idleMb, afterMb, figures);
    }

    /// <summary>
    /// Start-up to READY (the command registration that follows it) and idle memory alone, empty and year alternately,
    /// each bot stopped as a supervisor stops it: the year's file is sealed at every start but the first (a clean
    /// restart), or with <paramref name="unsealed"/> its seal is removed before each start (after a crash: read whole).
    /// </summary>
    private static async Task<int> StartupOnlyAsync(string botDirectory, string emptyCopy, string yearCopy, int rounds, bool unsealed)
    {
        var ok = true;
        for (var round = 1; round <= rounds; round++)
        {
            var sessions = new List<(string Name, double StartupMs, ResidentMemory Idle, bool Sealed)>();
            foreach (var (name, file) in new[] { ("empty", emptyCopy), ("year", yearCopy) })
            {
                if (unsealed && name == "year")
                {
                    File.Delete(file + ".sealed");
                }

                var wasSealed = File.Exists(file + ".sealed");
                await using var discord = await DiscordEmulator.StartAsync();
                var environment = BotProcess.EnvironmentFor(discord);
                environment["Storage__Path"] = file;
                environment["Logging__MinimumLevel"] = "Information";
                var startup = Stopwatch.StartNew();
                await using var bot = BotProcess.Start(environment, botDirectory, keepData: true);
                await discord.Rest.WaitForRequestAsync(r => r.Route == DiscordRestRoutes.BulkOverwriteGuildCommands, Timeout);
                var startupMs = startup.Elapsed.TotalMilliseconds;
                await Task.Delay(TimeSpan.FromSeconds(3));
                var idle = bot.Memory();
                sessions.Add((name, startupMs, idle, wasSealed));
                Console.WriteLine(string.Create(Inv, $"busy-year: round {round} {name} ({(wasSealed ? "sealed" : "not sealed")}): startup_ms={startupMs:F0} rss_idle_mb={Mb(idle.Resident):F1} (anon {Mb(idle.Anonymous):F1}, file {Mb(idle.File):F1}) load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
                Console.WriteLine("  largest mappings: " + string.Join(", ", bot.LargestMappings(6).Select(m => string.Create(Inv, $"{m.Mapping} {Mb(m.Bytes):F1}"))));
            }

            var empty = sessions[0];
            var year = sessions[1];
            ok &= year.StartupMs <= 2 * empty.StartupMs && Mb(year.Idle.Resident) <= MemoryTargetMb;
        }

        Console.WriteLine(ok ? "busy-year: start-up and idle memory within target in every round" : "busy-year: start-up or idle memory missed its target (see above)");
        return ok ? 0 : 1;
    }

    /// <summary>
    /// A step that may not complete: its figure is infinite and the run goes on to the other figures, with what the
    /// member was sent and the bot's last lines printed, instead of stopping the whole run.
    /// </summary>
    private static async Task<Figure> StepAsync(BotProcess bot, DiscordEmulator discord, ulong member, Func<Task<Figure>> run)
    {
        try
        {
            return await run();
        }
        catch (TimeoutException exception)
        {
            var sent = discord.Rest.Messages.TakeLast(8).Select(m => $"[channel {m.ChannelId}, interaction {m.InteractionId}] {m.Content}");
            Console.Error.WriteLine($"busy-year: a step for member {member} did not complete ({exception.Message}); the last messages sent:\n  {string.Join("\n  ", sent)}\nthe bot's last lines:\n{bot.Tail}");
            return new Figure(null, double.PositiveInfinity);
        }
    }

    /// <summary>Dispatches an interaction and waits for its final answer: the callback, or for a deferred one its edit, or what <paramref name="done"/> names.</summary>
    private static async Task<Figure> CommandAsync(DiscordEmulator discord, Func<Task<ulong>> dispatch, Func<ulong, Func<EmulatedMessage, bool>>? done = null, TimeSpan? timeout = null)
    {
        var watch = Stopwatch.StartNew();
        var id = await dispatch();
        var callback = await discord.Rest.WaitForCallbackAsync(id, Timeout);
        var answered = callback.SinceCreation.TotalMilliseconds;
        if (!callback.Accepted)
        {
            throw new InvalidOperationException($"The emulator refused the callback of interaction {id} (status {callback.Status}, code {callback.ErrorCode}).");
        }

        if (done is not null)
        {
            await discord.Rest.WaitForMessageAsync(done(id), timeout ?? Timeout);
        }
        else if (callback.Type == 5)
        {
            await discord.Rest.WaitForMessageAsync(m => m.InteractionId == id && m.EditCount > 0, Timeout);
        }

        return new Figure(answered, watch.Elapsed.TotalMilliseconds);
    }

    private static async Task<Figure> MedianAsync(Func<Task<Figure>> run)
    {
        var runs = new List<Figure>();
        for (var i = 0; i < Runs; i++)
        {
            runs.Add(await run());
        }

        var ordered = runs.OrderBy(r => r.Completed).ToList();
        return ordered[ordered.Count / 2];
    }

    /// <summary>Runs a command-line verb of the bot as an operator does, timed from start to exit.</summary>
    private static async Task<Figure> VerbAsync(string botDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var native = BotProcess.IsNative(botDirectory);
        var start = new ProcessStartInfo(native ? Path.Combine(botDirectory, "AstraBit.SupportBot") : "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (!native)
        {
            start.ArgumentList.Add(Path.Combine(botDirectory, "AstraBit.SupportBot.dll"));
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the bot's command line.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var took = watch.Elapsed.TotalMilliseconds;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"`{string.Join(' ', arguments)}` exited {process.ExitCode}: {await errors}{await output}");
        }

        return new Figure(null, took);
    }

    private static double Mb(long bytes) => bytes / (1024.0 * 1024.0);

    private sealed record Figure(double? Answered, double Completed);

    private sealed record Session(double StartupMs, double IdleMb, double AfterMb, IReadOnlyDictionary<string, Figure> Figures);
}
