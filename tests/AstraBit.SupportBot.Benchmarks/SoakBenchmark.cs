using AstraBit.SupportBot.IntegrationTests.Soak;

namespace AstraBit.SupportBot.Benchmarks;

/// <summary>
/// The soak as a benchmark: a full day of a busy server (<see cref="SoakShape.FullDay"/>, 288 five-minute steps) on a
/// fake support clock, the bot host in this process against the emulators (also in this process: the figures are the
/// whole process's), with the before/after figures and what was promised and is missing. The same day in small is the
/// CI test SoakDayTests. Exit 1 when a promise is missing or a figure is past its tolerance (the bot's memory: what stays once the emulators forgot the day).
/// </summary>
internal static class SoakBenchmark
{
    private const int ThreadTolerance = 12;
    private const int HandleTolerance = 30;
    /// <summary>
    /// What the bot may still hold after the day above its baseline, once the emulators have forgotten everything: the
    /// maps bounded by members (the languages of the last 10,000 members seen, the check cooldowns pruned above 10,000:
    /// at most about 2.5 MB together) and the test's own lists of the day's tickets, closes and reminders (under 0.5 MB).
    /// </summary>
    private const long BotToleranceBytes = 4L << 20;
    private const long BytesPerWrite = 2 << 10;

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var shape = args.Contains("--compressed") ? SoakShape.Compressed : SoakShape.FullDay;
        Console.WriteLine($"soak: {shape.Steps} steps of {shape.Step} on the support clock");
        var dumps = args.SkipWhile(a => a != "--gcdump").Skip(1).FirstOrDefault();
        var report = await SoakDay.RunAsync(shape, Console.WriteLine, dumps is null ? null : label => GcDumpAsync(dumps, label));
        foreach (var line in report.Lines())
        {
            Console.WriteLine(line);
        }

        var (before, after) = (report.Baseline, report.After);
        var ok = report.Missing.Count == 0
            && after.Threads - before.Threads <= ThreadTolerance
            && after.Handles - before.Handles <= HandleTolerance
            && report.AfterEmulatorState.ManagedBytes - before.ManagedBytes <= BotToleranceBytes
            && after.DataBytes - before.DataBytes <= report.WritesAfterBaseline * BytesPerWrite;
        Console.WriteLine(ok ? "soak: every promise kept, every figure within tolerance" : "soak: a promise is missing or a figure is past its tolerance (see above)");
        return ok ? 0 : 1;
    }

    /// <summary>A heap snapshot of this process by dotnet-gcdump (a global tool: <c>dotnet tool install -g dotnet-gcdump</c>), read with <c>dotnet-gcdump report</c>.</summary>
    private static async Task GcDumpAsync(string folder, string label)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"soak-{label}.gcdump");
        using var tool = System.Diagnostics.Process.Start("dotnet-gcdump", ["collect", "-p", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), "-o", path]);
        await tool.WaitForExitAsync();
        Console.WriteLine($"soak: heap snapshot {path} (dotnet-gcdump exit {tool.ExitCode})");
    }
}
