using System.Globalization;
using System.Text;

namespace AstraBit.SupportBot.Core.Text;

/// <summary>
/// Every text the bot says, in every shipped language (config/texts/&lt;locale&gt;.json), checked at start against the
/// English source: same keys, same holes, each within the limit of where it is shown (<see cref="TextCatalogLoader"/>).
/// Code names a text by its stable id (<see cref="TextIds"/>) and reads it through the reader's <see cref="LocaleTexts"/>.
/// </summary>
public sealed class TextCatalog
{
    private readonly Dictionary<string, LocaleTexts> _locales;

    internal TextCatalog(IEnumerable<LocaleTexts> locales)
    {
        _locales = locales.ToDictionary(l => l.Locale, StringComparer.Ordinal);
        if (!_locales.ContainsKey(SupportLocales.Source))
        {
            throw new ArgumentException($"The catalogue needs the source locale {SupportLocales.Source}.", nameof(locales));
        }
    }

    /// <summary>The English source texts.</summary>
    public LocaleTexts Source => _locales[SupportLocales.Source];

    /// <summary>The locales the catalogue holds, as Discord names them.</summary>
    public IReadOnlyCollection<string> Locales => _locales.Keys;

    /// <summary>The texts a reader with Discord locale <paramref name="locale"/> reads (<see cref="SupportLocales.Resolve"/>).</summary>
    public LocaleTexts For(string? locale) =>
        _locales.TryGetValue(SupportLocales.Resolve(locale), out var texts) ? texts : Source;
}

/// <summary>One text as a file holds it: one form, or one per plural category (<see cref="PluralRules"/>).</summary>
internal sealed record CatalogText(IReadOnlyDictionary<string, string> Forms)
{
    public bool IsCounted => !Forms.ContainsKey(string.Empty);

    public static CatalogText Single(string text) => new(new Dictionary<string, string>(StringComparer.Ordinal) { [string.Empty] = text });
}

/// <summary>
/// The texts of one shipped locale. <see cref="Get"/> gives a text with its holes filled from the values named;
/// <see cref="Count"/> picks the plural form for a number first. Numbers and money are written with this locale's
/// separators (the catalogue's <c>format.*</c> keys), since the bot runs without culture data (docs/architecture.md).
/// </summary>
public sealed class LocaleTexts
{
    private readonly IReadOnlyDictionary<string, CatalogText> _texts;
    private readonly string _decimalSeparator;
    private readonly string _groupSeparator;

    internal LocaleTexts(string locale, IReadOnlyDictionary<string, CatalogText> texts)
    {
        Locale = locale;
        _texts = texts;
        _decimalSeparator = Plain(TextIds.Format.DecimalSeparator, ".");
        _groupSeparator = Plain(TextIds.Format.GroupSeparator, ",");
    }

    /// <summary>The shipped locale, as Discord names it ("es-ES").</summary>
    public string Locale { get; }

    /// <summary>The language's own name ("Español"), as the diagnosis card names the member's language.</summary>
    public string LanguageName => Get(TextIds.Language.Name);

    /// <summary>The ids this locale holds.</summary>
    public IEnumerable<string> Ids => _texts.Keys;

    /// <summary>Whether this locale has a text <paramref name="id"/> (for ids built from data, such as a check's name).</summary>
    public bool Has(string id) => _texts.ContainsKey(id);

    /// <summary>The text <paramref name="id"/> with each "{name}" hole filled from <paramref name="holes"/>.</summary>
    /// <exception cref="KeyNotFoundException">No text has that id (a test keeps <see cref="TextIds"/> and en-US.json equal).</exception>
    public string Get(string id, params ReadOnlySpan<(string Name, string Value)> holes)
    {
        var text = Find(id);
        return Fill(text.IsCounted ? text.Forms[PluralRules.Other] : text.Forms[string.Empty], holes);
    }

    /// <summary>
    /// The counted text <paramref name="id"/> in the plural form <paramref name="count"/> takes here, with "{count}"
    /// filled by the number as this locale writes it and the other holes from <paramref name="holes"/>.
    /// </summary>
    public string Count(string id, long count, params ReadOnlySpan<(string Name, string Value)> holes)
    {
        var text = Find(id);
        var form = !text.IsCounted ? text.Forms[string.Empty]
            : text.Forms.TryGetValue(PluralRules.Category(Locale, count), out var chosen) ? chosen
            : text.Forms[PluralRules.Other];
        Span<(string, string)> all = new (string, string)[holes.Length + 1];
        all[0] = ("count", Number(count));
        holes.CopyTo(all[1..]);
        return Fill(form, all);
    }

    /// <summary>A whole number with this locale's digit grouping ("1,234", "1.234", "1 234").</summary>
    public string Number(long value) => Localize(value.ToString("#,0", CultureInfo.InvariantCulture));

    /// <summary>A US dollar amount: whole dollars without cents, otherwise two decimals, in this locale's way ("$1,234.50", "1.234,50 US$").</summary>
    public string Money(decimal amount) => Get(
        TextIds.Format.Money,
        ("amount", Localize(amount.ToString(amount == decimal.Truncate(amount) ? "#,0" : "#,0.00", CultureInfo.InvariantCulture))));

    /// <summary>A wait or a span in words, to the second, at most its two largest parts: "1 minute, 30 seconds", "a moment".</summary>
    public string Duration(TimeSpan span)
    {
        var seconds = (long)Math.Ceiling(Math.Max(0, span.TotalSeconds));
        if (seconds < 1)
        {
            return Get(TextIds.Time.Moment);
        }

        var parts = new List<string>(2);
        foreach (var (id, length) in Units)
        {
            var count = seconds / length;
            if (count > 0 && parts.Count < 2)
            {
                parts.Add(Count(id, count));
            }

            seconds %= length;
        }

        return string.Join(Get(TextIds.Time.Separator), parts);
    }

    /// <summary>A list in this language: "a", "a and b", "a, b and c".</summary>
    public string List(IReadOnlyList<string> items) => items.Count switch
    {
        0 => string.Empty,
        1 => items[0],
        _ => Get(TextIds.Format.ListLast, ("first", string.Join(Get(TextIds.Time.Separator), items.Take(items.Count - 1))), ("last", items[^1])),
    };

    private static readonly (string Id, long Seconds)[] Units =
    [
        (TextIds.Time.Weeks, 604_800), (TextIds.Time.Days, 86_400), (TextIds.Time.Hours, 3_600), (TextIds.Time.Minutes, 60), (TextIds.Time.Seconds, 1),
    ];

    private CatalogText Find(string id) =>
        _texts.TryGetValue(id, out var text) ? text : throw new KeyNotFoundException($"No text '{id}' in locale {Locale}.");

    private string Plain(string id, string fallback) =>
        _texts.TryGetValue(id, out var text) && text.Forms.TryGetValue(string.Empty, out var value) ? value : fallback;

    private string Localize(string invariant)
    {
        var builder = new StringBuilder(invariant.Length + 4);
        foreach (var c in invariant)
        {
            builder.Append(c switch
            {
                ',' => _groupSeparator,
                '.' => _decimalSeparator,
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    private static string Fill(string template, ReadOnlySpan<(string Name, string Value)> holes)
    {
        if (holes.IsEmpty)
        {
            return template;
        }

        var values = holes.ToArray();
        return TextHoles.Fill(template, name => Array.Find(values, h => h.Name == name) is { Name: not null } hole ? hole.Value : null);
    }
}
