using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using AstraBit.SupportBot.Sandbox;

var port = new Option<int>("--port") { Description = "Port of the page on 127.0.0.1 (default: a free one)." };
var data = new Option<string?>("--data") { Description = "The bot's data file, kept between runs (default: a throwaway one)." };
var content = new Option<string?>("--content") { Description = "Folder with guide.json and bybit-errors.json, reloaded when edited (default: the repository's config/)." };
var root = new RootCommand("The AstraBit support bot in one process with the Discord and Bybit emulators, and a page to try it on.")
{
    port, data, content,
};
root.SetAction(async (parse, cancellationToken) =>
{
    var started = Stopwatch.StartNew();
    var folder = parse.GetValue(content) ?? ContentFolder.Find();
    if (folder is null || !File.Exists(Path.Combine(folder, "guide.json")))
    {
        await Console.Error.WriteLineAsync("No guide.json found: run from the repository, or give the folder with --content <dir>.");
        return 2;
    }

    Sandbox sandbox;
    try
    {
        sandbox = await Sandbox.StartAsync(new SandboxOptions { Port = parse.GetValue(port), DataFile = parse.GetValue(data), ContentDirectory = Path.GetFullPath(folder) }, cancellationToken);
    }
    catch (Exception ex) when (ex is InvalidOperationException or IOException or AstraBit.SupportBot.Core.Guide.GuideContentException or AstraBit.SupportBot.Core.Errors.ErrorCatalogException)
    {
        await Console.Error.WriteLineAsync($"The sandbox could not start: {ex.Message}");
        return 2;
    }

    await using (sandbox)
    {
        var (emulators, bot) = sandbox.StartTimes;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"AstraBit sandbox ready in {started.Elapsed.TotalSeconds:F1} s (emulators {emulators.TotalSeconds:F1} s, bot {bot.TotalSeconds:F1} s): {sandbox.PageUrl}"));
        Console.WriteLine($"Guide and error texts: {Path.GetFullPath(folder)} (edits reload). Bot log: {sandbox.LogFile}. Ctrl+C stops everything.");
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
    }

    return 0;
});
return await root.Parse(args).InvokeAsync();

/// <summary>Finds config/ with the guide: the repository's when run from inside it, else the copy next to the program.</summary>
internal static class ContentFolder
{
    public static string? Find()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "config");
            if (File.Exists(Path.Combine(candidate, "guide.json")))
            {
                return candidate;
            }
        }

        var beside = Path.Combine(AppContext.BaseDirectory, "config");
        return File.Exists(Path.Combine(beside, "guide.json")) ? beside : null;
    }
}
