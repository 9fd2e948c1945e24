using AstraBit.SupportBot.Cli;
using AstraBit.SupportBot.Emulators.Bybit;

namespace AstraBit.SupportBot.Tests.Cli;

/// <summary>Runs the real command line in-process against a Bybit emulator, capturing both streams.</summary>
public sealed class CliHarness : IAsyncLifetime
{
    private string _configFile = "";
    private int _copies;

    public BybitEmulator Emulator { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        // The whole class shares one emulator and runs about 80 checks in a few seconds; Bybit's per-IP limit
        // (600 per 5 s) is not what these tests are about, so it is lifted here.
        Emulator = await BybitEmulator.StartAsync(new BybitEmulatorOptions { IpRateLimit = 1_000_000 });
        // Short retry back-off and timeout so outage tests stay fast; everything else is the shipped default.
        _configFile = Path.Combine(Path.GetTempPath(), $"supportbot-cli-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(_configFile, """
            { "Bybit": { "RetryBaseDelay": "00:00:00.010", "Timeout": "00:00:02" } }
            """);
    }

    public async ValueTask DisposeAsync()
    {
        File.Delete(_configFile);
        await Emulator.DisposeAsync();
    }

    /// <summary>
    /// A fresh copy of a catalogue account under a new key, so tests never share Bybit's per-key rate
    /// limits (query-api allows 10 calls a second per account UID) and can change it freely.
    /// </summary>
    public BybitAccountScenario Scenario(string name)
    {
        var n = Interlocked.Increment(ref _copies);
        var copy = Emulator.Scenario(name) with
        {
            Name = $"{name}#{n}",
            Uid = 900_000_000 + n,
            ApiKey = RandomAlphanumeric(18),
            ApiSecret = RandomAlphanumeric(36),
        };
        Emulator.Accounts[copy.ApiKey] = copy;
        return copy;
    }

    public Task<CliRun> DiagnoseAsync(string scenario, params string[] args) => DiagnoseAsync(Scenario(scenario), args);

    /// <summary>Runs diagnose with a configuration of its own (JSON), e.g. short deadlines.</summary>
    public async Task<CliRun> DiagnoseWithConfigAsync(BybitAccountScenario account, string configJson, params string[] args)
    {
        var file = Path.Combine(Path.GetTempPath(), $"supportbot-cli-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, configJson);
        try
        {
            return await RunAsync(account.ApiKey, account.ApiSecret, ["diagnose", "--host", Emulator.BaseUrl.ToString(), .. args, "--config", file], withConfig: false);
        }
        finally
        {
            File.Delete(file);
        }
    }

    public Task<CliRun> DiagnoseAsync(BybitAccountScenario account, params string[] args)
    {
        return RunAsync(account.ApiKey, account.ApiSecret, ["diagnose", "--host", Emulator.BaseUrl.ToString(), .. args]);
    }

    public async Task<CliRun> RunAsync(string? key, string? secret, string[] args, ISecretPrompt? prompt = null, bool withConfig = true)
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [DiagnoseCommand.KeyVariable] = key,
            [DiagnoseCommand.SecretVariable] = secret,
        };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = new CliConsole(output, error, name => environment.GetValueOrDefault(name), prompt);
        string[] fullArgs = withConfig ? [.. args, "--config", _configFile] : args;
        var exitCode = await SupportBotCommandLine.InvokeAsync(fullArgs, console);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    internal static string RandomAlphanumeric(int length) =>
        System.Security.Cryptography.RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", length);
}

public sealed record CliRun(int ExitCode, string Output, string Error);

public sealed class ScriptedPrompt(params string[] answers) : ISecretPrompt
{
    private readonly Queue<string> _answers = new(answers);

    public List<string> Labels { get; } = [];

    public string? ReadHidden(string label)
    {
        Labels.Add(label);
        return _answers.Count > 0 ? _answers.Dequeue() : null;
    }
}
