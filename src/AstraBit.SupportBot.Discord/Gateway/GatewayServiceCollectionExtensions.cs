using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace AstraBit.SupportBot.Discord.Gateway;

/// <summary>Registers the Discord gateway.</summary>
public static class GatewayServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="DiscordGatewayClient"/>, its WebSocket transport and <see cref="DiscordGatewayService"/>.
    /// Expects <c>IOptions&lt;DiscordClientOptions&gt;</c> to be configured by the caller, and either
    /// <see cref="DiscordClientOptions.GatewayUrl"/> set or an <see cref="IGatewayUrlSource"/> registered.
    /// Handlers are added with <c>services.AddScoped&lt;IGatewayEventHandler&lt;InteractionCreatedEvent&gt;, MyHandler&gt;()</c>
    /// (typed, for the events in GatewayEvents.cs) or <c>services.AddScoped&lt;IGatewayEventHandler, MyHandler&gt;()</c> (raw).
    /// </summary>
    public static IServiceCollection AddDiscordGateway(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions();
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new GatewayClientSettings());
        services.TryAddSingleton<IGatewayTransport, WebSocketGatewayTransport>();
        services.TryAddSingleton<GatewayDispatcher>();
        services.TryAddSingleton<DiscordGatewayClient>();
        services.TryAddSingleton<GatewayStatus>();
        services.AddMetrics();
        services.TryAddSingleton<DiscordMetrics>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, DiscordGatewayService>());
        return services;
    }
}
