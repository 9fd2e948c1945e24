using System.Diagnostics.Metrics;

namespace AstraBit.SupportBot.Discord;

/// <summary>
/// The Discord client's instruments, on the meter <see cref="MeterName"/> (read with
/// <c>dotnet-counters monitor -n AstraBit.SupportBot --counters AstraBit.SupportBot.Discord</c>, exported over
/// OTLP by the host). Labels are route templates, methods and status codes: never ids, tokens or text.
/// </summary>
public sealed class DiscordMetrics
{
    public const string MeterName = "AstraBit.SupportBot.Discord";

    private readonly Counter<long> _restRequests;
    private readonly Counter<long> _rateLimited;
    private readonly Counter<long> _resumes;
    private readonly Counter<long> _identifies;
    private readonly Histogram<double> _acknowledged;

    public DiscordMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _restRequests = meter.CreateCounter<long>("discord.rest.requests", "{request}", "Discord REST answers by method, route template and HTTP status (0: no answer).");
        _rateLimited = meter.CreateCounter<long>("discord.rest.rate_limited", "{response}", "429 answers from Discord by route template and scope.");
        _resumes = meter.CreateCounter<long>("discord.gateway.resumes", "{resume}", "RESUME sent to the gateway.");
        _acknowledged = meter.CreateHistogram<double>("discord.interaction.ack_latency", "s", "From the interaction's creation (its snowflake's time) to Discord accepting the initial response, by callback type.");
        _identifies = meter.CreateCounter<long>("discord.gateway.identifies", "{identify}", "IDENTIFY sent to the gateway (after the first: re-identifies, each a new session).");
    }

    internal void RestAnswered(string method, string routeTemplate, int status) =>
        _restRequests.Add(1, new("http.request.method", method), new("discord.route", routeTemplate), new("http.response.status_code", status));

    internal void RateLimited(string routeTemplate, bool global) =>
        _rateLimited.Add(1, new("discord.route", routeTemplate), new("discord.rate_limit.global", global));

    internal void Resumed() => _resumes.Add(1);

    internal void Identified() => _identifies.Add(1);

    internal void Acknowledged(int callbackType, TimeSpan latency) =>
        // Discord's clock and ours may differ by a little: a negative latency is recorded as zero.
        _acknowledged.Record(Math.Max(0, latency.TotalSeconds), new KeyValuePair<string, object?>("discord.interaction.callback_type", callbackType));
}
