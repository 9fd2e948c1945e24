namespace AstraBit.SupportBot.Core.Limits;

/// <summary>Whether a check may go ahead; when not, how long to wait and a sentence for the member saying so in words.</summary>
public sealed record LimitDecision(bool Allowed, TimeSpan RetryAfter, string? Message)
{
    public static LimitDecision Allow { get; } = new(true, TimeSpan.Zero, null);

    internal static LimitDecision Deny(TimeSpan retryAfter, string message) => new(false, RetryWording.RoundUp(retryAfter), message);
}
