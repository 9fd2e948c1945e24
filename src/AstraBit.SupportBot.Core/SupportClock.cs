using Microsoft.Extensions.DependencyInjection;

namespace AstraBit.SupportBot.Core;

/// <summary>
/// The support clock: a keyed <see cref="TimeProvider"/>, registered once by the host with the bot's other clocks
/// (AddBotClocks), behind what runs on the support desk's time: ticket timers, the member
/// cooldown, the key memory, pending check requests and reminders. Tests and the sandbox replace it alone; the
/// Discord and Bybit clients keep the real clock so heartbeats, deadlines and signatures stay valid.
/// </summary>
public static class SupportClock
{
    public const string Key = "support";

    /// <summary>The support clock from <paramref name="services"/>.</summary>
    public static TimeProvider Of(IServiceProvider services) => services.GetRequiredKeyedService<TimeProvider>(Key);
}
