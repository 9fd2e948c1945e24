using System.Text.Json;
using AstraBit.SupportBot.Bot;
using AstraBit.SupportBot.Core.Answers;
using AstraBit.SupportBot.Core.Content;
using AstraBit.SupportBot.Core.Errors;
using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Core.Panel;
using AstraBit.SupportBot.Hosting;
using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Doctor;

/// <summary>
/// The content files in Content:Directory load as the bot loads them: guide.json and bybit-errors.json
/// with their own validation, any other .json there (answers, panel text) at least as valid JSON, and every translation
/// of the four content files (guide.es-ES.json, …) held to its English file as the bot holds it at start.
/// </summary>
public sealed class ContentCheck(IOptions<ContentOptions> content)
{
    public IReadOnlyList<DoctorCheck> Run()
    {
        var folder = content.Value.Directory;
        var checks = new List<DoctorCheck>
        {
            Load(folder, "guide.json", path => GuideContentLoader.LoadFile(path, DiscordContentLimits.Value)),
            Load(folder, "bybit-errors.json", path =>
            {
                using var stream = File.OpenRead(path);
                BybitErrorCatalog.Load(stream, path, DiscordContentLimits.Value);
            }),
        };

        var variants = new List<string>();
        foreach (var english in Translated)
        {
            foreach (var locale in ContentVariants.Locales)
            {
                var variant = Path.GetFileName(ContentVariants.PathFor(english, locale));
                if (File.Exists(Path.Combine(folder, variant)))
                {
                    variants.Add(variant);
                    checks.Add(Load(folder, variant, path => CheckVariant(folder, english, path, locale)));
                }
            }
        }

        if (Directory.Exists(folder))
        {
            foreach (var other in Directory.GetFiles(folder, "*.json").Select(Path.GetFileName).OfType<string>()
                .Where(f => f is not ("guide.json" or "bybit-errors.json") && !variants.Contains(f)).Order(StringComparer.Ordinal))
            {
                checks.Add(Load(folder, other, path =>
                {
                    using var stream = File.OpenRead(path);
                    using var _ = JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
                }));
            }
        }

        return checks;
    }

    private static readonly string[] Translated = ["guide.json", "bybit-errors.json", AnswerCatalogLoader.FileName, "panel.json"];

    // The translation's keys, lists and holes against English, then the guide, errors and panel through their own
    // loaders (Discord's limits); a translated answers file is held to English here and loaded by the bot with the guide.
    private static void CheckVariant(string folder, string englishFile, string path, string locale)
    {
        var english = Path.Combine(folder, englishFile);
        using (var source = File.OpenRead(english))
        using (var variant = File.OpenRead(path))
        {
            ContentVariants.Check(source, english, variant, path, locale, static message => new ContentVariantException(message));
        }

        switch (englishFile)
        {
            case "guide.json":
                GuideContentLoader.LoadFile(path, DiscordContentLimits.Value);
                break;
            case "bybit-errors.json":
                using (var stream = File.OpenRead(path))
                {
                    BybitErrorCatalog.Load(stream, path, DiscordContentLimits.Value);
                }

                break;
            case "panel.json":
                PanelContentLoader.LoadFile(path, DiscordContentLimits.Value);
                break;
        }
    }

    private static DoctorCheck Load(string folder, string file, Action<string> load)
    {
        var id = "content-" + Path.GetFileNameWithoutExtension(file);
        var title = $"Content file {file}";
        var path = Path.Combine(folder, file);
        if (!File.Exists(path))
        {
            return DoctorCheck.Fail(id, title, $"{path} is missing.", $"Restore {file} from the release's config/ folder, or point Content:Directory at the folder holding it.");
        }

        try
        {
            load(path);
            return DoctorCheck.Pass(id, title, path);
        }
        catch (JsonException ex)
        {
            return DoctorCheck.Fail(id, title, $"{path} is not valid JSON: {ex.Message}", $"Correct {file} at the line named (a missing comma or quote is the usual cause).");
        }
        catch (Exception ex) when (ex is GuideContentException or ErrorCatalogException or PanelContentException or ContentVariantException or IOException or UnauthorizedAccessException)
        {
            return DoctorCheck.Fail(id, title, ex.Message, $"Correct {file} as the message says; the bot refuses to start with it.");
        }
    }
}
