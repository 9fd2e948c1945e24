namespace AstraBit.SupportBot.Core.Text;

/// <summary>
/// The languages the bot speaks (PRODUCT.md §12) and how any Discord locale comes to one of them: the shipped locale
/// itself, another variant of a shipped language (es-419 → es-ES, pt-PT → pt-BR, en-GB → en-US), else English.
/// </summary>
public static class SupportLocales
{
    /// <summary>The source language: every other catalogue is checked against it, and every unknown locale falls back to it.</summary>
    public const string Source = "en-US";

    /// <summary>Every shipped locale, as Discord names it; <see cref="Source"/> first.</summary>
    public static IReadOnlyList<string> Shipped { get; } = [Source, "es-ES", "pt-BR", "ru", "tr", "vi", "de", "fr"];

    /// <summary>
    /// The shipped locale a reader with Discord locale <paramref name="locale"/> reads: the same one when shipped
    /// (ignoring case), else the shipped variant of the same language, else <see cref="Source"/>. Null or blank is English.
    /// </summary>
    public static string Resolve(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale))
        {
            return Source;
        }

        var trimmed = locale.Trim();
        foreach (var shipped in Shipped)
        {
            if (string.Equals(shipped, trimmed, StringComparison.OrdinalIgnoreCase))
            {
                return shipped;
            }
        }

        var language = Language(trimmed);
        foreach (var shipped in Shipped)
        {
            if (string.Equals(Language(shipped), language, StringComparison.OrdinalIgnoreCase))
            {
                return shipped;
            }
        }

        return Source;
    }

    /// <summary>Whether <paramref name="locale"/> is one of <see cref="Shipped"/>, exactly as written there.</summary>
    public static bool IsShipped(string locale) => Shipped.Contains(locale, StringComparer.Ordinal);

    // "es-419" → "es", "ru" → "ru".
    private static string Language(string locale) => locale.Split('-', '_')[0];
}
