using AstraBit.SupportBot.Core;
using Microsoft.Extensions.DependencyInjection;

namespace AstraBit.SupportBot.Hosting;

/// <summary>
/// The bot's three clocks, named once. <see cref="Wall"/> is real time for the Discord and Bybit clients (heartbeats,
/// request deadlines, signatures); <see cref="Support"/> is what the support desk's timers, cooldowns, reminders and
/// key memory run on (the sandbox's "advance time" and the tests move it); <see cref="Liveness"/> is what the health
/// file, the data file's watch, backups and compaction run on. A class asks for one by key
/// (<see cref="SupportClock.Key"/>, <see cref="LivenessClock.Key"/>) or takes the unkeyed wall clock; nothing picks a
/// clock by the order things were registered in.
/// </summary>
public sealed record BotClocks(TimeProvider Wall, TimeProvider Support, TimeProvider Liveness)
{
    /// <summary>Real time everywhere: the production bot.</summary>
    public static BotClocks System { get; } = new(TimeProvider.System, TimeProvider.System, TimeProvider.System);

    /// <summary>Real time for everything but the support desk's.</summary>
    public static BotClocks WithSupport(TimeProvider support) => System with { Support = support };

    /// <summary>Real time for everything but liveness.</summary>
    public static BotClocks WithLiveness(TimeProvider liveness) => System with { Liveness = liveness };
}

public static class BotClockServices
{
    /// <summary>
    /// Registers <paramref name="clocks"/>: the unkeyed <see cref="TimeProvider"/> and the two keyed ones, once each.
    /// Refuses when any clock is registered already: a clock registered earlier would otherwise decide silently
    /// which one a class gets.
    /// </summary>
    public static IServiceCollection AddBotClocks(this IServiceCollection services, BotClocks clocks)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(clocks);
        if (services.FirstOrDefault(d => d.ServiceType == typeof(TimeProvider)) is { } earlier)
        {
            throw new InvalidOperationException(
                $"A clock is registered before the bot's clocks (key '{(earlier.IsKeyedService ? earlier.ServiceKey : "none")}'): register them once, with AddBotClocks, before anything that uses them.");
        }

        services.AddSingleton(clocks);
        services.AddSingleton(clocks.Wall);
        services.AddKeyedSingleton(SupportClock.Key, clocks.Support);
        services.AddKeyedSingleton(LivenessClock.Key, clocks.Liveness);
        return services;
    }
}
