using AstraBit.SupportBot.Discord.Gateway;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AstraBit.SupportBot.Discord.Rest;

/// <summary>Registers the Discord REST client.</summary>
public static class DiscordRestServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="DiscordRestClient"/> as a typed HttpClient plus its shared rate-limit state.
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
        services.TryAddSingleton(sp => new DiscordRateLimiter(sp.GetRequiredService<TimeProvider>()));
        // The factory's default request logging carries raw headers (the bot token) as structured state: keep it off.
        services.AddHttpClient<DiscordRestClient>(client => client.Timeout = TimeSpan.FromSeconds(30))
            .RemoveAllLoggers();
        services.TryAddSingleton<IGatewayUrlSource, RestGatewayUrlSource>();
        return services;
    }
}
