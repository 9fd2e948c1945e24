using AstraBit.SupportBot.Core.Diagnostics;

namespace AstraBit.SupportBot.Core.Tests.Diagnostics;

public sealed class KeyExpiryCheckTests
{
    [Theory]
    [InlineData(-3, CheckStatus.Fail, "expired 3 days ago")]
    [InlineData(5, CheckStatus.Warn, "expires in 5 days")]
    [InlineData(12, CheckStatus.Warn, "expires in 12 days")]
    [InlineData(14, CheckStatus.Warn, "expires in 14 days")]
    [InlineData(30, CheckStatus.Pass, "expires in 30 days")]
    [InlineData(80, CheckStatus.Pass, "expires in 80 days")]
    public async Task RunAsync_UnboundKey_JudgesExpiryAgainstFakeClock(int daysFromNow, CheckStatus expected, string expectedWords)
    {
        var harness = new EngineHarness();
        var expiresAt = Facts.Now.AddDays(daysFromNow);
        harness.Reader.Key = ReadResult<ApiKeyFacts>.Ok(Facts.HealthyKey(ips: ["*"], expiresAt: expiresAt));

        var report = await harness.RunAsync();

        var check = EngineHarness.Check(report, CheckIds.KeyExpiry);
        Assert.Equal(expected, check.Status);
        Assert.Contains(expectedWords, check.Detail, StringComparison.Ordinal);
        // The date as a Discord timestamp: each member's client writes it in their own language and time zone.
        Assert.Contains($"<t:{expiresAt.ToUnixTimeSeconds()}:D>", check.Detail, StringComparison.Ordinal);
        Assert.Equal(2, check.GuideStep);
    }

    [Fact]
    public async Task RunAsync_ClockMovesOn_UsesInjectedTimeProvider()
    {
        var harness = new EngineHarness();
        harness.Reader.Key = ReadResult<ApiKeyFacts>.Ok(Facts.HealthyKey(ips: [], expiresAt: Facts.Now.AddDays(30)));
        harness.Time.Advance(TimeSpan.FromDays(20));

        var report = await harness.RunAsync();

        var check = EngineHarness.Check(report, CheckIds.KeyExpiry);
        Assert.Equal(CheckStatus.Warn, check.Status);
        Assert.Contains("expires in 10 days", check.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_IpBoundKey_PassesBecauseItDoesNotExpire()
    {
        var harness = new EngineHarness();
        harness.Reader.Key = ReadResult<ApiKeyFacts>.Ok(Facts.HealthyKey(ips: ["203.0.113.7"], expiresAt: Facts.Now.AddDays(-10)));

        var report = await harness.RunAsync();

        var check = EngineHarness.Check(report, CheckIds.KeyExpiry);
        Assert.Equal(CheckStatus.Pass, check.Status);
        Assert.Contains("doesn't expire", check.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_CustomExpiryWarning_IsUsed()
    {
        var harness = new EngineHarness();
        harness.Options.ExpiryWarning = TimeSpan.FromDays(45);
        harness.Reader.Key = ReadResult<ApiKeyFacts>.Ok(Facts.HealthyKey(ips: ["*"], expiresAt: Facts.Now.AddDays(30)));

        var report = await harness.RunAsync();

        Assert.Equal(CheckStatus.Warn, EngineHarness.Check(report, CheckIds.KeyExpiry).Status);
    }

    [Fact]
    public async Task RunAsync_UnboundKeyWithOnlyDeadlineDays_UsesThem()
    {
        var harness = new EngineHarness();
        harness.Reader.Key = ReadResult<ApiKeyFacts>.Ok(Facts.HealthyKey(ips: ["*"]) with { DeadlineDays = 5 });

        var report = await harness.RunAsync();

        var check = EngineHarness.Check(report, CheckIds.KeyExpiry);
        Assert.Equal(CheckStatus.Warn, check.Status);
        Assert.Contains("expires in 5 days", check.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UnboundKeyWithoutDate_PassesSayingSo()
    {
        var harness = new EngineHarness();
        harness.Reader.Key = ReadResult<ApiKeyFacts>.Ok(Facts.HealthyKey(ips: ["*"]));

        var report = await harness.RunAsync();

        var check = EngineHarness.Check(report, CheckIds.KeyExpiry);
        Assert.Equal(CheckStatus.Pass, check.Status);
        Assert.Equal(EngineHarness.Texts.KeyExpiry.NoDate, check.Detail);
    }
}
