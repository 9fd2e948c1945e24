using System.Globalization;

namespace AstraBit.SupportBot.Core.Tickets;

/// <summary>Open: waiting for staff to pick it up. Claimed: a staff member owns it. Closed: done (may be reopened).</summary>
public enum TicketState
{
    Open = 0,
    Claimed = 1,
    Closed = 2,
}

/// <summary>What opened the ticket.</summary>
public enum TicketOrigin
{
    CheckFailed = 0,
    Stuck = 1,
    Command = 2,
    ModeratorRequest = 3,
}

/// <summary>
/// The steps of building a ticket's thread after it was created (the thread itself is <see cref="Ticket.ThreadId"/>).
/// Each is recorded when Discord confirmed it, so a crash resumes at the first step not done.
/// </summary>
[Flags]
public enum TicketBuildSteps
{
    None = 0,

    /// <summary>The opening card and the welcome with "Run the check again" are in the thread.</summary>
    CardPosted = 1,

    /// <summary>The member was added to the private thread.</summary>
    MemberAdded = 2,

    /// <summary>The staff channel got the notice with Join and Claim.</summary>
    StaffNotified = 4,

    All = CardPosted | MemberAdded | StaffNotified,
}

/// <summary>
/// The Discord steps of closing a ticket after the close was decided and recorded. Each is recorded when Discord
/// confirmed it, so a crash or an outage resumes at the first step not done, and none is done twice.
/// </summary>
[Flags]
public enum TicketCloseSteps
{
    None = 0,

    /// <summary>The thread was told the ticket is closed (with the outcome and reason).</summary>
    Announced = 1,

    /// <summary>The member was asked for a 1–5 rating (a DM, or the thread when their DMs are closed); also set when no rating is asked.</summary>
    RatingRequested = 2,

    /// <summary>The thread is archived and locked.</summary>
    Archived = 4,

    /// <summary>The transcript and summary are in the log channel.</summary>
    TranscriptPosted = 8,

    All = Announced | RatingRequested | Archived | TranscriptPosted,
}

/// <summary>
/// A support ticket: one member, one private thread, the diagnosis it opened with and the checks posted since.
/// Every time is UTC; the timers are computed from these persisted times, so they survive a restart.
/// </summary>
/// <param name="Number">Sequential and never reused; shown as "#0042".</param>
/// <param name="MemberId">The member the ticket is for.</param>
/// <param name="Origin">What opened it.</param>
/// <param name="OpenedAt">When it was opened.</param>
/// <param name="Card">The diagnosis it opened with; null when opened without one (e.g. /ticket open before any check).</param>
public sealed record Ticket(int Number, ulong MemberId, TicketOrigin Origin, DateTimeOffset OpenedAt, TicketCard? Card)
{
    public const int MaxCloseReasonLength = 500;

    public TicketState State { get; init; } = TicketState.Open;

    /// <summary>The Discord thread, once created.</summary>
    public ulong? ThreadId { get; init; }

    /// <summary>
    /// Which build steps are done in <see cref="ThreadId"/>'s thread. A new thread starts with none
    /// (<see cref="TicketCommand.AttachThread"/>); a ticket written before steps were recorded counts as built.
    /// </summary>
    public TicketBuildSteps Built { get; init; } = TicketBuildSteps.All;

    /// <summary>Whether the thread exists and every build step in it is done.</summary>
    public bool IsBuilt => ThreadId is not null && Built == TicketBuildSteps.All;

    /// <summary>
    /// Which Discord steps of the current close are done. A close decision starts with none (or with
    /// <see cref="TicketCloseSteps.RatingRequested"/> when nobody is asked for a rating); a ticket written before close steps
    /// were recorded, or never closed, counts as done.
    /// </summary>
    public TicketCloseSteps CloseDone { get; init; } = TicketCloseSteps.All;

    /// <summary>Closed, with Discord steps of the close still to do (the outbox finishes them).</summary>
    public bool IsClosing => IsClosed && CloseDone != TicketCloseSteps.All;

    public ulong? ClaimedBy { get; init; }

    public DateTimeOffset? ClaimedAt { get; init; }

    public DateTimeOffset? FirstStaffReplyAt { get; init; }

    public DateTimeOffset? LastMemberMessageAt { get; init; }

    public DateTimeOffset? LastStaffMessageAt { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>The staff member who closed it; null when the bot did (auto-close, member left).</summary>
    public ulong? ClosedBy { get; init; }

    public string? CloseReason { get; init => field = SecretGuard.RequireNoSecretOrNull(value, nameof(CloseReason)); }

    /// <summary>When it was last reopened; the escalation timer counts from here instead of <see cref="OpenedAt"/>.</summary>
    public DateTimeOffset? ReopenedAt { get; init; }

    /// <summary>1–5 stars from the member, given once after closing.</summary>
    public int? Rating { get; init; }

    public DateTimeOffset? RatedAt { get; init; }

    /// <summary>When the support role was pinged again for this ticket being unclaimed.</summary>
    public DateTimeOffset? EscalatedAt { get; init; }

    /// <summary>When the member was reminded to answer; cleared when anyone speaks again.</summary>
    public DateTimeOffset? RemindedAt { get; init; }

    /// <summary>Checks the member ran inside the ticket after it opened, oldest first.</summary>
    public IReadOnlyList<TicketCard> LaterChecks { get; init; } = [];

    /// <summary>How it ended; null while open (a reopen clears it).</summary>
    public TicketCloseOutcome? Outcome { get; init; }

    /// <summary>
    /// When staff asked the member "Is it fixed?"; null when no close is pending. While set (and the ticket is not closed)
    /// the ticket is awaiting the member's confirmation; <see cref="TicketOptions.CloseConfirmAfter"/> later it closes as unconfirmed.
    /// </summary>
    public DateTimeOffset? CloseRequestedAt { get; init; }

    /// <summary>The staff member who asked "Is it fixed?"; kept after the close, so the resolution counts for them.</summary>
    public ulong? CloseRequestedBy { get; init; }

    /// <summary>Staff-only notes, oldest first. Never shown to the member nor posted in the thread (the member is in it).</summary>
    public IReadOnlyList<TicketNote> Notes { get; init; } = [];

    /// <summary>When the member's personal data (cards, checks, notes) was erased from this closed ticket at their request.</summary>
    public DateTimeOffset? ErasedAt { get; init; }

    /// <summary>"#0042".</summary>
    public string DisplayNumber => Format(Number);

    public bool IsClosed => State == TicketState.Closed;

    /// <summary>Staff asked "Is it fixed?" and the member has not answered yet.</summary>
    public bool AwaitingConfirmation => !IsClosed && CloseRequestedAt is not null;

    /// <summary>
    /// True when the ticket began with a failed check: staff "Close" then asks the member to confirm (and the key check
    /// can prove the fix) instead of closing at once.
    /// </summary>
    public bool ClosesWithConfirmation => Origin == TicketOrigin.CheckFailed || Card?.Verdict == Diagnostics.Verdict.Fail;

    /// <summary>Who gets the credit for how it ended: the closer, else who asked to close, else the claimer.</summary>
    public ulong? ResolvedBy => ClosedBy ?? CloseRequestedBy ?? ClaimedBy;

    /// <summary>The opening card and every later check, oldest first.</summary>
    public IEnumerable<TicketCard> AllCards => Card is null ? LaterChecks : [Card, .. LaterChecks];

    /// <summary>True when staff spoke last and the member has not answered since.</summary>
    public bool WaitingForMember => LastStaffMessageAt is { } staff && (LastMemberMessageAt is not { } member || member < staff);

    public static string Format(int number) => "#" + number.ToString("0000", CultureInfo.InvariantCulture);

    // The generated ToString would list every card; this is what a log line needs.
    public override string ToString() => $"Ticket {{ {DisplayNumber}, Member = {MemberId}, State = {State} }}";
}
