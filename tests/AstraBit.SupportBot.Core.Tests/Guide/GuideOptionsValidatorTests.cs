using AstraBit.SupportBot.Core.Guide;

namespace AstraBit.SupportBot.Core.Tests.Guide;

public sealed class GuideOptionsValidatorTests
{
    private readonly GuideOptionsValidator validator = new();

    [Fact]
    public void Validate_GoodOptions_Succeeds()
    {
        var result = validator.Validate(null, new GuideOptions { ReferralUrl = new Uri("https://partner.bybit.com/b/astrabit"), SupportEmail = "support@astrabit.io" });

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Validate_Missing_NamesBothKeys()
    {
        var result = validator.Validate(null, new GuideOptions());

        Assert.Contains(result.Failures!, f => f.StartsWith("Guide:ReferralUrl is missing", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Guide:SupportEmail is missing", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("http://partner.bybit.com/b/astrabit", "support@astrabit.io", "Guide:ReferralUrl ('http://partner.bybit.com/b/astrabit') must be a full https:// address")]
    [InlineData("https://partner.bybit.com/b/astrabit", "support.astrabit.io", "Guide:SupportEmail ('support.astrabit.io') is not an email address like support@example.com")]
    [InlineData("https://partner.bybit.com/b/astrabit", "sup port@astrabit.io", "Guide:SupportEmail ('sup port@astrabit.io') is not an email address like support@example.com")]
    public void Validate_BadValue_NamesKey(string url, string email, string expected)
    {
        var result = validator.Validate(null, new GuideOptions { ReferralUrl = new Uri(url), SupportEmail = email });

        Assert.Equal([expected], result.Failures);
    }

    [Fact]
    public void Validate_ReferralUrlTooLong_NamesKey()
    {
        var result = validator.Validate(null, new GuideOptions { ReferralUrl = new Uri("https://example.com/" + new string('a', 200)), SupportEmail = "a@b.io" });

        Assert.Equal(["Guide:ReferralUrl is longer than 200 characters"], result.Failures);
    }
}
