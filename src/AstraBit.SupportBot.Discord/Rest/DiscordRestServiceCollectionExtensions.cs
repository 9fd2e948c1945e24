using AstraBit.SupportBot.Discord.Gateway;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AstraBit.SupportBot.Discord.Rest;

/// <summary>Registers the Discord REST client.</summary>
public static class DiscordRestServiceCollectionExtensions
{
    /// <summary>Most HTTP/1.1 connections open to the API at once; more requests wait for a free one.</summary>
    internal const int MaxConnections = 64;

    /// <summary>
    /// Adds <see cref="DiscordRestClient"/> as a typed HttpClient plus its shared rate-limit state (kept between
    /// processes when an <see cref="IDiscordRateLimitStore"/> is registered).
    /// Also registers <c>GET /gateway/bot</c> as the gateway's <see cref="IGatewayUrlSource"/>.
    /// Expects <c>IOptions&lt;DiscordClientOptions&gt;</c> to be bound by the host. No resilience
    /// handler is added: the client retries itself so 429 waits and bucket state stay consistent.
    /// </summary>
    public static IServiceCollection AddDiscordRest(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<DiscordClientOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(DiscordRestRetryPolicy.Default);
        services.AddMetrics();
        services.TryAddSingleton<DiscordMetrics>();
        // With an IDiscordRateLimitStore registered (the bot keeps a DiscordRateLimitFile), the buckets outlive the process.
        services.TryAddSingleton(sp => new DiscordRateLimiter(sp.GetRequiredService<TimeProvider>(), sp.GetService<IDiscordRateLimitStore>()));
        // The factory's default request logging carries raw headers (the bot token) as structured state: keep it off.
        services.AddHttpClient<DiscordRestClient>(nameof(DiscordRestClient), client => client.Timeout = TimeSpan.FromSeconds(30))
            // One long-lived pool of keep-alive connections instead of the factory's default of a new handler (and new
            // connections, with new TLS handshakes against discord.com) every two minutes; the pool itself replaces
            // connections after five minutes so DNS changes are still picked up. A burst of interactions queues for a
            // bounded set of connections rather than opening one per callback. No cookies: the API doesn't use them.
            .ConfigurePrimaryHttpMessageHandler(static () => new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
                MaxConnectionsPerServer = MaxConnections,
                UseCookies = false,
            })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers();
        // One client for the process rather than the typed client's transient one: every interaction resolved two or
        // more (router, handler), each a new HttpClient from the factory. Its handler never rotates (above), so one
        // HttpClient over the one pool is the same connections with none of the per-resolve work.
        services.Replace(ServiceDescriptor.Singleton(sp => ActivatorUtilities.CreateInstance<DiscordRestClient>(
            sp, sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(DiscordRestClient)))));
        services.TryAddSingleton<IGatewayUrlSource, RestGatewayUrlSource>();
        return services;
    }
}
