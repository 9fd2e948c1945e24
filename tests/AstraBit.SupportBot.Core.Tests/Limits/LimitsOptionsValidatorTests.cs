using AstraBit.SupportBot.Core.Limits;

namespace AstraBit.SupportBot.Core.Tests.Limits;

public sealed class LimitsOptionsValidatorTests
{
    private readonly LimitsOptionsValidator validator = new();

    [Fact]
    public void Validate_Defaults_Succeed()
    {
        Assert.True(validator.Validate(null, new LimitsOptions()).Succeeded);
    }

    [Theory]
    [InlineData(600, 5.0, "Limits:BybitRequests per Limits:BybitWindow comes to 600 requests per 5 seconds; it must stay below Bybit's limit of 600 per 5 seconds per IP")]
    [InlineData(300, 2.0, "Limits:BybitRequests per Limits:BybitWindow comes to 750 requests per 5 seconds")]
    [InlineData(0, 5.0, "Limits:BybitRequests must be greater than 0")]
    [InlineData(100, 0.5, "Limits:BybitWindow must be at least 00:00:01")]
    public void Validate_BadBudget_NamesKeys(int requests, double windowSeconds, string expectedStart)
    {
        var result = validator.Validate(null, new LimitsOptions { BybitRequests = requests, BybitWindow = TimeSpan.FromSeconds(windowSeconds) });

        Assert.Contains(result.Failures!, f => f.StartsWith(expectedStart, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_CheckCostsMoreThanBudget_NamesKeys()
    {
        var result = validator.Validate(null, new LimitsOptions { BybitRequests = 4, RequestsPerCheck = 8 });

        Assert.Equal(["Limits:RequestsPerCheck must not be more than Limits:BybitRequests"], result.Failures);
    }
}
