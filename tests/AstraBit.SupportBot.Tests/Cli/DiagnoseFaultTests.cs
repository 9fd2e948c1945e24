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

    public static TheoryData<string, string, string, string, string> OutOfDomain => new()
    {
        // scenario, path, field of Bybit's real answer, the JSON it is set to (outside bybit-v5.md's domain), the check it would judge
        { "healthy-unified", "/v5/user/query-api", "permissions.ContractTrade", "null", "contract-trading" },
        { "healthy-unified", "/v5/user/query-api", "permissions.Wallet", "[null]", "withdrawal" },
        { "healthy-unified", "/v5/user/query-api", "readOnly", "7", "read-write" },
        { "healthy-unified", "/v5/user/query-api", "readOnly", "-1", "read-write" },
        { "expiring-soon", "/v5/user/query-api", "expiredAt", "\"9999-12-31T00:00:00Z\"", "key-expiry" },
        { "healthy-unified", "/v5/position/list", "list[].positionIdx", "7", "position-mode" },
        { "healthy-unified", "/v5/position/list", "list[].positionIdx", "-1", "position-mode" },
    };

    [Theory]
    [MemberData(nameof(OutOfDomain))]
    public async Task Diagnose_ValueOutsideBybitsDocumentedDomain_AffectedCheckSkippedVerdictError(string scenario, string path, string field, string json, string affected)
    {
        cli.Emulator.Faults.FieldOverrides[(path, field)] = json;

        var run = await cli.DiagnoseAsync(scenario, "--json");

        using var report = JsonDocument.Parse(run.Output);
        Assert.Equal(ExitCodes.CouldNotRun, run.ExitCode);
        // Hosts open tickets for verdict fail only; error with couldNotRun=unreadable never opens one.
        Assert.Equal(("error", "unreadable"), (report.RootElement.GetProperty("verdict").GetString(), report.RootElement.GetProperty("couldNotRun").GetString()));
        var checks = Checks(report);
        Assert.Equal(("skip", SkippedUnreadable), checks.Where(c => c.Id == affected).Select(c => (c.Status, c.Detail)).Single());
        Assert.DoesNotContain(checks, c => c.Status == "fail" && c.Id != "connectivity");
        Assert.StartsWith("Bybit's answer couldn't be read", checks.Single(c => c.Id == "connectivity").Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("healthy-unified", "/v5/user/query-api", "readOnly", "1", "read-write")]
    [InlineData("healthy-unified", "/v5/user/query-api", "permissions.ContractTrade", "[\"Order\"]", "contract-trading")]
    [InlineData("healthy-unified", "/v5/position/list", "list[].positionIdx", "1", "position-mode")]
    [InlineData("expiring-soon", "/v5/user/query-api", "expiredAt", "\"1970-01-01T00:00:00Z\"", "key-expiry")]
    public async Task Diagnose_SameFieldWithADocumentedValue_StillJudged(string scenario, string path, string field, string json, string affected)
    {
        // The rows above, with a value inside the domain: the answer is read and judged, so they fail for their value alone.
        cli.Emulator.Faults.FieldOverrides[(path, field)] = json;

        var run = await cli.DiagnoseAsync(scenario, "--json");

        using var report = JsonDocument.Parse(run.Output);
        Assert.NotEqual("skip", Checks(report).Single(c => c.Id == affected).Status);
        Assert.NotEqual("error", report.RootElement.GetProperty("verdict").GetString());
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
        Assert.Contains($"under maintenance until {end.UtcDateTime:yyyy-MM-dd HH:mm} UTC", connectivity.Detail, StringComparison.Ordinal);
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
