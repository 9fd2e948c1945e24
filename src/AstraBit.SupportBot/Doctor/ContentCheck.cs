using System.Text.Json;
using AstraBit.SupportBot.Bot;
using AstraBit.SupportBot.Core.Errors;
using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Hosting;
using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Doctor;

/// <summary>
/// The content files in Content:Directory load as the bot loads them: guide.json and bybit-errors.json
/// with their own validation, any other .json there (answers, panel text) at least as valid JSON.
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

        if (Directory.Exists(folder))
        {
            foreach (var other in Directory.GetFiles(folder, "*.json").Select(Path.GetFileName).OfType<string>()
                .Where(f => f is not ("guide.json" or "bybit-errors.json")).Order(StringComparer.Ordinal))
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
        catch (Exception ex) when (ex is GuideContentException or ErrorCatalogException or IOException or UnauthorizedAccessException)
        {
            return DoctorCheck.Fail(id, title, ex.Message, $"Correct {file} as the message says; the bot refuses to start with it.");
        }
    }
}
