using System.CommandLine;

namespace AstraBit.SupportBot.Cli;

/// <summary>
/// The program's verbs. With no verb it runs the bot; `diagnose` runs the key check in the terminal.
/// Parse errors exit with 2 (usage), as PRODUCT.md §5 asks, rather than System.CommandLine's default 1.
/// </summary>
public static class SupportBotCommandLine
{
    public static RootCommand Create(CliConsole console)
    {
        var config = new Option<string?>("--config")
        {
            Description = "A JSON configuration file (keys as in appsettings.example.json). Environment variables still win.",
            Recursive = true,
        };

        var root = new RootCommand("AstraBit Support Bot: the Discord bot that walks members through connecting Bybit and checks their API key.")
        {
            config,
        };
        root.Subcommands.Add(DiagnoseCommand.Create(config, console));
        root.Subcommands.Add(StatsCommand.Create(config, console));
        root.SetAction((parse, cancellationToken) => BotRunner.RunAsync(parse.GetValue(config), console, cancellationToken));
        return root;
    }

    public static async Task<int> InvokeAsync(string[] args, CliConsole console)
    {
        var parse = Create(console).Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await console.Error.WriteLineAsync(error.Message);
            }

            await console.Error.WriteLineAsync("Run with --help for usage.");
            return ExitCodes.Usage;
        }

        return await parse.InvokeAsync(new InvocationConfiguration { Output = console.Out, Error = console.Error });
    }
}
