using System.Diagnostics;
using System.Globalization;

namespace AstraBit.SupportBot.Storage.Tests;

/// <summary>The crash writer (AstraBit.SupportBot.Storage.CrashWriter) as a child process, killed mid-write.</summary>
internal static class CrashWriterProcess
{
    // Waits for this many confirmations from this run (not a ticket number: a ticket written but not yet reported
    // when the previous run was killed takes a number too), then kills the writer.
    public static async Task<IReadOnlyList<int>> RunAndKillAsync(string path, int confirmationsBeforeKill, TimeSpan limit)
    {
        var writer = Path.Combine(AppContext.BaseDirectory, "AstraBit.SupportBot.Storage.CrashWriter.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(writer);
        start.ArgumentList.Add(path);

        using var timeout = new CancellationTokenSource(limit);
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        var numbers = new List<int>();
        try
        {
            while (numbers.Count < confirmationsBeforeKill)
            {
                var line = await process.StandardOutput.ReadLineAsync(timeout.Token)
                    ?? throw new InvalidOperationException($"The writer stopped on its own: {await errors}");
                numbers.Add(int.Parse(line, CultureInfo.InvariantCulture));
            }
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(timeout.Token);
        }

        // Whatever it printed before dying was committed too.
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } rest)
        {
            if (int.TryParse(rest, CultureInfo.InvariantCulture, out var number))
            {
                numbers.Add(number);
            }
        }

        return numbers;
    }
}
