using AstraBit.SupportBot.Core.Limits;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AstraBit.SupportBot.Core.Tests.Limits;

public sealed class BybitRequestBudgetTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData(0, 9)]
    [InlineData(1, 8)]
    [InlineData(40, 47)]
    public void RequestsPerCheck_ConfiguredSymbols_ChargesWhatTheCheckSends(int symbolCount, int expected)
    {
        var symbols = Enumerable.Range(0, symbolCount).Select(i => $"COIN{i}USDT").ToArray();
        var budget = new BybitRequestBudget(Options.Create(new LimitsOptions()), time, Options.Create(new AstraBit.SupportBot.Core.Diagnostics.DiagnosticsOptions { Symbols = symbols }));

        Assert.Equal(expected, budget.RequestsPerCheck);
    }

    [Fact]
    public void AcquireAsync_FortySymbolChecks_HeldToTheBudgetWindow()
    {
        var symbols = Enumerable.Range(0, 40).Select(i => $"COIN{i}USDT").ToArray();
        var budget = new BybitRequestBudget(Options.Create(new LimitsOptions()), time, Options.Create(new AstraBit.SupportBot.Core.Diagnostics.DiagnosticsOptions { Symbols = symbols }));

        var tasks = Enumerable.Range(0, 10).Select(_ => budget.AcquireAsync(budget.RequestsPerCheck).AsTask()).ToList();

        // 8 checks of 47 requests fit in 400; the 9th and 10th wait for the window to move.
        Assert.Equal(8, tasks.Count(t => t.IsCompleted));
        Assert.Equal(470, budget.Reserved);
    }

    [Fact]
    public async Task AcquireAsync_WithinBudget_GoesAtOnce()
    {
        var budget = Create();

        var task = budget.AcquireAsync(8).AsTask();

        Assert.True(task.IsCompletedSuccessfully);
        Assert.True((await task).Allowed);
        Assert.Equal(8, budget.Reserved);
    }

    [Fact]
    public void AcquireAsync_FiftyFullChecksAtOnce_FillTheDefaultBudgetWithoutWaiting()
    {
        var budget = Create();

        var tasks = Enumerable.Range(0, 50).Select(_ => budget.AcquireAsync(8).AsTask()).ToList();

        Assert.All(tasks, t => Assert.True(t.IsCompletedSuccessfully));
        Assert.Equal(400, budget.Reserved);
    }

    [Fact]
    public async Task AcquireAsync_BudgetFull_WaitsUntilTheWindowMoves()
    {
        var budget = Create();
        for (var i = 0; i < 50; i++)
        {
            await budget.AcquireAsync(8);
        }

        time.Advance(TimeSpan.FromSeconds(1));
        var waiting = budget.AcquireAsync(8).AsTask();

        Assert.False(waiting.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(4) - TimeSpan.FromTicks(1));
        Assert.False(waiting.IsCompleted);
        time.Advance(TimeSpan.FromTicks(1));
        Assert.True((await waiting).Allowed);
    }

    [Fact]
    public void Reserve_QueueBeyondMaxWait_RefusedWithWhenToComeBack()
    {
        var budget = Create(o =>
        {
            o.BybitRequests = 16;
            o.MaxQueueWait = TimeSpan.FromSeconds(5);
        });
        budget.Reserve(8);
        budget.Reserve(8);
        Assert.Equal(TimeSpan.FromSeconds(5), budget.Reserve(8).Delay);
        Assert.Equal(TimeSpan.FromSeconds(5), budget.Reserve(8).Delay);

        var refused = budget.Reserve(8);

        Assert.False(refused.Decision.Allowed);
        Assert.Equal(TimeSpan.FromSeconds(10), refused.Decision.RetryAfter);
        Assert.Equal(
            "Lots of members are checking their keys right now, and I keep well under Bybit's limits so nobody gets blocked. Please try again in 10 seconds.",
            refused.Decision.Message);
    }

    [Fact]
    public void Reserve_Refused_ReservesNothing()
    {
        var budget = Create(o =>
        {
            o.BybitRequests = 8;
            o.MaxQueueWait = TimeSpan.Zero;
        });
        budget.Reserve(8);

        budget.Reserve(8);
        budget.Reserve(8);

        Assert.Equal(8, budget.Reserved);
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.True(budget.Reserve(8).Decision.Allowed);
    }

    [Fact]
    public async Task AcquireAsync_ManyChecksOverTime_NeverMoreThanTheBudgetInAnyWindow()
    {
        var budget = Create(o => o.MaxQueueWait = TimeSpan.FromMinutes(5));
        var granted = new List<(DateTimeOffset At, int Requests)>();
        var pending = new List<Task>();
        for (var i = 0; i < 200; i++)
        {
            pending.Add(Track(budget, granted));
            time.Advance(TimeSpan.FromMilliseconds(10));
        }

        while (pending.Any(t => !t.IsCompleted))
        {
            time.Advance(TimeSpan.FromMilliseconds(100));
        }

        await Task.WhenAll(pending);
        Assert.Equal(200, granted.Count);
        foreach (var (at, _) in granted)
        {
            var inWindow = granted.Where(g => g.At > at - TimeSpan.FromSeconds(5) && g.At <= at).Sum(g => g.Requests);
            Assert.InRange(inWindow, 1, 400);
        }
    }

    [Theory]
    [InlineData(0, 2000)]
    [InlineData(1900, 2000)]
    [InlineData(1900, 0)]
    public void Reserve_RequestsLeavingLateWithinTheSpread_NeverMoreThanTheBudgetInAnyBybitWindow(int firstWaveLatenessMs, int spreadMs)
    {
        // The worst case for counting at the start: a wave of checks whose requests leave late (a slow first
        // round), then the next wave, granted a window later, whose requests leave at once. Bybit counts a request
        // when it leaves. With no spread allowed for (last row) the budget is overrun; that row shows the test bites.
        var budget = Create(o =>
        {
            o.CheckSpread = TimeSpan.FromMilliseconds(spreadMs);
            o.MaxQueueWait = TimeSpan.FromMinutes(5);
        });
        var sent = new List<DateTimeOffset>();
        for (var i = 0; i < 150; i++)
        {
            var reservation = budget.Reserve(8);
            Assert.True(reservation.Decision.Allowed);
            var lateness = i < 50 ? TimeSpan.FromMilliseconds(firstWaveLatenessMs) : TimeSpan.Zero;
            sent.AddRange(Enumerable.Repeat(time.GetUtcNow() + reservation.Delay + lateness, 8));
        }

        var busiest = sent.Max(at => sent.Count(s => s > at - TimeSpan.FromSeconds(5) && s <= at));

        if (spreadMs >= firstWaveLatenessMs)
        {
            Assert.InRange(busiest, 1, 400);
        }
        else
        {
            Assert.True(busiest > 400, $"busiest window {busiest}");
        }
    }

    [Fact]
    public void Reserve_WithSpread_CountsAGrantForWindowPlusSpread()
    {
        var budget = Create(o =>
        {
            o.BybitRequests = 8;
            o.CheckSpread = TimeSpan.FromSeconds(2);
            o.MaxQueueWait = TimeSpan.FromMinutes(1);
        });
        budget.Reserve(8);

        var next = budget.Reserve(8);

        Assert.Equal(TimeSpan.FromSeconds(7), next.Delay);
    }

    [Fact]
    public async Task AcquireAsync_Cancelled_Throws()
    {
        var budget = Create(o => o.BybitRequests = 8);
        await budget.AcquireAsync(8);
        using var cancel = new CancellationTokenSource();

        var waiting = budget.AcquireAsync(8, cancel.Token).AsTask();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }

    [Fact]
    public void Reserve_MoreThanTheWholeBudget_Throws()
    {
        var budget = Create();

        Assert.Throws<ArgumentOutOfRangeException>(() => budget.Reserve(401));
        Assert.Throws<ArgumentOutOfRangeException>(() => budget.Reserve(0));
    }

    private async Task Track(BybitRequestBudget budget, List<(DateTimeOffset At, int Requests)> granted)
    {
        var decision = await budget.AcquireAsync(8);
        Assert.True(decision.Allowed);
        lock (granted)
        {
            granted.Add((time.GetUtcNow(), 8));
        }
    }

    // The window mechanics are tested with checks whose requests all leave at once (CheckSpread 0);
    // the spread has tests of its own.
    private BybitRequestBudget Create(Action<LimitsOptions>? configure = null)
    {
        var options = new LimitsOptions { CheckSpread = TimeSpan.Zero };
        configure?.Invoke(options);
        return new BybitRequestBudget(Options.Create(options), time);
    }
}
