using AstraBit.SupportBot.Core.WorkingHours;

namespace AstraBit.SupportBot.Core.Tests.WorkingHours;

public sealed class WorkingCalendarTests
{
    // Monday 2026-11-30 and the weekend before it; London is on UTC in winter.
    private static readonly DateTimeOffset SaturdayNoon = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset MondayNine = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    public static Dictionary<string, string?> OfficeHours(string zone = "Europe/London") => new()
    {
        ["TimeZone"] = zone,
        ["Monday"] = "09:00-18:00",
        ["Tuesday"] = "09:00-18:00",
        ["Wednesday"] = "09:00-18:00",
        ["Thursday"] = "09:00-18:00",
        ["Friday"] = "09:00-17:00",
        ["Saturday"] = "",
        ["Sunday"] = "",
    };

    [Fact]
    public void WhenStaffReturn_SaturdayNoon_SaysMondayNineAndTheWait()
    {
        var calendar = WorkingCalendar.From(OfficeHours());

        var back = calendar.WhenStaffReturn(SaturdayNoon.AddHours(14))!;

        Assert.Equal(MondayNine, back.At);
        Assert.Equal("in about 31 hours, Monday 09:00 UTC", back.Text);
        Assert.Equal("in about 2 days, Monday 09:00 UTC", calendar.WhenStaffReturn(SaturdayNoon)!.Text);
        Assert.Equal("in about 7 hours, Monday 09:00 UTC", calendar.WhenStaffReturn(MondayNine.AddHours(-7))!.Text);
        Assert.Null(calendar.WhenStaffReturn(MondayNine.AddMinutes(1)));
    }

    [Fact]
    public void WorkingTimeBetween_FridayAfternoonToMondayMorning_CountsOnlyOpenHours()
    {
        var calendar = WorkingCalendar.From(OfficeHours());
        var fridayFour = new DateTimeOffset(2026, 11, 27, 16, 0, 0, TimeSpan.Zero);

        Assert.Equal(TimeSpan.FromHours(1.5), calendar.WorkingTimeBetween(fridayFour, MondayNine.AddMinutes(30)));
        Assert.Equal(TimeSpan.Zero, calendar.WorkingTimeBetween(SaturdayNoon, SaturdayNoon.AddHours(30)));
        Assert.Equal(TimeSpan.FromHours(9 * 4 + 8), calendar.WorkingTimeBetween(MondayNine, MondayNine.AddDays(7)));
    }

    [Fact]
    public void AddWorkingTime_SaturdayPlusThirtyMinutes_IsMondayNineThirty()
    {
        var calendar = WorkingCalendar.From(OfficeHours());

        Assert.Equal(MondayNine.AddMinutes(30), calendar.AddWorkingTime(SaturdayNoon, TimeSpan.FromMinutes(30)));
        Assert.Equal(MondayNine.AddDays(1).AddHours(1), calendar.AddWorkingTime(MondayNine.AddHours(8), TimeSpan.FromHours(2)));
    }

    [Fact]
    public void Summer_LondonHoursAreOneHourEarlierInUtc()
    {
        var calendar = WorkingCalendar.From(OfficeHours());
        var summerMonday = new DateTimeOffset(2026, 6, 1, 7, 30, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2026, 6, 1, 8, 0, 0, TimeSpan.Zero), calendar.NextOpening(summerMonday));
        Assert.Equal("in about 30 minutes, Monday 08:00 UTC", calendar.WhenStaffReturn(summerMonday)!.Text);
    }

    [Fact]
    public void AlwaysOpen_NothingConfigured_CountsWallClock()
    {
        var calendar = WorkingCalendar.From(null);

        Assert.True(calendar.IsAlwaysOpen);
        Assert.Null(calendar.WhenStaffReturn(SaturdayNoon));
        Assert.Equal(TimeSpan.FromHours(30), calendar.WorkingTimeBetween(SaturdayNoon, SaturdayNoon.AddHours(30)));
    }

    [Fact]
    public void From_SeveralRangesInADay_HonoursTheBreak()
    {
        var hours = new Dictionary<string, string?> { ["TimeZone"] = "UTC", ["monday"] = "09:00-12:00, 13:00-24:00" };
        var calendar = WorkingCalendar.From(hours);

        Assert.False(calendar.IsOpen(MondayNine.AddHours(3.5)));
        Assert.True(calendar.IsOpen(MondayNine.AddHours(14.9)));
        Assert.Equal(TimeSpan.FromHours(14), calendar.WorkingTimeBetween(MondayNine, MondayNine.AddDays(1)));
    }

    [Theory]
    [InlineData("Monday", "9-18", "Tickets:WorkingHours:Monday (\"9-18\"): \"9-18\" is not a time range like 09:00-18:00 (24-hour clock, \"\" for closed)")]
    [InlineData("Tuesday", "18:00-09:00", "Tickets:WorkingHours:Tuesday (\"18:00-09:00\"): \"18:00-09:00\" ends before it starts; a range ends the same day, at 24:00 at the latest")]
    [InlineData("Wednesday", "09:00-13:00,12:00-18:00", "Tickets:WorkingHours:Wednesday (\"09:00-13:00,12:00-18:00\"): \"12:00-18:00\" overlaps or comes before the range before it; list ranges in order without overlaps")]
    [InlineData("Munday", "09:00-18:00", "Tickets:WorkingHours:Munday is not a weekday; the keys are TimeZone and Monday … Sunday")]
    [InlineData("TimeZone", "Europe/Londn", "Tickets:WorkingHours:TimeZone (\"Europe/Londn\") is not a time zone this machine knows; use an IANA name such as \"Europe/London\" (the container needs tzdata for anything but \"UTC\")")]
    public void Validate_BadEntry_NamesTheKeyAndValue(string key, string value, string expected)
    {
        var hours = OfficeHours();
        hours[key] = value;

        Assert.Equal([expected], WorkingCalendar.Validate(hours));
    }

    [Fact]
    public void Validate_NoZoneAndNoHours_SaysBoth()
    {
        var problems = WorkingCalendar.Validate(new Dictionary<string, string?> { ["Monday"] = "" });

        Assert.Equal(["Tickets:WorkingHours:TimeZone is missing: name the zone the hours are in, e.g. \"Europe/London\" or \"UTC\""], problems);
        Assert.Equal(
            ["Tickets:WorkingHours has no open hours on any day; give a day hours like \"09:00-18:00\", or remove Tickets:WorkingHours for always open"],
            WorkingCalendar.Validate(new Dictionary<string, string?> { ["TimeZone"] = "UTC", ["Monday"] = "" }));
    }
}
