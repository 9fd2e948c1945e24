using System.Text.Json;
using System.Text.Json.Nodes;
using AstraBit.SupportBot.Cli;
using AstraBit.SupportBot.Tests.Doctor;

namespace AstraBit.SupportBot.Tests.Hosting;

/// <summary>
/// A translated content file that drifts from English stops the bot at start with one line naming the file, the
/// locale and the key (exit 2), and doctor says the same; the shipped translations start cleanly.
/// </summary>
public sealed class ContentVariantStartTests : IDisposable
{
    private readonly BotStart bot = new();

    public void Dispose() => bot.Dispose();

    // One drift per kind, each in another of the four files: the file, what to break, the key the line must name and what it says.
    public static TheoryData<string, string, string> Drifts => new()
    {
        { "guide.es-ES.json", "missing", "parts[0].steps[1].body is missing: every key of guide.json needs its translation here" },
        { "bybit-errors.ru.json", "extra", "[3] (code -2015).note is not in bybit-errors.json: a translation holds the same keys as English, no others" },
        { "answers.de.json", "hole", "answers[0] (\"hedge-mode-open-positions\").text has the holes {guideStep:4}, {member} but answers.json has {guideStep:5}, {member}: keep every {hole} exactly as English writes it" },
        { "panel.fr.json", "missing", "errorForm.placeholder is missing: every key of panel.json needs its translation here" },
    };

    [Theory]
    [MemberData(nameof(Drifts))]
    public async Task Start_TranslationThatDriftsFromEnglish_OneLineNamingFileLocaleAndKey_Exit2(string file, string drift, string expected)
    {
        var content = CopyShippedContent(Path.Combine(bot.Folder, "content"));
        Break(Path.Combine(content, file), drift);
        bot.Settings["Content:Directory"] = content;

        var run = await bot.RunAsync();

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        var locale = file.Split('.')[1];
        Assert.Equal($"Configuration error: {Path.Combine(content, file)} ({locale}): {expected}", Assert.Single(run.ErrorLines));
        Assert.DoesNotContain("Exception", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_ErrorTranslationThatDrifts_FailsItsOwnLineNamingFileLocaleAndKey()
    {
        await using var h = await DoctorHarness.StartAsync();
        var content = CopyShippedContent(Path.Combine(h.Folder, "config"));
        Break(Path.Combine(content, "bybit-errors.vi.json"), "extra");
        h.Settings["Content:Directory"] = content;

        var (exit, checks) = await h.RunJsonAsync();

        Assert.Equal(1, exit);
        var (status, detail, _) = checks["content-bybit-errors.vi"];
        Assert.Equal("fail", status);
        Assert.Equal($"{Path.Combine(content, "bybit-errors.vi.json")} (vi): [3] (code -2015).note is not in bybit-errors.json: a translation holds the same keys as English, no others", detail);
        Assert.Equal("pass", checks["content-guide.es-ES"].Status);
        Assert.Equal("pass", checks["content-panel.tr"].Status);
    }

    private static string CopyShippedContent(string content)
    {
        // Every file of the release's config/ folder, its subfolders too (the bot's own texts live in config/texts/).
        var shippedFolder = Path.Combine(AppContext.BaseDirectory, "config");
        foreach (var shipped in Directory.GetFiles(shippedFolder, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(content, Path.GetRelativePath(shippedFolder, shipped));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(shipped, copy);
        }

        return content;
    }

    private static void Break(string path, string drift)
    {
        var json = JsonNode.Parse(File.ReadAllText(path), documentOptions: new() { CommentHandling = JsonCommentHandling.Skip })!;
        switch (Path.GetFileName(path).Split('.')[0], drift)
        {
            case ("guide", "missing"):
                json["parts"]![0]!["steps"]![1]!.AsObject().Remove("body");
                break;
            case ("bybit-errors", "extra"):
                json[3]!["note"] = "—";
                break;
            case ("answers", "hole"):
                var text = json["answers"]![0]!["text"]!;
                text.ReplaceWith(text.GetValue<string>().Replace("{guideStep:5}", "{guideStep:4}", StringComparison.Ordinal));
                break;
            default:
                json["errorForm"]!.AsObject().Remove("placeholder");
                break;
        }

        File.WriteAllText(path, json.ToJsonString());
    }
}
