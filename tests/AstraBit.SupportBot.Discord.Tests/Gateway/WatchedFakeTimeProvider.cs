using Microsoft.Extensions.Time.Testing;

namespace AstraBit.SupportBot.Discord.Tests.Gateway;

/// <summary>A <see cref="FakeTimeProvider"/> that tells a test when code under test starts waiting on a timer.</summary>
internal sealed class WatchedFakeTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly Lock _lock = new();
    private readonly List<TimeSpan> _dueTimes = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        lock (_lock)
        {
            _dueTimes.Add(dueTime);
            var changed = _changed;
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
            changed.TrySetResult();
        }

        return timer;
    }

    /// <summary>Completes once <paramref name="count"/> timers with a due time matching <paramref name="predicate"/> have been created.</summary>
    public async Task WaitForTimerAsync(Func<TimeSpan, bool> predicate, TimeSpan timeout, int count = 1)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                if (_dueTimes.Count(predicate) >= count)
                {
                    return;
                }

                changed = _changed.Task;
            }

            await changed.WaitAsync(cts.Token);
        }
    }
}
