using AstraBit.SupportBot.Core.Tickets;

namespace AstraBit.SupportBot.Core.Audit;

/// <summary>
/// One staff, moderator or bot action: who, what, on whom, when. Never a secret: text that looks like one is refused.
/// </summary>
/// <param name="ActorId">The staff member or moderator; null when the bot acted on its own (timers, a member leaving).</param>
/// <param name="Action">One of <see cref="AuditActions"/>.</param>
/// <param name="TargetMemberId">The member acted on, if any.</param>
/// <param name="TicketNumber">The ticket acted on, if any.</param>
/// <param name="Detail">A plain sentence, e.g. the close reason.</param>
/// <param name="At">When (UTC).</param>
public sealed record AuditEntry(ulong? ActorId, string Action, ulong? TargetMemberId, int? TicketNumber, string Detail, DateTimeOffset At)
{
    public string Action { get; init => field = Checked(value, nameof(Action)); } = Checked(Action, nameof(Action));

    public string Detail { get; init => field = SecretGuard.RequireNoSecret(value ?? string.Empty, nameof(Detail)); } = SecretGuard.RequireNoSecret(Detail ?? string.Empty, nameof(Detail));

    private static string Checked(string action, string parameter)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(action, parameter);
        return SecretGuard.RequireNoSecret(action, parameter);
    }
}

/// <summary>The audit log's action names.</summary>
public static class AuditActions
{
    public const string TicketOpened = "ticket.open";
    public const string TicketClaimed = "ticket.claim";
    public const string TicketUnclaimed = "ticket.unclaim";
    public const string TicketClosed = "ticket.close";
    public const string TicketReopened = "ticket.reopen";
    public const string TicketEscalated = "ticket.escalate";
    public const string TicketReminded = "ticket.remind";
    public const string CheckRequested = "member.check-requested";
    public const string TicketCloseRequested = "ticket.close-requested";
    public const string TicketCloseDeclined = "ticket.close-declined";
    public const string TicketNoteAdded = "ticket.note";
    public const string MemberDataDeleted = "member.data-deleted";
    public const string KeyLeaked = "member.key-leaked";
}

/// <summary>The audit log. Failures throw; reads never pretend an outage is an empty log.</summary>
public interface IAuditLog
{
    Task WriteAsync(AuditEntry entry, CancellationToken cancellationToken = default);

    /// <summary>The latest <paramref name="count"/> entries, newest first.</summary>
    Task<IReadOnlyList<AuditEntry>> RecentAsync(int count, CancellationToken cancellationToken = default);

    /// <summary>Entries about <paramref name="memberId"/> (as the target), newest first.</summary>
    Task<IReadOnlyList<AuditEntry>> ForMemberAsync(ulong memberId, int count = 50, CancellationToken cancellationToken = default);
}
