namespace AstraBit.SupportBot.Bot.Walkthrough;

/// <summary>
/// Serialises read-change-save of one member's progress, so two quick clicks (or a click while a check finishes)
/// don't overwrite each other. Striped: a fixed set of locks shared by hash, so memory doesn't grow with members.
/// Held only around the store, never while Bybit is asked.
/// </summary>
public sealed class WalkthroughLocks : IDisposable
{
    private const int Stripes = 64;
    private readonly SemaphoreSlim[] stripes = [.. Enumerable.Range(0, Stripes).Select(_ => new SemaphoreSlim(1, 1))];

    public async Task<Releaser> EnterAsync(ulong userId, CancellationToken cancellationToken)
    {
        var stripe = stripes[(int)(userId % Stripes)];
        await stripe.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Releaser(stripe);
    }

    public void Dispose()
    {
        foreach (var stripe in stripes)
        {
            stripe.Dispose();
        }
    }

    public readonly struct Releaser(SemaphoreSlim stripe) : IDisposable
    {
        public void Dispose() => stripe.Release();
    }
}
