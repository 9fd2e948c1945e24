using AstraBit.SupportBot.Bybit;
using AstraBit.SupportBot.Core.Telemetry;
using AstraBit.SupportBot.Discord;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;

namespace AstraBit.SupportBot.Metrics;

/// <summary>
/// Exports the bot's meters over OTLP when the standard OTEL_EXPORTER_OTLP_ENDPOINT is set, and does nothing
/// otherwise. The meters exist either way, so dotnet-counters sees them without any exporter.
/// </summary>
public static class SupportTelemetry
{
    public const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Every meter of the bot: the Discord client's, the Bybit client's and the support side's (checks, tickets, reminders).</summary>
    public static IReadOnlyList<string> MeterNames { get; } = [DiscordMetrics.MeterName, BybitMetrics.MeterName, SupportMetrics.MeterName];

    public static IServiceCollection AddSupportTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddMetrics();
        if (string.IsNullOrWhiteSpace(configuration[EndpointVariable]))
        {
            return services;
        }

        // The exporter reads the endpoint, protocol and headers from the standard OTEL_* variables itself.
        services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter([.. MeterNames]).AddOtlpExporter());
        return services;
    }
}
