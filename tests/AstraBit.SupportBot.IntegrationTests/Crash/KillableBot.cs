using System.Diagnostics;
using System.Globalization;
using System.Text;
using AstraBit.SupportBot.Bot.KeyChecks;
using AstraBit.SupportBot.Core.Tickets;
using AstraBit.SupportBot.Emulators.Bybit;
using AstraBit.SupportBot.Emulators.Discord;
using AstraBit.SupportBot.Storage;
using AstraBit.SupportBot.Storage.Tickets;

namespace AstraBit.SupportBot.IntegrationTests.Crash;

/// <summary>
/// The bot in its own process, as an operator runs it, against emulators running in the test, so the test can kill -9
/// it at any point and start another bot on the same data file. The emulators (Discord's threads and messages, Bybit's
/// accounts) outlive every bot process, as Discord and Bybit do.
/// </summary>
internal sealed class KillableBot : IAsyncDisposable
{
    // The most a test waits for the bot process (never a pause). Generous: each round starts a new process while CI runs
    // the other test assemblies and the browser tests beside it on two cores.
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>An environment variable naming a bot executable to run instead of this build's AstraBit.SupportBot.dll.</summary>
    public const string OtherBotVariable = "SUPPORTBOT_TEST_BOT";

    private readonly Dictionary<string, string> environment;
    private readonly string folder;
    private readonly StringBuilder output = new();
    private Process? process;

    private KillableBot(DiscordEmulator discord, BybitEmulator bybit, string folder)
    {
        Discord = discord;
        Bybit = bybit;
        this.folder = folder;
        var inv = CultureInfo.InvariantCulture;
        SupportChannelId = discord.Rest.AddTextChannel("support");
        StaffChannelId = discord.Rest.AddTextChannel("staff");
        LogChannelId = discord.Rest.AddTextChannel("support-log");
        environment = new Dictionary<string, string>
        {
            ["Discord__Token"] = discord.Options.Token,
            ["Discord__ApiBaseUrl"] = discord.ApiBaseUrl.AbsoluteUri,
            ["Discord__GatewayUrl"] = discord.GatewayUrl.AbsoluteUri,
            ["Discord__GuildId"] = discord.Options.GuildId.ToString(inv),
            ["Discord__SupportChannelId"] = SupportChannelId.ToString(inv),
            ["Discord__StaffChannelId"] = StaffChannelId.ToString(inv),
            ["Discord__LogChannelId"] = LogChannelId.ToString(inv),
            ["Discord__SupportRoleIds__0"] = BotHarness.SupportRoleId.ToString(inv),
            ["Bybit__BaseUrl"] = bybit.BaseUrl.AbsoluteUri,
            ["Bybit__RetryBaseDelay"] = "00:00:00.010",
            ["Diagnostics__Cooldown"] = "00:00:00",
            ["Guide__ReferralUrl"] = "https://www.bybit.com/invite?ref=ASTRABIT",
            ["Guide__SupportEmail"] = "support@astrabit.example",
            ["Storage__Path"] = DataFile,
            ["Logging__MinimumLevel"] = "Debug",
            ["DOTNET_gcServer"] = "0",
            ["DOTNET_TieredPGO"] = "0",

            // Tiered compilation on whatever a runtimeconfig says: a child that lives seconds would otherwise spend them
            // compiling everything fully optimised. A runtime knob: no behaviour changes.
            ["DOTNET_TieredCompilation"] = "1",

            // No file watcher on appsettings.json: inotify instances are a per-user limit (128) the whole test run shares.
            ["DOTNET_hostBuilder__reloadConfigOnChange"] = "false",
        };
    }

    public DiscordEmulator Discord { get; }

    public BybitEmulator Bybit { get; }

    public ulong SupportChannelId { get; }

    public ulong StaffChannelId { get; }

    public ulong LogChannelId { get; }

    public string DataFile => Path.Combine(folder, "supportbot.db");

    /// <summary>What the current (or last) bot process wrote, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>Whether the last bot process has ended (killed, or on its own).</summary>
    public bool HasExited => process is not { HasExited: false };

    /// <param name="discord">The Discord emulator's settings (e.g. its clock); the defaults otherwise.</param>
    public static async Task<KillableBot> CreateAsync(DiscordEmulatorOptions? discord = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"supportbot-crash-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        // A bot process just started compiles its code as it goes, on a machine that may be running the browser tests
        // beside it: its first acknowledgements can come later than Discord's 3 seconds, and the emulator would then
        // refuse them, so the member's check would never run. These tests are about what survives a kill, not about
        // the deadline (the in-process tests and the interactions benchmark hold the bot to that).
        discord = (discord ?? new DiscordEmulatorOptions()) with { InteractionResponseDeadline = Timeout };

        return new KillableBot(await DiscordEmulator.StartAsync(discord), await BybitEmulator.StartAsync(), folder);
    }

    /// <summary>Copies of a Bybit scenario with keys of their own, so Bybit's per-key limits don't interfere.</summary>
    public IReadOnlyList<BybitAccountScenario> Accounts(string scenario, int count)
    {
        var copies = BybitEmulatorCommand.Clones(Bybit.Scenario(scenario), count);
        foreach (var copy in copies)
        {
            Bybit.Accounts[copy.ApiKey] = copy;
        }

        return copies;
    }

    /// <summary>Sets an environment variable for the bot processes launched from now on (e.g. an OTEL_* setting).</summary>
    public void SetEnvironment(string name, string value) => environment[name] = value;

    /// <summary>Starts a bot process on the data file; returns once it has registered its commands (it is connected).</summary>
    public async Task LaunchAsync()
    {
        if (process is { HasExited: false })
        {
            throw new InvalidOperationException("A bot process is already running.");
        }

        lock (output)
        {
            output.Clear();
        }

        // As the emulator stamps its requests (a test may run Discord's clock apart from the real one).
        var launchedAt = Discord.Options.TimeProvider.GetUtcNow();
        // SUPPORTBOT_TEST_BOT names another build of the bot to run instead, e.g. a Native AOT publish's executable.
        var other = Environment.GetEnvironmentVariable(OtherBotVariable) is { Length: > 0 } path ? path : null;
        var start = new ProcessStartInfo(other ?? (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
        };
        if (other is null)
        {
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "AstraBit.SupportBot.dll"));
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var registered = Discord.Rest.WaitForRequestAsync(r => r.Route == DiscordRestRoutes.BulkOverwriteGuildCommands && r.ReceivedAt >= launchedAt, Timeout);
        var exited = process.WaitForExitAsync();
        if (await Task.WhenAny(registered, exited) == exited)
        {
            throw new InvalidOperationException($"The bot exited ({process.ExitCode}) before registering its commands:\n{Output}");
        }

        await registered;
    }

    /// <summary>kill -9: no shutdown, no flush, nothing after this instruction runs in the bot.</summary>
    public async Task KillAsync()
    {
        if (process is { HasExited: false } running)
        {
            running.Kill(entireProcessTree: true);
            await running.WaitForExitAsync();
        }
    }

    /// <summary>
    /// Waits until the bot's outbox step has run once since this process started (it runs at start, before or after
    /// the gateway connects): from then on everything promised before the launch is built and recorded.
    /// </summary>
    public Task WaitForOutboxRunAsync() => WaitForOutputAsync("Ticket outbox:", "The bot's outbox step did not run");

    /// <summary>Waits until the current bot process has written a line containing <paramref name="text"/>.</summary>
    public async Task WaitForOutputAsync(string text, string? failure = null)
    {
        var deadline = DateTimeOffset.UtcNow + Timeout;
        using var signal = new SemaphoreSlim(0);
        DataReceivedEventHandler onLine = (_, e) =>
        {
            if (e.Data?.Contains(text, StringComparison.Ordinal) == true)
            {
                signal.Release();
            }
        };
        process!.OutputDataReceived += onLine;
        try
        {
            while (!Output.Contains(text, StringComparison.Ordinal))
            {
                var remaining = deadline - DateTimeOffset.UtcNow;
                if (remaining <= TimeSpan.Zero || process.HasExited)
                {
                    throw new TimeoutException($"{failure ?? $"The bot never wrote \"{text}\""}:\n{Output}");
                }

                await signal.WaitAsync(remaining);
            }
        }
        finally
        {
            process.OutputDataReceived -= onLine;
        }
    }

    /// <summary>Reads the data file once no bot holds it: every ticket, and the outbox's pending work.</summary>
    public async Task<(IReadOnlyList<Ticket> Tickets, IReadOnlyList<PendingTicket> Pending)> ReadDataAsync()
    {
        if (process is { HasExited: false })
        {
            throw new InvalidOperationException("Stop the bot before reading its data file.");
        }

        using var database = new SupportDatabase(DataFile);
        var store = new LiteTicketStore(database);
        var tickets = await store.ListActiveSinceAsync(DateTimeOffset.MinValue);
        var pending = await new LiteTicketOutbox(database).PendingAsync();
        return (tickets, pending);
    }

    /// <summary>Reads the key checks the data file holds as in flight, once no bot holds it.</summary>
    public async Task<IReadOnlyList<Core.KeyChecks.InFlightCheck>> ReadInFlightAsync()
    {
        if (process is { HasExited: false })
        {
            throw new InvalidOperationException("Stop the bot before reading its data file.");
        }

        using var database = new SupportDatabase(DataFile);
        return await new LiteInFlightCheckStore(database).AllAsync();
    }

    /// <summary>Submits the /diagnose key form as the member; returns the interaction id (once the bot acknowledged it, unless told not to wait).</summary>
    public async Task<ulong> SubmitKeyAsync(ulong member, BybitAccountScenario account, bool waitForAcknowledgement = true)
    {
        var id = await Discord.SubmitModalAsync(member, Diagnose.DiagnoseMember.KeyModalId, new Dictionary<string, string>
        {
            [KeyModal.KeyField] = account.ApiKey,
            [KeyModal.SecretField] = account.ApiSecret,
        });
        if (waitForAcknowledgement)
        {
            await Discord.Rest.WaitForCallbackAsync(id, Timeout);
        }

        return id;
    }

    /// <summary>
    /// Asserts that <paramref name="member"/> has exactly one ticket, that it is built (thread with the member in it,
    /// the card first, a staff notice) in the data file and in Discord, and returns it.
    /// </summary>
    public Ticket AssertOneCompleteTicket(IReadOnlyList<Ticket> tickets, ulong member, string maskedKey, string context)
    {
        var mine = tickets.Where(t => t.MemberId == member).ToList();
        Assert.True(mine.Count == 1, $"{context}: member {member} has {mine.Count} tickets.\n{Output}");
        var ticket = mine[0];
        Assert.True(ticket.IsBuilt, $"{context}: ticket {ticket.DisplayNumber} is recorded as {ticket.Built}, thread {ticket.ThreadId}.");
        var thread = Discord.Rest.GetChannel(ticket.ThreadId!.Value);
        Assert.NotNull(thread);
        Assert.Contains(member, thread.Members);
        var inThread = Discord.Rest.Messages.Where(m => m.ChannelId == thread.Id).OrderBy(m => m.Id).ToList();
        Assert.NotEmpty(inThread);
        Assert.Contains(maskedKey, Diagnose.DiagnoseMember.Text(inThread[0]), StringComparison.Ordinal);
        Assert.Contains(Discord.Rest.Messages, m => m.ChannelId == StaffChannelId && m.Text.Contains($"New ticket {ticket.DisplayNumber}", StringComparison.Ordinal));

        // A thread the member can open is the ticket's own; a crash may leave an empty, invisible one behind, never a second visible one.
        Assert.Single(Discord.Rest.Threads, t => t.ParentId == SupportChannelId && t.Members.Contains(member));
        return ticket;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process?.Dispose();
        await Discord.DisposeAsync();
        await Bybit.DisposeAsync();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
