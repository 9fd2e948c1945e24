using System.Collections.Concurrent;
using System.Net;
using System.Text;
using AstraBit.SupportBot.IntegrationTests.Crash;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AstraBit.SupportBot.IntegrationTests.Metrics;

/// <summary>
/// What an operator gets by setting the standard OTEL_* variables: the bot process (the shipped build in CI's second
/// pass) posts its meters to an OTLP/HTTP collector as protobuf, and nothing it posts carries the bot token.
/// </summary>
[Trait("Bot", "Process")]
public sealed class OtlpExportTests
{
    [Fact]
    public async Task BotProcess_WithAnOtlpEndpoint_PostsItsMetersAsProtobuf()
    {
        await using var collector = await OtlpCollector.StartAsync();
        await using var bot = await KillableBot.CreateAsync();
        bot.SetEnvironment("OTEL_EXPORTER_OTLP_ENDPOINT", collector.Endpoint.AbsoluteUri);
        bot.SetEnvironment("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
        bot.SetEnvironment("OTEL_METRIC_EXPORT_INTERVAL", "200");

        await bot.LaunchAsync();
        // Protobuf keeps strings as UTF-8 bytes: the instruments are named in the body. The bot identified and
        // registered its commands before LaunchAsync returned; an export taken between the two names only the first.
        var export = await collector.WaitForAsync(
            e => e.Text.Contains("discord.gateway.identifies", StringComparison.Ordinal) && e.Text.Contains("discord.rest.requests", StringComparison.Ordinal),
            KillableBot.Timeout);

        Assert.Equal("/v1/metrics", export.Path);
        Assert.Equal("application/x-protobuf", export.ContentType);
        Assert.Contains("AstraBit.SupportBot.Discord", export.Text, StringComparison.Ordinal);
        Assert.All(collector.Exports, e => Assert.DoesNotContain(bot.Discord.Options.Token, e.Text, StringComparison.Ordinal));
    }

    /// <summary>An OTLP/HTTP endpoint on 127.0.0.1 that keeps every export and answers with an empty (valid) response.</summary>
    private sealed class OtlpCollector : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly ConcurrentQueue<OtlpExport> _exports = new();
        private readonly SemaphoreSlim _arrived = new(0);

        private OtlpCollector(WebApplication app) => _app = app;

        public Uri Endpoint { get; private set; } = null!;

        public IReadOnlyList<OtlpExport> Exports => [.. _exports];

        public static async Task<OtlpCollector> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
            builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
            var app = builder.Build();
            var collector = new OtlpCollector(app);
            app.MapPost("/v1/{signal}", async (HttpContext context) =>
            {
                using var body = new MemoryStream();
                await context.Request.Body.CopyToAsync(body);
                collector._exports.Enqueue(new OtlpExport(context.Request.Path, context.Request.ContentType, body.ToArray()));
                collector._arrived.Release();
                return Results.Bytes([], "application/x-protobuf");
            });
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            collector.Endpoint = new Uri(address);
            return collector;
        }

        public async Task<OtlpExport> WaitForAsync(Func<OtlpExport, bool> match, TimeSpan timeout)
        {
            var deadline = DateTimeOffset.UtcNow + timeout;
            while (true)
            {
                if (_exports.FirstOrDefault(match) is { } found)
                {
                    return found;
                }

                var remaining = deadline - DateTimeOffset.UtcNow;
                if (remaining <= TimeSpan.Zero || !await _arrived.WaitAsync(remaining))
                {
                    throw new TimeoutException($"No matching OTLP export within {timeout}; {_exports.Count} received.");
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _app.DisposeAsync();
            _arrived.Dispose();
        }
    }

    private sealed record OtlpExport(string Path, string? ContentType, byte[] Body)
    {
        public string Text => Encoding.UTF8.GetString(Body);
    }
}
