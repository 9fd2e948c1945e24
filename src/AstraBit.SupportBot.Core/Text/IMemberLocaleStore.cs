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

    /// <summary>Stores each member's last seen locale in one write (a burst of new members costs one transaction, not one each).</summary>
    Task SetManyAsync(IReadOnlyCollection<MemberLocale> locales, CancellationToken cancellationToken = default);

    /// <summary>Forgets the member's locale; true when one was stored.</summary>
    Task<bool> DeleteAsync(ulong memberId, CancellationToken cancellationToken = default);
}

/// <summary>A member's last seen Discord locale and when it was seen.</summary>
public readonly record struct MemberLocale(ulong MemberId, string Locale, DateTimeOffset SeenAt);
