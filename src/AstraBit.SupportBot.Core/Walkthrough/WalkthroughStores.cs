namespace AstraBit.SupportBot.Core.Walkthrough;

/// <summary>Walkthrough progress, one per member.</summary>
public interface IWalkthroughStore
{
    Task<WalkthroughProgress?> GetAsync(ulong userId, CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces the member's progress.</summary>
    Task SaveAsync(WalkthroughProgress progress, CancellationToken cancellationToken = default);

    /// <summary>Returns false when there was nothing to delete.</summary>
    Task<bool> DeleteAsync(ulong userId, CancellationToken cancellationToken = default);
}
