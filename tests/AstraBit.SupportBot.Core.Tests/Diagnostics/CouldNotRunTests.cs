using AstraBit.SupportBot.Core.Diagnostics;

namespace AstraBit.SupportBot.Core.Tests.Diagnostics;

/// <summary>Bybit's garbage, stalls and maintenance are never blamed on the member: skip or error, never fail.</summary>
public sealed class CouldNotRunTests
{
    public static TheoryData<string, string> UnreadableReads => new()
    {
        { FakeAccountReader.AccountCall, CheckIds.AccountType },
        { FakeAccountReader.UnifiedWalletCall, CheckIds.Balance },
        { FakeAccountReader.PositionsCall("BTCUSDT"), CheckIds.PositionMode },
        { FakeAccountReader.OpenPositionsCall, CheckIds.PositionMode },
    };

    [Theory]
    [MemberData(nameof(UnreadableReads))]
    public async Task RunAsync_ReadUnreadable_AffectedCheckSkippedVerdictErrorNoFail(string call, string affectedCheck)
    {
        var harness = new EngineHarness();
        var unreadable = Facts.Failure(ReadFailureKind.Unreadable, 0, 200);
        switch (call)
        {
            case FakeAccountReader.AccountCall:
                harness.Reader.Account = ReadResult<AccountFacts>.Fail(unreadable);
                break;
            case FakeAccountReader.UnifiedWalletCall:
                harness.Reader.UnifiedWallet = ReadResult<WalletFacts>.Fail(unreadable);
                break;
            case FakeAccountReader.OpenPositionsCall:
                harness.Reader.OpenPositions = ReadResult<IReadOnlyList<PositionRow>>.Fail(unreadable);
                break;
            default:
                harness.Reader.Positions["BTCUSDT"] = ReadResult<IReadOnlyList<PositionRow>>.Fail(unreadable);
                break;
        }

        var report = await harness.RunAsync();

        Assert.Equal(Verdict.Error, report.Verdict);
        Assert.Equal("unreadable", report.CouldNotRun);
        var connectivity = EngineHarness.Check(report, CheckIds.Connectivity);
        Assert.Equal(CheckStatus.Fail, connectivity.Status);
        Assert.StartsWith("Bybit's answer couldn't be read", connectivity.Detail, StringComparison.Ordinal);
        var affected = EngineHarness.Check(report, affectedCheck);
        Assert.Equal((CheckStatus.Skip, EngineHarness.Texts.SkippedUnreadable), (affected.Status, affected.Detail));
        Assert.DoesNotContain(report.Checks, c => c.Status == CheckStatus.Fail && c.Id != CheckIds.Connectivity);
    }

    [Fact]
    public async Task RunAsync_KeyAnswerUnreadable_VerdictErrorApiKeySkipped()
    {
        var harness = new EngineHarness();
        harness.Reader.Key = ReadResult<ApiKeyFacts>.Fail(Facts.Failure(ReadFailureKind.Unreadable, 0, 200));

        var report = await harness.RunAsync();

        Assert.Equal((Verdict.Error, "unreadable"), (report.Verdict, report.CouldNotRun));
        Assert.Equal(CheckStatus.Skip, EngineHarness.Check(report, CheckIds.ApiKey).Status);
        Assert.All(report.Checks.Skip(1), c => Assert.Equal(CheckStatus.Skip, c.Status));
        Assert.Null(report.Account);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task RunAsync_WalletWithEveryAmountEmpty_BalanceSkippedNotZero(bool unified)
    {
        var harness = new EngineHarness();
        harness.Reader.Key = ReadResult<ApiKeyFacts>.Ok(Facts.HealthyKey(isUnified: unified));
        harness.Reader.Account = ReadResult<AccountFacts>.Ok(new AccountFacts(unified ? 5 : 1, "REGULAR_MARGIN"));
        // What Bybit's "" totals and amounts parse to: absent, not zero.
        var empty = new WalletFacts(unified ? "UNIFIED" : "CONTRACT", null, [new CoinBalance("USDT", null, null, null)]);
        harness.Reader.UnifiedWallet = ReadResult<WalletFacts>.Ok(empty);
        harness.Reader.ClassicWallet = ReadResult<WalletFacts>.Ok(empty);

        var report = await harness.RunAsync();

        var balance = EngineHarness.Check(report, CheckIds.Balance);
        Assert.Equal((CheckStatus.Skip, EngineHarness.Texts.SkippedUnreadable), (balance.Status, balance.Detail));
        Assert.Equal((Verdict.Error, "unreadable"), (report.Verdict, report.CouldNotRun));
    }

    [Fact]
    public async Task RunAsync_IsolatedMarginTotalsAbsent_BalanceFromCoinValues()
    {
        var harness = new EngineHarness();
        harness.Reader.UnifiedWallet = ReadResult<WalletFacts>.Ok(new WalletFacts("UNIFIED", null, [new CoinBalance("USDT", 250m, 250m, 250m)]));

        var report = await harness.RunAsync();

        var balance = EngineHarness.Check(report, CheckIds.Balance);
        Assert.Equal(CheckStatus.Pass, balance.Status);
        Assert.Contains("$250", balance.Detail, StringComparison.Ordinal);
        Assert.Equal(Verdict.Pass, report.Verdict);
    }

    [Fact]
    public async Task RunAsync_ReadStillOpenAtTheDeadline_AbandonedAsTimeoutVerdictError()
    {
        var harness = new EngineHarness();
        harness.Options.Deadline = TimeSpan.FromSeconds(5);
        harness.Reader.Hold(FakeAccountReader.UnifiedWalletCall);

        var run = harness.RunAsync();
        await harness.Reader.WhenStarted(FakeAccountReader.UnifiedWalletCall);
        harness.Time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.False(run.IsCompleted);
        harness.Time.Advance(TimeSpan.FromSeconds(0.1));
        var report = await run.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal((Verdict.Error, "timeout"), (report.Verdict, report.CouldNotRun));
        Assert.Equal(5000, report.DurationMs);
        Assert.Equal(CheckStatus.Skip, EngineHarness.Check(report, CheckIds.Balance).Status);
        Assert.Equal(CheckStatus.Pass, EngineHarness.Check(report, CheckIds.PositionMode).Status);
    }

    [Fact]
    public async Task RunAsync_MaintenanceUnderWay_VerdictErrorWithItsEnd()
    {
        var harness = new EngineHarness();
        harness.Reader.Maintenance = ReadResult<IReadOnlyList<MaintenanceWindow>>.Ok(
        [
            new MaintenanceWindow("Done last week", "completed", Facts.Now.AddDays(-7), Facts.Now.AddDays(-7).AddHours(1), [], IsActive: false),
            new MaintenanceWindow("System upgrade", "ongoing", Facts.Now.AddMinutes(-5), new DateTimeOffset(2026, 11, 24, 11, 30, 0, TimeSpan.Zero), [], IsActive: true),
        ]);
        harness.Reader.Key = ReadResult<ApiKeyFacts>.Fail(Facts.Failure(ReadFailureKind.ServerError, httpStatus: 503));

        var report = await harness.RunAsync();

        Assert.Equal((Verdict.Error, "maintenance"), (report.Verdict, report.CouldNotRun));
        var connectivity = EngineHarness.Check(report, CheckIds.Connectivity);
        Assert.Equal(CheckStatus.Fail, connectivity.Status);
        // 11:30 UTC on 24 November 2026 as a Discord timestamp, which each reader's client shows in their language and time zone.
        Assert.Equal("Bybit is under maintenance until <t:1795519800:f> (\"System upgrade\"), so the check couldn't run. This is not about your key.", connectivity.Detail);
        Assert.Equal("Nothing to fix on your side. Run the check again after <t:1795519800:f>.", connectivity.Fix);
        Assert.Equal(EngineHarness.Texts.SkippedMaintenance, EngineHarness.Check(report, CheckIds.ApiKey).Detail);
    }

    [Fact]
    public async Task RunAsync_MaintenanceOfOtherUidsOnly_CheckRunsNormally()
    {
        var harness = new EngineHarness();
        harness.Reader.Key = ReadResult<ApiKeyFacts>.Ok(Facts.HealthyKey() with { UserId = 1448939 });
        harness.Reader.Maintenance = ReadResult<IReadOnlyList<MaintenanceWindow>>.Ok(
            [new MaintenanceWindow("Batch upgrade", "ongoing", Facts.Now.AddMinutes(-5), Facts.Now.AddMinutes(30), [0, 1, 2], IsActive: true)]);

        var report = await harness.RunAsync();

        Assert.Equal(Verdict.Pass, report.Verdict);
        Assert.Null(report.CouldNotRun);
    }

    [Fact]
    public async Task RunAsync_StatusUnreadable_IgnoredCheckRunsNormally()
    {
        var harness = new EngineHarness();
        harness.Reader.Maintenance = ReadResult<IReadOnlyList<MaintenanceWindow>>.Fail(Facts.Failure(ReadFailureKind.Other, httpStatus: 404));

        var report = await harness.RunAsync();

        Assert.Equal(Verdict.Pass, report.Verdict);
    }

    [Fact]
    public async Task RunAsync_EuHostIpRefused_ExplainsApprovedApplications()
    {
        var harness = new EngineHarness();
        harness.Reader.Key = ReadResult<ApiKeyFacts>.Fail(Facts.Failure(ReadFailureKind.IpNotAllowed, 10010));

        var report = await harness.CreateEngine().RunAsync(new DiagnosticRequest(Facts.ApiKey, Facts.ApiSecret, new Uri("https://api.bybit.eu")), CancellationToken.None);

        var check = EngineHarness.Check(report, CheckIds.ApiKey);
        Assert.Equal(CheckStatus.Warn, check.Status);
        Assert.Contains("approved third-party applications", check.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("bound to it", check.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_DemoHostUnknownKey_ExplainsDemoKeysAreSeparate()
    {
        var harness = new EngineHarness();
        harness.Reader.Key = ReadResult<ApiKeyFacts>.Fail(Facts.Failure(ReadFailureKind.InvalidKey, 10003));

        var report = await harness.CreateEngine().RunAsync(new DiagnosticRequest(Facts.ApiKey, Facts.ApiSecret, new Uri("https://api-demo.bybit.com")), CancellationToken.None);

        var check = EngineHarness.Check(report, CheckIds.ApiKey);
        Assert.Equal(CheckStatus.Fail, check.Status);
        Assert.Equal(EngineHarness.Texts.ApiKey.InvalidDemoKeyDetail, check.Detail);
    }

    [Fact]
    public async Task RunAsync_DemoFundingNotOffered_LowBalanceSaysNothingAboutFunding()
    {
        var harness = new EngineHarness();
        harness.Reader.UnifiedWallet = ReadResult<WalletFacts>.Ok(Facts.UnifiedWallet(10m));
        harness.Reader.Funding = ReadResult<WalletFacts>.Fail(Facts.Failure(ReadFailureKind.NotOnDemo, 10032));

        var report = await harness.CreateEngine().RunAsync(new DiagnosticRequest(Facts.ApiKey, Facts.ApiSecret, new Uri("https://api-demo.bybit.com")), CancellationToken.None);

        var balance = EngineHarness.Check(report, CheckIds.Balance);
        Assert.Equal(CheckStatus.Fail, balance.Status);
        Assert.DoesNotContain("Funding", balance.Detail, StringComparison.Ordinal);
        Assert.Equal(Verdict.Fail, report.Verdict);
    }

    [Fact]
    public async Task RunAsync_MoreSymbolsThanAllowed_Refused()
    {
        var harness = new EngineHarness();
        var symbols = Enumerable.Range(0, DiagnosticsOptions.MaxSymbols + 1).Select(i => $"C{i}USDT").ToList();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => harness.RunAsync(symbols));

        Assert.Contains("at most 40 symbols", error.Message, StringComparison.Ordinal);
        Assert.Empty(harness.Reader.Started);
    }
}
