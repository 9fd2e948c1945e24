using System.Diagnostics.Metrics;
using AstraBit.SupportBot.Discord.Models;
using AstraBit.SupportBot.Discord.Rest;
using AstraBit.SupportBot.Emulators.Discord;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace AstraBit.SupportBot.Discord.Tests.Rest;

/// <summary>The REST instruments after a scripted session: counts match what the emulator saw, labels carry no ids.</summary>
public sealed class DiscordMetricsTests
{
    [Fact]
    public async Task RestRequests_AfterASession_MatchTheEmulatorsRecord()
    {
        await using var h = await RestHarness.StartAsync();
        var meters = h.Services.GetRequiredService<IMeterFactory>();
        using var requests = new MetricCollector<long>(meters, DiscordMetrics.MeterName, "discord.rest.requests");
        using var limited = new MetricCollector<long>(meters, DiscordMetrics.MeterName, "discord.rest.rate_limited");
        var channel = h.Emulator.AddTextChannel("support");
        h.Emulator.Script429(DiscordRestRoutes.CreateMessage, TimeSpan.FromMilliseconds(10));

        await h.Client.GetCurrentUserAsync();
        await h.Client.CreateMessageAsync(channel, MessagePayload.Text("one"));
        await h.Client.CreateMessageAsync(channel, MessagePayload.Text("two"));
        await Assert.ThrowsAsync<DiscordRestException>(() => h.Client.GetChannelAsync(4_242_424_242_424));

        var seen = h.Emulator.Requests.GroupBy(r => (r.Route, r.Status)).ToDictionary(g => g.Key, g => (long)g.Count());
        var measured = requests.GetMeasurementSnapshot()
            .GroupBy(m => ($"{m.Tags["http.request.method"]} {m.Tags["discord.route"]}", (int)m.Tags["http.response.status_code"]!))
            .ToDictionary(g => ((string?)g.Key.Item1, g.Key.Item2), g => g.Sum(m => m.Value));
        Assert.Equal(seen.OrderBy(x => x.Key.ToString()), measured.OrderBy(x => x.Key.ToString()));
        Assert.Equal(2, measured[(DiscordRestRoutes.CreateMessage, 200)]);
        Assert.Equal(1, measured[(DiscordRestRoutes.CreateMessage, 429)]);
        Assert.Equal(1, measured[(DiscordRestRoutes.GetChannel, 404)]);
        Assert.Equal(1, limited.GetMeasurementSnapshot().Sum(m => m.Value));

        // Route templates only: no channel, guild or user id ever becomes a label value.
        var ids = new[] { channel, h.Emulator.GuildId, h.Emulator.BotUserId, 4_242_424_242_424UL }.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain(requests.GetMeasurementSnapshot().SelectMany(m => m.Tags.Values), v => ids.Any(id => v?.ToString()?.Contains(id, StringComparison.Ordinal) == true));
    }
}
