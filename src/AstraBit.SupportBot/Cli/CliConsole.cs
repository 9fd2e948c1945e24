namespace AstraBit.SupportBot.Cli;

/// <summary>
/// What a command-line verb may touch of its surroundings. The real program passes the process's
/// console and environment; tests pass writers and a dictionary, and run the verb in-process.
/// </summary>
public sealed record CliConsole(
    TextWriter Out,
    TextWriter Error,
    Func<string, string?> GetEnvironmentVariable,
    ISecretPrompt? Prompt)
{
    public static CliConsole FromProcess() => new(
        Console.Out,
        Console.Error,
        Environment.GetEnvironmentVariable,
        Console.IsInputRedirected ? null : new ConsoleSecretPrompt());
}

/// <summary>Asks for a value without echoing it (the API secret must not land on screen or in scroll-back).</summary>
public interface ISecretPrompt
{
    string? ReadHidden(string label);
}

internal sealed class ConsoleSecretPrompt : ISecretPrompt
{
    public string? ReadHidden(string label)
    {
        // Prompts go to standard error so `--json` output on standard output stays the report alone.
        Console.Error.Write(label);
        var buffer = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                break;
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (buffer.Length > 0)
                {
                    buffer.Length--;
                }

                continue;
            }

            if (!char.IsControl(key.KeyChar))
            {
                buffer.Append(key.KeyChar);
            }
        }

        Console.Error.WriteLine();
        return buffer.ToString();
    }
}
