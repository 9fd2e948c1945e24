using System.Diagnostics;
using Microsoft.Playwright;

namespace AstraBit.SupportBot.Sandbox.Tests;

/// <summary>
/// One sandbox (emulators, the real bot, the page) and one headless Chromium for every browser test: starting them is
/// the slow part. The guide and error texts are a copy of config/, so the reload tests can edit them.
/// </summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public Sandbox Sandbox { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public string ContentFolder { get; } = Path.Combine(Path.GetTempPath(), $"supportbot-sandbox-content-{Guid.NewGuid():N}");

    /// <summary>How long Sandbox.StartAsync took, from nothing to a page with the bot's commands registered.</summary>
    public TimeSpan StartTime { get; private set; }

    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "AstraBit.SupportBot.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("The repository root (AstraBit.SupportBot.sln) is not above the test binaries.");
        }
    }

    /// <summary>Screenshots are test artifacts: TestResults/sandbox/ (not committed).</summary>
    public static string ScreenshotFolder => Path.Combine(RepositoryRoot, "TestResults", "sandbox");

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(ContentFolder);
        // Every content file the bot reads (the guide, errors, saved answers, the panel, their translations and the bot's
        // own texts in texts/), so the edits stay out of the repository.
        var config = Path.Combine(RepositoryRoot, "config");
        foreach (var file in Directory.GetFiles(config, "*.json", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(ContentFolder, Path.GetRelativePath(config, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        var started = Stopwatch.StartNew();
        Sandbox = await Sandbox.StartAsync(new SandboxOptions { ContentDirectory = ContentFolder });
        StartTime = started.Elapsed;

        Assertions.SetDefaultExpectTimeout(20_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium(),
            Headless = true,
            // CI runs as root, where Chromium refuses to start with its sandbox.
            Args = ["--no-sandbox"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (Sandbox is not null)
        {
            await Sandbox.DisposeAsync();
        }

        Directory.Delete(ContentFolder, recursive: true);
    }

    /// <summary>Whether the member (by the name in their ticket threads) has a ticket open: then `/ticket open` shows no form.</summary>
    public bool HasOpenTicket(string memberName) =>
        Sandbox.Discord.Rest.Threads.Any(t => t.Name?.Contains(memberName, StringComparison.Ordinal) == true && !t.Locked);

    /// <summary>A fresh browser tab on the page, once it shows the bot's state.</summary>
    public async Task<SandboxPageDriver> OpenAsync(int width = 1440, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(Sandbox.PageUrl.ToString());
        var driver = new SandboxPageDriver(page);
        await Assertions.Expect(page.GetByText("Bot: running")).ToBeVisibleAsync();
        return driver;
    }

    /// <summary>Debian's chromium on PATH (CI installs it with apt); Playwright's own browser download is not used.</summary>
    private static string Chromium()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, "chromium");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("The browser tests need Debian's chromium on PATH: apt-get install -y chromium");
    }
}

[CollectionDefinition(Name)]
public sealed class SandboxCollection : ICollectionFixture<SandboxFixture>
{
    public const string Name = "Sandbox";
}
