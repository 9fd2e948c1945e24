using AstraBit.SupportBot.Core.Diagnostics;

namespace AstraBit.SupportBot.Core.Tests.Diagnostics;

public sealed class PositionModeCheckTests
{
    public static TheoryData<PositionRow[]> HedgeRowSets => new()
    {
        new[] { Facts.HedgeRow("BTCUSDT", 1), Facts.HedgeRow("BTCUSDT", 2) },
        new[] { Facts.HedgeRow("BTCUSDT", 2, 3340m), Facts.HedgeRow("BTCUSDT", 1) },
        new[] { Facts.HedgeRow("BTCUSDT", 2, 5m) },
    };

    [Theory]
    [MemberData(nameof(HedgeRowSets))]
    public async Task RunAsync_HedgeRowsInAnyOrder_FailsNamingSymbol(PositionRow[] rows)
    {
        var harness = new EngineHarness();
        harness.Reader.Positions["BTCUSDT"] = Facts.Rows(rows);

        var report = await harness.RunAsync();

        var check = EngineHarness.Check(report, CheckIds.PositionMode);
        Assert.Equal(CheckStatus.Fail, check.Status);
        Assert.Contains("BTCUSDT", check.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("ETHUSDT", check.Detail, StringComparison.Ordinal);
        Assert.Equal(5, check.GuideStep);
        Assert.Contains("no open position and no open orders", check.Fix, StringComparison.Ordinal);
        Assert.Contains("sub-account", check.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_MixedOneWayAndHedgeSymbols_NamesOnlyHedgeSymbols()
    {
        var harness = new EngineHarness();
        harness.Reader.Positions["ETHUSDT"] = Facts.Rows(Facts.HedgeRow("ETHUSDT", 2), Facts.HedgeRow("ETHUSDT", 1));

        var report = await harness.RunAsync(["BTCUSDT", "ETHUSDT", "SOLUSDT"]);

        var check = EngineHarness.Check(report, CheckIds.PositionMode);
        Assert.Equal(CheckStatus.Fail, check.Status);
        Assert.Contains("Hedge Mode is on for ETHUSDT.", check.Detail, StringComparison.Ordinal);
        Assert.Equal(Verdict.Fail, report.Verdict);
    }

    [Fact]
    public async Task RunAsync_OneWaySymbolWithOpenPosition_Passes()
    {
        var harness = new EngineHarness();
        harness.Reader.Positions["BTCUSDT"] = Facts.Rows(Facts.OneWayRow("BTCUSDT", 0.5m));
        harness.Reader.OpenPositions = Facts.Rows(Facts.OneWayRow("BTCUSDT", 0.5m));

        var report = await harness.RunAsync();

        var check = EngineHarness.Check(report, CheckIds.PositionMode);
        Assert.Equal(CheckStatus.Pass, check.Status);
        Assert.Contains("BTCUSDT and ETHUSDT", check.Detail, StringComparison.Ordinal);
        Assert.Contains("1 open position", check.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_HedgeOpenPositionInUnconfiguredSymbol_FailsNamingIt()
    {
        var harness = new EngineHarness();
        harness.Reader.OpenPositions = Facts.Rows(Facts.OneWayRow("BTCUSDT", 1m), Facts.HedgeRow("SOLUSDT", 2, 10m));

        var report = await harness.RunAsync();

        var check = EngineHarness.Check(report, CheckIds.PositionMode);
        Assert.Equal(CheckStatus.Fail, check.Status);
        Assert.Contains("Hedge Mode is on for SOLUSDT.", check.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_HedgeInConfiguredAndOpenPosition_NamesEachSymbolOnce()
    {
        var harness = new EngineHarness();
        harness.Reader.Positions["BTCUSDT"] = Facts.Rows(Facts.HedgeRow("BTCUSDT", 1, 1m), Facts.HedgeRow("BTCUSDT", 2));
        harness.Reader.OpenPositions = Facts.Rows(Facts.HedgeRow("BTCUSDT", 1, 1m), Facts.HedgeRow("XRPUSDT", 1, 7m));

        var report = await harness.RunAsync();

        Assert.Contains("Hedge Mode is on for BTCUSDT and XRPUSDT.", EngineHarness.Check(report, CheckIds.PositionMode).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_SymbolWithNoRows_WarnsUnknown()
    {
        var harness = new EngineHarness();
        harness.Reader.Positions["ETHUSDT"] = Facts.Rows();

        var report = await harness.RunAsync();

        var check = EngineHarness.Check(report, CheckIds.PositionMode);
        Assert.Equal(CheckStatus.Warn, check.Status);
        Assert.Contains("ETHUSDT", check.Detail, StringComparison.Ordinal);
        Assert.Contains("unknown", check.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_PositionsPermissionDenied_WarnsCouldNotRead()
    {
        var harness = new EngineHarness();
        harness.Reader.Positions["BTCUSDT"] = ReadResult<IReadOnlyList<PositionRow>>.Fail(Facts.Failure(ReadFailureKind.PermissionDenied, 10005));

        var report = await harness.RunAsync();

        var check = EngineHarness.Check(report, CheckIds.PositionMode);
        Assert.Equal(CheckStatus.Warn, check.Status);
        Assert.Contains("Couldn't read the positions of BTCUSDT", check.Detail, StringComparison.Ordinal);
        Assert.Equal(Verdict.Warn, report.Verdict);
    }

    [Fact]
    public async Task RunAsync_OpenPositionsPermissionDenied_WarnsCouldNotRead()
    {
        var harness = new EngineHarness();
        harness.Reader.OpenPositions = ReadResult<IReadOnlyList<PositionRow>>.Fail(Facts.Failure(ReadFailureKind.PermissionDenied, 10005));

        var report = await harness.RunAsync();

        Assert.Equal(CheckStatus.Warn, EngineHarness.Check(report, CheckIds.PositionMode).Status);
    }

    [Fact]
    public async Task RunAsync_RequestSymbols_OverrideConfiguredOnes()
    {
        var harness = new EngineHarness();

        await harness.RunAsync(["solusdt"]);

        Assert.Contains(FakeAccountReader.PositionsCall("SOLUSDT"), harness.Reader.Started);
        Assert.DoesNotContain(FakeAccountReader.PositionsCall("BTCUSDT"), harness.Reader.Started);
        Assert.Contains(FakeAccountReader.OpenPositionsCall, harness.Reader.Started);
    }
}
