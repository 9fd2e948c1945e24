using System.Diagnostics;
using System.Globalization;

namespace AstraBit.SupportBot.Benchmarks;

/// <summary>The bot as an operator runs it: its own process, configured through environment variables.</summary>
internal sealed class BotProcess : IAsyncDisposable
{
    /// <summary>How a bot build is named on the command line when it is a container image rather than a published folder.</summary>
    public const string ImagePrefix = "docker:";

    private readonly Process _process;
    private readonly string? _container;
    private readonly string[] _folders;
    private readonly Queue<string> _tail = new();

    private BotProcess(Process process, int id, string? container = null, params string[] folders)
    {
        _process = process;
        Id = id;
        _container = container;
        _folders = folders;
    }

    /// <summary>The bot's process id on this machine (for a container, its main process as the host sees it).</summary>
    public int Id { get; private set; }

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
        };
    }

    /// <summary>A published build without the managed dll but with the executable: Native AOT.</summary>
    public static bool IsNative(string directory) =>
        !File.Exists(Path.Combine(directory, "AstraBit.SupportBot.dll")) && File.Exists(Path.Combine(directory, "AstraBit.SupportBot"));

    /// <summary>
    /// Starts the bot with <c>dotnet AstraBit.SupportBot.dll</c> from <paramref name="botDirectory"/> (a published
    /// build), or from this benchmark's own output when none is given. Runtime settings come from that build's
    /// runtimeconfig.json, as they do for an operator; the environment only configures the bot. A Native AOT build
    /// (an AstraBit.SupportBot executable and no dll) is started as the executable it is.
    /// </summary>
    /// <param name="environment">The bot's configuration.</param>
    /// <param name="botDirectory">The published build to run; this benchmark's own output when null.</param>
    /// <param name="keepData">Leave the data file's folder when the bot is disposed (the caller measures the file afterwards).</param>
    public static BotProcess Start(IReadOnlyDictionary<string, string> environment, string? botDirectory = null, bool keepData = false)
    {
        var directory = botDirectory ?? AppContext.BaseDirectory;
        var native = IsNative(directory);
        var start = new ProcessStartInfo(native ? Path.Combine(directory, "AstraBit.SupportBot") : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.Combine(Path.GetTempPath(), $"supportbot-bench-{Guid.NewGuid():N}"),
        };
        Directory.CreateDirectory(start.WorkingDirectory);
        if (!native)
        {
            start.ArgumentList.Add(Path.Combine(directory, "AstraBit.SupportBot.dll"));
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start };
        // The working folder and the data file's folder are this run's own: deleted when the bot is.
        var dataFolder = !keepData && environment.TryGetValue("Storage__Path", out var dataFile) ? Path.GetDirectoryName(dataFile) : null;
        var bot = new BotProcess(process, 0, null, [start.WorkingDirectory, .. dataFolder is null ? Array.Empty<string>() : [dataFolder]]);
        process.OutputDataReceived += (_, line) => bot.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => bot.Keep(line.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException("Could not start the bot.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        bot.Id = process.Id;
        return bot;
    }

    /// <summary>
    /// Starts the bot from a container image as an operator runs it (<c>docker run</c>, the image's own entry point, user,
    /// data volume and Storage:Path), on the host's network so the emulators on 127.0.0.1 are reachable. Measured like a
    /// process: its main process as this machine sees it.
    /// </summary>
    public static async Task<BotProcess> StartContainerAsync(IReadOnlyDictionary<string, string> environment, string image)
    {
        var name = $"supportbot-bench-{Guid.NewGuid():N}";
        var start = new ProcessStartInfo("docker") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "run", "--rm", "--name", name, "--network", "host" })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment.Where(e => e.Key != "Storage__Path"))
        {
            start.ArgumentList.Add("-e");
            start.ArgumentList.Add($"{key}={value}");
        }

        start.ArgumentList.Add(image);
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start docker.");
        _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        _ = process.StandardError.ReadToEndAsync(CancellationToken.None);
        for (var attempt = 0; ; attempt++)
        {
            var pid = await DockerAsync("inspect", "-f", "{{.State.Pid}}", name);
            if (int.TryParse(pid.Trim(), CultureInfo.InvariantCulture, out var id) && id > 0)
            {
                return new BotProcess(process, id, name);
            }

            if (attempt == 100 || process.HasExited)
            {
                throw new InvalidOperationException($"The container from {image} did not start.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    private static async Task<string> DockerAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("docker") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start docker.");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output;
    }

    /// <summary>Resident set size from /proc (Linux), in bytes.</summary>
    /// <summary>The last lines the bot wrote (standard output and error), to show when a benchmark step fails.</summary>
    public string Tail
    {
        get
        {
            lock (_tail)
            {
                return string.Join('\n', _tail);
            }
        }
    }

    public long ResidentBytes() => Memory().Resident;

    /// <summary>Resident memory from /proc/&lt;pid&gt;/status (Linux): the whole set and its anonymous, file-backed and shared parts.</summary>
    public ResidentMemory Memory()
    {
        long Field(string[] lines, string name)
        {
            var line = lines.FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal))
                ?? throw new InvalidOperationException($"{name} not found in /proc/{_process.Id}/status.");
            return long.Parse(line[name.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        }

        var status = File.ReadAllLines($"/proc/{Id}/status");
        return new ResidentMemory(Field(status, "VmRSS:"), Field(status, "RssAnon:"), Field(status, "RssFile:"), Field(status, "RssShmem:"));
    }

    /// <summary>
    /// CPU time the process has used so far, user plus system, from /proc/&lt;pid&gt;/stat (utime and stime, fields 14
    /// and 15, in clock ticks of 1/100 s: USER_HZ is 100 on Linux).
    /// </summary>
    public TimeSpan CpuTime()
    {
        var stat = File.ReadAllText($"/proc/{Id}/stat");
        // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing parenthesis.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromMilliseconds(ticks * 10);
    }

    /// <summary>The largest resident mappings from /proc/&lt;pid&gt;/smaps, summed by what is mapped (a file name, [heap], [anon] …).</summary>
    public IReadOnlyList<(string Mapping, long Bytes)> LargestMappings(int count)
    {
        var sums = new Dictionary<string, long>();
        var current = "[anon]";
        foreach (var line in File.ReadLines($"/proc/{Id}/smaps"))
        {
            if (line.Length > 0 && char.IsAsciiHexDigit(line[0]) && line.Contains('-', StringComparison.Ordinal))
            {
                var parts = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
                current = parts.Length >= 6 ? Path.GetFileName(parts[5].Trim()) is { Length: > 0 } name ? name : parts[5].Trim() : "[anon]";
            }
            else if (line.StartsWith("Rss:", StringComparison.Ordinal))
            {
                var kb = long.Parse(line["Rss:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                sums[current] = sums.GetValueOrDefault(current) + (kb * 1024);
            }
        }

        return [.. sums.OrderByDescending(s => s.Value).Take(count).Select(s => (s.Key, s.Value))];
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_tail)
        {
            _tail.Enqueue(line);
            while (_tail.Count > 60)
            {
                _tail.Dequeue();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_container is not null)
        {
            await DockerAsync("rm", "-f", _container);
        }

        // Stopped as a supervisor stops it (SIGTERM, then up to 30 s), so it closes its data file cleanly and seals it:
        // the verbs measured after a session open the file as they would after an ordinary stop, not after a crash.
        if (!_process.HasExited && !OperatingSystem.IsWindows())
        {
            using var term = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]);
            await term.WaitForExitAsync();
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                // Killed below.
            }
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        foreach (var folder in _folders.Where(Directory.Exists))
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Something still holds a file there; a leftover temp folder is not worth failing a benchmark for.
            }
        }
    }
}

/// <summary>Resident memory of a process, in bytes: the total and its anonymous, file-backed and shared-memory parts.</summary>
internal readonly record struct ResidentMemory(long Resident, long Anonymous, long File, long Shared);
