using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Limits;
using AstraBit.SupportBot.Core.Secrets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Core.KeyChecks;

public static class KeyCheckServiceCollectionExtensions
{
    /// <summary>
    /// Registers the key check (<see cref="KeyCheckService"/>) and what it keeps between checks: the key memory and
    /// the member cooldown on the <see cref="SupportClock"/>, the Bybit request budget on the real clock (Bybit's
    /// window is real time), with
    /// Limits validated at start. The host binds the "Diagnostics" and "Limits" sections and registers the
    /// diagnostic engine, the stores (AddSupportStorage), the guide and walkthrough (AddSupportGuide, AddSupportWalkthrough) and an <see cref="IBybitSites"/>.
    /// </summary>
    public static IServiceCollection AddSupportKeyChecks(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<LimitsOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LimitsOptions>, LimitsOptionsValidator>());
        services.TryAddSingleton(sp => new KeyMemory(sp.GetRequiredService<IOptions<DiagnosticsOptions>>(), SupportClock.Of(sp)));
        services.TryAddSingleton(sp => new CheckCooldown(sp.GetRequiredService<IOptions<DiagnosticsOptions>>(), SupportClock.Of(sp)));
        services.TryAddSingleton<BybitRequestBudget>();
        services.TryAddScoped<KeyCheckService>();
        return services;
    }
}
