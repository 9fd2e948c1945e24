using System.Diagnostics.CodeAnalysis;
using AstraBit.SupportBot.Core.Diagnostics;
using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Core.Secrets;

/// <summary>
/// Remembers a member's key and secret in process memory only, for Diagnostics:KeyMemory after they entered it,
/// so "Check it now" doesn't ask again (PRODUCT.md §5). Zero turns it off. When an entry expires or is forgotten its
/// secret characters are overwritten. Nothing here is ever written anywhere, and ToString never shows the secret.
/// </summary>
public sealed class KeyMemory(IOptions<DiagnosticsOptions> options, TimeProvider time) : IDisposable
{
    private static readonly TimeSpan MaxTimerWait = TimeSpan.FromDays(30);

    private readonly TimeSpan lifetime = options.Value.KeyMemory;
    private readonly Dictionary<ulong, RememberedKey> entries = [];
    private readonly Lock gate = new();
    private bool disposed;

    /// <summary>False when Diagnostics:KeyMemory is zero: nothing is ever remembered.</summary>
    public bool IsEnabled => lifetime > TimeSpan.Zero;

    /// <summary>How many members' keys are held right now.</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return entries.Count;
            }
        }
    }

    /// <summary>Keeps the member's credentials until Diagnostics:KeyMemory from now; replaces (and wipes) what was held before. Returns false when turned off.</summary>
    public bool Remember(ulong userId, Credentials credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        if (!IsEnabled)
        {
            return false;
        }

        var expiresAt = time.GetUtcNow() + lifetime;
        var entry = new RememberedKey(credentials.ApiKey, credentials.ApiSecret.ToCharArray(), expiresAt);
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (entries.Remove(userId, out var previous))
            {
                previous.Wipe();
            }

            entries[userId] = entry;

            // One timer per entry fires exactly at expiry, so an idle member's secret doesn't wait for the next access.
            entry.Timer = time.CreateTimer(_ => Expire(userId, entry), null, TimerDue(lifetime), Timeout.InfiniteTimeSpan);
        }

        return true;
    }

    /// <summary>The member's remembered key while it is fresh; an expired one is wiped and not returned.</summary>
    public bool TryGet(ulong userId, [NotNullWhen(true)] out RememberedKey? key)
    {
        lock (gate)
        {
            if (entries.TryGetValue(userId, out var entry))
            {
                if (time.GetUtcNow() < entry.ExpiresAt)
                {
                    key = entry;
                    return true;
                }

                entries.Remove(userId);
                entry.Wipe();
            }
        }

        key = null;
        return false;
    }

    public bool Has(ulong userId) => TryGet(userId, out _);

    /// <summary>"Forget my key": wipes the member's secret at once. Returns false when nothing was held.</summary>
    public bool Forget(ulong userId)
    {
        lock (gate)
        {
            if (entries.Remove(userId, out var entry))
            {
                entry.Wipe();
                return true;
            }
        }

        return false;
    }

    public void Dispose()
    {
        lock (gate)
        {
            disposed = true;
            foreach (var entry in entries.Values)
            {
                entry.Wipe();
            }

            entries.Clear();
        }
    }

    public override string ToString() => $"KeyMemory {{ Members = {Count} }}";

    // Timers can't wait longer than about 49 days; a longer KeyMemory (odd, but valid) re-arms.
    private static TimeSpan TimerDue(TimeSpan wait) => wait < MaxTimerWait ? wait : MaxTimerWait;

    private void Expire(ulong userId, RememberedKey entry)
    {
        var remaining = entry.ExpiresAt - time.GetUtcNow();
        if (remaining > TimeSpan.Zero)
        {
            entry.Timer?.Change(TimerDue(remaining), Timeout.InfiniteTimeSpan);
            return;
        }

        lock (gate)
        {
            // A newer Remember may have replaced this entry; only remove the one the timer belongs to.
            if (entries.TryGetValue(userId, out var current) && ReferenceEquals(current, entry))
            {
                entries.Remove(userId);
            }
        }

        entry.Wipe();
    }
}

/// <summary>
/// A remembered key. The secret is held as characters that are overwritten when the entry is wiped; it becomes a
/// string only inside <see cref="Use{T}"/>, for the duration of a check.
/// </summary>
public sealed class RememberedKey
{
    private readonly char[] secret;
    private readonly Lock gate = new();
    private bool wiped;

    internal RememberedKey(string apiKey, char[] secret, DateTimeOffset expiresAt)
    {
        ApiKey = apiKey;
        this.secret = secret;
        ExpiresAt = expiresAt;
    }

    public string ApiKey { get; }

    public string MaskedKey => CredentialInput.MaskedKey(ApiKey);

    public DateTimeOffset ExpiresAt { get; }

    public bool IsWiped
    {
        get
        {
            lock (gate)
            {
                return wiped;
            }
        }
    }

    internal ITimer? Timer { get; set; }

    /// <summary>
    /// Runs <paramref name="use"/> with the credentials, e.g. <c>await key.Use(c => engine.RunAsync(...))</c>.
    /// Throws <see cref="InvalidOperationException"/> when the key was forgotten or expired meanwhile.
    /// </summary>
    public T Use<T>(Func<Credentials, T> use)
    {
        ArgumentNullException.ThrowIfNull(use);
        Credentials credentials;
        lock (gate)
        {
            if (wiped)
            {
                throw new InvalidOperationException("The key was forgotten; ask the member to enter it again.");
            }

            credentials = new Credentials(ApiKey, new string(secret));
        }

        return use(credentials);
    }

    public override string ToString() => $"RememberedKey {{ ApiKey = {MaskedKey}, ExpiresAt = {ExpiresAt:O} }}";

    internal void Wipe()
    {
        lock (gate)
        {
            Array.Clear(secret);
            wiped = true;
        }

        Timer?.Dispose();
    }
}
