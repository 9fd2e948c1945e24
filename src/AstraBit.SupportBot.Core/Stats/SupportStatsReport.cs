using System.Globalization;
using System.Text;
using System.Text.Json;
using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Core.Tickets;

namespace AstraBit.SupportBot.Core.Stats;

/// <summary>The figures as a readable table (terminal, Discord code block) or JSON. "none" where nothing was stored.</summary>
public static class SupportStatsReport
{
    public const string None = "none";

    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    /// <param name="stats">The figures.</param>
    /// <param name="staffName">How to name a staff member (a mention in Discord, the id in a terminal).</param>
    public static string Text(SupportStats stats, Func<ulong, string>? staffName = null)
    {
        ArgumentNullException.ThrowIfNull(stats);
        staffName ??= id => id.ToString(Culture);
        var text = new StringBuilder();
        void Line(string label, string value) => text.Append(Culture, $"  {label,-34} {value}\n");

        text.Append(Culture, $"Support figures for the last {stats.Days} days ({Time(stats.From)} to {Time(stats.To)}); only what the bot stored counts.\n\n");

        text.Append("Tickets\n");
        Line("open now", stats.OpenNow is { } open ? $"{Count(open.Unclaimed)} unclaimed, {Count(open.Claimed)} claimed" : None);

        text.Append("\nWalkthrough funnel (members who first started the guide in the period)\n");
        if (stats.Funnel is { } funnel)
        {
            Line("started", Count(funnel.Started));
            foreach (var (position, members) in funnel.Reached)
            {
                Line(position == GuidePosition.FinalCheck ? "reached the final check" : $"reached step {position.StepNumber()}", $"{Count(members)}  ({Percent(members, funnel.Started)})");
            }

            Line("passed the final check", $"{Count(funnel.PassedFinalCheck)}  ({Percent(funnel.PassedFinalCheck, funnel.Started)})");
        }
        else
        {
            Line("started", None);
        }

        text.Append("\nKey checks\n");
        if (stats.Checks is { } checks)
        {
            Line("checks run", Count(checks.ChecksRun));
            Line("new members checking", Count(checks.NewMembers));
            if (checks.NewMembers > 0)
            {
                Line("  passed first time", $"{Count(checks.PassedFirstTime)}  ({Percent(checks.PassedFirstTime, checks.NewMembers)})");
                Line("  passed after a fix", $"{Count(checks.PassedAfterFix)}  ({Percent(checks.PassedAfterFix, checks.NewMembers)})");
                Line("  not passed yet", $"{Count(checks.NotPassedYet)}  ({Percent(checks.NotPassedYet, checks.NewMembers)})");
            }
        }
        else
        {
            Line("checks run", None);
        }

        text.Append("\nSelf-service (fixed without a human)\n");
        Line("rate", stats.SelfService is { } self ? $"{Percent(self.SelfServed, self.Members)}  ({self.SelfServed} of {self.Members} members with a failing check)" : None);

        text.Append("\nTickets by first failing check (tickets opened in the period)\n");
        if (stats.TicketsByFirstFailingCheck is { } byCheck)
        {
            Line("tickets opened", Count(stats.TicketsOpened));
            if (byCheck.Count == 0)
            {
                Line("(no opening check failed)", "0");
            }

            foreach (var count in byCheck)
            {
                Line(count.CheckId, Count(count.Tickets));
            }
        }
        else
        {
            Line("tickets opened", None);
        }

        text.Append("\nOutcomes (tickets closed in the period)\n");
        if (stats.Outcomes is { } outcomes)
        {
            Line("tickets closed", Count(stats.TicketsClosed));
            foreach (var (outcome, count) in outcomes)
            {
                Line(outcome.Label(), Count(count));
            }

            Line("average rating", stats.Ratings is { } rated ? TicketWording.Rating(rated.Average, rated.Count) : None);
        }
        else
        {
            Line("tickets closed", None);
        }

        var kind = stats.WorkingTimeOnly ? "working time" : "always open: wall-clock";
        text.Append(Culture, $"\nTimes ({kind})\n");
        Line("median first response", TicketWording.Duration(stats.MedianFirstResponse));
        Line("median resolution", TicketWording.Duration(stats.MedianResolution));

        text.Append("\nStaff (claimed from the audit log; closed = closed or asked the member to confirm)\n");
        if (stats.Staff is { } staff)
        {
            foreach (var member in staff)
            {
                Line(staffName(member.StaffId), $"claimed {member.Claimed}, closed {member.Closed}, average rating {TicketWording.Rating(member.AverageRating, member.Ratings)}");
            }
        }
        else
        {
            Line("staff activity", None);
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

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", Culture) + " UTC";

    private static string Count(int count) => count.ToString(Culture);

    private static string Percent(int part, int whole) => whole == 0 ? None : ((double)part / whole).ToString("0%", Culture);
}
