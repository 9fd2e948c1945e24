using System.Net;
using AstraBit.SupportBot.Bybit.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace AstraBit.SupportBot.Bybit;

/// <summary>Makes <see cref="BybitClient"/>s for hosts; clients share the HTTP pipeline and the server-time cache.</summary>
public interface IBybitClientFactory
{
    /// <summary>A client for one host, e.g. <see cref="BybitClientOptions.BaseUrl"/> or a regional host.</summary>
    BybitClient Create(Uri host);
}

/// <summary>Registration of the Bybit client.</summary>
public static partial class BybitServiceCollectionExtensions
{
    /// <summary>Name of the HttpClient used by <see cref="IBybitClientFactory"/>.</summary>
    public const string HttpClientName = "AstraBit.SupportBot.Bybit";

    /// <summary>Registers the client with options bound from a configuration section (normally "Bybit").</summary>
    public static IServiceCollection AddBybitClient(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return services.AddBybitClientCore(builder => builder.Bind(section));
    }

    /// <summary>Registers the client with options set in code.</summary>
    public static IServiceCollection AddBybitClient(this IServiceCollection services, Action<BybitClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return services.AddBybitClientCore(builder => builder.Configure(configure));
    }

    private static IServiceCollection AddBybitClientCore(
        this IServiceCollection services,
        Action<OptionsBuilder<BybitClientOptions>> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        configure(services.AddOptions<BybitClientOptions>());
        services.AddOptions<BybitClientOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BybitClientOptions>, BybitClientOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new BybitTimeSync(
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<BybitClientOptions>>().Value.TimeSyncInterval));
        services.AddMetrics();
        services.TryAddSingleton<BybitMetrics>();
        services.TryAddSingleton<IBybitClientFactory, BybitClientFactory>();

        var http = services.AddHttpClient(HttpClientName, client =>
            {
                // Per-attempt timeouts live in the resilience pipeline.
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            // The default HttpClient loggers put raw request headers (key, signature) into the structured log
            // state even when the message redacts them; BybitClient logs what is needed itself.
            .RemoveAllLoggers();
        http.AddResilienceHandler("bybit", static (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<BybitClientOptions>>().Value;
                var retryLogger = context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(RetryLogCategory);

                // Polly's own telemetry logs every failed attempt with its exception (a stack trace per retry);
                // the retry below logs one line instead.
                pipeline.TelemetryListener = null;
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    // Only transient failures: network errors, per-attempt timeouts, 5xx, 408 and 429; never 4xx/auth.
                    MaxRetryAttempts = 2,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = options.RetryBaseDelay,
                    MaxDelay = TimeSpan.FromSeconds(5),
                    ShouldRetryAfterHeader = false,
                    ShouldHandle = static args => ValueTask.FromResult(IsTransient(args.Outcome)),
                    OnRetry = args =>
                    {
                        LogRetry(
                            retryLogger,
                            args.Context.GetRequestMessage()?.RequestUri?.AbsolutePath ?? "?",
                            args.AttemptNumber + 1,
                            Describe(args.Outcome),
                            (long)args.RetryDelay.TotalMilliseconds);
                        return ValueTask.CompletedTask;
                    },
                });

                // The attempt's deadline covers the body too: BoundedBodyHandler reads it inside the attempt.
                pipeline.AddTimeout(options.Timeout);
            });

        // Added after the resilience handler, so it runs inside each attempt.
        http.AddHttpMessageHandler(static sp => new BoundedBodyHandler(sp.GetRequiredService<IOptions<BybitClientOptions>>().Value.MaxResponseBytes));
        return services;
    }

    /// <summary>Log category of the one line written per retried attempt.</summary>
    public const string RetryLogCategory = "AstraBit.SupportBot.Bybit.Retry";

    private static string Describe(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: Polly.Timeout.TimeoutRejectedException } => "no complete answer within Bybit:Timeout",
        { Exception: { } ex } => ex.GetType().Name + ": " + ex.Message,
        { Result: { } response } => $"HTTP {(int)response.StatusCode}",
        _ => "unknown",
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bybit {Path} attempt {Attempt} failed ({Reason}); retrying in {DelayMs} ms")]
    private static partial void LogRetry(ILogger logger, string path, int attempt, string reason, long delayMs);

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: BybitResponseTooLargeException } => false,
        // IOException: the connection broke while the body was being read.
        { Exception: HttpRequestException or IOException or Polly.Timeout.TimeoutRejectedException } => true,
        { Exception: not null } => false,
        { Result.StatusCode: var status } => (int)status >= 500 || status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout,
        _ => false,
    };

    private sealed class BybitClientFactory(
        IHttpClientFactory httpClientFactory,
        IOptions<BybitClientOptions> options,
        TimeProvider timeProvider,
        BybitTimeSync timeSync,
        ILoggerFactory loggerFactory,
        BybitMetrics metrics) : IBybitClientFactory
    {
        public BybitClient Create(Uri host) => new(
            httpClientFactory.CreateClient(HttpClientName),
            host,
            options.Value,
            timeProvider,
            loggerFactory.CreateLogger<BybitClient>(),
            timeSync,
            metrics);
    }
}
