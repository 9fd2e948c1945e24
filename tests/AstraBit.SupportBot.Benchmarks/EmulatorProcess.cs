using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace AstraBit.SupportBot.Benchmarks;

/// <summary>
/// The Bybit emulator in its own process, so the figures measured here (allocations, memory) are the bot's
/// alone and not mixed with the emulator's Kestrel. With <c>--clones</c> it also hands out that many accounts
/// with their own keys; <see cref="StatsAsync"/> asks it for its counts through standard input.
/// </summary>
internal sealed partial class EmulatorProcess : IAsyncDisposable
{
    private readonly Process _process;

    private EmulatorProcess(Process process, Uri baseUrl, IReadOnlyList<(string Key, string Secret)> clones)
    {
        _process = process;
        BaseUrl = baseUrl;
        Clones = clones;
    }

    public Uri BaseUrl { get; }

    /// <summary>Key and secret of each clone of healthy-unified (empty without <c>clones</c>).</summary>
    public IReadOnlyList<(string Key, string Secret)> Clones { get; }

    public static async Task<EmulatorProcess> StartBybitAsync(TimeSpan latency, int clones = 0)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "AstraBit.SupportBot.Emulators.dll"), "bybit", "--port", "0",
            "--latency", string.Create(CultureInfo.InvariantCulture, $"{(int)latency.TotalMilliseconds}ms"),
            "--clones", clones.ToString(CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the Bybit emulator.");
        var errors = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        Uri? baseUrl = null;
        var accounts = new List<(string, string)>();
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (Listening().Match(line) is { Success: true } listening)
            {
                baseUrl = new Uri(listening.Groups[1].Value);
            }
            else if (Clone().Match(line) is { Success: true } clone)
            {
                accounts.Add((clone.Groups[1].Value, clone.Groups[2].Value));
            }
            else if (line.StartsWith("Press Ctrl+C", StringComparison.Ordinal) && baseUrl is not null)
            {
                return new EmulatorProcess(process, baseUrl, accounts);
            }
        }

        throw new InvalidOperationException("The Bybit emulator ended before it was ready: " + await errors);
    }

    public async Task<BybitStats> StatsAsync()
    {
        await _process.StandardInput.WriteLineAsync("stats");
        await _process.StandardInput.FlushAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await _process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (Stats().Match(line) is { Success: true } m)
            {
                int Group(int i) => int.Parse(m.Groups[i].Value, CultureInfo.InvariantCulture);
                return new BybitStats(Group(1), Group(2), Group(3), Group(4));
            }
        }

        throw new InvalidOperationException("The Bybit emulator ended without answering \"stats\".");
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

    [GeneratedRegex(@"^clone \S+ (\S+) (\S+) \d+$")]
    private static partial Regex Clone();

    [GeneratedRegex(@"^stats requests=(\d+) peak-ip-requests-per-window=(\d+) http-403=(\d+) retcode-10006=(\d+)")]
    private static partial Regex Stats();
}

internal sealed record BybitStats(int Requests, int PeakPerWindow, int Http403, int RetCode10006);
