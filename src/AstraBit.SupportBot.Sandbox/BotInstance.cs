using AstraBit.SupportBot.Cli;
using AstraBit.SupportBot.Emulators.Discord;
using AstraBit.SupportBot.Hosting;

namespace AstraBit.SupportBot.Sandbox;

/// <summary>
/// The real bot, run in this process the way `dotnet run` runs it (configuration file + BotRunner), with the
/// ticket timers and the key memory on the sandbox clock. Its configuration file is its only source: nothing from the
/// operator's environment (Discord__Token, Storage__Path, …) reaches it. Restarted when the guide or the error texts change.
/// </summary>
public sealed class BotInstance(string configFile, SandboxClock clock, DiscordEmulator discord, TextWriter log) : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private readonly StringWriter _startErrors = new();
    private CancellationTokenSource _stop = new();
    private Task<int> _run = Task.FromResult(0);

    /// <summary>"starting", "running", "restarting" or why it stopped.</summary>
    public string Status { get; private set; } = "starting";

    public event Action? StatusChanged;

    /// <summary>Starts the bot; returns once it registered its commands.</summary>
    /// <exception cref="InvalidOperationException">The bot stopped before it was ready, with what it printed.</exception>
    public async Task StartAsync()
    {
        var launchedAt = DateTimeOffset.UtcNow;
        _startErrors.GetStringBuilder().Clear();
        var console = new CliConsole(TextWriter.Null, _startErrors, _ => null, Prompt: null);
        var stop = _stop.Token;
        _run = Task.Run(() => BotRunner.RunAsync(configFile, console, configure: null, stop, log, configFileOnly: true, clocks: BotClocks.WithSupport(clock)));
        var registered = discord.Rest.WaitForRequestAsync(r => r.Route == DiscordRestRoutes.BulkOverwriteGuildCommands && r.ReceivedAt >= launchedAt, StartTimeout);
        if (await Task.WhenAny(registered, _run) == _run)
        {
            SetStatus($"stopped (exit {await _run})");
            throw new InvalidOperationException($"The bot stopped (exit {await _run}) before it was ready:\n{_startErrors}");
        }

        await registered;
        SetStatus("running");
    }

    /// <summary>Stops the bot and starts a new one on the same data file, as after a deploy.</summary>
    public async Task RestartAsync()
    {
        SetStatus("restarting");
        await StopAsync();
        _stop.Dispose();
        _stop = new CancellationTokenSource();
        await StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    private async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _run.WaitAsync(StartTimeout);
    }

    private void SetStatus(string status)
    {
        Status = status;
        StatusChanged?.Invoke();
    }
}
