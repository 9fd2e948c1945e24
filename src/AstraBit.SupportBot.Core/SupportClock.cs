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
}
