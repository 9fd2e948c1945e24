using System.Collections.Concurrent;
using AstraBit.SupportBot.Core;
using Microsoft.Extensions.DependencyInjection;

namespace AstraBit.SupportBot.Bot.MemberHelp;

/// <summary>
/// The messages the key-leak guard has acted on lately, so one message is deleted, warned about and audited once:
/// the gateway handles events concurrently, a message's MESSAGE_CREATE and an update carrying the same content can
/// arrive together, and a resumed session may deliver an event again. Entries are kept for <see cref="Memory"/>.
/// </summary>
public sealed class KeyLeakClaims([FromKeyedServices(SupportClock.Key)] TimeProvider clock)
{
    public static readonly TimeSpan Memory = TimeSpan.FromMinutes(15);

    // Past this many entries, claiming also forgets the old ones: the set stays small whatever the traffic.
    private const int PruneAbove = 1024;

    private readonly ConcurrentDictionary<ulong, DateTimeOffset> _claimed = new();

    /// <summary>True for the first claim of <paramref name="messageId"/>; false for every later one while it is remembered.</summary>
    public bool TryClaim(ulong messageId)
    {
        var now = clock.GetUtcNow();
        if (_claimed.Count > PruneAbove)
        {
            foreach (var (id, at) in _claimed)
            {
                if (now - at > Memory)
                {
                    _claimed.TryRemove(id, out _);
                }
            }
        }

        return _claimed.TryAdd(messageId, now);
    }
}
