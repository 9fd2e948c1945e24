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
