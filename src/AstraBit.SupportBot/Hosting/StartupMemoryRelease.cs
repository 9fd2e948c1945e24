using System.Runtime;
using AstraBit.SupportBot.Discord.Gateway;

namespace AstraBit.SupportBot.Hosting;

/// <summary>
/// Once per process, at the first READY, hands the start-up's garbage back to the system. Start-up reads and checks
/// every language's texts and content files and builds the localized commands; what that leaves behind stays
/// committed in the GC's regions until allocation pressure (which an idle bot never makes) collects it, so a bot
/// waiting for its first member held about 20 MB it would never use. One aggressive collection, on a gateway event
/// thread and never again, costs a few milliseconds (the interactions benchmark shows the idle figure).
/// </summary>
public sealed class StartupMemoryRelease(StartupMemoryReleaseState state) : IGatewayEventHandler<ReadyEvent>
{
    public Task HandleAsync(ReadyEvent gatewayEvent, CancellationToken cancellationToken)
    {
        if (state.TryBegin())
        {
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }

        return Task.CompletedTask;
    }
}

/// <summary>Process-wide: the release runs at the first READY, not after every re-identify.</summary>
public sealed class StartupMemoryReleaseState
{
    private int _started;

    public bool TryBegin() => Interlocked.Exchange(ref _started, 1) == 0;
}
