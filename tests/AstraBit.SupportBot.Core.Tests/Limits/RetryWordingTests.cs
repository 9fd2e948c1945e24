using AstraBit.SupportBot.Core.Limits;

namespace AstraBit.SupportBot.Core.Tests.Limits;

public sealed class RetryWordingTests
{
    [Theory]
    [InlineData(40.0, "try again in 40 seconds")]
    [InlineData(0.3, "try again in 1 second")]
    [InlineData(0.0, "try again in a moment")]
    [InlineData(90.0, "try again in 1 minute, 30 seconds")]
    [InlineData(7200.0, "try again in 2 hours")]
    public void TryAgainIn_Wait_InWords(double seconds, string expected)
    {
        Assert.Equal(expected, RetryWording.TryAgainIn(TimeSpan.FromSeconds(seconds)));
    }
}
