using System.Text.Json;
using System.Text.RegularExpressions;
using AstraBit.SupportBot.Cli;
using AstraBit.SupportBot.Tests.Cli;
using AstraBit.SupportBot.Tests.Doctor;

namespace AstraBit.SupportBot.Tests.Hosting;

/// <summary>
/// The bot's own executable does what the in-process tests prove, with the same result: the parts a trimmed Native AOT
/// build could lose without a compiler error (configuration binding and checking, source-generated JSON for Bybit's
/// answers and the report, the error catalogue and guide read from config/ beside the program, HTTP and TLS set-up).
/// In the normal run this is the JIT build; CI runs these again with <see cref="BotExecutable.OtherBotVariable"/> set
/// to the Native AOT publish that ships.
/// </summary>
[Trait("Bot", "Process")]
public sealed partial class ShippedBuildTests(CliHarness cli) : IClassFixture<CliHarness>
{
    [Theory]
    [InlineData("healthy-unified", ExitCodes.Ok)]
    [InlineData("hedge-mode", ExitCodes.Failed)]
    [InlineData("withdrawal-enabled", ExitCodes.Failed)]
    [InlineData("expired", ExitCodes.Failed)]
    public async Task Diagnose_Json_SameVerdictChecksAndFixesAsInProcess(string scenario, int exitCode)
    {
        var account = cli.Scenario(scenario);
        var inProcess = await cli.DiagnoseAsync(account, "--json");

        var (exit, output, error) = await BotExecutable.RunAsync(
            Path.GetTempPath(),
            new Dictionary<string, string?> { [DiagnoseCommand.KeyVariable] = account.ApiKey, [DiagnoseCommand.SecretVariable] = account.ApiSecret },
            "diagnose", "--host", cli.Emulator.BaseUrl.ToString(), "--json");

        Assert.True(exit == exitCode, $"exit {exit}\n{output}\n{error}");
        Assert.Equal(inProcess.ExitCode, exit);
        Assert.Equal(Summary(inProcess.Output), Summary(output));
    }

    [Fact]
    public async Task Diagnose_HumanReport_NamesTheFixFromTheErrorCatalogue()
    {
        var account = cli.Scenario("hedge-mode");

        var (exit, output, _) = await BotExecutable.RunAsync(
            Path.GetTempPath(),
            new Dictionary<string, string?> { [DiagnoseCommand.KeyVariable] = account.ApiKey, [DiagnoseCommand.SecretVariable] = account.ApiSecret },
            "diagnose", "--host", cli.Emulator.BaseUrl.ToString());

        var inProcess = await cli.DiagnoseAsync(account);
        Assert.Equal(ExitCodes.Failed, exit);
        Assert.Contains("One-Way", output, StringComparison.Ordinal);
        Assert.Equal(Lines(inProcess.Output), Lines(output));
    }

    [Fact]
    public async Task Start_BrokenConfiguration_SameLinesAndExitCodeAsInProcess()
    {
        using var bot = new BotStart();
        bot.Settings["Discord:GuildId"] = "my server";
        bot.Settings["Bybit:Timeout"] = "ten seconds";
        bot.Settings["Bybit:RecvWindow"] = "00:05:00";
        bot.Settings["Diagnostics:MinimumBalanceUsd"] = "lots";
        bot.Settings["Limits:BybitRequests"] = "1000";
        bot.Settings["Tickets:EscalateAfter"] = "00:00:00";
        bot.Settings["Storage:BackupCopies"] = "seven";
        bot.Settings["Logging:Format"] = "xml";
        bot.Settings["Guide:SupportEmail"] = "support";
        var inProcess = await bot.RunAsync();

        var (exit, output, error) = await bot.RunProcessAsync("--config", bot.ConfigFile);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Equal(ExitCodes.Usage, inProcess.ExitCode);
        Assert.Equal(9, inProcess.ErrorLines.Count);
        Assert.Equal(inProcess.ErrorLines, error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Equal("", output.Trim());
    }

    [Fact]
    public async Task Doctor_AgainstTheEmulators_SameChecksAsInProcess()
    {
        await using var doctor = await DoctorHarness.StartAsync();
        var inProcess = await doctor.RunAsync("--json");

        var (exit, output, error) = await BotExecutable.RunAsync(doctor.Folder, environment: null, "doctor", "--json", "--config", doctor.ConfigFile);

        Assert.True(exit == ExitCodes.Ok, $"exit {exit}\n{output}\n{error}");
        Assert.Equal(DoctorSummary(inProcess.Output), DoctorSummary(output));
    }

    /// <summary>The verdict, then each check's id, status and fix: what a member or staff acts on.</summary>
    private static string[] Summary(string json)
    {
        using var report = JsonDocument.Parse(json);
        var root = report.RootElement;
        return
        [
            root.GetProperty("verdict").GetString()!,
            .. root.GetProperty("checks").EnumerateArray().Select(c =>
                $"{c.GetProperty("id").GetString()} {c.GetProperty("status").GetString()} {(c.TryGetProperty("fix", out var fix) ? fix.GetString() : "")}"),
        ];
    }

    private static string[] DoctorSummary(string json)
    {
        using var report = JsonDocument.Parse(json);
        return [.. report.RootElement.GetProperty("checks").EnumerateArray().Select(c => $"{c.GetProperty("id").GetString()} {c.GetProperty("status").GetString()}")];
    }

    /// <summary>The report's lines, with how long the check took (the verdict line's end) left out.</summary>
    private static string[] Lines(string text) =>
        [.. text.Split('\n', StringSplitOptions.TrimEntries).Select(l => CheckedIn().Replace(l, "checked in … ms"))];

    [GeneratedRegex(@"checked in [\d,.\u00a0\u202f ]*\d ms")]
    private static partial Regex CheckedIn();
}
