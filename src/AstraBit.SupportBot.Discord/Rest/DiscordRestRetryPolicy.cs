namespace AstraBit.SupportBot.Discord.Rest;

/// <summary>
/// How the REST client retries: 5xx and network failures with exponential backoff for requests that can be sent twice
/// (never a POST that may have created something, such as a message); 429 after the advised wait, for every request
/// (Discord refused it without acting).
/// </summary>
/// <param name="MaxServerErrorRetries">Retries after a 5xx or a network failure (4xx other than 429 are never retried).</param>
/// <param name="BaseDelay">First backoff delay; doubled on each further retry.</param>
/// <param name="MaxRateLimitRetries">Retries after 429 answers before giving up.</param>
public sealed record DiscordRestRetryPolicy(int MaxServerErrorRetries, TimeSpan BaseDelay, int MaxRateLimitRetries)
{
    /// <summary>3 retries starting at 500 ms; 5 rate-limit retries.</summary>
    public static DiscordRestRetryPolicy Default { get; } = new(3, TimeSpan.FromMilliseconds(500), 5);
}
