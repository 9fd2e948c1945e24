using System.CommandLine;
using System.Globalization;
using AstraBit.SupportBot.Hosting;

namespace AstraBit.SupportBot.Cli;

/// <summary>
/// `health`: exit 0 when the running bot recorded recent signs of life (gateway READY, a heartbeat ACK within two
/// minutes, Discord's REST API not failing for as long), 1 otherwise, with one line saying which. It reads the health
/// file the bot writes beside its data file, so it needs no network and works as the container's HEALTHCHECK.
/// </summary>
public static class HealthCommand
{
    public static Command Create(Option<string?> configOption, CliConsole console)
    {
        var command = new Command("health", "Exit 0 when the running bot is connected to Discord and recently heard from it, 1 otherwise (for HEALTHCHECK and monitors).");
        command.SetAction((parse, _) => RunAsync(parse.GetValue(configOption), console, TimeProvider.System));
        return command;
    }

    public static async Task<int> RunAsync(string? configFile, CliConsole console, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(clock);
        string file;
        try
        {
            file = BotLiveness.FileFor(SupportBotHost.DataFilePath(SupportBotHost.LoadConfiguration(configFile)));
        }
        catch (Exception ex) when (ex is ConfigurationFileException or InvalidDataException or FormatException)
        {
            // Docker reserves exit code 2 in health checks: every failure here is 1.
            await console.Out.WriteLineAsync($"unhealthy: the configuration can't be read ({ex.Message})");
            return ExitCodes.Failed;
        }

        var snapshot = BotLiveness.Read(file);
        if (snapshot is null)
        {
            await console.Out.WriteLineAsync($"unhealthy: no health file at {file}; the bot is not running, or runs with another Storage:Path");
            return ExitCodes.Failed;
        }

        var now = clock.GetUtcNow();
        if (snapshot.Problem(now) is { } problem)
        {
            await console.Out.WriteLineAsync($"unhealthy: {problem}");
            return ExitCodes.Failed;
        }

        var lastAck = snapshot.LastHeartbeatAckAt ?? snapshot.ReadyAt ?? snapshot.WrittenAt;
        await console.Out.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"healthy: gateway ready, last heartbeat ACK {(now - lastAck).TotalSeconds:0} s ago, last REST success {(snapshot.LastRestSuccessAt is { } rest ? $"{(now - rest).TotalSeconds:0} s ago" : "none yet")} (process {snapshot.ProcessId})"));
        return ExitCodes.Ok;
    }
}
