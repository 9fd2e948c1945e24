using System.Diagnostics;
using System.Globalization;

namespace AstraBit.SupportBot.Benchmarks;

/// <summary>The bot as an operator runs it: its own process, configured through environment variables.</summary>
internal sealed class BotProcess : IAsyncDisposable
{
    private readonly Process _process;

    private BotProcess(Process process) => _process = process;

    public int Id => _process.Id;

    /// <summary>
    /// What an operator sets to run the bot against this Discord emulator (channels created in it), with a data
    /// file of its own and quiet logs; callers add what their measurement needs.
    /// </summary>
    public static Dictionary<string, string> EnvironmentFor(Emulators.Discord.DiscordEmulator discord)
    {
        var inv = CultureInfo.InvariantCulture;
        return new Dictionary<string, string>
        {
            ["Discord__Token"] = discord.Options.Token,
            ["Discord__ApiBaseUrl"] = discord.ApiBaseUrl.AbsoluteUri,
            ["Discord__GatewayUrl"] = discord.GatewayUrl.AbsoluteUri,
            ["Discord__GuildId"] = discord.Options.GuildId.ToString(inv),
            ["Discord__SupportChannelId"] = discord.Rest.AddTextChannel("support").ToString(inv),
            ["Discord__StaffChannelId"] = discord.Rest.AddTextChannel("staff").ToString(inv),
            ["Discord__LogChannelId"] = discord.Rest.AddTextChannel("support-log").ToString(inv),
            ["Discord__SupportRoleIds__0"] = "1300000000000000001",
            ["Guide__ReferralUrl"] = "https://www.bybit.com/invite?ref=ASTRABIT",
            ["Guide__SupportEmail"] = "support@astrabit.example",
            ["Storage__Path"] = Path.Combine(Path.GetTempPath(), $"supportbot-bench-{Guid.NewGuid():N}", "supportbot.db"),
            ["Logging__MinimumLevel"] = "Warning",
            ["DOTNET_gcServer"] = "0",
        };
    }

    public static BotProcess Start(IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.Combine(Path.GetTempPath(), $"supportbot-bench-{Guid.NewGuid():N}"),
        };
        Directory.CreateDirectory(start.WorkingDirectory);
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "AstraBit.SupportBot.dll"));
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the bot.");
        _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        _ = process.StandardError.ReadToEndAsync(CancellationToken.None);
        return new BotProcess(process);
    }

    /// <summary>Resident set size from /proc (Linux), in bytes.</summary>
    public long ResidentBytes()
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                var kb = line["VmRSS:".Length..].Trim().Split(' ')[0];
                return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new InvalidOperationException("VmRSS not found.");
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
}
