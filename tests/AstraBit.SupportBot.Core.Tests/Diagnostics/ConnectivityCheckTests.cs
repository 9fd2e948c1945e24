using AstraBit.SupportBot.Core.Diagnostics;

namespace AstraBit.SupportBot.Core.Tests.Diagnostics;

public sealed class ConnectivityCheckTests
{
    [Theory]
    [InlineData(ReadFailureKind.Unreachable)]
    [InlineData(ReadFailureKind.ServerError)]
    [InlineData(ReadFailureKind.Timeout)]
    [InlineData(ReadFailureKind.RateLimited)]
    [InlineData(ReadFailureKind.GeoBlocked)]
    [InlineData(ReadFailureKind.TimestampRejected)]
    [InlineData(ReadFailureKind.Other)]
    public async Task RunAsync_QueryApiCouldNotRun_VerdictErrorAndEverythingElseSkipped(ReadFailureKind kind)
    {
        var harness = new EngineHarness();
        harness.Reader.Key = ReadResult<ApiKeyFacts>.Fail(Facts.Failure(kind));

        var report = await harness.RunAsync();

        Assert.Equal(Verdict.Error, report.Verdict);
        Assert.Null(report.Account);
        var connectivity = EngineHarness.Check(report, CheckIds.Connectivity);
        Assert.Equal(CheckStatus.Fail, connectivity.Status);
        Assert.Contains("https://api.bybit.com", connectivity.Detail, StringComparison.Ordinal);
        Assert.Contains("Try again", connectivity.Fix, StringComparison.Ordinal);
        Assert.All(report.Checks.Skip(1), c => Assert.Equal(CheckStatus.Skip, c.Status));
    }

    public static TheoryData<string, Action<FakeAccountReader>> NeededReads => new()
    {
        { "the account details", r => r.Account = ReadResult<AccountFacts>.Fail(Facts.Failure(ReadFailureKind.Timeout)) },
        { "the derivatives wallet", r => r.UnifiedWallet = ReadResult<WalletFacts>.Fail(Facts.Failure(ReadFailureKind.ServerError, 10016)) },
        { "the positions of ETHUSDT", r => r.Positions["ETHUSDT"] = ReadResult<IReadOnlyList<PositionRow>>.Fail(Facts.Failure(ReadFailureKind.ServerError, httpStatus: 503)) },
        { "the open positions", r => r.OpenPositions = ReadResult<IReadOnlyList<PositionRow>>.Fail(Facts.Failure(ReadFailureKind.RateLimited, 10006)) },
    };

    [Theory]
    [MemberData(nameof(NeededReads))]
    public async Task RunAsync_NeededReadCouldNotRun_VerdictErrorNamingTheRead(string what, Action<FakeAccountReader> spoil)
    {
        var harness = new EngineHarness();
        spoil(harness.Reader);

        var report = await harness.RunAsync();

        Assert.Equal(Verdict.Error, report.Verdict);
        var connectivity = EngineHarness.Check(report, CheckIds.Connectivity);
        Assert.Equal(CheckStatus.Fail, connectivity.Status);
        Assert.Contains(what, connectivity.Detail, StringComparison.Ordinal);
        Assert.NotNull(report.Account);
        Assert.DoesNotContain(report.Checks, c => c.Status == CheckStatus.Pass && c.Detail.Contains("couldn't", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task RunAsync_PositionsServerError_PositionModeSkippedNotPassed()
    {
        var harness = new EngineHarness();
        harness.Reader.Positions["BTCUSDT"] = ReadResult<IReadOnlyList<PositionRow>>.Fail(Facts.Failure(ReadFailureKind.ServerError, httpStatus: 502));

        var report = await harness.RunAsync();

        Assert.Equal(Verdict.Error, report.Verdict);
        Assert.Equal(CheckStatus.Skip, EngineHarness.Check(report, CheckIds.PositionMode).Status);
    }

    [Fact]
    public async Task RunAsync_RateLimitedWithRetryAfter_FixSaysWhenToRetry()
    {
        var harness = new EngineHarness();
        harness.Reader.Key = ReadResult<ApiKeyFacts>.Fail(new ReadFailure(ReadFailureKind.RateLimited, 10006, 200, "Too many visits!", TimeSpan.FromMinutes(10)));

        var report = await harness.RunAsync();

        Assert.Contains("10 minutes", EngineHarness.Check(report, CheckIds.Connectivity).Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_FundingCouldNotRun_DoesNotChangeVerdict()
    {
        var harness = new EngineHarness();
        harness.Reader.Funding = ReadResult<WalletFacts>.Fail(Facts.Failure(ReadFailureKind.RateLimited, 10006));

        var report = await harness.RunAsync();

        Assert.Equal(Verdict.Pass, report.Verdict);
    }
}
