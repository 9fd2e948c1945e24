using System.Net;
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
public static class BybitServiceCollectionExtensions
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
        services.TryAddSingleton<IBybitClientFactory, BybitClientFactory>();

        services.AddHttpClient(HttpClientName, client =>
            {
                // Per-attempt timeouts live in the resilience pipeline.
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            // The default HttpClient loggers put raw request headers (key, signature) into the structured log
            // state even when the message redacts them; BybitClient logs what is needed itself.
            .RemoveAllLoggers()
            .AddResilienceHandler("bybit", static (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<BybitClientOptions>>().Value;
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
                });
                pipeline.AddTimeout(options.Timeout);
            });
        return services;
    }

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or Polly.Timeout.TimeoutRejectedException } => true,
        { Exception: not null } => false,
        { Result.StatusCode: var status } => (int)status >= 500 || status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout,
        _ => false,
    };

    private sealed class BybitClientFactory(
        IHttpClientFactory httpClientFactory,
        IOptions<BybitClientOptions> options,
        TimeProvider timeProvider,
        BybitTimeSync timeSync,
        ILoggerFactory loggerFactory) : IBybitClientFactory
    {
        public BybitClient Create(Uri host) => new(
            httpClientFactory.CreateClient(HttpClientName),
            host,
            options.Value,
            timeProvider,
            loggerFactory.CreateLogger<BybitClient>(),
            timeSync);
    }
}
