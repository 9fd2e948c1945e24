using System.Diagnostics;
using System.Text.RegularExpressions;

namespace AstraBit.SupportBot.Benchmarks;

/// <summary>
/// Runs an emulator in its own process, so the figures measured here (allocations, memory) are the
/// bot's alone and not mixed with the emulator's Kestrel.
/// </summary>
internal sealed partial class EmulatorProcess : IAsyncDisposable
{
    private readonly Process _process;

    private EmulatorProcess(Process process, Uri baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public static async Task<EmulatorProcess> StartBybitAsync(TimeSpan latency)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "AstraBit.SupportBot.Emulators.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { dll, "bybit", "--port", "0", "--latency", $"{(int)latency.TotalMilliseconds}ms" })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the emulator.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            var match = Listening().Match(line);
            if (match.Success)
            {
                _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
                _ = process.StandardError.ReadToEndAsync(CancellationToken.None);
                return new EmulatorProcess(process, new Uri(match.Groups[1].Value));
            }
        }

        throw new InvalidOperationException("The emulator ended before it was listening: " + await process.StandardError.ReadToEndAsync(CancellationToken.None));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    [GeneratedRegex(@"listening on (http://\S+)")]
    private static partial Regex Listening();
}
