using AstraBit.SupportBot.Bybit;
using AstraBit.SupportBot.Core.KeyChecks;
using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Bot.KeyChecks;

/// <summary>The member's Bybit site to API host, from Bybit:BaseUrl and Bybit:Hosts.</summary>
public sealed class BybitSites(IOptions<BybitClientOptions> bybit) : IBybitSites
{
    public bool TryResolve(string regionKey, out Uri host) => BybitHosts.TryResolve(bybit.Value, regionKey, out host);
}
