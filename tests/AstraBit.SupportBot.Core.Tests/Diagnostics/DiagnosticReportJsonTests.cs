using System.Text.Json;
using AstraBit.SupportBot.Core.Diagnostics;

namespace AstraBit.SupportBot.Core.Tests.Diagnostics;

public sealed class DiagnosticReportJsonTests
{
    private static DiagnosticReport SampleReport(ReportAccount? account) => new(
        Verdict.Fail,
        "https://api.bybit.com",
        "…Xy12",
        account,
        [new CheckResult(CheckIds.PositionMode, CheckStatus.Fail, "One-Way position mode", "Hedge Mode is on for BTCUSDT.", "Choose One-Way Mode.", 5),
         new CheckResult(CheckIds.Balance, CheckStatus.Warn, "Derivatives balance", "Low.", null, null)],
        new DateTimeOffset(2026, 11, 24, 11, 0, 0, TimeSpan.FromHours(1)),
        412);

    [Fact]
    public void Serialize_Report_UsesContractNames()
    {
        var report = SampleReport(new ReportAccount(ReportAccount.Unified, true, "2.0"));

        using var document = JsonDocument.Parse(DiagnosticReportJson.Serialize(report));

        var root = document.RootElement;
        Assert.Equal(["verdict", "host", "apiKey", "account", "checks", "checkedAt", "durationMs"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("fail", root.GetProperty("verdict").GetString());
        Assert.Equal("https://api.bybit.com", root.GetProperty("host").GetString());
        Assert.Equal("…Xy12", root.GetProperty("apiKey").GetString());
        Assert.Equal("2026-11-24T10:00:00Z", root.GetProperty("checkedAt").GetString());
        Assert.Equal(412, root.GetProperty("durationMs").GetInt64());

        var account = root.GetProperty("account");
        Assert.Equal(["type", "isMaster", "uta"], account.EnumerateObject().Select(p => p.Name));
        Assert.Equal("unified", account.GetProperty("type").GetString());
        Assert.True(account.GetProperty("isMaster").GetBoolean());

        var check = root.GetProperty("checks")[0];
        Assert.Equal(["id", "status", "title", "detail", "fix", "guideStep"], check.EnumerateObject().Select(p => p.Name));
        Assert.Equal("position-mode", check.GetProperty("id").GetString());
        Assert.Equal("fail", check.GetProperty("status").GetString());
        Assert.Equal(5, check.GetProperty("guideStep").GetInt32());
        var balance = root.GetProperty("checks")[1];
        Assert.Equal("warn", balance.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, balance.GetProperty("fix").ValueKind);
        Assert.Equal(JsonValueKind.Null, balance.GetProperty("guideStep").ValueKind);
    }

    [Theory]
    [InlineData(CheckStatus.Pass, "pass")]
    [InlineData(CheckStatus.Warn, "warn")]
    [InlineData(CheckStatus.Fail, "fail")]
    [InlineData(CheckStatus.Skip, "skip")]
    public void Serialize_CheckStatus_IsLowercase(CheckStatus status, string expected)
    {
        var report = SampleReport(null) with { Checks = [new CheckResult(CheckIds.ApiKey, status, "t", "d", null, null)] };

        using var document = JsonDocument.Parse(DiagnosticReportJson.Serialize(report));

        Assert.Equal(expected, document.RootElement.GetProperty("checks")[0].GetProperty("status").GetString());
    }

    [Theory]
    [InlineData(Verdict.Pass, "pass")]
    [InlineData(Verdict.Warn, "warn")]
    [InlineData(Verdict.Fail, "fail")]
    [InlineData(Verdict.Error, "error")]
    public void Serialize_Verdict_IsLowercase(Verdict verdict, string expected)
    {
        var report = SampleReport(null) with { Verdict = verdict };

        using var document = JsonDocument.Parse(DiagnosticReportJson.Serialize(report));

        Assert.Equal(expected, document.RootElement.GetProperty("verdict").GetString());
    }

    [Fact]
    public void Serialize_KeyNotAccepted_OmitsAccount()
    {
        var report = SampleReport(null);

        using var document = JsonDocument.Parse(DiagnosticReportJson.Serialize(report));

        Assert.False(document.RootElement.TryGetProperty("account", out _));
    }

    [Fact]
    public void Serialize_ClassicAccount_OmitsUta()
    {
        var report = SampleReport(new ReportAccount(ReportAccount.Classic, false));

        using var document = JsonDocument.Parse(DiagnosticReportJson.Serialize(report));

        var account = document.RootElement.GetProperty("account");
        Assert.Equal("classic", account.GetProperty("type").GetString());
        Assert.False(account.GetProperty("isMaster").GetBoolean());
        Assert.False(account.TryGetProperty("uta", out _));
    }

    [Fact]
    public void Deserialize_SerializedReport_RoundTrips()
    {
        var report = SampleReport(new ReportAccount(ReportAccount.Unified, true, "2.0"));

        var copy = DiagnosticReportJson.Deserialize(DiagnosticReportJson.Serialize(report, indented: true));

        Assert.Equal(report.Verdict, copy.Verdict);
        Assert.Equal(report.Host, copy.Host);
        Assert.Equal(report.ApiKey, copy.ApiKey);
        Assert.Equal(report.Account, copy.Account);
        Assert.Equal(report.Checks, copy.Checks);
        Assert.Equal(report.CheckedAt, copy.CheckedAt);
        Assert.Equal(TimeSpan.Zero, copy.CheckedAt.Offset);
        Assert.Equal(report.DurationMs, copy.DurationMs);
    }

    [Fact]
    public async Task Serialize_EngineReport_RoundTripsEveryCheck()
    {
        var harness = new EngineHarness();
        harness.Reader.Positions["BTCUSDT"] = Facts.Rows(Facts.HedgeRow("BTCUSDT", 2), Facts.HedgeRow("BTCUSDT", 1));

        var report = await harness.RunAsync();
        var copy = DiagnosticReportJson.Deserialize(DiagnosticReportJson.Serialize(report));

        Assert.Equal(report.Checks, copy.Checks);
        Assert.Equal(Verdict.Fail, copy.Verdict);
    }
}
