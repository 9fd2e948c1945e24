using System.Text.Json;
using System.Text.Json.Serialization;
using AstraBit.SupportBot.Core.Content;

namespace AstraBit.SupportBot.Core.Text;

/// <summary>A text file that can't be used; its message is one line naming the file, the locale and the key.</summary>
public sealed class TextCatalogException : Exception
{
    public TextCatalogException()
    {
    }

    public TextCatalogException(string message)
        : base(message)
    {
    }

    public TextCatalogException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// Reads config/texts/&lt;locale&gt;.json for every shipped locale. A file holds one JSON object: each key a text id,
/// each value the text, or for a counted text an object of plural forms ("one", "few", "many", "other"; "other"
/// required). Every locale must have exactly the English file's keys, the same holes in each text, and fit where the
/// text is shown: the key's last part names the place (<see cref="LimitFor"/>).
/// </summary>
public static class TextCatalogLoader
{
    /// <summary>The folder under the content folder that holds the texts.</summary>
    public const string FolderName = "texts";

    public static TextCatalog LoadDirectory(string directory, ContentLimits limits)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(limits);
        var files = new Dictionary<string, (string Path, Dictionary<string, CatalogText> Texts)>(StringComparer.Ordinal);
        foreach (var locale in SupportLocales.Shipped)
        {
            var path = Path.Combine(directory, locale + ".json");
            if (!File.Exists(path))
            {
                throw new TextCatalogException($"{path}: the texts of locale {locale} are missing (every shipped locale needs its file; copy en-US.json and translate it).");
            }

            using var stream = File.OpenRead(path);
            files[locale] = (path, Read(stream, path, locale));
        }

        return Check(files, limits);
    }

    /// <summary>The catalogue from texts already read, checked as files are (for tests and the sandbox).</summary>
    public static TextCatalog FromStreams(IReadOnlyDictionary<string, Stream> files, ContentLimits limits)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(limits);
        var read = files.ToDictionary(f => f.Key, f => ($"{f.Key}.json", Read(f.Value, $"{f.Key}.json", f.Key)), StringComparer.Ordinal);
        return Check(read, limits);
    }

    /// <summary>Where a text whose id ends in <paramref name="id"/>'s last part is shown, and so how long it may be.</summary>
    public static TextLimit LimitFor(string id, ContentLimits limits)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(limits);
        return id[(id.LastIndexOf('.') + 1)..] switch
        {
            "button" => limits.Button,
            "choice" => limits.ChoiceText,
            "prompt" => limits.ChoicePrompt,
            "formTitle" => limits.FormTitle,
            "label" => limits.InputLabel,
            "placeholder" => limits.InputPlaceholder,
            "title" => limits.Title,
            "field" => limits.Field,
            "footer" => limits.Footer,
            "description" => limits.Text,
            "hint" => new TextLimit(limits.InputPlaceholder.Length, "Discord label description limit"),
            "summary" => new TextLimit(limits.Suggestion, "Discord command description limit"),
            _ => new TextLimit(limits.Message, "Discord message limit"),
        };
    }

    private static TextCatalog Check(Dictionary<string, (string Path, Dictionary<string, CatalogText> Texts)> files, ContentLimits limits)
    {
        if (!files.TryGetValue(SupportLocales.Source, out var source))
        {
            throw new TextCatalogException($"{SupportLocales.Source}.json: the English source texts are missing.");
        }

        foreach (var (locale, (path, texts)) in files)
        {
            foreach (var (id, text) in texts)
            {
                if (!source.Texts.TryGetValue(id, out var english))
                {
                    throw new TextCatalogException($"{path}: locale {locale}, key '{id}' is not in {SupportLocales.Source}.json (remove it, or correct its name).");
                }

                if (english.IsCounted != text.IsCounted)
                {
                    throw new TextCatalogException(english.IsCounted
                        ? $"{path}: locale {locale}, key '{id}' is counted in {SupportLocales.Source}.json: give it plural forms (\"one\", \"other\", …)."
                        : $"{path}: locale {locale}, key '{id}' is one text in {SupportLocales.Source}.json: give it one text, not plural forms.");
                }

                var holes = Holes(text);
                var englishHoles = Holes(english);
                if (!holes.SetEquals(englishHoles))
                {
                    throw new TextCatalogException(
                        $"{path}: locale {locale}, key '{id}' has the holes {Names(holes)} where {SupportLocales.Source}.json has {Names(englishHoles)}.");
                }

                var limit = LimitFor(id, limits);
                foreach (var form in text.Forms.Values)
                {
                    if (form.Length > limit.Length)
                    {
                        throw new TextCatalogException(
                            $"{path}: locale {locale}, key '{id}' is {form.Length} characters, over the {limit.Name} ({limit.Length}).");
                    }
                }
            }

            if (source.Texts.Keys.FirstOrDefault(id => !texts.ContainsKey(id)) is { } missing)
            {
                throw new TextCatalogException($"{path}: locale {locale}, key '{missing}' is missing (translate it from {SupportLocales.Source}.json).");
            }
        }

        return new TextCatalog(files.Select(f => new LocaleTexts(f.Key, f.Value.Texts)));
    }

    private static Dictionary<string, CatalogText> Read(Stream stream, string path, string locale)
    {
        Dictionary<string, JsonElement>? raw;
        try
        {
            raw = JsonSerializer.Deserialize(stream, TextCatalogJsonContext.Default.DictionaryStringJsonElement);
        }
        catch (JsonException exception)
        {
            throw new TextCatalogException($"{path}: locale {locale} is not valid JSON (line {exception.LineNumber + 1}): {exception.Message.Split('\n')[0]}", exception);
        }

        if (raw is null)
        {
            throw new TextCatalogException($"{path}: locale {locale} must be one JSON object of text ids and texts.");
        }

        var texts = new Dictionary<string, CatalogText>(StringComparer.Ordinal);
        foreach (var (id, value) in raw)
        {
            texts[id] = value.ValueKind switch
            {
                JsonValueKind.String when value.GetString() is { Length: > 0 } text => CatalogText.Single(text),
                JsonValueKind.Object => Counted(value, path, locale, id),
                _ => throw new TextCatalogException($"{path}: locale {locale}, key '{id}' must be a non-empty text, or an object of plural forms."),
            };
        }

        return texts;
    }

    private static CatalogText Counted(JsonElement value, string path, string locale, string id)
    {
        var forms = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var form in value.EnumerateObject())
        {
            if (!PluralRules.Forms.Contains(form.Name) || form.Value.ValueKind != JsonValueKind.String || form.Value.GetString() is not { Length: > 0 } text)
            {
                throw new TextCatalogException(
                    $"{path}: locale {locale}, key '{id}' has the plural form '{form.Name}': forms are {string.Join(", ", PluralRules.Forms)}, each a non-empty text.");
            }

            forms[form.Name] = text;
        }

        return forms.ContainsKey(PluralRules.Other)
            ? new CatalogText(forms)
            : throw new TextCatalogException($"{path}: locale {locale}, key '{id}' needs the plural form \"other\".");
    }

    private static HashSet<string> Holes(CatalogText text) => [.. text.Forms.Values.SelectMany(TextHoles.In)];

    private static string Names(HashSet<string> holes) => holes.Count == 0 ? "none" : string.Join(", ", holes.Order(StringComparer.Ordinal).Select(h => "{" + h + "}"));
}

[JsonSourceGenerationOptions(ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(Dictionary<string, JsonElement>))]
internal sealed partial class TextCatalogJsonContext : JsonSerializerContext;
