using System.Text.Json;
using AstraBit.SupportBot.Cli;
using AstraBit.SupportBot.Emulators.Bybit;

namespace AstraBit.SupportBot.Tests.Cli;

/// <summary>
/// `diagnose` against a Bybit that stalls, floods, talks garbage or is under maintenance: the check ends within
/// its deadline with verdict error (exit 3), never a fail, and says why in couldNotRun.
/// </summary>
public sealed class DiagnoseFaultTests(CliHarness cli) : IClassFixture<CliHarness>, IDisposable
{
    // Short deadlines so the stalled cases end in about a second; the figures are the configuration under test.
    private const string ShortDeadlines = """
        { "Bybit": { "Timeout": "00:00:00.300", "RetryBaseDelay": "00:00:00.010" }, "Diagnostics": { "Deadline": "00:00:01.500" } }
        """;

    public void Dispose() => cli.Emulator.Faults.Clear();

    [Fact]
    public async Task Diagnose_SlowLorisBody_EndsWithinTheDeadlineWithVerdictError()
    {
        // Headers at once, then a byte every 200 ms: without a whole-request deadline this never ends.
        cli.Emulator.Faults.SlowBody = TimeSpan.FromMilliseconds(200);

        var run = await cli.DiagnoseWithConfigAsync(cli.Scenario("healthy-unified"), ShortDeadlines, "--json");

        using var report = JsonDocument.Parse(run.Output);
        Assert.Equal(ExitCodes.CouldNotRun, run.ExitCode);
        Assert.Equal("error", report.RootElement.GetProperty("verdict").GetString());
        Assert.Equal("timeout", report.RootElement.GetProperty("couldNotRun").GetString());
        Assert.InRange(report.RootElement.GetProperty("durationMs").GetInt64(), 0, 1_500 + 500);
        Assert.DoesNotContain(Checks(report), c => c.Status == "fail" && c.Id != "connectivity");
    }

    [Fact]
    public async Task Diagnose_OversizedBody_RefusedWithVerdictError()
    {
        cli.Emulator.Faults.BodyPadding = 50L * 1024 * 1024;

        var run = await cli.DiagnoseWithConfigAsync(
            cli.Scenario("healthy-unified"),
            """{ "Bybit": { "MaxResponseBytes": 65536, "RetryBaseDelay": "00:00:00.010" } }""",
            "--json");

        using var report = JsonDocument.Parse(run.Output);
        Assert.Equal(ExitCodes.CouldNotRun, run.ExitCode);
        Assert.Equal(("error", "unreadable"), (report.RootElement.GetProperty("verdict").GetString(), report.RootElement.GetProperty("couldNotRun").GetString()));
        Assert.Contains("Bybit's answer couldn't be read", Checks(report).Single(c => c.Id == "connectivity").Detail, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> Garbage => new()
    {
        // path, result Bybit sends with retCode 0, check it would otherwise have failed
        { "/v5/account/wallet-balance", """{"list":[{"accountType":"UNIFIED","totalEquity":"1e400","coin":[]}]}""", "balance" },
        { "/v5/account/wallet-balance", """{"list":[{"accountType":"UNIFIED","totalEquity":"NaN","coin":[]}]}""", "balance" },
        { "/v5/account/wallet-balance", """{"list":[{"accountType":"UNIFIED","totalEquity":"","coin":[{"coin":"USDT","equity":"","usdValue":"","walletBalance":""}]}]}""", "balance" },
        { "/v5/account/wallet-balance", """{"list":[{"accountType":"UNIFIED","totalEquity":"1234567890123456789012345678901234567890","coin":[]}]}""", "balance" },
        { "/v5/account/wallet-balance", """{"list":[]}""", "balance" },
        { "/v5/account/wallet-balance", """{}""", "balance" },
        { "/v5/position/list", """{"category":"linear"}""", "position-mode" },
        { "/v5/account/info", """{}""", "account-type" },
        { "/v5/user/query-api", """{}""", "contract-trading" },
        { "/v5/user/query-api", """{"apiKey":"x","readOnly":0,"ips":["*"],"uta":1}""", "contract-trading" },
    };

    [Theory]
    [MemberData(nameof(Garbage))]
    public async Task Diagnose_PartialOrGarbageAnswer_ErrorNeverFailNoTicketWorthyVerdict(string path, string result, string wouldHaveFailed)
    {
        cli.Emulator.Faults.ResultOverrides[path] = result;

        var run = await cli.DiagnoseAsync("healthy-unified", "--json");

        using var report = JsonDocument.Parse(run.Output);
        Assert.Equal(ExitCodes.CouldNotRun, run.ExitCode);
        // Hosts open tickets for verdict fail only; error with couldNotRun=unreadable never opens one.
        Assert.Equal(("error", "unreadable"), (report.RootElement.GetProperty("verdict").GetString(), report.RootElement.GetProperty("couldNotRun").GetString()));
        var checks = Checks(report);
        Assert.Equal("skip", checks.Single(c => c.Id == wouldHaveFailed).Status);
        Assert.DoesNotContain(checks, c => c.Status == "fail" && c.Id != "connectivity");
        Assert.StartsWith("Bybit's answer couldn't be read", checks.Single(c => c.Id == "connectivity").Detail, StringComparison.Ordinal);
    }

    // A query-api answer as Bybit documents it (bybit-v5.md §3), with one field set by each row below.
    private const string KeyAnswer =
        """{"id":"1","note":"astrabit","apiKey":"x","readOnly":0,"secret":"","permissions":{"ContractTrade":["Order","Position"],"Spot":[],"Wallet":[],"Options":[],"Derivatives":["DerivativesTrade"]},"ips":["127.0.0.1"],"type":1,"deadlineDay":-2,"expiredAt":"1970-01-01T00:00:00Z","createdAt":"2026-10-01T00:00:00Z","unified":0,"uta":1,"userID":1,"isMaster":true,"parentUid":"0"}""";

    public static TheoryData<string, string, string, string> OutOfDomain => new()
    {
        // what is odd, path, result Bybit sends with retCode 0, the check it would otherwise have judged
        { "permissions.ContractTrade: null", "/v5/user/query-api", KeyAnswer.Replace("\"ContractTrade\":[\"Order\",\"Position\"]", "\"ContractTrade\":null", StringComparison.Ordinal), "contract-trading" },
        { "permissions.Wallet: [null]", "/v5/user/query-api", KeyAnswer.Replace("\"Wallet\":[]", "\"Wallet\":[null]", StringComparison.Ordinal), "withdrawal" },
        { "readOnly: 7", "/v5/user/query-api", KeyAnswer.Replace("\"readOnly\":0", "\"readOnly\":7", StringComparison.Ordinal), "read-write" },
        { "readOnly: -1", "/v5/user/query-api", KeyAnswer.Replace("\"readOnly\":0", "\"readOnly\":-1", StringComparison.Ordinal), "read-write" },
        {
            "expiredAt 9999-12-31 with deadlineDay 5",
            "/v5/user/query-api",
            KeyAnswer.Replace("\"ips\":[\"127.0.0.1\"]", "\"ips\":[\"*\"]", StringComparison.Ordinal)
                .Replace("\"deadlineDay\":-2,\"expiredAt\":\"1970-01-01T00:00:00Z\"", "\"deadlineDay\":5,\"expiredAt\":\"9999-12-31T00:00:00Z\"", StringComparison.Ordinal),
            "key-expiry"
        },
        { "positionIdx: 7", "/v5/position/list", """{"category":"linear","list":[{"symbol":"BTCUSDT","positionIdx":7,"side":"","size":"0"}],"nextPageCursor":""}""", "position-mode" },
        { "positionIdx: -1", "/v5/position/list", """{"category":"linear","list":[{"symbol":"BTCUSDT","positionIdx":-1,"side":"","size":"0"}],"nextPageCursor":""}""", "position-mode" },
    };

    [Theory]
    [MemberData(nameof(OutOfDomain))]
    public async Task Diagnose_ValueOutsideBybitsDocumentedDomain_AffectedCheckSkippedVerdictError(string odd, string path, string result, string affected)
    {
        cli.Emulator.Faults.ResultOverrides[path] = result;

        var run = await cli.DiagnoseAsync("healthy-unified", "--json");

        using var report = JsonDocument.Parse(run.Output);
        Assert.True(ExitCodes.CouldNotRun == run.ExitCode, $"{odd}: exit {run.ExitCode}\n{run.Output}");
        Assert.Equal(("error", "unreadable"), (report.RootElement.GetProperty("verdict").GetString(), report.RootElement.GetProperty("couldNotRun").GetString()));
        var checks = Checks(report);
        Assert.Equal("skip", checks.Single(c => c.Id == affected).Status);
        Assert.Equal(SkippedUnreadable, checks.Single(c => c.Id == affected).Detail);
        Assert.DoesNotContain(checks, c => c.Status == "fail" && c.Id != "connectivity");
        Assert.StartsWith("Bybit's answer couldn't be read", checks.Single(c => c.Id == "connectivity").Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_ValuesInsideTheDomain_StillJudged()
    {
        // The same answer with documented values: the check runs and judges them (so the rows above fail for their value).
        cli.Emulator.Faults.ResultOverrides["/v5/user/query-api"] = KeyAnswer.Replace("\"readOnly\":0", "\"readOnly\":1", StringComparison.Ordinal);

        var run = await cli.DiagnoseAsync("healthy-unified", "--json");

        using var report = JsonDocument.Parse(run.Output);
        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Equal("fail", Checks(report).Single(c => c.Id == "read-write").Status);
        Assert.Equal("pass", Checks(report).Single(c => c.Id == "contract-trading").Status);
    }

    [Fact]
    public async Task Diagnose_MaintenanceUnderWay_VerdictErrorWithTheEndTime()
    {
        var end = cli.Emulator.Now.AddMinutes(40);
        cli.Emulator.Faults.Maintenance = [new EmulatedMaintenance("System upgrade", cli.Emulator.Now.AddMinutes(-20), end)];

        var run = await cli.DiagnoseWithConfigAsync(cli.Scenario("healthy-unified"), """{ "Bybit": { "RetryBaseDelay": "00:00:00.010" } }""", "--json");

        using var report = JsonDocument.Parse(run.Output);
        Assert.Equal(ExitCodes.CouldNotRun, run.ExitCode);
        Assert.Equal(("error", "maintenance"), (report.RootElement.GetProperty("verdict").GetString(), report.RootElement.GetProperty("couldNotRun").GetString()));
        var connectivity = Checks(report).Single(c => c.Id == "connectivity");
        Assert.Contains($"under maintenance until {end.UtcDateTime:HH:mm} UTC", connectivity.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_SixtyConfiguredSymbols_RefusedAtStartNamingTheCap()
    {
        var symbols = string.Join(",", Enumerable.Range(0, 60).Select(i => $"\"COIN{i}USDT\""));

        var run = await cli.DiagnoseWithConfigAsync(cli.Scenario("healthy-unified"), $$"""{ "Diagnostics": { "Symbols": [{{symbols}}] } }""", "--json");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("Diagnostics:Symbols lists 60 symbols; at most 40 are allowed", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task Diagnose_TooManySymbolsOnTheCommandLine_RefusedBeforeAnyRequest()
    {
        var account = cli.Scenario("healthy-unified");
        var before = cli.Emulator.Requests.Count;

        var run = await cli.DiagnoseAsync(account, "--symbols", string.Join(",", Enumerable.Range(0, 10_000).Select(i => $"C{i}USDT")));

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--symbols: 10000 symbols given; at most 40 are allowed", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, cli.Emulator.Requests.Count);
    }

    private const string SkippedUnreadable = "Skipped: Bybit's answer couldn't be read (see Connection to Bybit). This says nothing about your key.";

    private static List<(string Id, string Status, string Detail)> Checks(JsonDocument report) =>
        [.. report.RootElement.GetProperty("checks").EnumerateArray().Select(c => (
            c.GetProperty("id").GetString()!,
            c.GetProperty("status").GetString()!,
            c.GetProperty("detail").GetString()!))];
}
