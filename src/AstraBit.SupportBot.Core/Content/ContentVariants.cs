using System.Globalization;
using System.Text.Json;
using AstraBit.SupportBot.Core.Text;

namespace AstraBit.SupportBot.Core.Content;

/// <summary>
/// The translated variants of the content files (PRODUCT.md §12): config/guide.es-ES.json beside config/guide.json,
/// and so on for every shipped locale. English is the source and the fallback; a variant is a copy of the English file
/// with its texts translated, checked against English at start so it can never drift from it: a key missing or extra,
/// a {hole} that differs, or a value that is not text to translate (a code, a check id, a name staff type) changed
/// stops the bot with one line naming the file, the locale and the key. A variant must be complete: a locale without
/// its file reads the English file, but a variant file with some texts left out is refused rather than half-translated.
/// </summary>
public static class ContentVariants
{
    /// <summary>The source language of every content file, and what any other locale reads.</summary>
    public const string English = "en-US";

    /// <summary>The locales a content file may have a variant for, besides English (the names Discord uses for them).</summary>
    public static IReadOnlyList<string> Locales { get; } = ["es-ES", "pt-BR", "ru", "tr", "vi", "de", "fr"];

    // Values that are not text for a reader: ids, codes, Bybit's own English messages and what staff type. A variant
    // keeps them exactly as English has them, so the same code, phrase or name finds the same entry in every language.
    private static readonly string[] SameAsEnglish = ["key", "checks", "codes", "match", "seeAlso", "guideStep", "name", "checkSteps"];

    /// <summary>
    /// The shipped name for <paramref name="locale"/> when it has content variants ("es-ES", "ru"; case as Discord
    /// writes it or not); <see cref="English"/> for null, en-US and any other name. Resolving Discord's locale to a
    /// shipped one (es-419 → es-ES) is the caller's; this takes the name as resolved.
    /// </summary>
    public static string Shipped(string? locale) =>
        Locales.FirstOrDefault(l => string.Equals(l, locale?.Trim(), StringComparison.OrdinalIgnoreCase)) ?? English;

    /// <summary>Where <paramref name="locale"/>'s variant of <paramref name="englishPath"/> lives: config/guide.json → config/guide.es-ES.json.</summary>
    public static string PathFor(string englishPath, string locale)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(englishPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(locale);
        var folder = Path.GetDirectoryName(englishPath) ?? string.Empty;
        return Path.Combine(folder, $"{Path.GetFileNameWithoutExtension(englishPath)}.{locale}{Path.GetExtension(englishPath)}");
    }

    /// <summary>
    /// Loads <paramref name="englishPath"/> and every variant beside it with <paramref name="load"/> (given the path
    /// and the locale), each variant first checked against English (<see cref="Check"/>); a problem is thrown as
    /// <paramref name="error"/> makes it, so the file's own exception names it as for the English file.
    /// </summary>
    public static LocalizedContent<T> Load<T>(string englishPath, Func<string, string, T> load, Func<string, Exception> error)
        where T : class
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(englishPath);
        ArgumentNullException.ThrowIfNull(load);
        ArgumentNullException.ThrowIfNull(error);
        var english = load(englishPath, English);
        var variants = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var locale in Locales)
        {
            var path = PathFor(englishPath, locale);
            if (!File.Exists(path))
            {
                continue;
            }

            using (var englishStream = File.OpenRead(englishPath))
            using (var variantStream = File.OpenRead(path))
            {
                Check(englishStream, englishPath, variantStream, path, locale, error);
            }

            variants[locale] = load(path, locale);
        }

        return new LocalizedContent<T>(english, variants);
    }

    /// <summary>
    /// Holds the variant <paramref name="variant"/> (read from <paramref name="variantSource"/>, for
    /// <paramref name="locale"/>) to the English file: the same keys, the same number of items in every list, the same
    /// {holes} in every text, and the values that are not text to translate unchanged. The first difference is thrown
    /// as <paramref name="error"/> of one line: "config/guide.es-ES.json (es-ES): parts[0].title is missing …".
    /// </summary>
    public static void Check(Stream english, string englishSource, Stream variant, string variantSource, string locale, Func<string, Exception> error)
    {
        ArgumentNullException.ThrowIfNull(english);
        ArgumentNullException.ThrowIfNull(variant);
        ArgumentException.ThrowIfNullOrWhiteSpace(englishSource);
        ArgumentException.ThrowIfNullOrWhiteSpace(variantSource);
        ArgumentException.ThrowIfNullOrWhiteSpace(locale);
        ArgumentNullException.ThrowIfNull(error);

        var where = $"{variantSource} ({locale})";
        using var source = ContentJson.Parse(english, englishSource, (message, _) => error(message));
        using var translated = ContentJson.Parse(variant, where, (message, _) => error(message));
        new Comparison(where, Path.GetFileName(englishSource), error).Compare(source.RootElement, translated.RootElement, string.Empty, sameAsEnglish: false);
    }

    private sealed class Comparison(string where, string englishFile, Func<string, Exception> error)
    {
        public void Compare(JsonElement english, JsonElement variant, string path, bool sameAsEnglish)
        {
            if (sameAsEnglish)
            {
                if (!JsonElement.DeepEquals(english, variant))
                {
                    throw Fail(path, $"must stay as {englishFile} has it ({Shown(english)}): it is not text to translate");
                }

                return;
            }

            if (Kind(english) != Kind(variant))
            {
                throw Fail(path, $"must be {Kind(english)} as in {englishFile}");
            }

            switch (english.ValueKind)
            {
                case JsonValueKind.Object:
                    CompareObjects(english, variant, path);
                    break;
                case JsonValueKind.Array:
                    CompareLists(english, variant, path);
                    break;
                case JsonValueKind.String:
                    CompareHoles(english.GetString()!, variant.GetString()!, path);
                    break;
                default:
                    // Numbers, true/false and null are settings, not words: a translation keeps them.
                    Compare(english, variant, path, sameAsEnglish: true);
                    break;
            }
        }

        private void CompareObjects(JsonElement english, JsonElement variant, string path)
        {
            foreach (var property in english.EnumerateObject())
            {
                if (!variant.TryGetProperty(property.Name, out var translated))
                {
                    throw Fail(Named(path, property.Name), $"is missing: every key of {englishFile} needs its translation here");
                }

                Compare(property.Value, translated, Named(path, property.Name), SameAsEnglish.Contains(property.Name, StringComparer.Ordinal));
            }

            foreach (var property in variant.EnumerateObject())
            {
                if (!english.TryGetProperty(property.Name, out _))
                {
                    throw Fail(Named(path, property.Name), $"is not in {englishFile}: a translation holds the same keys as English, no others");
                }
            }
        }

        private void CompareLists(JsonElement english, JsonElement variant, string path)
        {
            var englishItems = english.EnumerateArray().ToList();
            var variantItems = variant.EnumerateArray().ToList();
            for (var i = 0; i < englishItems.Count; i++)
            {
                var itemPath = Item(path, i, englishItems[i]);
                if (i >= variantItems.Count)
                {
                    throw Fail(itemPath, $"is missing: {englishFile} has {Count(englishItems.Count)} here and the translation {Count(variantItems.Count)}");
                }

                Compare(englishItems[i], variantItems[i], itemPath, sameAsEnglish: false);
            }

            if (variantItems.Count > englishItems.Count)
            {
                throw Fail(
                    Item(path, englishItems.Count, variantItems[englishItems.Count]),
                    $"is not in {englishFile}: it has {Count(englishItems.Count)} here and the translation {Count(variantItems.Count)}");
            }
        }

        private void CompareHoles(string english, string variant, string path)
        {
            var expected = TextHoles.In(english).Order(StringComparer.Ordinal).ToList();
            var found = TextHoles.In(variant).Order(StringComparer.Ordinal).ToList();
            if (!expected.SequenceEqual(found, StringComparer.Ordinal))
            {
                throw Fail(path, $"has the holes {Holes(found)} but {englishFile} has {Holes(expected)}: keep every {{hole}} exactly as English writes it");
            }
        }

        private Exception Fail(string path, string problem) => error($"{where}: {(path.Length == 0 ? "the file" : path)} {problem}");

        private static string Named(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

        // Entries are named as their files name them, so "answers[2] ("funds-in-funding")" or "[5] (code 10003)" can be found.
        private static string Item(string path, int index, JsonElement item)
        {
            var indexed = string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]");
            if (item.ValueKind != JsonValueKind.Object)
            {
                return indexed;
            }

            if (item.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String)
            {
                return $"{indexed} (\"{name.GetString()}\")";
            }

            return item.TryGetProperty("codes", out var codes) && codes.ValueKind == JsonValueKind.Array && codes.GetArrayLength() > 0
                ? $"{indexed} (code {codes[0]})"
                : item.TryGetProperty("match", out var match) && match.ValueKind == JsonValueKind.Array && match.GetArrayLength() > 0
                    ? $"{indexed} (match '{SafeText.Fit(match[0].ToString(), 41)}')"
                    : indexed;
        }

        private static string Kind(JsonElement element) => element.ValueKind switch
        {
            JsonValueKind.Object => "an object in curly braces",
            JsonValueKind.Array => "a list in square brackets",
            JsonValueKind.String => "text in double quotes",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "true or false",
            _ => "null",
        };

        private static string Shown(JsonElement element) => SafeText.Fit(element.GetRawText(), 80);

        private static string Holes(List<string> holes) => holes.Count == 0 ? "none" : string.Join(", ", holes.Select(h => $"{{{h}}}"));

        private static string Count(int items) => items == 1 ? "1 item" : string.Create(CultureInfo.InvariantCulture, $"{items} items");
    }
}

/// <summary>
/// One content file in every language it ships in: <see cref="English"/> and the translated variants.
/// <see cref="For"/> takes a shipped locale name as already resolved from Discord's (see <see cref="ContentVariants.Shipped"/>).
/// </summary>
public sealed class LocalizedContent<T>
    where T : class
{
    private readonly IReadOnlyDictionary<string, T> variants;

    public LocalizedContent(T english, IReadOnlyDictionary<string, T> variants)
    {
        ArgumentNullException.ThrowIfNull(english);
        ArgumentNullException.ThrowIfNull(variants);
        English = english;
        this.variants = variants;
    }

    /// <summary>The source file's content, which every locale without a variant reads.</summary>
    public T English { get; }

    /// <summary>The locales that have a variant file, besides English.</summary>
    public IReadOnlyCollection<string> Translated => [.. variants.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The content in <paramref name="locale"/> ("es-ES"); English for en-US, unknown names and locales without a variant.</summary>
    public T For(string? locale) => variants.GetValueOrDefault(ContentVariants.Shipped(locale)) ?? English;
}

/// <summary>A translated content file differs from its English file; the message names the file, the locale and the key.</summary>
public sealed class ContentVariantException : Exception
{
    public ContentVariantException()
    {
    }

    public ContentVariantException(string message)
        : base(message)
    {
    }

    public ContentVariantException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
