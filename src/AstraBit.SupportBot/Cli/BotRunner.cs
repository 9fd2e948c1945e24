namespace AstraBit.SupportBot.Cli;

/// <summary>Runs the bot until stopped.</summary>
public static class BotRunner
{
    public static Task<int> RunAsync(string? configFile, CliConsole console, CancellationToken cancellationToken)
    {
        _ = configFile;
        _ = cancellationToken;
        console.Error.WriteLine("The Discord bot is not wired yet.");
        return Task.FromResult(ExitCodes.CouldNotRun);
    }
}
