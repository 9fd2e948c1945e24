using System.Globalization;
using System.Text;
using System.Text.Json;
using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Core.Text;
using AstraBit.SupportBot.Core.Tickets;
using Ids = AstraBit.SupportBot.Core.Text.TextIds.Stats;

namespace AstraBit.SupportBot.Core.Stats;

/// <summary>
/// The figures as a readable table (terminal, Discord code block) in one reader's language, or as JSON (a contract:
/// its field names never change). "none" where nothing was stored.
/// </summary>
public static class SupportStatsReport
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    /// <param name="stats">The figures.</param>
    /// <param name="texts">The reader's language (/ticket stats: the staff member's own; the stats verb: English or --locale).</param>
    /// <param name="staffName">How to name a staff member (a mention in Discord, the id in a terminal).</param>
    public static string Text(SupportStats stats, LocaleTexts texts, Func<ulong, string>? staffName = null)
    {
        ArgumentNullException.ThrowIfNull(stats);
        ArgumentNullException.ThrowIfNull(texts);
        staffName ??= id => id.ToString(Culture);
        var none = texts.Get(Ids.None);
        var text = new StringBuilder();
        void Line(string label, string value) => text.Append(Culture, $"  {label,-34} {value}\n");
        void Heading(string id, params ReadOnlySpan<(string Name, string Value)> holes) => text.Append(texts.Get(id, holes)).Append('\n');
        string Count(int count) => texts.Number(count);
        string Share(int part, int whole) => $"{Count(part)}  ({Percent(part, whole, texts, none)})";
        string Duration(TimeSpan? span) => span is { } value ? TicketTime.Duration(value, texts) : none;
        string Rating(double? average, int count) => average is { } value
            ? texts.Get(Ids.RatingValue, ("average", Decimal(value, texts)), ("ratings", texts.Count(Ids.Ratings, count)))
            : none;

        Heading(Ids.Heading, ("period", texts.Count(TextIds.Time.Days, stats.Days)), ("from", Time(stats.From)), ("to", Time(stats.To)));

        text.Append('\n');
        Heading(Ids.Tickets);
        Line(texts.Get(Ids.OpenNow), stats.OpenNow is { } open ? texts.Get(Ids.OpenNowValue, ("unclaimed", Count(open.Unclaimed)), ("claimed", Count(open.Claimed))) : none);

        text.Append('\n');
        Heading(Ids.Funnel);
        if (stats.Funnel is { } funnel)
        {
            Line(texts.Get(Ids.Started), Count(funnel.Started));
            foreach (var (position, members) in funnel.Reached)
            {
                var label = position == GuidePosition.FinalCheck ? texts.Get(Ids.ReachedFinalCheck) : texts.Get(Ids.ReachedStep, ("step", texts.Number(position.StepNumber() ?? 0)));
                Line(label, Share(members, funnel.Started));
            }

            Line(texts.Get(Ids.PassedFinalCheck), Share(funnel.PassedFinalCheck, funnel.Started));
        }
        else
        {
            Line(texts.Get(Ids.Started), none);
        }

        text.Append('\n');
        Heading(Ids.Checks);
        if (stats.Checks is { } checks)
        {
            Line(texts.Get(Ids.ChecksRun), Count(checks.ChecksRun));
            Line(texts.Get(Ids.NewMembers), Count(checks.NewMembers));
            if (checks.NewMembers > 0)
            {
                Line("  " + texts.Get(Ids.PassedFirstTime), Share(checks.PassedFirstTime, checks.NewMembers));
                Line("  " + texts.Get(Ids.PassedAfterFix), Share(checks.PassedAfterFix, checks.NewMembers));
                Line("  " + texts.Get(Ids.NotPassedYet), Share(checks.NotPassedYet, checks.NewMembers));
            }
        }
        else
        {
            Line(texts.Get(Ids.ChecksRun), none);
        }

        text.Append('\n');
        Heading(Ids.SelfService);
        Line(texts.Get(Ids.Rate), stats.SelfService is { } self
            ? texts.Get(Ids.RateValue, ("rate", Percent(self.SelfServed, self.Members, texts, none)), ("served", Count(self.SelfServed)), ("members", Count(self.Members)))
            : none);

        text.Append('\n');
        Heading(Ids.ByCheck);
        if (stats.TicketsByFirstFailingCheck is { } byCheck)
        {
            Line(texts.Get(Ids.TicketsOpened), Count(stats.TicketsOpened));
            if (byCheck.Count == 0)
            {
                Line(texts.Get(Ids.NoOpeningCheckFailed), Count(0));
            }

            // Check ids stay as the checks name themselves: staff search the docs and logs by them.
            foreach (var count in byCheck)
            {
                Line(count.CheckId, Count(count.Tickets));
            }
        }
        else
        {
            Line(texts.Get(Ids.TicketsOpened), none);
        }

        text.Append('\n');
        Heading(Ids.Outcomes);
        if (stats.Outcomes is { } outcomes)
        {
            Line(texts.Get(Ids.TicketsClosed), Count(stats.TicketsClosed));
            foreach (var (outcome, count) in outcomes)
            {
                Line(texts.Get(TicketOutcomeTexts.Id(outcome)), Count(count));
            }

            Line(texts.Get(Ids.AverageRating), stats.Ratings is { } rated ? Rating(rated.Average, rated.Count) : none);
        }
        else
        {
            Line(texts.Get(Ids.TicketsClosed), none);
        }

        text.Append('\n');
        Heading(Ids.Times, ("kind", texts.Get(stats.WorkingTimeOnly ? Ids.WorkingTime : Ids.WallClock)));
        Line(texts.Get(Ids.MedianFirstResponse), Duration(stats.MedianFirstResponse));
        Line(texts.Get(Ids.MedianResolution), Duration(stats.MedianResolution));

        text.Append('\n');
        Heading(Ids.Staff);
        if (stats.Staff is { } staff)
        {
            foreach (var member in staff)
            {
                Line(staffName(member.StaffId), texts.Get(Ids.StaffValue, ("claimed", Count(member.Claimed)), ("closed", Count(member.Closed)), ("rating", Rating(member.AverageRating, member.Ratings))));
            }
        }
        else
        {
            Line(texts.Get(Ids.StaffActivity), none);
        }

        return text.ToString();
    }

    /// <summary>The figures as JSON: every figure a number, or null for "none"; times in seconds.</summary>
    public static string Json(SupportStats stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartObject("period");
            json.WriteString("from", stats.From);
            json.WriteString("to", stats.To);
            json.WriteNumber("days", stats.Days);
            json.WriteEndObject();

            json.WritePropertyName("openNow");
            if (stats.OpenNow is { } open)
            {
                json.WriteStartObject();
                json.WriteNumber("unclaimed", open.Unclaimed);
                json.WriteNumber("claimed", open.Claimed);
                json.WriteEndObject();
            }
            else
            {
                json.WriteNullValue();
            }

            json.WriteNumber("ticketsOpened", stats.TicketsOpened);
            json.WriteNumber("ticketsClosed", stats.TicketsClosed);

            json.WritePropertyName("funnel");
            if (stats.Funnel is { } funnel)
            {
                json.WriteStartObject();
                json.WriteNumber("started", funnel.Started);
                json.WriteStartObject("reached");
                foreach (var (position, members) in funnel.Reached)
                {
                    json.WriteNumber(position == GuidePosition.FinalCheck ? "finalCheck" : $"step{position.StepNumber()}", members);
                }

                json.WriteEndObject();
                json.WriteNumber("passedFinalCheck", funnel.PassedFinalCheck);
                json.WriteEndObject();
            }
            else
            {
                json.WriteNullValue();
            }

            json.WritePropertyName("checks");
            if (stats.Checks is { } checks)
            {
                json.WriteStartObject();
                json.WriteNumber("run", checks.ChecksRun);
                json.WriteNumber("newMembers", checks.NewMembers);
                json.WriteNumber("passedFirstTime", checks.PassedFirstTime);
                json.WriteNumber("passedAfterFix", checks.PassedAfterFix);
                json.WriteNumber("notPassedYet", checks.NotPassedYet);
                json.WriteEndObject();
            }
            else
            {
                json.WriteNullValue();
            }

            json.WritePropertyName("selfService");
            if (stats.SelfService is { } self)
            {
                json.WriteStartObject();
                json.WriteNumber("members", self.Members);
                json.WriteNumber("selfServed", self.SelfServed);
                json.WriteNumber("rate", Math.Round(self.Rate, 4));
                json.WriteEndObject();
            }
            else
            {
                json.WriteNullValue();
            }

            json.WritePropertyName("ticketsByFirstFailingCheck");
            if (stats.TicketsByFirstFailingCheck is { } byCheck)
            {
                json.WriteStartObject();
                foreach (var count in byCheck)
                {
                    json.WriteNumber(count.CheckId, count.Tickets);
                }

                json.WriteEndObject();
            }
            else
            {
                json.WriteNullValue();
            }

            json.WritePropertyName("outcomes");
            if (stats.Outcomes is { } outcomes)
            {
                json.WriteStartObject();
                foreach (var (outcome, count) in outcomes)
                {
                    json.WriteNumber(outcome.Key(), count);
                }

                json.WriteEndObject();
            }
            else
            {
                json.WriteNullValue();
            }

            json.WriteBoolean("workingTimeOnly", stats.WorkingTimeOnly);
            Seconds(json, "medianFirstResponseSeconds", stats.MedianFirstResponse);
            Seconds(json, "medianResolutionSeconds", stats.MedianResolution);

            json.WritePropertyName("ratings");
            if (stats.Ratings is { } ratings)
            {
                json.WriteStartObject();
                json.WriteNumber("average", Math.Round(ratings.Average, 2));
                json.WriteNumber("count", ratings.Count);
                json.WriteEndObject();
            }
            else
            {
                json.WriteNullValue();
            }

            json.WritePropertyName("staff");
            if (stats.Staff is { } staff)
            {
                json.WriteStartArray();
                foreach (var member in staff)
                {
                    json.WriteStartObject();
                    json.WriteString("staffId", member.StaffId.ToString(Culture));
                    json.WriteNumber("claimed", member.Claimed);
                    json.WriteNumber("closed", member.Closed);
                    if (member.AverageRating is { } average)
                    {
                        json.WriteNumber("averageRating", Math.Round(average, 2));
                    }
                    else
                    {
                        json.WriteNull("averageRating");
                    }

                    json.WriteNumber("ratings", member.Ratings);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }
            else
            {
                json.WriteNullValue();
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Seconds(Utf8JsonWriter json, string name, TimeSpan? value)
    {
        if (value is { } span)
        {
            json.WriteNumber(name, Math.Round(span.TotalSeconds));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", Culture) + " " + at.UtcDateTime.ToString("HH:mm", Culture) + " UTC";

    // A whole percentage as the reader's language writes it ("45%", "45 %", "%45").
    private static string Percent(int part, int whole, LocaleTexts texts, string none) =>
        whole == 0 ? none : texts.Get(Ids.Percent, ("percent", texts.Number((long)Math.Round(100.0 * part / whole, MidpointRounding.AwayFromZero))));

    // One decimal with the reader's decimal separator ("4.3", "4,3").
    private static string Decimal(double value, LocaleTexts texts)
    {
        var tenths = (long)Math.Round(value * 10, MidpointRounding.AwayFromZero);
        return texts.Number(tenths / 10) + texts.Get(TextIds.Format.DecimalSeparator) + (tenths % 10).ToString(Culture);
    }
}
