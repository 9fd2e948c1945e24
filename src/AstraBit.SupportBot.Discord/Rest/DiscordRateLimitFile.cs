using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;

namespace AstraBit.SupportBot.Discord.Rest;

/// <summary>
/// What <see cref="DiscordRateLimiter"/> knows that a new process would otherwise have to learn from 429s: which
/// routes share a bucket, each bucket still counting down (requests left and when it resets) and a global pause.
/// </summary>
/// <param name="RouteHashes">Route ("POST /channels/{channel_id}/threads") → Discord's X-RateLimit-Bucket hash.</param>
/// <param name="Buckets">Buckets whose reset is still ahead.</param>
/// <param name="GlobalPauseUntil">Until when a global 429 stops every request, if that is still ahead.</param>
public sealed record DiscordRateLimitState(
    IReadOnlyDictionary<string, string> RouteHashes,
    IReadOnlyList<DiscordRateLimitBucket> Buckets,
    DateTimeOffset? GlobalPauseUntil);

/// <param name="Keys">The names the limiter keeps the bucket under (route or hash, with the major parameter).</param>
/// <param name="Remaining">Requests left before <paramref name="ResetAt"/>, already less every request sent.</param>
/// <param name="ResetAt">When Discord refills the bucket.</param>
public sealed record DiscordRateLimitBucket(IReadOnlyList<string> Keys, int Remaining, DateTimeOffset ResetAt);

/// <summary>Where <see cref="DiscordRateLimiter"/> keeps its state between processes.</summary>
public interface IDiscordRateLimitStore
{
    /// <summary>The state the last process saved; null when there is none (or it can't be read).</summary>
    DiscordRateLimitState? Load();

    /// <summary>Replaces the saved state; a failure is the store's to report, never the request's.</summary>
    void Save(DiscordRateLimitState state);
}

/// <summary>
/// The rate-limit state as a small JSON file (beside the data file in the bot), replaced whole on every change so a
/// process killed at any moment leaves either the old state or the new one.
/// </summary>
public sealed partial class DiscordRateLimitFile(string path, ILogger<DiscordRateLimitFile>? logger = null) : IDiscordRateLimitStore
{
    private int _warned;

    public string Path { get; } = path;

    public DiscordRateLimitState? Load()
    {
        try
        {
            if (!File.Exists(Path))
            {
                return null;
            }

            using var stream = File.OpenRead(Path);
            return JsonSerializer.Deserialize(stream, RateLimitJsonContext.Default.DiscordRateLimitState);
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            // A damaged or unreadable file only means starting as a new process would: learning the buckets again.
            Warn(ex);
            return null;
        }
    }

    public void Save(DiscordRateLimitState state)
    {
        var temporary = Path + ".tmp";
        try
        {
            File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(state, RateLimitJsonContext.Default.DiscordRateLimitState));
            File.Move(temporary, Path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Warn(ex);
        }
    }

    private void Warn(Exception exception)
    {
        // Once per process: a full disk must not fill the log as well.
        if (logger is not null && Interlocked.Exchange(ref _warned, 1) == 0)
        {
            LogUnusable(logger, Path, exception.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord rate-limit state file {Path} can't be used ({Reason}); after a restart the bot learns the limits again, maybe meeting a 429")]
    private static partial void LogUnusable(ILogger logger, string path, string reason);
}

[JsonSerializable(typeof(DiscordRateLimitState))]
internal sealed partial class RateLimitJsonContext : JsonSerializerContext;
