using System.Diagnostics;
using System.Globalization;
using AstraBit.SupportBot.Core.Stats;
using AstraBit.SupportBot.Core.Tickets;
using AstraBit.SupportBot.Storage;
using AstraBit.SupportBot.Storage.Tickets;

namespace AstraBit.SupportBot.Benchmarks.BusyYear;

/// <summary>
/// The figures' and the privacy delete's own cost on a year's data file, in this process (no bot, no Discord): the data
/// file opened as the bot opens it, then each period's read (<see cref="LiteSupportData.LoadAsync"/>) and calculation
/// (<see cref="SupportStatsCalculator.Compute"/>) timed apart, wall and CPU time and bytes allocated, a few rounds each;
/// with --delete, the busiest member's checks deleted and their closed tickets' details erased, each timed. The file is
/// changed by --delete and by the open (indexes, seal): point it at a copy.
/// </summary>
internal static class FiguresProfile
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        string? path = null;
        var delete = false;
        var rounds = 3;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--data" when i + 1 < args.Count:
                    path = Path.GetFullPath(args[++i]);
                    break;
                case "--delete":
                    delete = true;
                    break;
                case "--rounds" when i + 1 < args.Count && int.TryParse(args[i + 1], Inv, out var r) && r > 0:
                    rounds = r;
                    i++;
                    break;
                default:
                    Console.Error.WriteLine($"figures-profile: unknown or incomplete option '{args[i]}'. Options: --data <a copy of a year's data file> [--rounds <n>] [--delete]");
                    return 2;
            }
        }

        if (path is null || !File.Exists(path))
        {
            Console.Error.WriteLine("figures-profile: --data <path> must name an existing data file (a copy: it is changed).");
            return 2;
        }

        var opening = Stopwatch.StartNew();
        using var database = new SupportDatabase(path);
        var data = new LiteSupportData(database);
        var tickets = new LiteTicketStore(database);
        Console.WriteLine(string.Create(Inv, $"figures-profile: opened {path} in {opening.ElapsedMilliseconds} ms (read in full: {database.ReadInFull})"));

        var calendar = new TicketOptions().Calendar();
        var now = DateTimeOffset.UtcNow;
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var days in new[] { 7, 30, 365 })
            {
                var from = now - TimeSpan.FromDays(days);
                var (loaded, load) = await MeasureAsync(() => data.LoadAsync(from, now));
                var (stats, compute) = await MeasureAsync(() => Task.FromResult(SupportStatsCalculator.Compute(loaded, from, now, calendar)));
                Console.WriteLine(string.Create(Inv, $"figures-profile: round {round} {days,3} days: load {load}; compute {compute}; {loaded.Tickets.Count} tickets, {loaded.Checks.Count} checks, {loaded.Walkthroughs.Count} walkthroughs, {loaded.Claims.Count} claims; {stats.TicketsOpened} opened, {stats.Checks?.NewMembers} new members"));
            }
        }

        if (delete)
        {
            var member = YearGenerator.FirstMember;
            var (checks, deleteChecks) = await MeasureAsync(() => data.DeleteChecksAsync(member));
            var (erased, erase) = await MeasureAsync(() => tickets.EraseClosedTicketDetailsAsync(member, DateTimeOffset.UtcNow));
            Console.WriteLine(string.Create(Inv, $"figures-profile: privacy delete of {member}: {checks} checks {deleteChecks}; {erased.ClosedErased} closed tickets' details erased {erase} ({erased.OpenKept.Count} open kept)"));
        }

        return 0;
    }

    private static async Task<(T Result, string Cost)> MeasureAsync<T>(Func<Task<T>> run)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var wall = Stopwatch.StartNew();
        var result = await run();
        wall.Stop();
        var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var bytes = GC.GetAllocatedBytesForCurrentThread() - allocated;
        return (result, string.Create(Inv, $"{wall.Elapsed.TotalMilliseconds:F0} ms (cpu {cpuUsed.TotalMilliseconds:F0} ms, {bytes / 1048576.0:F1} MB allocated)"));
    }
}
