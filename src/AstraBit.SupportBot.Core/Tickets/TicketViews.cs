using AstraBit.SupportBot.Core.Text;

namespace AstraBit.SupportBot.Core.Tickets;

/// <summary>A line of /ticket list: the ticket and how long it has been open and waiting (<see cref="TicketTime"/> says them in the reader's language).</summary>
/// <param name="Ticket">The ticket.</param>
/// <param name="Age">How long since it was opened (or reopened).</param>
/// <param name="Wait">How long the side it waits for has been silent.</param>
public sealed record TicketListItem(Ticket Ticket, TimeSpan Age, TimeSpan Wait)
{
    /// <summary>The part of <see cref="Wait"/> inside Tickets:WorkingHours (equal to it when always open).</summary>
    public TimeSpan WorkingWait { get; init; } = Wait;

    /// <summary>Whether Tickets:WorkingHours is set (not always open), so the wait is told with its working part.</summary>
    public bool OutsideAlwaysOpenHours { get; init; }
}

/// <summary>Waits and ages in a reader's language, to the minute: "3 hours, 12 minutes", "less than a minute", "2 days ago".</summary>
public static class TicketTime
{
    public static string Duration(TimeSpan span, LocaleTexts texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return span < TimeSpan.FromMinutes(1)
            ? texts.Get(TextIds.TicketDeskViews.LessThanAMinute)
            : texts.Duration(TimeSpan.FromMinutes(Math.Floor(span.TotalMinutes)));
    }

    public static string Ago(DateTimeOffset then, DateTimeOffset now, LocaleTexts texts) => Ago(now - then, texts);

    public static string Ago(TimeSpan elapsed, LocaleTexts texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return elapsed < TimeSpan.FromMinutes(1)
            ? texts.Get(TextIds.TicketDeskViews.JustNow)
            : texts.Get(TextIds.TicketDeskViews.Ago, ("duration", Duration(elapsed, texts)));
    }

    /// <summary>"opened 3 hours ago" / "reopened …".</summary>
    public static string AgeText(TicketListItem item, LocaleTexts texts)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(texts);
        return texts.Get(item.Ticket.ReopenedAt is null ? TextIds.TicketDeskViews.OpenedAgo : TextIds.TicketDeskViews.ReopenedAgo, ("ago", Ago(item.Age, texts)));
    }

    /// <summary>"waiting for staff for 40 minutes (12 minutes in working hours)" or "waiting for the member for 2 days".</summary>
    public static string WaitText(TicketListItem item, LocaleTexts texts)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(texts);
        var wait = texts.Get(
            item.Ticket.WaitingForMember ? TextIds.TicketDeskViews.WaitingForMember : TextIds.TicketDeskViews.WaitingForStaff,
            ("duration", Duration(item.Wait, texts)));
        return item.OutsideAlwaysOpenHours
            ? wait + " " + texts.Get(TextIds.TicketDeskViews.InWorkingHours, ("duration", Duration(item.WorkingWait, texts)))
            : wait;
    }
}

/// <summary>/ticket list from the open tickets: unclaimed first, then oldest first, with ages and waits in words.</summary>
public static class TicketListing
{
    public static IReadOnlyList<TicketListItem> Of(IEnumerable<Ticket> open, DateTimeOffset now, TicketOptions options)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(options);
        var calendar = options.Calendar();
        return open
            .OrderBy(t => t.State == TicketState.Open ? 0 : 1)
            .ThenBy(t => t.ReopenedAt ?? t.OpenedAt)
            .ThenBy(t => t.Number)
            .Select(t => WithWorkingWait(Item(t, now), calendar, now))
            .ToList();
    }

    private static TicketListItem Item(Ticket ticket, DateTimeOffset now)
    {
        var since = ticket.ReopenedAt ?? ticket.OpenedAt;
        var age = now - since;
        if (ticket.WaitingForMember)
        {
            return new TicketListItem(ticket, age, now - ticket.LastStaffMessageAt!.Value);
        }

        var waitingSince = ticket.LastMemberMessageAt is { } spoke && spoke > since ? spoke : since;
        return new TicketListItem(ticket, age, now - waitingSince);
    }

    // Outside always-open hours the wait says how much of it staff could have answered: "waiting for staff for 2 days (3 hours in working hours)".
    private static TicketListItem WithWorkingWait(TicketListItem item, WorkingHours.WorkingCalendar calendar, DateTimeOffset now)
    {
        if (calendar.IsAlwaysOpen)
        {
            return item;
        }

        return item with { WorkingWait = calendar.WorkingTimeBetween(now - item.Wait, now), OutsideAlwaysOpenHours = true };
    }
}
