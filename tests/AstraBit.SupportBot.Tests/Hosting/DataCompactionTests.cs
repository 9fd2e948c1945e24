using System.Threading.Channels;
using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.KeyChecks;
using AstraBit.SupportBot.Hosting;
using AstraBit.SupportBot.Storage;
using AstraBit.SupportBot.Storage.Retention;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AstraBit.SupportBot.Tests.Hosting;

/// <summary>The daily compaction in the bot: a first pass shortly after start, then one a day, each deleting what Storage:Retention lets go.</summary>
public sealed class DataCompactionTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 6, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly string folder = Directory.CreateTempSubdirectory("supportbot-compaction-").FullName;

    [Fact]
    public async Task Service_OnAFakeClock_FirstPassAfterStartThenDaily_DeletesChecksPastRetention()
    {
        var clock = new TimerWatchingClock(Now);
        using var database = new SupportDatabase(Path.Combine(folder, "bot.db"));
        var history = new LiteCheckHistoryStore(database);
        await history.AddAsync(Check(1, Now.AddDays(-31)));
        await history.AddAsync(Check(2, Now.AddDays(-30).AddHours(12)));
        var options = Options.Create(new StorageOptions { Retention = new RetentionOptions { Checks = TimeSpan.FromDays(30) } });
        using var service = new DataCompactionService(options, database, clock, NullLogger<DataCompactionService>.Instance);
        var passes = Channel.CreateUnbounded<RetentionResult>();
        service.Passed += result => passes.Writer.TryWrite(result);

        await service.StartAsync(TestContext.Current.CancellationToken);
        await clock.WaitForTimerAsync(DataCompactionService.FirstPassAfter, 1, Timeout);
        clock.Advance(DataCompactionService.FirstPassAfter);
        var first = await passes.Reader.ReadAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(Timeout);

        Assert.Equal(1, first.ChecksDeleted);
        Assert.Empty(await history.RecentAsync(1, 10));
        Assert.Single(await history.RecentAsync(2, 10));

        await clock.WaitForTimerAsync(DataCompactionService.Interval, 1, Timeout);
        clock.Advance(DataCompactionService.Interval);
        var second = await passes.Reader.ReadAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(Timeout);

        Assert.Equal(1, second.ChecksDeleted);
        Assert.Empty(await history.RecentAsync(2, 10));
        await service.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public void Defaults_KeepAYearOfChecksAndTicketDetails_AndTheAuditLogForEver()
    {
        var policy = new RetentionOptions().ToPolicy();

        Assert.Equal(new RetentionPolicy(TimeSpan.FromDays(365), null, TimeSpan.FromDays(365)), policy);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static CheckHistoryEntry Check(ulong member, DateTimeOffset at) =>
        new(member, at, Verdict.Pass, new Dictionary<string, CheckStatus> { [CheckIds.ApiKey] = CheckStatus.Pass }, "…Xy12", "mainnet", "https://api.bybit.com");

    /// <summary>A fake clock that tells the test when the code under test starts waiting, so advancing it never races the wait.</summary>
    private sealed class TimerWatchingClock(DateTimeOffset start) : FakeTimeProvider(start)
    {
        private readonly Lock gate = new();
        private readonly List<TimeSpan> dueTimes = [];
        private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            lock (gate)
            {
                dueTimes.Add(dueTime);
                changed.TrySetResult();
                changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            return timer;
        }

        public async Task WaitForTimerAsync(TimeSpan dueTime, int count, TimeSpan timeout)
        {
            using var cancel = new CancellationTokenSource(timeout);
            while (true)
            {
                Task next;
                lock (gate)
                {
                    if (dueTimes.Count(d => d == dueTime) >= count)
                    {
                        return;
                    }

                    next = changed.Task;
                }

                await next.WaitAsync(cancel.Token);
            }
        }
    }
}
