using System.Globalization;
using Humanizer;

namespace AstraBit.SupportBot.Core.Limits;

/// <summary>"try again in 40 seconds": a wait in words, rounded up to whole seconds so it is never too early.</summary>
public static class RetryWording
{
    public static TimeSpan RoundUp(TimeSpan wait) =>
        wait <= TimeSpan.Zero ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Ceiling(wait.TotalSeconds));

    /// <summary>"40 seconds", "1 minute, 30 seconds", "2 hours".</summary>
    public static string Duration(TimeSpan wait) =>
        RoundUp(wait) is var rounded && rounded < TimeSpan.FromSeconds(1)
            ? "a moment"
            : rounded.Humanize(precision: 2, culture: CultureInfo.InvariantCulture, minUnit: TimeUnit.Second);

    public static string TryAgainIn(TimeSpan wait) => $"try again in {Duration(wait)}";
}
