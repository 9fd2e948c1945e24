using AstraBit.SupportBot.Core.Diagnostics;

namespace AstraBit.SupportBot.Core.Tests.Diagnostics;

public sealed class VerdictTests
{
    [Theory]
    [InlineData(new[] { CheckStatus.Pass, CheckStatus.Pass }, Verdict.Pass)]
    [InlineData(new[] { CheckStatus.Pass, CheckStatus.Skip }, Verdict.Pass)]
    [InlineData(new[] { CheckStatus.Pass, CheckStatus.Warn, CheckStatus.Skip }, Verdict.Warn)]
    [InlineData(new[] { CheckStatus.Pass, CheckStatus.Warn, CheckStatus.Fail }, Verdict.Fail)]
    [InlineData(new[] { CheckStatus.Pass, CheckStatus.Fail, CheckStatus.Skip }, Verdict.Fail)]
    [InlineData(new[] { CheckStatus.Fail, CheckStatus.Fail, CheckStatus.Warn }, Verdict.Error)]
    [InlineData(new[] { CheckStatus.Fail, CheckStatus.Skip, CheckStatus.Skip }, Verdict.Error)]
    public void VerdictOf_Statuses_WorstWinsAndConnectivityFailIsError(CheckStatus[] statuses, Verdict expected)
    {
        // The first status belongs to connectivity, the rest to other checks.
        var checks = statuses.Select((s, i) => new CheckResult(CheckIds.All[i], s, "t", "d", null, null));

        var verdict = DiagnosticReport.VerdictOf(checks);

        Assert.Equal(expected, verdict);
    }

    [Fact]
    public async Task RunAsync_ErrorAndFailTogether_ErrorWins()
    {
        var harness = new EngineHarness();
        harness.Reader.Key = ReadResult<ApiKeyFacts>.Ok(Facts.HealthyKey(readOnly: true, permissions: Facts.Permissions(("Wallet", ["Withdraw"]))));
        harness.Reader.OpenPositions = ReadResult<IReadOnlyList<PositionRow>>.Fail(Facts.Failure(ReadFailureKind.Unreachable));

        var report = await harness.RunAsync();

        Assert.Equal(Verdict.Error, report.Verdict);
        Assert.Equal(CheckStatus.Fail, EngineHarness.Check(report, CheckIds.ReadWrite).Status);
    }

    [Fact]
    public async Task RunAsync_FailAndWarnTogether_FailWins()
    {
        var harness = new EngineHarness();
        harness.Reader.Key = ReadResult<ApiKeyFacts>.Ok(Facts.HealthyKey(permissions: Facts.Permissions(("Spot", ["SpotTrade"]), ("Wallet", ["AccountTransfer"]))));

        var report = await harness.RunAsync();

        Assert.Equal(Verdict.Fail, report.Verdict);
    }

    [Fact]
    public async Task RunAsync_Always_ReportsEveryCheckOnceInSpecOrder()
    {
        var harness = new EngineHarness();
        harness.Reader.Key = ReadResult<ApiKeyFacts>.Fail(Facts.Failure(ReadFailureKind.Timeout));

        var report = await harness.RunAsync();

        Assert.Equal(CheckIds.All, report.Checks.Select(c => c.Id));
        Assert.All(report.Checks, c => Assert.Equal(EngineHarness.Texts.Title(c.Id), c.Title));
    }
}
