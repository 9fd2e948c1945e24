using System.Globalization;
using AstraBit.SupportBot.Bybit;
using AstraBit.SupportBot.Core.Telemetry;
using AstraBit.SupportBot.Discord;
using AstraBit.SupportBot.IntegrationTests.Tickets;
using AstraBit.SupportBot.Metrics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using static AstraBit.SupportBot.IntegrationTests.Tickets.TicketPeople;

namespace AstraBit.SupportBot.IntegrationTests.Metrics;

/// <summary>
/// The bot's meters read with the OpenTelemetry in-memory exporter after a scripted session against the emulators
/// through the real host: the counts are what happened, and no label carries an id or the key.
/// OpenTelemetry listens to meters by name across the process, so a bot another test runs at the same
/// time would be counted too: this class runs alone (<see cref="SessionMetricsCollection"/>).
/// </summary>
[Collection(SessionMetricsCollection.Name)]
public sealed class SessionMetricsTests
{
    [Fact]
    public async Task FailedCheckTicketClosedByStaff_MetricsCountWhatHappened_WithoutIdsOrKeys()
    {
        var exported = new List<Metric>();
        using var reader = new BaseExportingMetricReader(new InMemoryExporter<Metric>(exported));
        var people = await TicketPeople.StartAsync(configureHost: builder =>
            builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter([.. SupportTelemetry.MeterNames]).AddReader(reader)));
        await using var bot = people.Bot;
        var account = bot.Bybit.Scenario("hedge-mode");

        // A /diagnose that fails on Hedge Mode opens ticket #0001; staff closes it with a reason.
        await people.FailDiagnoseAsync(account);
        await people.StaffNoticeAsync();
        var thread = people.Thread();
        var closeButton = people.MessagesIn(thread.Id).Last(m => Buttons(m).Any(b => b.CustomId == "tk:close:1"));
        await people.ClickAsync(Staff, "tk:close:1", closeButton);
        var (close, _) = await people.SubmitAsync(Staff, "tk:close-reason:1", new Dictionary<string, string> { ["reason"] = "Switched to One-Way Mode together" }, thread.Id);
        Assert.Contains("is closed", await people.DeferredAnswerAsync(close), StringComparison.Ordinal);
        await bot.Bybit.WhenAllRequestsFinished();

        var points = Collect(reader, exported);

        // Checks: one, failed, on position-mode only; its duration recorded once under the same verdict.
        Assert.Equal(new Dictionary<string, double> { ["fail"] = 1 }, Sum(points, SupportMetrics.MeterName, "support.checks", "support.verdict"));
        Assert.Equal(new Dictionary<string, double> { ["position-mode"] = 1 }, Sum(points, SupportMetrics.MeterName, "support.check.failures", "support.check_id"));
        var duration = Assert.Single(points, p => p.Name == "support.check.duration");
        Assert.Equal("fail", duration.Tags["support.verdict"]);
        Assert.Equal(1, duration.Value);

        // Bybit: every answer the emulator gave, by endpoint, status and retCode (the reads succeed with retCode 0).
        var answered = bot.Bybit.Requests
            .GroupBy(r => $"{r.Path} {r.StatusCode} {r.RetCode}")
            .ToDictionary(g => g.Key, g => (double)g.Count());
        var counted = points.Where(p => p.Meter == BybitMetrics.MeterName && p.Name == "bybit.requests")
            .GroupBy(p => $"{p.Tags["bybit.endpoint"]} {p.Tags["http.response.status_code"]} {p.Tags.GetValueOrDefault("bybit.ret_code")}")
            .ToDictionary(g => g.Key, g => g.Sum(p => p.Value));
        Assert.Equal(answered.OrderBy(x => x.Key, StringComparer.Ordinal), counted.OrderBy(x => x.Key, StringComparer.Ordinal));
        Assert.Contains("/v5/position/list 200 0", counted.Keys);
        Assert.Contains("/v5/user/query-api 200 0", counted.Keys);
        Assert.All(points.Where(p => p.Name == "bybit.requests"), p => Assert.IsType<long>(p.Tags["bybit.ret_code"]));

        // Tickets: one opened by the failed check, one closed by staff, none open now.
        Assert.Equal(new Dictionary<string, double> { ["check-failed"] = 1 }, Sum(points, SupportMetrics.MeterName, "support.tickets.opened", "support.ticket.origin"));
        Assert.Equal(new Dictionary<string, double> { ["closed-by-staff"] = 1 }, Sum(points, SupportMetrics.MeterName, "support.tickets.closed", "support.ticket.outcome"));
        Assert.Equal(0, Assert.Single(points, p => p.Name == "support.tickets.open").Value);

        // Acknowledgements: one per interaction callback Discord accepted, by callback type, each within Discord's 3 s.
        var callbacks = bot.Discord.Rest.Callbacks.Where(c => c.Status is >= 200 and < 300)
            .GroupBy(c => c.Type.ToString(CultureInfo.InvariantCulture))
            .ToDictionary(g => g.Key, g => (double)g.Count());
        Assert.Equal(3, callbacks.Values.Sum()); // the key form, the close button, the close form
        Assert.Equal(
            callbacks.OrderBy(x => x.Key, StringComparer.Ordinal),
            Sum(points, DiscordMetrics.MeterName, "discord.interaction.ack_latency", "discord.interaction.callback_type").OrderBy(x => x.Key, StringComparer.Ordinal));
        Assert.All(points.Where(p => p.Name == "discord.interaction.ack_latency"), p => Assert.InRange(p.Max, 0, 3));

        // The Discord client's own instruments were read too: one IDENTIFY, the callbacks among the REST answers.
        Assert.Equal(1, Assert.Single(points, p => p.Name == "discord.gateway.identifies").Value);
        Assert.Contains(points, p => p.Name == "discord.rest.requests" && Equals(p.Tags["discord.route"], "/interactions/{interaction_id}/{interaction_token}/callback"));

        // No label value carries a member's or staff id, the thread, the key or the secret.
        var forbidden = new[] { Id(Member), Id(Staff), Id(thread.Id), account.ApiKey, account.ApiSecret, account.ApiKey[^4..] };
        var values = points.SelectMany(p => p.Tags.Values).Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "").ToList();
        Assert.NotEmpty(values);
        Assert.DoesNotContain(values, v => forbidden.Any(f => v.Contains(f, StringComparison.Ordinal)));

        await bot.StopAsync();
        await people.DeleteDataAsync();
    }

    private static Dictionary<string, double> Sum(IEnumerable<Point> points, string meter, string name, string tag) =>
        points.Where(p => p.Meter == meter && p.Name == name)
            .GroupBy(p => Convert.ToString(p.Tags[tag], CultureInfo.InvariantCulture)!)
            .ToDictionary(g => g.Key, g => g.Sum(p => p.Value));

    /// <summary>Collects once and copies every point out (the exporter hands over live objects): counters' sums, gauges' values, histograms' counts.</summary>
    private static List<Point> Collect(MetricReader reader, List<Metric> exported)
    {
        exported.Clear();
        Assert.True(reader.Collect());
        var points = new List<Point>();
        foreach (var metric in exported)
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                var tags = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var tag in point.Tags)
                {
                    tags[tag.Key] = tag.Value;
                }

                var (value, max) = metric.MetricType switch
                {
                    MetricType.LongSum => (point.GetSumLong(), 0d),
                    MetricType.LongGauge => (point.GetGaugeLastValueLong(), 0d),
                    MetricType.DoubleSum => (point.GetSumDouble(), 0d),
                    MetricType.Histogram => (point.GetHistogramCount(), point.TryGetHistogramMinMaxValues(out _, out var m) ? m : double.NaN),
                    _ => throw new InvalidOperationException($"{metric.Name}: unexpected {metric.MetricType}"),
                };
                points.Add(new Point(metric.MeterName, metric.Name, tags, value, max));
            }
        }

        return points;
    }

    private sealed record Point(string Meter, string Name, IReadOnlyDictionary<string, object?> Tags, double Value, double Max);
}

/// <summary>Tests that read the process-wide meters: run after the parallel ones, alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SessionMetricsCollection
{
    public const string Name = "Process-wide meters";
}
