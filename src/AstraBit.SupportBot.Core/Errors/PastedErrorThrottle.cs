namespace AstraBit.SupportBot.Core.Errors;

/// <summary>
/// "At most once per member per error per hour" for answers to pasted errors (PRODUCT.md §9), in memory on the one
/// clock. A restart forgets it, which at worst repeats one answer. Entries older than the window are dropped as new
/// ones come, so memory stays bounded by an hour of traffic.
/// </summary>
public sealed class PastedErrorThrottle(TimeProvider time)
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    private readonly Dictionary<(ulong Member, string Key), DateTimeOffset> answered = [];
    private readonly Lock gate = new();
    private DateTimeOffset nextSweep = DateTimeOffset.MinValue;

    /// <summary>
    /// The matches this member may be answered about now, in order, each recorded as answered; the rest were answered
    /// within the last hour. Empty means: don't reply.
    /// </summary>
    public IReadOnlyList<PastedErrorMatch> Admit(ulong memberId, IReadOnlyList<PastedErrorMatch> matches)
    {
        ArgumentNullException.ThrowIfNull(matches);
        var now = time.GetUtcNow();
        lock (gate)
        {
            Sweep(now);
            var admitted = new List<PastedErrorMatch>(matches.Count);
            foreach (var match in matches)
            {
                var slot = (memberId, match.Key);
                if (answered.TryGetValue(slot, out var at) && now - at < Window)
                {
                    continue;
                }

                answered[slot] = now;
                admitted.Add(match);
            }

            return admitted;
        }
    }

    /// <summary>How many (member, error) answers are remembered; for tests and diagnostics.</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return answered.Count;
            }
        }
    }

    private void Sweep(DateTimeOffset now)
    {
        if (now < nextSweep)
        {
            return;
        }

        foreach (var slot in answered.Where(pair => now - pair.Value >= Window).Select(pair => pair.Key).ToList())
        {
            answered.Remove(slot);
        }

        nextSweep = now + TimeSpan.FromMinutes(5);
    }
}
