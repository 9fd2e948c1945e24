using AstraBit.SupportBot.Bot;
using AstraBit.SupportBot.Core.Text;

namespace AstraBit.SupportBot.Tests.Languages;

/// <summary>The catalogue as the repository ships it (config/texts), held to Discord's limits as the bot holds it.</summary>
internal static class ShippedTexts
{
    public static string Directory { get; } = Find();

    public static TextCatalog Catalog { get; } = TextCatalogLoader.LoadDirectory(Directory, DiscordContentLimits.Value);

    public static LocaleTexts English => Catalog.Source;

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "config", "texts", "en-US.json")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? throw new InvalidOperationException("config/texts/en-US.json not found"), "config", "texts");
    }
}
