using System.Text.Json.Nodes;
using AstraBit.SupportBot.Core.Answers;
using AstraBit.SupportBot.Core.Content;
using AstraBit.SupportBot.Core.Errors;
using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Core.Panel;
using AstraBit.SupportBot.Core.Tests.Guide;

namespace AstraBit.SupportBot.Core.Tests.Content;

/// <summary>
/// The translated content files beside the English ones (guide.es-ES.json, …): each held to English at load, one line
/// naming the file, the locale and the key for the first difference; English for a locale without its file.
/// </summary>
public sealed class ContentVariantsTests : IDisposable
{
    private const string SupportEmail = "support@astrabit.example";

    private static readonly string[] Files = ["guide.json", "bybit-errors.json", "answers.json", "panel.json"];

    private readonly string folder = Directory.CreateTempSubdirectory("content-variants-").FullName;

    private static string Shipped => Path.GetDirectoryName(ShippedGuide.FullPath)!;

    private string GuidePath => Path.Combine(folder, "guide.json");

    private string SpanishGuidePath => Path.Combine(folder, "guide.es-ES.json");

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Load_VariantMissingAKey_OneLineNamingFileLocaleAndKey()
    {
        var spanish = ShippedJson("guide.es-ES.json");
        spanish["parts"]![1]!["steps"]![0]!.AsObject().Remove("tips");
        WriteGuides(spanish);

        var error = Assert.Throws<GuideContentException>(LoadGuides);

        Assert.Equal($"{SpanishGuidePath} (es-ES): parts[1].steps[0].tips is missing: every key of guide.json needs its translation here", error.Message);
    }

    [Fact]
    public void Load_VariantWithAKeyEnglishHasNot_OneLineNamingFileLocaleAndKey()
    {
        var spanish = ShippedJson("guide.es-ES.json");
        spanish["buttons"]!["skip"] = "Saltar";
        WriteGuides(spanish);

        var error = Assert.Throws<GuideContentException>(LoadGuides);

        Assert.Equal($"{SpanishGuidePath} (es-ES): buttons.skip is not in guide.json: a translation holds the same keys as English, no others", error.Message);
    }

    [Fact]
    public void Load_VariantWithADifferentHole_OneLineNamingFileLocaleKeyAndHoles()
    {
        var spanish = ShippedJson("guide.es-ES.json");
        var item = spanish["beforeYouBegin"]!["items"]![1]!;
        item.ReplaceWith(item.GetValue<string>().Replace("{minimumBalanceUsd}", "{saldoMinimo}", StringComparison.Ordinal));
        WriteGuides(spanish);

        var error = Assert.Throws<GuideContentException>(LoadGuides);

        Assert.Equal(
            $"{SpanishGuidePath} (es-ES): beforeYouBegin.items[1] has the holes {{recommendedBalanceUsd}}, {{saldoMinimo}} but guide.json has {{minimumBalanceUsd}}, {{recommendedBalanceUsd}}: keep every {{hole}} exactly as English writes it",
            error.Message);
    }

    [Fact]
    public void Load_VariantWithAListItemLeftOut_NamesTheItemMissing()
    {
        var spanish = ShippedJson("guide.es-ES.json");
        spanish["finalCheck"]!["items"]!.AsArray().RemoveAt(5);
        WriteGuides(spanish);

        var error = Assert.Throws<GuideContentException>(LoadGuides);

        Assert.Equal($"{SpanishGuidePath} (es-ES): finalCheck.items[5] is missing: guide.json has 6 items here and the translation 5 items", error.Message);
    }

    [Fact]
    public void Load_VariantThatTranslatesACheckId_RefusedAsNotTextToTranslate()
    {
        var spanish = ShippedJson("guide.es-ES.json");
        spanish["parts"]![0]!["steps"]![2]!["checkNow"]!["checks"]![0] = "lectura-escritura";
        WriteGuides(spanish);

        var error = Assert.Throws<GuideContentException>(LoadGuides);

        Assert.StartsWith($"{SpanishGuidePath} (es-ES): parts[0].steps[2].checkNow.checks must stay as guide.json has it ([\"read-write\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ErrorVariantThatChangesACode_NamesTheEntryByItsCode()
    {
        var english = ShippedJson("bybit-errors.json");
        var spanish = ShippedJson("bybit-errors.es-ES.json");
        spanish[9]!["codes"]![0] = "10004";
        var path = Path.Combine(folder, "bybit-errors.json");
        File.WriteAllText(path, english.ToJsonString());
        File.WriteAllText(Path.Combine(folder, "bybit-errors.es-ES.json"), spanish.ToJsonString());

        var error = Assert.Throws<ErrorCatalogException>(() => ContentVariants.Load(path, (file, _) => LoadCatalog(file), m => new ErrorCatalogException(m)));

        Assert.Equal($"{Path.Combine(folder, "bybit-errors.es-ES.json")} (es-ES): [9] (code 10003).codes must stay as bybit-errors.json has it ([\"10003\"]): it is not text to translate", error.Message);
    }

    [Fact]
    public void For_ShippedLocaleReadsItsVariant_AnyOtherReadsEnglish()
    {
        WriteGuides(ShippedJson("guide.es-ES.json"));

        var guides = LoadGuides();

        var english = ShippedGuide.Instance;
        Assert.Equal(["es-ES"], guides.Translated);
        Assert.Equal(ShippedJson("guide.es-ES.json")["intro"]!.GetValue<string>(), guides.For("es-ES").Intro);
        Assert.NotEqual(english.Intro, guides.For("es-ES").Intro);
        Assert.Equal(guides.For("es-ES").Intro, guides.For("ES-es").Intro);
        Assert.Equal(english.Intro, guides.For("ja").Intro);
        Assert.Equal(english.Intro, guides.For("en-US").Intro);
        Assert.Equal(english.Intro, guides.For(null).Intro);
        // A shipped locale whose file is not in this folder reads English, as a whole file.
        Assert.Equal(english.Intro, guides.For("de").Intro);
    }

    public static TheoryData<string, string> ShippedVariants()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Files)
        {
            foreach (var locale in ContentVariants.Locales)
            {
                data.Add(file, locale);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ShippedVariants))]
    public void ShippedVariant_HoldsToEnglishAndLoadsWithinDiscordsLimits(string file, string locale)
    {
        var english = Path.Combine(Shipped, file);
        var path = ContentVariants.PathFor(english, locale);
        Assert.True(File.Exists(path), $"{path} is not shipped");

        using (var source = File.OpenRead(english))
        using (var variant = File.OpenRead(path))
        {
            ContentVariants.Check(source, english, variant, path, locale, m => new ContentVariantException(m));
        }

        switch (file)
        {
            case "guide.json":
                Assert.NotEqual(ShippedGuide.Instance.Intro, GuideContentLoader.LoadFile(path, TestLimits.Discord).Intro);
                break;
            case "bybit-errors.json":
                Assert.NotEqual(LoadCatalog(english).Entries[9].Title, LoadCatalog(path).Entries[9].Title);
                break;
            case "answers.json":
                var guide = GuideContentLoader.LoadFile(ContentVariants.PathFor(Path.Combine(Shipped, "guide.json"), locale), TestLimits.Discord);
                var answers = AnswerCatalogLoader.LoadFile(path, guide, SupportEmail, TestLimits.Discord, locale);
                Assert.NotEqual(AnswerCatalogLoader.LoadFile(english, ShippedGuide.Instance, SupportEmail, TestLimits.Discord).Answers[0].Text, answers.Answers[0].Text);
                break;
            default:
                Assert.NotEqual(PanelContentLoader.LoadFile(english, TestLimits.Discord).Text, PanelContentLoader.LoadFile(path, TestLimits.Discord).Text);
                break;
        }
    }

    private static JsonNode ShippedJson(string file) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Shipped, file)), documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!;

    private static BybitErrorCatalog LoadCatalog(string path)
    {
        using var stream = File.OpenRead(path);
        return BybitErrorCatalog.Load(stream, path, TestLimits.Discord);
    }

    private void WriteGuides(JsonNode spanish)
    {
        File.Copy(ShippedGuide.FullPath, GuidePath);
        File.WriteAllText(SpanishGuidePath, spanish.ToJsonString());
    }

    private LocalizedContent<GuideContent> LoadGuides() =>
        ContentVariants.Load(GuidePath, (path, _) => GuideContentLoader.LoadFile(path, TestLimits.Discord), m => new GuideContentException(m));
}
