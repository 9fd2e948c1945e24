using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using AstraBit.SupportBot.Emulators.Bybit;
using AstraBit.SupportBot.Emulators.Discord;

namespace AstraBit.SupportBot.Sandbox;

/// <summary>How to start the sandbox.</summary>
public sealed record SandboxOptions
{
    /// <summary>The page's port on 127.0.0.1; 0 takes a free one.</summary>
    public int Port { get; init; }

    /// <summary>The bot's data file; null for a throwaway one.</summary>
    public string? DataFile { get; init; }

    /// <summary>The folder holding guide.json and bybit-errors.json, watched for edits.</summary>
    public required string ContentDirectory { get; init; }
}

/// <summary>
/// The whole bot in one process: the Discord and Bybit emulators, the real bot wired to them, and the page that
/// shows what the bot sent and lets one browser play every person.
/// </summary>
public sealed class Sandbox : IAsyncDisposable
{
    private readonly string _workFolder;
    private readonly TaskCompletionSourceSignal _changes = new();
    private readonly ConcurrentDictionary<ulong, TimeSpan> _messageOffsets = new();
    private readonly ConcurrentDictionary<ulong, (string User, string Command)> _commands = new();
    private readonly CancellationTokenSource _stop = new();
    private Task _stamping = Task.CompletedTask;
    private SandboxPage? _page;
    private ContentReloader? _content;

    private Sandbox(string workFolder, DiscordEmulator discord, BybitEmulator bybit, SandboxClock clock, SandboxChannels channels)
    {
        _workFolder = workFolder;
        Discord = discord;
        Bybit = bybit;
        Clock = clock;
        Channels = channels;
    }

    public DiscordEmulator Discord { get; }

    public BybitEmulator Bybit { get; }

    public SandboxClock Clock { get; }

    public SandboxChannels Channels { get; }

    public BotInstance Bot { get; private set; } = null!;

    public ContentStatus Content => _content?.Status ?? new ContentStatus(null, null);

    /// <summary>The page, e.g. http://127.0.0.1:5000/.</summary>
    public Uri PageUrl => _page!.Url;

    /// <summary>Where the bot's logs go (the terminal stays for the address and errors).</summary>
    public string LogFile => Path.Combine(_workFolder, "bot.log");

    /// <summary>How long the start took: the two emulators, then the bot until it registered its commands (the page starts alongside).</summary>
    public (TimeSpan Emulators, TimeSpan Bot) StartTimes { get; private set; }

    /// <summary>Completes at the next change the page should show that isn't an emulator request (a switch, the clock, the content).</summary>
    public Task NextChange => _changes.Next;

    public static async Task<Sandbox> StartAsync(SandboxOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var work = Path.Combine(Path.GetTempPath(), $"supportbot-sandbox-{Guid.NewGuid():N}");
        var contentCopy = Path.Combine(work, "content");
        ContentReloader.Copy(options.ContentDirectory, contentCopy);

        // The three servers start side by side; the bot needs both emulators, the page only the sandbox.
        var timer = System.Diagnostics.Stopwatch.StartNew();
        var discordStart = DiscordEmulator.StartAsync(cancellationToken: cancellationToken);
        var bybitStart = BybitEmulator.StartAsync(cancellationToken: cancellationToken);
        await Task.WhenAll(discordStart, bybitStart);
        var discord = await discordStart;
        var bybit = await bybitStart;
        var rest = discord.Rest;
        var channels = new SandboxChannels(rest.AddTextChannel("general"), rest.DefaultChannelId, rest.AddTextChannel("staff"), rest.AddTextChannel("support-log"));
        SandboxPeople.AddTo(rest, channels);
        var sandbox = new Sandbox(work, discord, bybit, new SandboxClock(TimeProvider.System), channels);
        var emulatorsStarted = timer.Elapsed;
        try
        {
            var configFile = Path.Combine(work, "sandbox.json");
            await File.WriteAllTextAsync(configFile, sandbox.BotConfiguration(options.DataFile ?? Path.Combine(work, "supportbot.db"), contentCopy), cancellationToken);
            var log = TextWriter.Synchronized(new StreamWriter(sandbox.LogFile, append: true) { AutoFlush = true });
            sandbox.Bot = new BotInstance(configFile, sandbox.Clock, discord, log);
            sandbox.Bot.StatusChanged += sandbox.Changed;
            var page = SandboxPage.StartAsync(sandbox, options.Port, cancellationToken);
            try
            {
                await sandbox.Bot.StartAsync();
                sandbox.StartTimes = (emulatorsStarted, timer.Elapsed - emulatorsStarted);
            }
            finally
            {
                sandbox._page = await page;
            }

            sandbox._stamping = Task.Run(sandbox.StampMessagesAsync, CancellationToken.None);
            sandbox._content = ContentReloader.Watch(options.ContentDirectory, contentCopy, sandbox.Bot);
            sandbox._content.StatusChanged += sandbox.Changed;
            return sandbox;
        }
        catch
        {
            await sandbox.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// When the message was sent by the sandbox's clock (the bot's clock, which "advance time" moves): the emulator
    /// keeps real time, so each message is stamped with the clock's advance when it first appears.
    /// </summary>
    public DateTimeOffset SentAt(EmulatedMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Timestamp + _messageOffsets.GetOrAdd(message.Id, _ => Clock.Offset);
    }

    /// <summary>Remembers who ran which command for an interaction, for the "used /command" line above its reply.</summary>
    public void RecordCommand(ulong interactionId, string userName, string command) => _commands[interactionId] = (userName, command);

    /// <summary>Who ran which command for the interaction, or null for one the page didn't start.</summary>
    public (string User, string Command)? CommandOf(ulong interactionId) => _commands.TryGetValue(interactionId, out var used) ? used : null;

    /// <summary>Tells open pages to redraw.</summary>
    public void Changed() => _changes.Fire();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _stamping;

        if (_page is not null)
        {
            await _page.DisposeAsync();
        }

        if (_content is not null)
        {
            await _content.DisposeAsync();
        }

        if (Bot is not null)
        {
            await Bot.DisposeAsync();
        }

        await Discord.DisposeAsync();
        await Bybit.DisposeAsync();
        try
        {
            Directory.Delete(_workFolder, recursive: true);
        }
        catch (IOException)
        {
            // A data file still open by a stopping process; it is in the temp folder.
        }
    }

    private async Task StampMessagesAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            // Armed before stamping, so a message posted meanwhile wakes the next round.
            var next = Task.WhenAny(Discord.Rest.NextChange, NextChange);
            var offset = Clock.Offset;
            foreach (var message in Discord.Rest.Messages)
            {
                _messageOffsets.TryAdd(message.Id, offset);
            }

            try
            {
                await next.WaitAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private string BotConfiguration(string dataFile, string contentFolder)
    {
        var inv = CultureInfo.InvariantCulture;
        var settings = new
        {
            Discord = new
            {
                Discord.Options.Token,
                ApiBaseUrl = Discord.ApiBaseUrl.ToString(),
                GatewayUrl = Discord.GatewayUrl.ToString(),
                GuildId = Discord.Options.GuildId.ToString(inv),
                SupportChannelId = Channels.Support.ToString(inv),
                StaffChannelId = Channels.Staff.ToString(inv),
                LogChannelId = Channels.Log.ToString(inv),
                SupportRoleIds = new[] { SandboxPeople.SupportRoleId.ToString(inv) },
                ModeratorRoleIds = new[] { SandboxPeople.ModeratorRoleId.ToString(inv) },
            },
            Bybit = new { BaseUrl = Bybit.BaseUrl.ToString() },
            Storage = new { Path = dataFile },
            Content = new { Directory = contentFolder },
            Guide = new { ReferralUrl = "https://www.bybit.com/invite?ref=ASTRABIT", SupportEmail = "support@astrabit.example" },
            // Flipping a switch and checking again is what the sandbox is for: no wait between checks.
            Diagnostics = new { Cooldown = "00:00:00" },
            Logging = new { MinimumLevel = "Information" },
        };
        return JsonSerializer.Serialize(settings);
    }
}

/// <summary>The guild's channels the bot is configured with, plus #general where members type commands.</summary>
public sealed record SandboxChannels(ulong General, ulong Support, ulong Staff, ulong Log);

/// <summary>A signal many waiters can await: each <see cref="Fire"/> completes the current task and arms a new one.</summary>
internal sealed class TaskCompletionSourceSignal
{
    private readonly Lock _lock = new();
    private TaskCompletionSource _current = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Next
    {
        get
        {
            lock (_lock)
            {
                return _current.Task;
            }
        }
    }

    public void Fire()
    {
        TaskCompletionSource fired;
        lock (_lock)
        {
            fired = _current;
            _current = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        fired.TrySetResult();
    }
}
