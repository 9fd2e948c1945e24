using AstraBit.SupportBot.Core.Walkthrough;

namespace AstraBit.SupportBot.Bot.Walkthrough;

/// <summary>Read-change-save of a member's progress under the member's lock.</summary>
public sealed class WalkthroughProgressUpdater(IWalkthroughStore store, WalkthroughLocks locks)
{
    public Task<WalkthroughProgress?> GetAsync(ulong userId, CancellationToken cancellationToken) => store.GetAsync(userId, cancellationToken);

    /// <summary>Applies <paramref name="change"/> to the stored progress (null when the member has none) and saves what it returns.</summary>
    public async Task<WalkthroughProgress> UpdateAsync(ulong userId, Func<WalkthroughProgress?, WalkthroughProgress> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        using (await locks.EnterAsync(userId, cancellationToken))
        {
            var updated = change(await store.GetAsync(userId, cancellationToken));
            await store.SaveAsync(updated, cancellationToken);
            return updated;
        }
    }

    /// <summary>Applies <paramref name="change"/> to the stored progress and saves it; a member with none keeps none (null).</summary>
    public async Task<WalkthroughProgress?> UpdateIfPresentAsync(ulong userId, Func<WalkthroughProgress, WalkthroughProgress> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        using (await locks.EnterAsync(userId, cancellationToken))
        {
            if (await store.GetAsync(userId, cancellationToken) is not { } current)
            {
                return null;
            }

            var updated = change(current);
            await store.SaveAsync(updated, cancellationToken);
            return updated;
        }
    }
}
