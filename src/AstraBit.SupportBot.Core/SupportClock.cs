using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AstraBit.SupportBot.Core;

/// <summary>
/// The support clock: a keyed <see cref="TimeProvider"/> (by default the unkeyed one, normally
/// <see cref="TimeProvider.System"/>) behind what runs on the support desk's time: ticket timers, the member
/// cooldown, the key memory, pending check requests and reminders. Tests and the sandbox replace it alone; the
/// Discord and Bybit clients keep the real clock so heartbeats, deadlines and signatures stay valid.
/// </summary>
public static class SupportClock
{
    public const string Key = "support";

    /// <summary>Registers the support clock as the unkeyed <see cref="TimeProvider"/> unless one is registered already.</summary>
    public static IServiceCollection AddSupportClock(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddKeyedSingleton(Key, (sp, _) => sp.GetRequiredService<TimeProvider>());
        return services;
    }

    /// <summary>The support clock from <paramref name="services"/>.</summary>
    public static TimeProvider Of(IServiceProvider services) => services.GetRequiredKeyedService<TimeProvider>(Key);
}
