using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Tickets;
using AstraBit.SupportBot.Core.WorkingHours;

namespace AstraBit.SupportBot.Bot.Tickets;

/// <summary>
/// What the ticket desk asks of Discord, one intent per method: the desk decides and records, this says it where the
/// member and staff see it (<see cref="TicketDiscord"/> over the REST client and <see cref="TicketMessages"/>). Every
/// method throws when Discord fails, so the desk leaves the step unrecorded for the outbox to do again.
/// </summary>
public interface ITicketDiscord
{
    /// <summary>Where closed tickets' transcripts are, as a channel mention.</summary>
    string TranscriptChannel { get; }

    /// <summary>Creates the ticket's private thread in the support channel (named after the member); returns its id.</summary>
    Task<ulong> CreateThreadAsync(Ticket ticket, CancellationToken cancellationToken);

    /// <summary>
    /// The thread's first messages: the opening card, the welcome with "Run the check again", and, when
    /// <paramref name="staffBack"/> is set (outside working hours), when someone will be there.
    /// </summary>
    Task PostOpeningAsync(Ticket ticket, StaffReturn? staffBack, CancellationToken cancellationToken);

    /// <summary>Adds the member or a staff member to the private thread.</summary>
    Task AddToThreadAsync(ulong threadId, ulong userId, CancellationToken cancellationToken);

    /// <summary>The staff channel's notice of a new ticket, with Join and Claim.</summary>
    Task NotifyStaffAsync(Ticket ticket, ulong? requestedBy, CancellationToken cancellationToken);

    /// <summary>A later check's card posted into the member's open ticket.</summary>
    Task PostAppendedCardAsync(Ticket ticket, TicketCard card, TicketOrigin origin, CancellationToken cancellationToken);

    /// <summary>A check the member ran, posted into their ticket's thread.</summary>
    Task PostCheckAsync(ulong threadId, ulong memberId, DiagnosticReport report, CancellationToken cancellationToken);

    /// <summary>A moderator's requested check of a member with no open ticket, told in the staff channel.</summary>
    Task PostCheckToStaffAsync(ulong memberId, ulong moderatorId, DiagnosticReport report, string regionKey, CancellationToken cancellationToken);

    Task AnnounceClaimedAsync(Ticket ticket, ulong staffId, CancellationToken cancellationToken);

    Task AnnounceUnclaimedAsync(Ticket ticket, ulong staffId, CancellationToken cancellationToken);

    /// <summary>"Is it fixed?" in the thread, with the member's three buttons.</summary>
    Task AskIsItFixedAsync(Ticket ticket, ulong staffId, CancellationToken cancellationToken);

    /// <summary>The member still needs help: the claimer hears it in the thread, or the support role in the staff channel.</summary>
    Task TellStillNeedsHelpAsync(Ticket ticket, CancellationToken cancellationToken);

    /// <summary>Unlocks and unarchives the thread and says it was reopened.</summary>
    Task ReopenThreadAsync(Ticket reopened, ulong staffId, CancellationToken cancellationToken);

    /// <summary>The member's rating, in the log channel next to the transcript.</summary>
    Task LogRatingAsync(Ticket rated, int stars, CancellationToken cancellationToken);

    /// <summary>Close step: the thread is told the ticket is closed. <paramref name="nonce"/> makes a repeat show once.</summary>
    Task AnnounceClosedAsync(Ticket closed, string nonce, CancellationToken cancellationToken);

    /// <summary>Close step: the member is asked for a rating, by DM, or in the thread when their DMs are closed.</summary>
    Task AskForRatingAsync(Ticket closed, string nonce, CancellationToken cancellationToken);

    /// <summary>Close step: the thread is archived and locked, with the reason in Discord's audit log.</summary>
    Task ArchiveThreadAsync(Ticket closed, CancellationToken cancellationToken);

    /// <summary>Close step: the transcript and summary are built from the thread and posted to the log channel.</summary>
    Task PostTranscriptAsync(Ticket closed, string nonce, CancellationToken cancellationToken);

    /// <summary>Timer: the support role is pinged again in the staff channel about an unclaimed ticket.</summary>
    Task EscalateAsync(Ticket ticket, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Timer: the member is reminded in the thread that staff wait for an answer.</summary>
    Task RemindAsync(Ticket ticket, CancellationToken cancellationToken);
}
