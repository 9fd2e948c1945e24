using AstraBit.SupportBot.Discord.Gateway;
using Microsoft.Extensions.DependencyInjection;

namespace AstraBit.SupportBot.Discord.Rest;

/// <summary>
/// Feeds the gateway its URL from <c>GET /gateway/bot</c>. Resolves the (transient, typed-HttpClient)
/// REST client per call so the singleton gateway never holds a stale HttpClient.
/// </summary>
internal sealed class RestGatewayUrlSource(IServiceProvider services) : IGatewayUrlSource
{
    public Task<Uri> GetGatewayUrlAsync(CancellationToken cancellationToken) =>
        services.GetRequiredService<DiscordRestClient>().GetGatewayUrlAsync(cancellationToken);
}
