namespace AstraBit.SupportBot.Discord.Rest;

/// <summary>How the REST client retries: 5xx and network failures with exponential backoff; 429 after the advised wait.</summary>
/// <param name="MaxServerErrorRetries">Retries after a 5xx or a network failure (4xx other than 429 are never retried).</param>
/// <param name="BaseDelay">First backoff delay; doubled on each further retry.</param>
/// <param name="MaxRateLimitRetries">Retries after 429 answers before giving up.</param>
public sealed record DiscordRestRetryPolicy(int MaxServerErrorRetries, TimeSpan BaseDelay, int MaxRateLimitRetries)
{
    /// <summary>3 retries starting at 500 ms; 5 rate-limit retries.</summary>
    public static DiscordRestRetryPolicy Default { get; } = new(3, TimeSpan.FromMilliseconds(500), 5);
}
