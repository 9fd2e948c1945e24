using System.Text.Json;
using AstraBit.SupportBot.Cli;

namespace AstraBit.SupportBot.Tests.Cli;

/// <summary>
/// `diagnose` end to end: the real command line, engine, Bybit client and adapter against the Bybit
/// emulator over HTTP, one scenario per check and status a member's key can be in.
/// </summary>
public sealed class DiagnoseCommandTests(CliHarness cli) : IClassFixture<CliHarness>
{
    public static TheoryData<string, int, string, string, string> Scenarios => new()
    {
        // scenario, exit code, verdict, check id, status of that check
        { "healthy-unified", ExitCodes.Ok, "pass", "api-key", "pass" },
        { "healthy-unified", ExitCodes.Ok, "pass", "connectivity", "pass" },
        { "healthy-unified", ExitCodes.Ok, "pass", "position-mode", "pass" },
        { "healthy-unified", ExitCodes.Ok, "pass", "balance", "pass" },
        { "healthy-unified", ExitCodes.Ok, "pass", "read-write", "pass" },
        { "healthy-unified", ExitCodes.Ok, "pass", "contract-trading", "pass" },
        { "healthy-unified", ExitCodes.Ok, "pass", "withdrawal", "pass" },
        { "healthy-unified", ExitCodes.Ok, "pass", "transfer", "pass" },
        { "healthy-unified", ExitCodes.Ok, "pass", "extra-permissions", "pass" },
        { "healthy-unified", ExitCodes.Ok, "pass", "account-type", "pass" },
        { "healthy-classic", ExitCodes.Ok, "warn", "balance", "pass" },
        { "healthy-classic", ExitCodes.Ok, "warn", "account-type", "warn" },
        { "copy-trading-lead", ExitCodes.Ok, "warn", "account-type", "warn" },
        { "isolated-margin", ExitCodes.Ok, "pass", "balance", "pass" },
        { "hedge-mode", ExitCodes.Failed, "fail", "position-mode", "fail" },
        { "withdrawal-enabled", ExitCodes.Failed, "fail", "withdrawal", "fail" },
        { "transfer-enabled", ExitCodes.Failed, "fail", "transfer", "fail" },
        { "read-only", ExitCodes.Failed, "fail", "read-write", "fail" },
        { "no-contract-trading", ExitCodes.Failed, "fail", "contract-trading", "fail" },
        { "extra-permissions", ExitCodes.Ok, "warn", "extra-permissions", "warn" },
        { "low-balance", ExitCodes.Failed, "fail", "balance", "fail" },
        { "below-recommended", ExitCodes.Ok, "warn", "balance", "warn" },
        { "funding-only", ExitCodes.Failed, "fail", "balance", "fail" },
        { "ip-bound", ExitCodes.Ok, "pass", "key-expiry", "pass" },
        { "expiring-soon", ExitCodes.Ok, "warn", "key-expiry", "warn" },
        { "expired", ExitCodes.Failed, "fail", "api-key", "fail" },
        { "expired", ExitCodes.Failed, "fail", "balance", "skip" },
        { "ip-mismatch", ExitCodes.Ok, "warn", "api-key", "warn" },
        { "ip-mismatch", ExitCodes.Ok, "warn", "position-mode", "skip" },
        { "sub-account", ExitCodes.Ok, "pass", "account-type", "pass" },
    };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Diagnose_Scenario_ReportsCheckStatusAndExitCode(string scenario, int exitCode, string verdict, string checkId, string status)
    {
        var run = await cli.DiagnoseAsync(scenario, "--json");

        using var report = JsonDocument.Parse(run.Output);
        Assert.Equal(exitCode, run.ExitCode);
        Assert.Equal(verdict, report.RootElement.GetProperty("verdict").GetString());
        var check = report.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("id").GetString() == checkId);
        Assert.Equal(status, check.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Diagnose_LocaleSpanish_WritesTheTextsInSpanishAndKeepsTheContractFields()
    {
        var english = await cli.DiagnoseAsync("withdrawal-enabled", "--json");
        var spanish = await cli.DiagnoseAsync("withdrawal-enabled", "--json", "--locale", "es-ES");

        using var englishReport = JsonDocument.Parse(english.Output);
        using var spanishReport = JsonDocument.Parse(spanish.Output);
        Assert.Equal((ExitCodes.Failed, ExitCodes.Failed), (english.ExitCode, spanish.ExitCode));
        var englishChecks = englishReport.RootElement.GetProperty("checks").EnumerateArray().ToList();
        var spanishChecks = spanishReport.RootElement.GetProperty("checks").EnumerateArray().ToList();
        Assert.Equal(
            englishChecks.Select(c => (c.GetProperty("id").GetString(), c.GetProperty("status").GetString())),
            spanishChecks.Select(c => (c.GetProperty("id").GetString(), c.GetProperty("status").GetString())));
        var withdrawal = spanishChecks.Single(c => c.GetProperty("id").GetString() == "withdrawal");
        Assert.Equal("Retiros desactivados", withdrawal.GetProperty("title").GetString());
        Assert.StartsWith("La clave puede retirar fondos.", withdrawal.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("**Withdrawal** (retiro)", withdrawal.GetProperty("fix").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ja")]
    [InlineData("es-419")]
    public async Task Diagnose_LocaleNotShipped_RefusedNamingTheShippedOnes(string locale)
    {
        var before = cli.Emulator.Requests.Count;

        var run = await cli.DiagnoseAsync("healthy-unified", "--locale", locale);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains($"--locale: '{locale}' is not a language the bot ships; use one of en-US, es-ES, pt-BR, ru, tr, vi, de, fr.", run.Error + run.Output, StringComparison.Ordinal);
        Assert.Equal(before, cli.Emulator.Requests.Count);
    }

    [Fact]
    public async Task Diagnose_Json_PrintsTheContractFieldsAndNothingElse()
    {
        var scenario = cli.Scenario("hedge-mode");

        var run = await cli.DiagnoseAsync(scenario, "--json");

        using var report = JsonDocument.Parse(run.Output);
        var root = report.RootElement;
        Assert.Equal(["verdict", "host", "apiKey", "account", "checks", "checkedAt", "durationMs"], root.EnumerateObject().Select(p => p.Name).Take(7));
        Assert.Equal("…" + scenario.ApiKey[^4..], root.GetProperty("apiKey").GetString());
        Assert.Equal(cli.Emulator.BaseUrl.ToString().TrimEnd('/'), root.GetProperty("host").GetString());
        Assert.Equal("unified", root.GetProperty("account").GetProperty("type").GetString());
        Assert.True(root.GetProperty("account").GetProperty("isMaster").GetBoolean());
        string[] ids = ["connectivity", "api-key", "read-write", "contract-trading", "withdrawal", "transfer", "extra-permissions", "position-mode", "balance", "account-type", "key-expiry"];
        Assert.Equal(ids.Order(), root.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("id").GetString()!).Order());
        var position = root.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "position-mode");
        Assert.Equal(["id", "status", "title", "detail", "fix", "guideStep"], position.EnumerateObject().Select(p => p.Name));
        Assert.Equal(5, position.GetProperty("guideStep").GetInt32());
        Assert.Contains("BTCUSDT", position.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("Z", root.GetProperty("checkedAt").GetString(), StringComparison.Ordinal);
        Assert.True(root.GetProperty("durationMs").GetInt64() >= 0);
    }

    [Fact]
    public async Task Diagnose_Human_PrintsOneLinePerCheckWithSymbolsAndTheFix()
    {
        var run = await cli.DiagnoseAsync("withdrawal-enabled");

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Contains("✗ withdrawal", run.Output, StringComparison.Ordinal);
        Assert.Contains("✓ connectivity", run.Output, StringComparison.Ordinal);
        Assert.Contains("Fix (guide step 3):", run.Output, StringComparison.Ordinal);
        Assert.Contains("Verdict: FAIL", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_HumanLocaleSpanish_TheTerminalLayoutInSpanish()
    {
        var run = await cli.DiagnoseAsync("withdrawal-enabled", "--locale", "es-ES");

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.StartsWith("Comprobación de la clave de Bybit …", run.Output, StringComparison.Ordinal);
        Assert.Contains("\nCuenta: ", run.Output, StringComparison.Ordinal);
        Assert.Contains("✗ withdrawal", run.Output, StringComparison.Ordinal);
        Assert.Contains("Retiros desactivados", run.Output, StringComparison.Ordinal);
        Assert.Contains("Solución (paso 3 de la guía):", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"\nResultado: FALLIDA · \d+ problemas?, \d+ avisos? · comprobado en [\d.]+ ms\n", run.Output);
        Assert.Contains("Leyenda: ✓ correcto  ! aviso  ✗ problema  - omitido", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Verdict", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Fix", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_KeyExpiringSoon_SaysWhenInWords()
    {
        var run = await cli.DiagnoseAsync("expiring-soon");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("! key-expiry", run.Output, StringComparison.Ordinal);
        Assert.Matches("in [45] days", run.Output);
    }

    [Fact]
    public async Task Diagnose_OpenHedgePositionOutsideChosenSymbols_StillFlagsIt()
    {
        var run = await cli.DiagnoseAsync("hedge-mode", "--json", "--symbols", "xrpusdt");

        using var report = JsonDocument.Parse(run.Output);
        var position = report.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "position-mode");
        Assert.Equal("fail", position.GetProperty("status").GetString());
        Assert.Contains("BTCUSDT", position.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains(cli.Emulator.Requests, r => r.Path == "/v5/position/list" && r.Query.Contains("symbol=XRPUSDT", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Diagnose_WrongSecret_FailsApiKeyWithSignatureExplanation()
    {
        var scenario = cli.Scenario("healthy-unified");

        var run = await cli.RunAsync(scenario.ApiKey, new string('Q', 36), ["diagnose", "--json", "--host", cli.Emulator.BaseUrl.ToString()]);

        using var report = JsonDocument.Parse(run.Output);
        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        var apiKey = report.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "api-key");
        Assert.Equal("fail", apiKey.GetProperty("status").GetString());
        Assert.Contains("secret", apiKey.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Diagnose_UnknownKey_FailsApiKeyMentioningEnvironment()
    {
        var run = await cli.RunAsync("AAAAAAAAAAAAAAAAAA", new string('B', 36), ["diagnose", "--json", "--host", cli.Emulator.BaseUrl.ToString()]);

        using var report = JsonDocument.Parse(run.Output);
        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.False(report.RootElement.TryGetProperty("account", out _));
        var apiKey = report.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "api-key");
        Assert.Equal("fail", apiKey.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Diagnose_PasteNoiseAroundKeyAndSecret_IsStrippedAndTheCheckRuns()
    {
        var scenario = cli.Scenario("healthy-unified");

        var run = await cli.RunAsync($"  API key: \"{scenario.ApiKey}\"\n", $"Secret: {scenario.ApiSecret}  ", ["diagnose", "--json", "--host", cli.Emulator.BaseUrl.ToString()]);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
    }

    [Fact]
    public async Task Diagnose_NoEnvironmentButTerminal_AsksWithHiddenPrompt()
    {
        var scenario = cli.Scenario("healthy-unified");
        var prompt = new ScriptedPrompt(scenario.ApiKey, scenario.ApiSecret);

        var run = await cli.RunAsync(null, null, ["diagnose", "--json", "--host", cli.Emulator.BaseUrl.ToString()], prompt);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Output + run.Error);
        Assert.Equal(2, prompt.Labels.Count);
        Assert.DoesNotContain(scenario.ApiSecret, run.Output + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_GeoBlocked_ExitsCouldNotRunWithConnectivityFail()
    {
        cli.Emulator.Faults.GeoBlocked = true;
        try
        {
            var run = await cli.DiagnoseAsync("healthy-unified", "--json");

            using var report = JsonDocument.Parse(run.Output);
            Assert.Equal(ExitCodes.CouldNotRun, run.ExitCode);
            Assert.Equal("error", report.RootElement.GetProperty("verdict").GetString());
            var connectivity = report.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "connectivity");
            Assert.Equal("fail", connectivity.GetProperty("status").GetString());
        }
        finally
        {
            cli.Emulator.Faults.GeoBlocked = false;
        }
    }

    [Fact]
    public async Task Diagnose_HostDown_ExitsCouldNotRun()
    {
        var scenario = cli.Scenario("healthy-unified");
        var closedPort = new Uri($"http://127.0.0.1:{FreePort()}/");

        var run = await cli.RunAsync(scenario.ApiKey, scenario.ApiSecret, ["diagnose", "--json", "--host", closedPort.ToString()]);

        using var report = JsonDocument.Parse(run.Output);
        Assert.Equal(ExitCodes.CouldNotRun, run.ExitCode);
        Assert.Equal("error", report.RootElement.GetProperty("verdict").GetString());
    }

    [Theory]
    [InlineData("--host", "ftp://example.com", "--host")]
    [InlineData("--region", "atlantis", "--region")]
    [InlineData("--symbols", "BTC", "--symbols")]
    public async Task Diagnose_BadOption_ExitsUsageNamingTheOption(string option, string value, string named)
    {
        var scenario = cli.Scenario("healthy-unified");
        var before = cli.Emulator.Requests.Count;

        var run = await cli.RunAsync(scenario.ApiKey, scenario.ApiSecret, ["diagnose", option, value]);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains(named, run.Error, StringComparison.Ordinal);
        Assert.Equal(before, cli.Emulator.Requests.Count);
    }

    [Fact]
    public async Task Diagnose_TwoHostChoices_ExitsUsage()
    {
        var run = await cli.RunAsync("AAAAAAAAAAAAAAAAAA", new string('B', 36), ["diagnose", "--testnet", "--demo"]);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("at most one", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_UnknownFlag_ExitsUsage()
    {
        var run = await cli.RunAsync(null, null, ["diagnose", "--api-secret", "x"]);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
    }

    [Theory]
    [InlineData("", "BX1KpeZUaLJ4d8jOCs4bWYTI6wLqeeHq1PkC", "API key")]
    [InlineData("0lR8acRYSi4MDF8kWC", "short", "API secret")]
    [InlineData("BX1KpeZUaLJ4d8jOCs4bWYTI6wLqeeHq1PkC", "0lR8acRYSi4MDF8kWC", "swapped")]
    [InlineData("0lR8acRY$i4MDF8kWC", "BX1KpeZUaLJ4d8jOCs4bWYTI6wLqeeHq1PkC", "API key")]
    public async Task Diagnose_BadCredentials_ExitsUsageBeforeAnyRequest(string key, string secret, string named)
    {
        var before = cli.Emulator.Requests.Count;

        var run = await cli.RunAsync(key, secret, ["diagnose", "--host", cli.Emulator.BaseUrl.ToString()], new ScriptedPrompt(key, secret));

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains(named, run.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, cli.Emulator.Requests.Count);
        if (secret.Length > 8)
        {
            Assert.DoesNotContain(secret, run.Error + run.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Diagnose_BadCredentialsWithLocale_SaysWhatIsWrongInThatLanguage()
    {
        var before = cli.Emulator.Requests.Count;

        var run = await cli.RunAsync("0lR8acRYSi4MDF8kWC", "short", ["diagnose", "--locale", "es-ES", "--host", cli.Emulator.BaseUrl.ToString()]);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("El secreto de la API tiene 5 caracteres, pero un secreto de API de Bybit suele tener 36 (se aceptan de 32 a 64).", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("characters long", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, cli.Emulator.Requests.Count);
    }

    [Fact]
    public async Task Diagnose_NoCredentialsAndNoTerminal_ExitsUsageNamingTheVariables()
    {
        var run = await cli.RunAsync(null, null, ["diagnose", "--host", cli.Emulator.BaseUrl.ToString()]);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains(DiagnoseCommand.KeyVariable, run.Error, StringComparison.Ordinal);
        Assert.Contains(DiagnoseCommand.SecretVariable, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_InvalidConfiguration_ExitsUsageNamingTheKey()
    {
        var file = Path.Combine(Path.GetTempPath(), $"supportbot-bad-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """{ "Diagnostics": { "MinimumBalanceUsd": -5 } }""");
        try
        {
            var scenario = cli.Scenario("healthy-unified");
            var run = await cli.RunAsync(scenario.ApiKey, scenario.ApiSecret, ["diagnose", "--config", file], withConfig: false);

            Assert.Equal(ExitCodes.Usage, run.ExitCode);
            Assert.Contains("Diagnostics:MinimumBalanceUsd", run.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Diagnose_EveryScenario_NeverShowsTheSecretAndOnlySendsGets()
    {
        foreach (var name in Emulators.Bybit.BybitScenarios.Names)
        {
            var scenario = cli.Scenario(name);
            foreach (var json in new[] { true, false })
            {
                var run = await cli.DiagnoseAsync(scenario, json ? ["--json"] : []);

                Assert.DoesNotContain(scenario.ApiSecret, run.Output, StringComparison.Ordinal);
                Assert.DoesNotContain(scenario.ApiSecret, run.Error, StringComparison.Ordinal);
                Assert.DoesNotContain(scenario.ApiKey, run.Output, StringComparison.Ordinal);
            }
        }

        Assert.NotEmpty(cli.Emulator.Requests);
        Assert.All(cli.Emulator.Requests, r => Assert.Equal("GET", r.Method));
        Assert.Empty(cli.Emulator.Violations);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
