namespace AstraBit.SupportBot.IntegrationTests.Soak;

/// <summary>
/// A compressed day of a busy server (<see cref="SoakShape.Compressed"/>) against the real host on a fake support
/// clock: nothing a member or staff member was promised is missing, and the process's threads, handles, managed memory
/// and data file are back within a stated tolerance of the baseline taken after the first hours. The figures read the
/// whole test process, so this class runs alone (<see cref="SoakCollection"/>).
/// </summary>
[Collection(SoakCollection.Name)]
public sealed class SoakDayTests(ITestOutputHelper output)
{
    /// <summary>More threads than at the baseline: the thread pool keeps a few it grew for a burst (it retires them after 20 s idle).</summary>
    private const int ThreadTolerance = 12;

    /// <summary>
    /// More handles than at the baseline: pooled connections opened in a later burst, counted twice because both ends
    /// (the bot's and the in-process emulator's) are this process's; up to +15 seen. A socket leaked per gateway
    /// connection keeps both its ends open: 2 × 25 connections, 50.
    /// </summary>
    private const int HandleTolerance = 30;

    /// <summary>More managed memory than at the baseline once the emulator has forgotten the day's messages: the emulators' new members, threads and accounts, the bot's caches.</summary>
    private const long ManagedToleranceBytes = 8L << 20;

    /// <summary>Data file growth allowed per write after the baseline (about 300 bytes are used): a page (8 KiB) lost per write fails it.</summary>
    private const long BytesPerWrite = 2 << 10;

    [Fact]
    public async Task ACompressedDay_EveryPromiseKept_TheProcessBackToItsBaseline()
    {
        var report = await SoakDay.RunAsync(SoakShape.Compressed, output.WriteLine);
        foreach (var line in report.Lines())
        {
            output.WriteLine(line);
        }

        Assert.Empty(report.Missing);

        // The day happened: every step's traffic, reconnects and resumes, the outage, the reminders falling due.
        var steps = SoakShape.Compressed.Steps;
        Assert.Equal(steps, report.Counts["tickets"]);
        Assert.Equal(steps, report.Counts["resumes"]);
        Assert.Equal(1, report.Counts["outages"]);
        Assert.True(report.Counts["closes"] >= steps / 2, $"{report.Counts["closes"]} closes");
        Assert.Equal(report.Counts["reminders"], report.Counts["reminder DMs"]);

        var (before, after) = (report.Baseline, report.After);
        Assert.True(after.Threads - before.Threads <= ThreadTolerance, $"threads {before.Threads} → {after.Threads}");
        Assert.True(after.Handles - before.Handles <= HandleTolerance, $"handles {before.Handles} → {after.Handles}");
        Assert.True(report.AfterEmulatorHistory.ManagedBytes - before.ManagedBytes <= ManagedToleranceBytes, $"managed {before.ManagedBytes} → {report.AfterEmulatorHistory.ManagedBytes} bytes (without the emulator's history)");
        Assert.True(after.DataBytes - before.DataBytes <= report.WritesAfterBaseline * BytesPerWrite, $"data file {before.DataBytes} → {after.DataBytes} bytes for {report.WritesAfterBaseline} writes");
    }
}

/// <summary>Tests that read the whole process's threads, handles and memory: run after the parallel ones, alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SoakCollection
{
    public const string Name = "Soak";
}
