using System.Diagnostics;

namespace AstraBit.SupportBot.Tests.Hosting;

/// <summary>
/// The bot as its own process, started as an operator starts it: this build's AstraBit.SupportBot.dll with
/// <c>dotnet</c>, or the executable <see cref="OtherBotVariable"/> names. CI sets that to the Native AOT publish (the
/// build that ships) and runs the tests marked <c>[Trait("Bot", "Process")]</c> again against it.
/// </summary>
public static class BotExecutable
{
    public const string OtherBotVariable = "SUPPORTBOT_TEST_BOT";

    public static async Task<(int Exit, string Output, string Error)> RunAsync(
        string workingDirectory, IReadOnlyDictionary<string, string?>? environment, params string[] arguments)
    {
        var other = Environment.GetEnvironmentVariable(OtherBotVariable) is { Length: > 0 } path ? path : null;
        var start = new ProcessStartInfo(other ?? "dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = workingDirectory };
        if (other is null)
        {
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "AstraBit.SupportBot.dll"));
        }

        // Tiered compilation on whatever the runtimeconfig says, for this short run: a runtime knob, no behaviour changes.
        start.Environment["DOTNET_TieredCompilation"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[key] = value;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException)
        {
            // A bot that hangs fails its test; it must not outlive the test run.
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output, await error);
    }
}
