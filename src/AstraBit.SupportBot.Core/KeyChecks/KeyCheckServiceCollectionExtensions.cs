using AstraBit.SupportBot.Core.Limits;
using AstraBit.SupportBot.Core.Secrets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Core.KeyChecks;

public static class KeyCheckServiceCollectionExtensions
{
    /// <summary>
    /// Registers the key check (<see cref="KeyCheckService"/>) and what it keeps between checks, all on the one
    /// <see cref="TimeProvider"/>: the key memory, the member cooldown and the Bybit request budget, with
    /// Limits validated at start. The host binds the "Diagnostics" and "Limits" sections and registers the
    /// diagnostic engine, the stores (AddSupportStorage), the walkthrough (AddSupportWalkthrough) and an <see cref="IBybitSites"/>.
    /// </summary>
    public static IServiceCollection AddSupportKeyChecks(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<LimitsOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LimitsOptions>, LimitsOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<KeyMemory>();
        services.TryAddSingleton<CheckCooldown>();
        services.TryAddSingleton<BybitRequestBudget>();
        services.TryAddScoped<KeyCheckService>();
        return services;
    }
}
