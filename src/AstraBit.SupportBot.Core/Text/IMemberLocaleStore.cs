namespace AstraBit.SupportBot.Core.Text;

/// <summary>
/// The Discord locale each member last used the bot in, for what reaches them without an interaction (a reminder, a
/// rating request, a moderator's request). Part of what /privacy exports and deletes.
/// </summary>
public interface IMemberLocaleStore
{
    /// <summary>The member's last seen Discord locale ("es-419"), or null when none is stored.</summary>
    Task<string?> GetAsync(ulong memberId, CancellationToken cancellationToken = default);

    /// <summary>Stores <paramref name="locale"/> as the member's last seen locale.</summary>
    Task SetAsync(ulong memberId, string locale, DateTimeOffset seenAt, CancellationToken cancellationToken = default);

    /// <summary>Forgets the member's locale; true when one was stored.</summary>
    Task<bool> DeleteAsync(ulong memberId, CancellationToken cancellationToken = default);
}
