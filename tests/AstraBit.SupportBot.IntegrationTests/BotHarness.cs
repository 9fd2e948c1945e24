using System.Text;
using System.Text.Json;
using AstraBit.SupportBot.Cli;
using AstraBit.SupportBot.Emulators.Bybit;
using AstraBit.SupportBot.Emulators.Discord;
using AstraBit.SupportBot.Hosting;
using Microsoft.Extensions.Hosting;

namespace AstraBit.SupportBot.IntegrationTests;

/// <summary>
/// The real bot host, started the way `dotnet run` starts it (configuration file + BotRunner), against
/// the Discord and Bybit emulators on loopback. Logs are captured so tests can search them for secrets.
/// </summary>
public sealed class BotHarness : IAsyncDisposable
{
    public const ulong SupportRoleId = 1_300_000_000_000_000_001;
    public const ulong ModeratorRoleId = 1_300_000_000_000_000_002;
    // The most a test waits for something the bot does (never a pause: waits end as soon as it happens). Generous, since
    // CI runs the test assemblies side by side with the browser tests on two cores.
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(40);

    /// <summary>The name every integration test's data folder starts with; the harness deletes such a folder when it is disposed.</summary>
    public const string DataFolderPrefix = "supportbot-it-";

    private CancellationTokenSource _stop = new();
    private readonly StringWriter _logs = new(new StringBuilder());

    // The bot writes through this wrapper, whose methods lock the wrapper itself; reading the logs takes the same lock,
    // or a read while the bot logs (its background writers do, at any time) can tear the builder.
    private readonly TextWriter _logWriter;
    private readonly StringWriter _console = new();
    private readonly string _configFile;
    private readonly string? _dataFolder;
    private readonly TimeProvider? _supportClock;
    private readonly Action<HostApplicationBuilder>? _configureHost;

    private BotHarness(DiscordEmulator discord, BybitEmulator bybit, string configFile, string? dataFolder, (ulong Support, ulong Staff, ulong Log) channels, TimeProvider? supportClock, Action<HostApplicationBuilder>? configureHost)
    {
        _logWriter = TextWriter.Synchronized(_logs);
        _dataFolder = dataFolder;
        _supportClock = supportClock;
        _configureHost = configureHost;
        Discord = discord;
        Bybit = bybit;
        _configFile = configFile;
        (SupportChannelId, StaffChannelId, LogChannelId) = channels;
    }

    /// <summary>The support channel (tickets are private threads in it), created in the emulator.</summary>
    public ulong SupportChannelId { get; }

    /// <summary>Where staff are told about new tickets.</summary>
    public ulong StaffChannelId { get; }

    /// <summary>Where transcripts go.</summary>
    public ulong LogChannelId { get; }

    public DiscordEmulator Discord { get; }

    public BybitEmulator Bybit { get; }

    public Task<int> Run { get; private set; } = Task.FromResult(0);

    public string Logs
    {
        get
        {
            lock (_logWriter)
            {
                return _logs.ToString();
            }
        }
    }

    public string ConsoleError => _console.ToString();

    /// <param name="tweak">Changes to the configuration.</param>
    /// <param name="waitForRegistration">Returns once the bot registered its commands.</param>
    /// <param name="supportClock">The support clock (a FakeTimeProvider): ticket timers, cooldown, key memory, check requests; kept across <see cref="RestartAsync"/>. The bot sees it through <see cref="OneTickPerJumpClock"/>.</param>
    /// <param name="configureHost">More services for the bot's host (e.g. a metrics exporter); kept across <see cref="RestartAsync"/>.</param>
    public static async Task<BotHarness> StartAsync(Action<Dictionary<string, object?>>? tweak = null, bool waitForRegistration = true, TimeProvider? supportClock = null, Action<HostApplicationBuilder>? configureHost = null)
    {
        var discord = await DiscordEmulator.StartAsync();
        var bybit = await BybitEmulator.StartAsync();
        var channels = (Support: discord.Rest.AddTextChannel("support"), Staff: discord.Rest.AddTextChannel("staff"), Log: discord.Rest.AddTextChannel("support-log"));
        var settings = new Dictionary<string, object?>
        {
            ["Discord:Token"] = discord.Options.Token,
            ["Discord:ApiBaseUrl"] = discord.ApiBaseUrl.ToString(),
            ["Discord:GatewayUrl"] = discord.GatewayUrl.ToString(),
            ["Discord:GuildId"] = discord.Options.GuildId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Discord:SupportChannelId"] = channels.Support.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Discord:StaffChannelId"] = channels.Staff.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Discord:LogChannelId"] = channels.Log.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Discord:SupportRoleIds"] = new[] { SupportRoleId.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            ["Discord:ModeratorRoleIds"] = new[] { ModeratorRoleId.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            // The default intents and MESSAGE_CONTENT (transcripts read members' messages): no Message Content notice in the staff channel.
            ["Discord:Intents"] = (1 << 0) | (1 << 1) | (1 << 9) | (1 << 12) | (1 << 15),
            ["Bybit:BaseUrl"] = bybit.BaseUrl.ToString(),
            ["Bybit:RetryBaseDelay"] = "00:00:00.010",
            ["Storage:Path"] = Path.Combine(Path.GetTempPath(), $"{DataFolderPrefix}{Guid.NewGuid():N}", "supportbot.db"),
            ["Guide:ReferralUrl"] = "https://www.bybit.com/invite?ref=ASTRABIT",
            ["Guide:SupportEmail"] = "support@astrabit.example",
            ["Logging:MinimumLevel"] = "Verbose",
            ["Logging:Format"] = "json",
        };
        tweak?.Invoke(settings);
        var configFile = Path.Combine(Path.GetTempPath(), $"supportbot-it-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(configFile, ToJson(settings));

        // A data folder made for an integration test (the harness's own, or a test's "supportbot-it-…") goes when the
        // harness does; any other path belongs to the test that set it.
        var dataFolder = settings["Storage:Path"] is string storage && Path.GetDirectoryName(storage) is { } folder &&
            Path.GetFileName(folder).StartsWith(DataFolderPrefix, StringComparison.Ordinal) ? folder : null;
        var harness = new BotHarness(discord, bybit, configFile, dataFolder, channels, supportClock, configureHost);
        harness.Launch();
        if (waitForRegistration)
        {
            await harness.WaitForRegistrationAsync();
        }

        return harness;
    }

    public async Task WaitForRegistrationAsync()
    {
        var registered = Discord.Rest.WaitForRequestAsync(r => r.Route == DiscordRestRoutes.BulkOverwriteGuildCommands, Timeout);
        var finished = await Task.WhenAny(registered, Run);
        if (finished == Run)
        {
            throw new InvalidOperationException($"The bot stopped (exit {await Run}) before registering commands:\n{ConsoleError}\n{Logs}");
        }

        await registered;
    }

    /// <summary>
    /// Stops the bot and starts a new one with the same configuration and data file against the same emulators,
    /// as after a deploy or a crash; returns once the new bot has registered its commands.
    /// </summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        _stop.Dispose();
        _stop = new CancellationTokenSource();
        var restartedAt = DateTimeOffset.UtcNow;
        Launch();
        var registered = Discord.Rest.WaitForRequestAsync(r => r.Route == DiscordRestRoutes.BulkOverwriteGuildCommands && r.ReceivedAt >= restartedAt, Timeout);
        if (await Task.WhenAny(registered, Run) == Run)
        {
            throw new InvalidOperationException($"The restarted bot stopped (exit {await Run}) before registering commands:\n{ConsoleError}\n{Logs}");
        }

        await registered;
    }

    public async Task<int> StopAsync()
    {
        await _stop.CancelAsync();
        return await Run.WaitAsync(Timeout);
    }

    public async ValueTask DisposeAsync()
    {
        if (!Run.IsCompleted)
        {
            await StopAsync();
        }

        _stop.Dispose();
        File.Delete(_configFile);
        if (_dataFolder is not null && Directory.Exists(_dataFolder))
        {
            Directory.Delete(_dataFolder, recursive: true);
        }

        try
        {
            // A body field Discord's schema does not define is silently ignored by Discord: fail the test instead. And
            // every message, modal and callback the bot sent in the test passed the emulator's validation of Discord's
            // rules (limits, modal layout, Components V2): a 50035 fails the test that caused it.
            Discord.Rest.ThrowOnSchemaViolations();
            Discord.Rest.ThrowOnInvalidFormBodies();
        }
        finally
        {
            await Discord.DisposeAsync();
            await Bybit.DisposeAsync();
        }
    }

    private void Launch()
    {
        var console = new CliConsole(TextWriter.Null, _console, _ => null, Prompt: null);
        var stop = _stop.Token;
        var clocks = _supportClock is { } clock ? BotClocks.WithSupport(new OneTickPerJumpClock(clock)) : null;
        Run = Task.Run(() => BotRunner.RunAsync(_configFile, console, _configureHost, stop, _logWriter, clocks: clocks));
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
