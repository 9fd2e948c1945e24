using AstraBit.SupportBot.Core.Audit;
using AstraBit.SupportBot.Core.KeyChecks;
using AstraBit.SupportBot.Core.Reminders;
using AstraBit.SupportBot.Core.Tickets;

namespace AstraBit.SupportBot.Core.Privacy;

public enum MemberHistoryKind
{
    Ticket,
    Check,
    Audit,
}

/// <summary>
/// One line of a member's history: a ticket, a check or an audit entry about them, as recorded; the reader's words come
/// from the bot's texts. Never a secret, no staff notes (a ticket's record carries neither).
/// </summary>
/// <param name="At">When: a ticket's opening, a check's start, an entry's time.</param>
/// <param name="Kind">What it is.</param>
/// <param name="TicketNumber">The ticket, if any.</param>
/// <param name="ThreadId">The ticket's thread, for a link.</param>
public sealed record MemberHistoryItem(DateTimeOffset At, MemberHistoryKind Kind, int? TicketNumber, ulong? ThreadId)
{
    /// <summary>The ticket (<see cref="MemberHistoryKind.Ticket"/>).</summary>
    public Ticket? Ticket { get; init; }

    /// <summary>The check (<see cref="MemberHistoryKind.Check"/>).</summary>
    public CheckHistoryEntry? Check { get; init; }

    /// <summary>The audit entry (<see cref="MemberHistoryKind.Audit"/>).</summary>
    public AuditEntry? Entry { get; init; }
}

/// <summary>A page of a member's history, newest first, with the totals across all pages.</summary>
public sealed record MemberHistoryPage(ulong MemberId, int Page, int PageCount, IReadOnlyList<MemberHistoryItem> Items, int Tickets, int Checks, int AuditEntries, int Reminders)
{
    public bool IsEmpty => Tickets + Checks + AuditEntries + Reminders == 0;
}

/// <summary>/ticket history member: (staff and moderators): tickets, checks and audit entries about a member, in pages.</summary>
public sealed class MemberHistoryService(IMemberDataStore data, IAuditLog audit, IKeyReminderStore reminders)
{
    public const int DefaultPageSize = 10;

    private const int AuditLimit = 500;

    /// <summary>Page <paramref name="page"/> (from 1; past the end gives the last page) of the member's history, newest first.</summary>
    public async Task<MemberHistoryPage> GetPageAsync(ulong memberId, int page, int pageSize = DefaultPageSize, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        var tickets = await data.TicketsForMemberAsync(memberId, cancellationToken).ConfigureAwait(false);
        var checks = await data.ChecksForMemberAsync(memberId, cancellationToken).ConfigureAwait(false);
        var entries = await audit.ForMemberAsync(memberId, AuditLimit, cancellationToken).ConfigureAwait(false);
        var reminderCount = (await reminders.ListAsync(memberId, cancellationToken).ConfigureAwait(false)).Count;

        var items = tickets.Select(TicketItem)
            .Concat(checks.Select(CheckItem))
            .Concat(entries.Select(AuditItem))
            .OrderByDescending(i => i.At)
            .ThenBy(i => i.Kind)
            .ToList();
        var pageCount = Math.Max(1, (items.Count + pageSize - 1) / pageSize);
        var current = Math.Clamp(page, 1, pageCount);
        return new MemberHistoryPage(
            memberId,
            current,
            pageCount,
            items.Skip((current - 1) * pageSize).Take(pageSize).ToList(),
            tickets.Count,
            checks.Count,
            entries.Count,
            reminderCount);
    }

    private static MemberHistoryItem TicketItem(Ticket ticket) =>
        new(ticket.OpenedAt, MemberHistoryKind.Ticket, ticket.Number, ticket.ThreadId) { Ticket = ticket };

    private static MemberHistoryItem CheckItem(CheckHistoryEntry check) =>
        new(check.CheckedAt, MemberHistoryKind.Check, null, null) { Check = check };

    private static MemberHistoryItem AuditItem(AuditEntry entry) =>
        new(entry.At, MemberHistoryKind.Audit, entry.TicketNumber, null) { Entry = entry };
}
