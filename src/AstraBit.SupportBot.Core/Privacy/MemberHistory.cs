using System.Globalization;
using AstraBit.SupportBot.Core.Audit;
using AstraBit.SupportBot.Core.Diagnostics;
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

/// <summary>One line of a member's history: a ticket, a check or an audit entry about them.</summary>
/// <param name="At">When: a ticket's opening, a check's start, an entry's time.</param>
/// <param name="Kind">What it is.</param>
/// <param name="Text">The line, e.g. "#0042 · resolved — verified · ★★★★☆"; never a secret, no staff notes.</param>
/// <param name="TicketNumber">The ticket, if any.</param>
/// <param name="ThreadId">The ticket's thread, for a link.</param>
public sealed record MemberHistoryItem(DateTimeOffset At, MemberHistoryKind Kind, string Text, int? TicketNumber, ulong? ThreadId);

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

    private static MemberHistoryItem TicketItem(Ticket ticket)
    {
        var state = ticket.Outcome is { } outcome ? outcome.Label()
            : ticket.AwaitingConfirmation ? "waiting for the member to confirm the fix"
            : ticket.State == TicketState.Claimed ? "claimed"
            : "open";
        var rating = ticket.Rating is { } stars ? $" · {new string('★', stars)}{new string('☆', 5 - stars)}" : string.Empty;
        var failing = ticket.Card?.Failing.Select(c => c.Id).ToList() ?? [];
        var first = failing.Count > 0 ? $" · failing: {string.Join(", ", failing)}" : string.Empty;
        return new MemberHistoryItem(ticket.OpenedAt, MemberHistoryKind.Ticket, $"Ticket {ticket.DisplayNumber} · {state}{rating}{first}", ticket.Number, ticket.ThreadId);
    }

    private static MemberHistoryItem CheckItem(CheckHistoryEntry check)
    {
        var failing = check.Checks.Where(c => c.Value == CheckStatus.Fail).Select(c => c.Key).ToList();
        var what = failing.Count > 0 ? $": {string.Join(", ", failing)}" : string.Empty;
        var site = check.RegionKey is { } region ? $" · {region}" : string.Empty;
        return new MemberHistoryItem(
            check.CheckedAt,
            MemberHistoryKind.Check,
            string.Create(CultureInfo.InvariantCulture, $"Check {check.Verdict.ToString().ToLowerInvariant()}{what} · key {check.MaskedKey}{site}"),
            null,
            null);
    }

    private static MemberHistoryItem AuditItem(AuditEntry entry)
    {
        var actor = entry.ActorId is { } id ? $"<@{id.ToString(CultureInfo.InvariantCulture)}>" : "the bot";
        return new MemberHistoryItem(entry.At, MemberHistoryKind.Audit, $"{entry.Action} by {actor}: {entry.Detail}", entry.TicketNumber, null);
    }
}
