using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using AstraBit.SupportBot.Core.Content;
using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Core.Text;

namespace AstraBit.SupportBot.Core.Tests.Guide;

/// <summary>The config/guide.json that ships with the bot, found from the test binaries or, when they are built outside the repository (--artifacts-path), from this source file.</summary>
internal static class ShippedGuide
{
    public const string RelativePath = "config/guide.json";

    private const string SolutionFile = "AstraBit.SupportBot.sln";

    private static readonly Lazy<GuideContent> Content = new(Load);

    public static GuideContent Instance => Content.Value;

    private static readonly Lazy<TextCatalog> Catalog = new(() => TextCatalogLoader.LoadDirectory(Path.Combine(FindRepositoryRoot(), "config", TextCatalogLoader.FolderName), TestLimits.Discord));

    /// <summary>The shipped texts (config/texts), whose words a page adds around the guide's.</summary>
    public static TextCatalog Texts => Catalog.Value;

    public static LocaleTexts English => Texts.Source;

    /// <summary>The English guide as the only language, as a bot without translated guides has it.</summary>
    public static LocalizedContent<GuideContent> EnglishOnly => new(Instance, new Dictionary<string, GuideContent>());

    public static GuideValues Values { get; } = new(50m, 100m, new Uri("https://partner.bybit.com/b/astrabit"), "support@astrabit.example");

    public static string FullPath => Path.Combine(FindRepositoryRoot(), "config", "guide.json");

    public static GuideContent Load()
    {
        using var stream = File.OpenRead(FullPath);
        return GuideContentLoader.Load(stream, RelativePath, TestLimits.Discord);
    }

    /// <summary>The shipped file as a JSON tree, to break one thing in it.</summary>
    public static JsonObject Json() => JsonNode.Parse(File.ReadAllText(FullPath))!.AsObject();

    public static GuideContent Load(JsonNode json) => GuideContentLoader.Load(new MemoryStream(Encoding.UTF8.GetBytes(json.ToJsonString())), RelativePath, TestLimits.Discord);

    private static string FindRepositoryRoot([CallerFilePath] string sourceFile = "")
    {
        return FindUpwards(AppContext.BaseDirectory)
            ?? FindUpwards(Path.GetDirectoryName(sourceFile))
            ?? throw new InvalidOperationException($"No folder containing {SolutionFile} above {AppContext.BaseDirectory} or {sourceFile}.");
    }

    private static string? FindUpwards(string? start)
    {
        for (var directory = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
