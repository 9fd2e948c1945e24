using System.Globalization;
using System.Text.Json;
using AstraBit.SupportBot.Bybit;
using AstraBit.SupportBot.Cli;
using AstraBit.SupportBot.Emulators.Bybit;
using AstraBit.SupportBot.Emulators.Discord;
using AstraBit.SupportBot.Tests.Cli;

namespace AstraBit.SupportBot.Tests.Doctor;

/// <summary>
/// A server set up the way README says (channels, roles, the bot's role with the invite permissions) in the
/// Discord REST emulator, a Bybit emulator behind every configured Bybit host, and `doctor` run in-process.
/// Tests break one thing, then run it.
/// </summary>
public sealed class DoctorHarness : IAsyncDisposable
{
    public const string Token = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.GzEmu1.emulator-token-for-local-use-only";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"supportbot-doctor-{Guid.NewGuid():N}");

    private DoctorHarness(DiscordRestEmulator discord, BybitEmulator bybit)
    {
        Discord = discord;
        Bybit = bybit;
        Directory.CreateDirectory(_folder);
        SupportChannelId = discord.AddTextChannel("support");
        StaffChannelId = discord.AddTextChannel("staff");
        LogChannelId = discord.AddTextChannel("support-log");
        SupportRoleId = discord.AddRole("Support", DiscordRestEmulator.DefaultMemberPermissions);
        ModeratorRoleId = discord.AddRole("Moderator", DiscordRestEmulator.DefaultMemberPermissions);
        Settings = new Dictionary<string, object?>
        {
            ["Discord:Token"] = Token,
            ["Discord:ApiBaseUrl"] = discord.ApiBaseUrl.ToString(),
            ["Discord:GuildId"] = Id(discord.GuildId),
            ["Discord:SupportChannelId"] = Id(SupportChannelId),
            ["Discord:StaffChannelId"] = Id(StaffChannelId),
            ["Discord:LogChannelId"] = Id(LogChannelId),
            ["Discord:SupportRoleIds"] = new[] { Id(SupportRoleId) },
            ["Discord:ModeratorRoleIds"] = new[] { Id(ModeratorRoleId) },
            ["Bybit:BaseUrl"] = bybit.BaseUrl.ToString(),
            ["Bybit:Hosts"] = new BybitClientOptions().Hosts.Keys.ToDictionary(k => k, _ => (object?)bybit.BaseUrl.ToString()),
            ["Bybit:RetryBaseDelay"] = "00:00:00.010",
            ["Bybit:Timeout"] = "00:00:02",
            ["Storage:Path"] = Path.Combine(_folder, "data", "supportbot.db"),
            ["Guide:ReferralUrl"] = "https://www.bybit.com/invite?ref=ASTRABIT",
            ["Guide:SupportEmail"] = "support@astrabit.example",
        };
    }

    public DiscordRestEmulator Discord { get; }

    public BybitEmulator Bybit { get; }

    public ulong SupportChannelId { get; }

    public ulong StaffChannelId { get; }

    public ulong LogChannelId { get; }

    public ulong SupportRoleId { get; }

    public ulong ModeratorRoleId { get; }

    public string Folder => _folder;

    /// <summary>The configuration file's keys ("Section:Key"); change them before <see cref="RunAsync"/>.</summary>
    public Dictionary<string, object?> Settings { get; }

    public static async Task<DoctorHarness> StartAsync(BybitEmulatorOptions? bybit = null) =>
        new(await DiscordRestEmulator.StartAsync(new DiscordRestEmulatorOptions { Token = Token }), await BybitEmulator.StartAsync(bybit));

    /// <summary>The configuration file <see cref="WriteConfigAsync"/> writes from <see cref="Settings"/>.</summary>
    public string ConfigFile => Path.Combine(_folder, "appsettings.json");

    public Task WriteConfigAsync() => File.WriteAllTextAsync(ConfigFile, ToJson(Settings));

    public async Task<CliRun> RunAsync(params string[] args)
    {
        await WriteConfigAsync();
        var configFile = ConfigFile;
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = new CliConsole(output, error, _ => null, Prompt: null);
        var exit = await SupportBotCommandLine.InvokeAsync(["doctor", .. args, "--config", configFile], console);
        return new CliRun(exit, output.ToString(), error.ToString());
    }

    /// <summary>Runs with --json and returns each check's status by id.</summary>
    public async Task<(int ExitCode, Dictionary<string, (string Status, string? Detail, string? Fix)> Checks)> RunJsonAsync()
    {
        var run = await RunAsync("--json");
        using var doc = JsonDocument.Parse(run.Output);
        var checks = doc.RootElement.GetProperty("checks").EnumerateArray().ToDictionary(
            c => c.GetProperty("id").GetString()!,
            c => (c.GetProperty("status").GetString()!, c.GetProperty("detail").GetString(), c.GetProperty("fix").GetString()));
        return (run.ExitCode, checks);
    }

    public async ValueTask DisposeAsync()
    {
        await Discord.DisposeAsync();
        await Bybit.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    public static string Id(ulong id) => id.ToString(CultureInfo.InvariantCulture);

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
