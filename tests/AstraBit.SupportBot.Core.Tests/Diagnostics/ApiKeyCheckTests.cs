using AstraBit.SupportBot.Core.Diagnostics;

namespace AstraBit.SupportBot.Core.Tests.Diagnostics;

public sealed class ApiKeyCheckTests
{
    [Fact]
    public async Task RunAsync_HealthyKey_PassesEveryCheck()
    {
        var harness = new EngineHarness();

        var report = await harness.RunAsync();

        Assert.Equal(Verdict.Pass, report.Verdict);
        Assert.Equal(CheckIds.All, report.Checks.Select(c => c.Id));
        Assert.All(report.Checks, c => Assert.Equal(CheckStatus.Pass, c.Status));
        Assert.Equal(new ReportAccount(ReportAccount.Unified, true, "2.0"), report.Account);
        Assert.Equal("…Xy12", report.ApiKey);
        Assert.Equal("https://api.bybit.com", report.Host);
    }

    [Theory]
    [InlineData(ReadFailureKind.InvalidKey, 10003, "typo", 2)]
    [InlineData(ReadFailureKind.SignatureRejected, 10004, "secret", 4)]
    [InlineData(ReadFailureKind.KeyExpired, 33004, "expired", 2)]
    public async Task RunAsync_KeyRejected_FailsApiKeyAndSkipsTheRest(ReadFailureKind kind, int retCode, string expectedWords, int expectedStep)
    {
        var harness = new EngineHarness();
        harness.Reader.Key = ReadResult<ApiKeyFacts>.Fail(Facts.Failure(kind, retCode));
        harness.Reader.Account = ReadResult<AccountFacts>.Fail(Facts.Failure(kind, retCode));

        var report = await harness.RunAsync();

        Assert.Equal(Verdict.Fail, report.Verdict);
        Assert.Null(report.Account);
        Assert.Equal(CheckStatus.Pass, EngineHarness.Check(report, CheckIds.Connectivity).Status);
        var apiKey = EngineHarness.Check(report, CheckIds.ApiKey);
        Assert.Equal(CheckStatus.Fail, apiKey.Status);
        Assert.Contains(expectedWords, apiKey.Detail, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(retCode.ToString(System.Globalization.CultureInfo.InvariantCulture), apiKey.Detail, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(apiKey.Fix));
        Assert.Equal(expectedStep, apiKey.GuideStep);
        Assert.All(CheckIds.NeedingAcceptedKey, id => Assert.Equal(CheckStatus.Skip, EngineHarness.Check(report, id).Status));
    }

    [Fact]
    public async Task RunAsync_InvalidKey_FixMentionsRegionChoiceAndSteps()
    {
        var harness = new EngineHarness();
        harness.Reader.Key = ReadResult<ApiKeyFacts>.Fail(Facts.Failure(ReadFailureKind.InvalidKey, 10003));

        var report = await harness.RunAsync();

        var apiKey = EngineHarness.Check(report, CheckIds.ApiKey);
        Assert.Contains("deleted", apiKey.Detail, StringComparison.Ordinal);
        Assert.Contains("regional", apiKey.Detail, StringComparison.Ordinal);
        Assert.Contains("Where is your Bybit account?", apiKey.Fix, StringComparison.Ordinal);
        Assert.Contains("steps 2–4", apiKey.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_IpNotAllowed_WarnsAndSkipsTheRest()
    {
        var harness = new EngineHarness();
        harness.Reader.Key = ReadResult<ApiKeyFacts>.Fail(Facts.Failure(ReadFailureKind.IpNotAllowed, 10010));
        harness.Reader.Positions["BTCUSDT"] = Facts.Rows(Facts.HedgeRow("BTCUSDT", 1), Facts.HedgeRow("BTCUSDT", 2));

        var report = await harness.RunAsync();

        Assert.Equal(Verdict.Warn, report.Verdict);
        Assert.Null(report.Account);
        var apiKey = EngineHarness.Check(report, CheckIds.ApiKey);
        Assert.Equal(CheckStatus.Warn, apiKey.Status);
        Assert.Contains("good", apiKey.Detail, StringComparison.Ordinal);
        Assert.Contains("this bot's address isn't on that list", apiKey.Detail, StringComparison.Ordinal);
        Assert.All(CheckIds.NeedingAcceptedKey, id => Assert.Equal(CheckStatus.Skip, EngineHarness.Check(report, id).Status));
    }

    [Fact]
    public async Task RunAsync_AccountRestricted_FailsApiKey()
    {
        var harness = new EngineHarness();
        harness.Reader.Key = ReadResult<ApiKeyFacts>.Fail(Facts.Failure(ReadFailureKind.AccountRestricted, 10009));

        var report = await harness.RunAsync();

        Assert.Equal(Verdict.Fail, report.Verdict);
        Assert.Equal(CheckStatus.Fail, EngineHarness.Check(report, CheckIds.ApiKey).Status);
    }

    [Fact]
    public async Task RunAsync_KeyRejected_IgnoresOtherReadFailures()
    {
        var harness = new EngineHarness();
        harness.Reader.Key = ReadResult<ApiKeyFacts>.Fail(Facts.Failure(ReadFailureKind.InvalidKey, 10003));
        harness.Reader.OpenPositions = ReadResult<IReadOnlyList<PositionRow>>.Fail(Facts.Failure(ReadFailureKind.ServerError, httpStatus: 502));

        var report = await harness.RunAsync();

        Assert.Equal(Verdict.Fail, report.Verdict);
        Assert.Equal(CheckStatus.Pass, EngineHarness.Check(report, CheckIds.Connectivity).Status);
    }

    [Fact]
    public async Task RunAsync_KeyRejected_DoesNotReadDerivativesWallet()
    {
        var harness = new EngineHarness();
        harness.Reader.Key = ReadResult<ApiKeyFacts>.Fail(Facts.Failure(ReadFailureKind.InvalidKey, 10003));
        harness.Reader.Account = ReadResult<AccountFacts>.Fail(Facts.Failure(ReadFailureKind.InvalidKey, 10003));

        await harness.RunAsync();

        Assert.DoesNotContain(harness.Reader.Started, c => c.StartsWith("wallet:", StringComparison.Ordinal));
    }
}
