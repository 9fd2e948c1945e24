using System.Globalization;

namespace AstraBit.SupportBot.Core.WorkingHours;

/// <summary>One opening on a weekday, in the calendar's time zone; <see cref="End"/> may be 24:00 (midnight after).</summary>
public readonly record struct WorkingRange(TimeSpan Start, TimeSpan End);

/// <summary>
/// When support staff work (Tickets:WorkingHours): opening ranges per weekday in one time zone. Answers "how much working
/// time passed between A and B", "when does staff come back after T" and "what is T plus this much working time", so the
/// ticket timers and waits count only time staff could have answered. <see cref="AlwaysOpen"/> when nothing is configured.
/// Daylight saving is the zone's: an opening at 09:00 London is 09:00 UTC in winter and 08:00 UTC in summer.
/// </summary>
public sealed class WorkingCalendar
{
    public const string TimeZoneKey = "TimeZone";

    // A week with one minute open still ends every search within this many days; beyond it the input is unreachable.
    private const int SearchDays = 366 * 5;

    private readonly IReadOnlyDictionary<DayOfWeek, IReadOnlyList<WorkingRange>> days;

    private WorkingCalendar(TimeZoneInfo? zone, IReadOnlyDictionary<DayOfWeek, IReadOnlyList<WorkingRange>> days)
    {
        Zone = zone;
        this.days = days;
    }

    /// <summary>No working hours configured: every moment is working time.</summary>
    public static WorkingCalendar AlwaysOpen { get; } = new(null, new Dictionary<DayOfWeek, IReadOnlyList<WorkingRange>>());

    /// <summary>The zone the hours are in; null when always open.</summary>
    public TimeZoneInfo? Zone { get; }

    public bool IsAlwaysOpen => Zone is null;

    /// <summary>The ranges on <paramref name="day"/>, earliest first; empty when closed all day.</summary>
    public IReadOnlyList<WorkingRange> On(DayOfWeek day) => days.GetValueOrDefault(day) ?? [];

    /// <summary>
    /// Builds the calendar from the configuration section as bound ("TimeZone" and weekday names, case-insensitive); null
    /// or empty means always open. Throws <see cref="FormatException"/> with the first problem; <see cref="Validate"/> lists them all.
    /// </summary>
    public static WorkingCalendar From(IReadOnlyDictionary<string, string?>? section, string keyPrefix = "Tickets:WorkingHours")
    {
        var problems = new List<string>();
        var calendar = Read(section, keyPrefix, problems);
        return problems.Count == 0 ? calendar! : throw new FormatException(problems[0]);
    }

    /// <summary>Every problem with the section, one line each naming the key ("Tickets:WorkingHours:Monday …"); empty when valid.</summary>
    public static IReadOnlyList<string> Validate(IReadOnlyDictionary<string, string?>? section, string keyPrefix = "Tickets:WorkingHours")
    {
        var problems = new List<string>();
        Read(section, keyPrefix, problems);
        return problems;
    }

    public bool IsOpen(DateTimeOffset at) => IsAlwaysOpen || Intervals(LocalDate(at).AddDays(-1), 3).Any(i => i.Start <= at && at < i.End);

    /// <summary><paramref name="at"/> itself when open, else the start of the next opening.</summary>
    public DateTimeOffset NextOpening(DateTimeOffset at)
    {
        if (IsAlwaysOpen)
        {
            return at;
        }

        foreach (var interval in Intervals(LocalDate(at).AddDays(-1), SearchDays))
        {
            if (interval.End > at)
            {
                return interval.Start > at ? interval.Start : at;
            }
        }

        throw new InvalidOperationException("The working hours never open.");
    }

    /// <summary>The working time between <paramref name="from"/> and <paramref name="to"/>; zero when <paramref name="to"/> is not later.</summary>
    public TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            return TimeSpan.Zero;
        }

        if (IsAlwaysOpen)
        {
            return to - from;
        }

        var total = TimeSpan.Zero;
        var first = LocalDate(from).AddDays(-1);
        var count = LocalDate(to).DayNumber - first.DayNumber + 2;
        foreach (var interval in Intervals(first, count))
        {
            var start = interval.Start > from ? interval.Start : from;
            var end = interval.End < to ? interval.End : to;
            if (end > start)
            {
                total += end - start;
            }
        }

        return total;
    }

    /// <summary>The moment <paramref name="workingTime"/> of working time after <paramref name="from"/> has passed.</summary>
    public DateTimeOffset AddWorkingTime(DateTimeOffset from, TimeSpan workingTime)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workingTime, TimeSpan.Zero);
        if (IsAlwaysOpen)
        {
            return from + workingTime;
        }

        var remaining = workingTime;
        foreach (var interval in Intervals(LocalDate(from).AddDays(-1), SearchDays))
        {
            if (interval.End <= from)
            {
                continue;
            }

            var start = interval.Start > from ? interval.Start : from;
            var length = interval.End - start;
            if (remaining <= length)
            {
                return start + remaining;
            }

            remaining -= length;
        }

        throw new InvalidOperationException("The working hours never open.");
    }

    /// <summary>
    /// When staff are back, for a member asking at <paramref name="now"/>: null while open; otherwise the opening and
    /// honest words, e.g. "in about 7 hours, Monday 09:00 UTC".
    /// </summary>
    public StaffReturn? WhenStaffReturn(DateTimeOffset now)
    {
        if (IsOpen(now))
        {
            return null;
        }

        var opening = NextOpening(now);
        var wait = opening - now;
        var utc = opening.ToUniversalTime();
        var when = utc.ToString("dddd HH:mm", CultureInfo.InvariantCulture) + " UTC";
        return new StaffReturn(opening, wait, $"in {About(wait)}, {when}");
    }

    private static string About(TimeSpan wait)
    {
        if (wait < TimeSpan.FromMinutes(1))
        {
            return "less than a minute";
        }

        if (wait < TimeSpan.FromMinutes(90))
        {
            var minutes = (int)Math.Round(wait.TotalMinutes);
            return minutes == 1 ? "1 minute" : $"about {minutes.ToString(CultureInfo.InvariantCulture)} minutes";
        }

        if (wait < TimeSpan.FromHours(36))
        {
            var hours = (int)Math.Round(wait.TotalHours);
            return $"about {hours.ToString(CultureInfo.InvariantCulture)} hours";
        }

        var days = (int)Math.Round(wait.TotalDays);
        return $"about {days.ToString(CultureInfo.InvariantCulture)} days";
    }

    private DateOnly LocalDate(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Zone!).DateTime);

    // Opening intervals in UTC for `count` local days from `first`, in order.
    private IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> Intervals(DateOnly first, int count)
    {
        for (var d = 0; d < count; d++)
        {
            var date = first.AddDays(d);
            foreach (var range in On(date.DayOfWeek))
            {
                var midnight = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
                yield return (ToUtc(midnight + range.Start), ToUtc(midnight + range.End));
            }
        }
    }

    // A local time skipped by a daylight-saving jump (01:30 on the spring-forward night) is taken as the first moment after the gap.
    private DateTimeOffset ToUtc(DateTime local)
    {
        var zone = Zone!;
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }

    private static WorkingCalendar? Read(IReadOnlyDictionary<string, string?>? section, string prefix, List<string> problems)
    {
        if (section is null || section.Count == 0)
        {
            return AlwaysOpen;
        }

        TimeZoneInfo? zone = null;
        var days = new Dictionary<DayOfWeek, IReadOnlyList<WorkingRange>>();
        foreach (var (key, value) in section)
        {
            if (string.Equals(key, TimeZoneKey, StringComparison.OrdinalIgnoreCase))
            {
                zone = ReadZone(value, $"{prefix}:{TimeZoneKey}", problems);
            }
            else if (Enum.TryParse<DayOfWeek>(key, ignoreCase: true, out var day) && !int.TryParse(key, out _))
            {
                if (ReadRanges(value, $"{prefix}:{day}", problems) is { } ranges)
                {
                    days[day] = ranges;
                }
            }
            else
            {
                problems.Add($"{prefix}:{key} is not a weekday; the keys are {TimeZoneKey} and Monday … Sunday");
            }
        }

        if (!section.Keys.Any(k => string.Equals(k, TimeZoneKey, StringComparison.OrdinalIgnoreCase)))
        {
            problems.Add($"{prefix}:{TimeZoneKey} is missing: name the zone the hours are in, e.g. \"Europe/London\" or \"UTC\"");
        }

        if (problems.Count == 0 && days.Values.All(r => r.Count == 0))
        {
            problems.Add($"{prefix} has no open hours on any day; give a day hours like \"09:00-18:00\", or remove {prefix} for always open");
        }

        return problems.Count == 0 ? new WorkingCalendar(zone, days) : null;
    }

    private static TimeZoneInfo? ReadZone(string? id, string key, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            problems.Add($"{key} is empty: name the zone the hours are in, e.g. \"Europe/London\" or \"UTC\"");
            return null;
        }

        if (TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone))
        {
            return zone;
        }

        problems.Add($"{key} (\"{id}\") is not a time zone this machine knows; use an IANA name such as \"Europe/London\" (the container needs tzdata for anything but \"UTC\")");
        return null;
    }

    // "" (closed), "09:00-18:00", or several: "09:00-12:30, 13:30-18:00".
    private static List<WorkingRange>? ReadRanges(string? text, string key, List<string> problems)
    {
        var ranges = new List<WorkingRange>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return ranges;
        }

        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var bounds = part.Split('-', StringSplitOptions.TrimEntries);
            if (bounds.Length != 2 || ParseTime(bounds[0]) is not { } start || ParseTime(bounds[1]) is not { } end || start == TimeSpan.FromDays(1))
            {
                problems.Add($"{key} (\"{text}\"): \"{part}\" is not a time range like 09:00-18:00 (24-hour clock, \"\" for closed)");
                return null;
            }

            if (end <= start)
            {
                problems.Add($"{key} (\"{text}\"): \"{part}\" ends before it starts; a range ends the same day, at 24:00 at the latest");
                return null;
            }

            if (ranges.Count > 0 && start < ranges[^1].End)
            {
                problems.Add($"{key} (\"{text}\"): \"{part}\" overlaps or comes before the range before it; list ranges in order without overlaps");
                return null;
            }

            ranges.Add(new WorkingRange(start, end));
        }

        return ranges;
    }

    private static TimeSpan? ParseTime(string text)
    {
        if (text == "24:00")
        {
            return TimeSpan.FromDays(1);
        }

        return text.Length == 5 && TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time.ToTimeSpan()
            : null;
    }
}

/// <summary>When staff are back: the opening, the wait, and the words for the member ("in about 7 hours, Monday 09:00 UTC").</summary>
public sealed record StaffReturn(DateTimeOffset At, TimeSpan Wait, string Text);
