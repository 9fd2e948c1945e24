using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Core.KeyChecks;
using AstraBit.SupportBot.Core.Walkthrough;

namespace AstraBit.SupportBot.Core.Tests.Walkthrough;

public sealed class CheckSummaryTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void From_FullReport_ListsFailuresAndWarnings()
    {
        var report = Report((CheckIds.Withdrawal, CheckStatus.Fail), (CheckIds.Balance, CheckStatus.Warn), (CheckIds.PositionMode, CheckStatus.Fail));

        var summary = CheckSummary.From(report, "eu", GuidePosition.FinalCheck);

        Assert.Equal(Verdict.Fail, summary.Verdict);
        Assert.Equal([CheckIds.Withdrawal, CheckIds.PositionMode], summary.FailingCheckIds);
        Assert.Equal([CheckIds.Balance], summary.WarningCheckIds);
        Assert.Equal("…Xy12", summary.MaskedKey);
        Assert.Equal("eu", summary.RegionKey);
        Assert.Equal(At, summary.CheckedAt);
        Assert.Equal(GuidePosition.FinalCheck, summary.RunAt);
    }

    [Fact]
    public void From_ScopedToPositionMode_IgnoresOtherProblems()
    {
        var report = Report((CheckIds.Withdrawal, CheckStatus.Fail), (CheckIds.Balance, CheckStatus.Warn));

        var summary = CheckSummary.From(report, null, GuidePosition.Step5, [CheckIds.PositionMode]);

        Assert.Equal(Verdict.Pass, summary.Verdict);
        Assert.Empty(summary.FailingCheckIds);
        Assert.Empty(summary.WarningCheckIds);
    }

    [Fact]
    public void From_ScopedButKeyRejected_StillFails()
    {
        var report = Report((CheckIds.ApiKey, CheckStatus.Fail));

        var summary = CheckSummary.From(report, null, GuidePosition.Step5, [CheckIds.PositionMode]);

        Assert.Equal(Verdict.Fail, summary.Verdict);
        Assert.Equal([CheckIds.ApiKey], summary.FailingCheckIds);
    }

    [Fact]
    public void CheckHistoryEntryFrom_Report_KeepsStatusesAndMaskedKeyOnly()
    {
        var report = Report((CheckIds.Transfer, CheckStatus.Fail));

        var entry = CheckHistoryEntry.From(7, report, "mainnet");

        Assert.Equal(7ul, entry.UserId);
        Assert.Equal(CheckStatus.Fail, entry.Checks[CheckIds.Transfer]);
        Assert.Equal(CheckStatus.Pass, entry.Checks[CheckIds.ApiKey]);
        Assert.Equal(CheckIds.All.Count, entry.Checks.Count);
        Assert.Equal("…Xy12", entry.MaskedKey);
        Assert.Equal("https://api.bybit.com", entry.Host);
    }

    [Theory]
    [InlineData("…Xy12", true)]
    [InlineData("…", true)]
    [InlineData("Xy12", false)]
    [InlineData("…ABCDE", false)]
    [InlineData("ABCDEFGHIJKLMNOPQR", false)]
    [InlineData(null, false)]
    public void IsMasked_Key_OnlyEllipsisAndFourCharacters(string? key, bool expected)
    {
        Assert.Equal(expected, CheckHistoryEntry.IsMasked(key));
    }

    private static DiagnosticReport Report(params (string Id, CheckStatus Status)[] overrides)
    {
        var checks = CheckIds.All
            .Select(id => overrides.FirstOrDefault(o => o.Id == id) is { Id: not null } o
                ? new CheckResult(id, o.Status, id, "detail", null, null)
                : new CheckResult(id, CheckStatus.Pass, id, "detail", null, null))
            .ToList();
        return new DiagnosticReport(DiagnosticReport.VerdictOf(checks), "https://api.bybit.com", "…Xy12", null, checks, At, 10);
    }
}
