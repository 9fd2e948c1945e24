using System.Threading.Channels;
using AstraBit.SupportBot.Bot;
using AstraBit.SupportBot.Core.Errors;
using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Core.Text;

namespace AstraBit.SupportBot.Sandbox;

/// <summary>What the page says about the guide and the error texts.</summary>
/// <param name="Error">Why the last edit was refused (the last good content stays in use); null when it was taken.</param>
/// <param name="ReloadedAt">When an edit was last taken (null: still the content the sandbox started with).</param>
/// <param name="Reloads">How many edits were taken.</param>
public sealed record ContentStatus(string? Error, DateTimeOffset? ReloadedAt, int Reloads = 0);

/// <summary>
/// Watches the guide and the error texts staff edit (config/guide.json, config/bybit-errors.json). An edit is
/// validated as the bot validates it at start; a valid one is copied to the bot's content folder and the bot is
/// restarted on it, an invalid one is shown with its error and the bot keeps the last good content.
/// </summary>
public sealed class ContentReloader : IAsyncDisposable
{
    public static readonly string[] Files = ["guide.json", "bybit-errors.json"];

    private readonly string _source;
    private readonly string _target;
    private readonly BotInstance _bot;
    private readonly FileSystemWatcher _watcher;
    private readonly Channel<bool> _edits = Channel.CreateUnbounded<bool>();
    private readonly Task _loop;

    private ContentReloader(string source, string target, BotInstance bot)
    {
        _source = source;
        _target = target;
        _bot = bot;
        _watcher = new FileSystemWatcher(source, "*.json") { NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size };
        _watcher.Changed += (_, _) => _edits.Writer.TryWrite(true);
        _watcher.Created += (_, _) => _edits.Writer.TryWrite(true);
        _watcher.Renamed += (_, _) => _edits.Writer.TryWrite(true);
        _watcher.EnableRaisingEvents = true;
        _loop = Task.Run(RunAsync);
    }

    public ContentStatus Status { get; private set; } = new(null, null);

    public event Action? StatusChanged;

    /// <summary>Checks the content in <paramref name="source"/>; throws with the error a bot would stop with.</summary>
    public static void Copy(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Files)
        {
            var path = Path.Combine(source, file);
            Validate(file, File.ReadAllBytes(path), path);
            File.Copy(path, Path.Combine(target, file), overwrite: true);
        }

        // The bot's other content files (saved answers, the support panel) go as they are: it validates them at start.
        foreach (var path in Directory.EnumerateFiles(source, "*.json"))
        {
            var name = Path.GetFileName(path);
            if (!Files.Contains(name, StringComparer.Ordinal))
            {
                File.Copy(path, Path.Combine(target, name), overwrite: true);
            }
        }

        // The bot's own texts in every language (texts/<locale>.json) go as they are too: without them it won't start.
        var texts = Path.Combine(source, TextCatalogLoader.FolderName);
        if (Directory.Exists(texts))
        {
            var targetTexts = Directory.CreateDirectory(Path.Combine(target, TextCatalogLoader.FolderName)).FullName;
            foreach (var path in Directory.EnumerateFiles(texts, "*.json"))
            {
                File.Copy(path, Path.Combine(targetTexts, Path.GetFileName(path)), overwrite: true);
            }
        }
    }

    /// <summary>Starts watching <paramref name="source"/>; the bot reads its content from <paramref name="target"/>.</summary>
    public static ContentReloader Watch(string source, string target, BotInstance bot) => new(source, target, bot);

    public async ValueTask DisposeAsync()
    {
        _watcher.Dispose();
        _edits.Writer.TryComplete();
        await _loop;
    }

    private async Task RunAsync()
    {
        while (await _edits.Reader.WaitToReadAsync())
        {
            while (_edits.Reader.TryRead(out _))
            {
            }

            await ReconcileAsync();
        }
    }

    private async Task ReconcileAsync()
    {
        var changed = new List<(string File, byte[] Edited, byte[] Good)>();
        foreach (var file in Files)
        {
            var path = Path.Combine(_source, file);
            byte[] edited;
            try
            {
                edited = await File.ReadAllBytesAsync(path);
            }
            catch (IOException ex)
            {
                // An editor still writing: its next write raises another event.
                SetStatus(Status with { Error = $"{path}: can't be read ({ex.Message})" });
                return;
            }

            var good = await File.ReadAllBytesAsync(Path.Combine(_target, file));
            if (edited.AsSpan().SequenceEqual(good))
            {
                continue;
            }

            try
            {
                Validate(file, edited, path);
            }
            catch (Exception ex) when (ex is GuideContentException or ErrorCatalogException)
            {
                SetStatus(Status with { Error = ex.Message });
                return;
            }

            changed.Add((file, edited, good));
        }

        if (changed.Count == 0)
        {
            if (Status.Error is not null)
            {
                SetStatus(Status with { Error = null });
            }

            return;
        }

        foreach (var (file, edited, _) in changed)
        {
            await File.WriteAllBytesAsync(Path.Combine(_target, file), edited);
        }

        try
        {
            await _bot.RestartAsync();
            SetStatus(new ContentStatus(null, DateTimeOffset.UtcNow, Status.Reloads + 1));
        }
        catch (InvalidOperationException ex)
        {
            // Something only the bot's own start checks (an option the guide refers to): back to the last good content.
            foreach (var (file, _, good) in changed)
            {
                await File.WriteAllBytesAsync(Path.Combine(_target, file), good);
            }

            await _bot.RestartAsync();
            SetStatus(Status with { Error = ex.Message });
        }
    }

    private static void Validate(string file, byte[] content, string path)
    {
        using var stream = new MemoryStream(content, writable: false);
        if (file == "guide.json")
        {
            GuideContentLoader.Load(stream, path, DiscordContentLimits.Value);
        }
        else
        {
            BybitErrorCatalog.Load(stream, path, DiscordContentLimits.Value);
        }
    }

    private void SetStatus(ContentStatus status)
    {
        Status = status;
        StatusChanged?.Invoke();
    }
}
