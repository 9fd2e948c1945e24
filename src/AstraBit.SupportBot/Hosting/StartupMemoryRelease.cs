using System.Runtime;
using AstraBit.SupportBot.Bot;
using AstraBit.SupportBot.Discord.Gateway;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AstraBit.SupportBot.Hosting;

/// <summary>
/// Once per process, at the first READY, hands the start-up's garbage back to the system, and once more when the work
/// run at start (the first pass of every <see cref="SupportClockLoop"/>: ticket timers, the outbox, reminders) has
/// ended. Start-up reads and checks every language's texts and content files and builds the localized commands; the
/// first passes catch up on what came due while the bot was down (on a year's file after a day away: thousands of
/// expired reminders deleted, dozens of reminder DMs and ticket timers). What either leaves behind stays committed in
/// the GC's regions until allocation pressure (which an idle bot never makes) collects it: about 20 MB after start-up,
/// and about 45 MB more after a year's catch-up (the live heap was 11 MB of it). One aggressive collection each, never
/// again, costs a few milliseconds.
/// </summary>
public sealed class StartupMemoryRelease(StartupMemoryReleaseState state, IServiceProvider services) : IGatewayEventHandler<ReadyEvent>
{
    public Task HandleAsync(ReadyEvent gatewayEvent, CancellationToken cancellationToken)
    {
        if (state.TryBegin())
        {
            state.Release();

            // The running host's loops, asked for now (not when handlers are built before the host starts).
            var firstPasses = services.GetServices<IHostedService>().OfType<SupportClockLoop>().Select(loop => loop.FirstRun).ToList();
            state.AfterFirstPasses = ReleaseAfterAsync(firstPasses);
        }

        return Task.CompletedTask;
    }

    private async Task ReleaseAfterAsync(List<Task> firstPasses)
    {
        await Task.WhenAll(firstPasses).ConfigureAwait(false);
        state.Release();
    }
}

/// <summary>Process-wide: the release runs at the first READY (and after the first passes), not after every re-identify.</summary>
public sealed class StartupMemoryReleaseState
{
    private int _started;
    private int _releases;

    /// <summary>How many releases have run (two once the first passes are done).</summary>
    public int Releases => Volatile.Read(ref _releases);

    /// <summary>The release after the first passes, once READY has begun it.</summary>
    public Task? AfterFirstPasses { get; set; }

    public bool TryBegin() => Interlocked.Exchange(ref _started, 1) == 0;

    /// <summary>One aggressive, compacting collection that gives the free memory back to the system.</summary>
    public void Release()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        Interlocked.Increment(ref _releases);
    }
}
