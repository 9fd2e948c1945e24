namespace AstraBit.SupportBot.Core.Tickets;

/// <summary>How a ticket ended (PRODUCT.md §10). Stored by lowercase name; add values, never rename.</summary>
public enum TicketCloseOutcome
{
    /// <summary>Awaiting confirmation, the member's key check passed: the fix is proven.</summary>
    ResolvedVerified = 0,

    /// <summary>Awaiting confirmation, the member pressed "Yes, close it".</summary>
    Resolved = 1,

    /// <summary>Awaiting confirmation, no answer within <see cref="TicketOptions.CloseConfirmAfter"/>.</summary>
    ResolvedUnconfirmed = 2,

    /// <summary>Staff closed it without the member's confirmation (force, or a ticket that began without a failed check), with a reason.</summary>
    ClosedByStaff = 3,

    /// <summary>No reply from the member after the reminder (<see cref="TicketOptions.AutoCloseAfter"/>).</summary>
    NoReply = 4,

    /// <summary>The member left the server.</summary>
    MemberLeft = 5,
}

public static class TicketCloseOutcomes
{
    /// <summary>Every outcome in the order reports list them.</summary>
    public static IReadOnlyList<TicketCloseOutcome> All { get; } = Enum.GetValues<TicketCloseOutcome>();

    /// <summary>"resolved-verified", "closed-by-staff": the stable name in stored data, JSON and the log channel.</summary>
    public static string Key(this TicketCloseOutcome outcome) => outcome switch
    {
        TicketCloseOutcome.ResolvedVerified => "resolved-verified",
        TicketCloseOutcome.Resolved => "resolved",
        TicketCloseOutcome.ResolvedUnconfirmed => "resolved-unconfirmed",
        TicketCloseOutcome.ClosedByStaff => "closed-by-staff",
        TicketCloseOutcome.NoReply => "no-reply",
        TicketCloseOutcome.MemberLeft => "member-left",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unknown ticket outcome."),
    };

    /// <summary>"resolved — verified": for people (log channel, transcript header, stats).</summary>
    public static string Label(this TicketCloseOutcome outcome) => outcome switch
    {
        TicketCloseOutcome.ResolvedVerified => "resolved — verified",
        TicketCloseOutcome.Resolved => "resolved",
        TicketCloseOutcome.ResolvedUnconfirmed => "resolved — unconfirmed",
        TicketCloseOutcome.ClosedByStaff => "closed by staff",
        TicketCloseOutcome.NoReply => "closed: no reply",
        TicketCloseOutcome.MemberLeft => "closed: member left",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unknown ticket outcome."),
    };

    public static TicketCloseOutcome? Parse(string? key) => All.Cast<TicketCloseOutcome?>().FirstOrDefault(o => o!.Value.Key() == key);
}

/// <summary>A staff-only note on a ticket. The text is scrubbed of anything that looks like a secret.</summary>
/// <param name="AuthorId">The staff member who wrote it.</param>
/// <param name="Text">At most <see cref="MaxLength"/> characters.</param>
/// <param name="At">When (UTC).</param>
public sealed record TicketNote(ulong AuthorId, string Text, DateTimeOffset At)
{
    public const int MaxLength = 1000;

    public string Text { get; init => field = SecretGuard.RequireNoSecret(value, nameof(Text)); } = SecretGuard.RequireNoSecret(Text, nameof(Text));
}
