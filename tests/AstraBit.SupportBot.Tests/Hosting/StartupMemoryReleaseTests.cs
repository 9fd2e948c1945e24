using AstraBit.SupportBot.Bot;
using AstraBit.SupportBot.Discord.Gateway;
using AstraBit.SupportBot.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace AstraBit.SupportBot.Tests.Hosting;

/// <summary>
/// The start-up's memory is handed back at READY and again once the passes run at start (ticket timers, outbox,
/// reminders) have ended: their catch-up after a long stop (a year's file: thousands of expired reminders, dozens of
/// DMs) left about 45 MB committed in the GC's regions of a bot that then sat idle.
/// </summary>
public sealed class StartupMemoryReleaseTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Ready_ReleasesAtOnce_AndAgainOnlyOnceEveryFirstPassHasEnded()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var slow = new HeldLoop(clock);
        var quick = new HeldLoop(clock);
        var services = new ServiceCollection();
        services.AddSingleton<StartupMemoryReleaseState>();
        services.AddSingleton<IHostedService>(slow);
        services.AddSingleton<IHostedService>(quick);
        await using var provider = services.BuildServiceProvider();
        var state = provider.GetRequiredService<StartupMemoryReleaseState>();
        await slow.StartAsync(TestContext.Current.CancellationToken);
        await quick.StartAsync(TestContext.Current.CancellationToken);

        await new StartupMemoryRelease(state, provider).HandleAsync(new ReadyEvent(1, 2, "s1"), TestContext.Current.CancellationToken);
        Assert.Equal(1, state.Releases);

        quick.Pass.SetResult();
        await quick.FirstRun.WaitAsync(Limit, TestContext.Current.CancellationToken);
        Assert.Equal(1, state.Releases);

        slow.Pass.SetResult();
        await state.AfterFirstPasses!.WaitAsync(Limit, TestContext.Current.CancellationToken);
        Assert.Equal(2, state.Releases);

        // A later READY (a new session) releases nothing more.
        await new StartupMemoryRelease(state, provider).HandleAsync(new ReadyEvent(1, 2, "s2"), TestContext.Current.CancellationToken);
        Assert.Equal(2, state.Releases);
        await slow.StopAsync(TestContext.Current.CancellationToken);
        await quick.StopAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>A loop whose first pass lasts until the test ends it.</summary>
    private sealed class HeldLoop(TimeProvider clock) : SupportClockLoop(TimeSpan.FromMinutes(10), clock)
    {
        public TaskCompletionSource Pass { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override Task RunDueAsync(CancellationToken cancellationToken) => Pass.Task.WaitAsync(cancellationToken);

        protected override void OnFailed(Exception exception) => throw exception;
    }
}
