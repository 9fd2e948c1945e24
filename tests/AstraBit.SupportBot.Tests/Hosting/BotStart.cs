using System.Globalization;
using System.Text.Json;
using AstraBit.SupportBot.Cli;
using AstraBit.SupportBot.Emulators.Discord;
using AstraBit.SupportBot.Hosting;
using Microsoft.Extensions.Hosting;

namespace AstraBit.SupportBot.Tests.Hosting;

/// <summary>
/// The bot started in-process as `dotnet run` starts it (a --config file and BotRunner), with a folder of its own
/// for the data file and the configuration. The settings are complete and valid until a test changes them.
/// </summary>
public sealed class BotStart : IDisposable
{
    public BotStart()
    {
        Folder = Directory.CreateTempSubdirectory("supportbot-host-").FullName;
        Settings = new Dictionary<string, object?>
        {
            ["Discord:Token"] = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.GzEmu1.a-well-formed-token-for-tests",
            ["Discord:ApiBaseUrl"] = "http://127.0.0.1:9/api/v10",
            ["Discord:GatewayUrl"] = "ws://127.0.0.1:9/",
            ["Discord:GuildId"] = "1100000000000000003",
            ["Discord:SupportChannelId"] = "1200000000000000001",
            ["Discord:StaffChannelId"] = "1200000000000000002",
            ["Discord:LogChannelId"] = "1200000000000000003",
            ["Discord:SupportRoleIds"] = new[] { "1300000000000000001" },
            ["Storage:Path"] = DataFile,
            ["Guide:ReferralUrl"] = "https://www.bybit.com/invite?ref=ASTRABIT",
            ["Guide:SupportEmail"] = "support@astrabit.example",
            ["Logging:MinimumLevel"] = "Verbose",
        };
    }

    public string Folder { get; }

    public string DataFile => Path.Combine(Folder, "data", "supportbot.db");

    public string ConfigFile => Path.Combine(Folder, "settings.json");

    public Dictionary<string, object?> Settings { get; }

    public StringWriter Logs { get; } = new();

    /// <summary>Writes the settings to <see cref="ConfigFile"/> and runs the bot until it exits or <paramref name="stop"/> fires.</summary>
    public async Task<StartRun> RunAsync(Action<HostApplicationBuilder>? configure = null, CancellationToken stop = default, BotClocks? clocks = null)
    {
        WriteConfig();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = new CliConsole(output, error, _ => null, Prompt: null);
        var exit = await BotRunner.RunAsync(ConfigFile, console, configure, stop, TextWriter.Synchronized(Logs), clocks: clocks);
        return new StartRun(exit, error.ToString(), Logs.ToString());
    }

    /// <summary>Runs the bot as its own process with <paramref name="arguments"/>, as an operator would (see <see cref="BotExecutable"/>).</summary>
    public Task<(int Exit, string Output, string Error)> RunProcessAsync(params string[] arguments) =>
        BotExecutable.RunAsync(Folder, environment: null, arguments);

    public void WriteConfig() => File.WriteAllText(ConfigFile, ToJson(Settings));

    /// <summary>Points the settings at <paramref name="discord"/>, with a support, a staff and a log channel there; returns the staff channel.</summary>
    public ulong UseDiscord(DiscordEmulator discord)
    {
        var staff = discord.Rest.AddTextChannel("staff");
        Settings["Discord:Token"] = discord.Options.Token;
        Settings["Discord:ApiBaseUrl"] = discord.ApiBaseUrl.ToString();
        Settings["Discord:GatewayUrl"] = discord.GatewayUrl.ToString();
        Settings["Discord:GuildId"] = discord.Options.GuildId.ToString(CultureInfo.InvariantCulture);
        Settings["Discord:SupportChannelId"] = discord.Rest.AddTextChannel("support").ToString(CultureInfo.InvariantCulture);
        Settings["Discord:StaffChannelId"] = staff.ToString(CultureInfo.InvariantCulture);
        Settings["Discord:LogChannelId"] = discord.Rest.AddTextChannel("support-log").ToString(CultureInfo.InvariantCulture);
        return staff;
    }

    /// <summary>The `health` verb on this bot's configuration, at <paramref name="clock"/>'s time: its exit code and line.</summary>
    public async Task<(int Exit, string Line)> HealthAsync(TimeProvider clock)
    {
        using var output = new StringWriter();
        var exit = await HealthCommand.RunAsync(ConfigFile, new CliConsole(output, TextWriter.Null, _ => null, null), clock);
        return (exit, output.ToString().Trim());
    }

    public void Dispose()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }

    private static string ToJson(Dictionary<string, object?> flat)
    {
        var root = new Dictionary<string, object?>();
        foreach (var (key, value) in flat)
        {
            var parts = key.Split(':');
            var node = root;
            foreach (var part in parts[..^1])
            {
                if (!node.TryGetValue(part, out var child) || child is not Dictionary<string, object?> childNode)
                {
                    childNode = [];
                    node[part] = childNode;
                }

                node = childNode;
            }

            node[parts[^1]] = value;
        }

        return JsonSerializer.Serialize(root);
    }
}

public sealed record StartRun(int ExitCode, string Error, string Logs)
{
    public IReadOnlyList<string> ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
