using System.Globalization;
using Humanizer;

namespace AstraBit.SupportBot.Core.Tickets;

/// <summary>A line of /ticket list.</summary>
/// <param name="Ticket">The ticket.</param>
/// <param name="Age">How long since it was opened (or reopened).</param>
/// <param name="AgeText">"opened 3 hours ago".</param>
/// <param name="Wait">How long the side it waits for has been silent.</param>
/// <param name="WaitText">"waiting for staff for 40 minutes" or "waiting for the member for 2 days".</param>
public sealed record TicketListItem(Ticket Ticket, TimeSpan Age, string AgeText, TimeSpan Wait, string WaitText)
{
    /// <summary>The part of <see cref="Wait"/> inside Tickets:WorkingHours (equal to it when always open).</summary>
    public TimeSpan WorkingWait { get; init; } = Wait;

    /// <summary>Whether Tickets:WorkingHours is set (not always open), so the wait is told with its working part.</summary>
    public bool OutsideAlwaysOpenHours { get; init; }
}

/// <summary>Durations and ages in words, in English whatever the machine's culture.</summary>
public static class TicketWording
{
    public const string None = "none";

    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    /// <summary>"3 hours", "2 days", "less than a minute"; "none" for null.</summary>
    public static string Duration(TimeSpan? duration)
    {
        if (duration is not { } value)
        {
            return None;
        }

        return value < TimeSpan.FromMinutes(1)
            ? "less than a minute"
            : value.Humanize(precision: 1, culture: Culture, maxUnit: TimeUnit.Day, minUnit: TimeUnit.Minute);
    }

    /// <summary>"3 hours ago", "just now".</summary>
    public static string Ago(DateTimeOffset then, DateTimeOffset now)
    {
        var elapsed = now - then;
        return elapsed < TimeSpan.FromMinutes(1) ? "just now" : Duration(elapsed) + " ago";
    }

    /// <summary>"4.3 from 12 ratings"; "none".</summary>
    public static string Rating(double? average, int count) => average is { } value
        ? string.Create(Culture, $"{value:0.0} from {"rating".ToQuantity(count)}")
        : None;
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
        var ageText = (ticket.ReopenedAt is null ? "opened " : "reopened ") + TicketWording.Ago(since, now);
        if (ticket.WaitingForMember)
        {
            var wait = now - ticket.LastStaffMessageAt!.Value;
            return new TicketListItem(ticket, age, ageText, wait, $"waiting for the member for {TicketWording.Duration(wait)}");
        }

        var waitingSince = ticket.LastMemberMessageAt is { } spoke && spoke > since ? spoke : since;
        var staffWait = now - waitingSince;
        return new TicketListItem(ticket, age, ageText, staffWait, $"waiting for staff for {TicketWording.Duration(staffWait)}");
    }

    // Outside always-open hours the wait says how much of it staff could have answered: "waiting for staff for 2 days (3 hours in working hours)".
    private static TicketListItem WithWorkingWait(TicketListItem item, WorkingHours.WorkingCalendar calendar, DateTimeOffset now)
    {
        if (calendar.IsAlwaysOpen)
        {
            return item;
        }

        var working = calendar.WorkingTimeBetween(now - item.Wait, now);
        return item with { WorkingWait = working, OutsideAlwaysOpenHours = true, WaitText = $"{item.WaitText} ({TicketWording.Duration(working)} in working hours)" };
    }
}
