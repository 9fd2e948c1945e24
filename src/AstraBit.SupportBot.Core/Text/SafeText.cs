using System.Text;

namespace AstraBit.SupportBot.Core.Text;

/// <summary>
/// The one way text is cut to a length, and the one way member-written text is made safe to show beside staff's:
/// every cut keeps surrogate pairs whole (half an emoji is an invalid string Discord refuses), and invisible
/// direction and zero-width characters are taken out so a name can't reorder or hide what follows it.
/// </summary>
public static class SafeText
{
    public const string Ellipsis = "…";

    /// <summary>
    /// <paramref name="text"/> when it fits in <paramref name="maxLength"/> UTF-16 code units; otherwise its start and
    /// <paramref name="ellipsis"/>, together at most <paramref name="maxLength"/>, never ending in half a surrogate pair.
    /// </summary>
    public static string Fit(string text, int maxLength, string ellipsis = Ellipsis)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(ellipsis);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, ellipsis.Length);
        if (text.Length <= maxLength)
        {
            return text;
        }

        return string.Concat(text.AsSpan(0, SafeCutIndex(text, maxLength - ellipsis.Length)), ellipsis);
    }

    /// <summary>The first <paramref name="maxLength"/> code units or fewer, with no ellipsis and no half surrogate pair.</summary>
    public static string Prefix(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(maxLength);
        return text.Length <= maxLength ? text : text[..SafeCutIndex(text, maxLength)];
    }

    /// <summary>
    /// Removes bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) and zero-width
    /// characters (U+200B–U+200D, U+2060, U+FEFF, U+00AD, U+180E), and lone surrogate halves.
    /// </summary>
    public static string Neutralize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var pair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            var drop = !pair && (IsHidden(c) || char.IsSurrogate(c));
            if (drop && builder is null)
            {
                builder = new StringBuilder(text.Length).Append(text, 0, i);
            }

            if (!drop)
            {
                builder?.Append(c);
                if (pair)
                {
                    builder?.Append(text[i + 1]);
                    i++;
                }
            }
        }

        return builder?.ToString() ?? text;
    }

    /// <summary>True for the direction and zero-width characters <see cref="Neutralize"/> removes.</summary>
    public static bool IsHidden(char c) =>
        c is >= '\u202A' and <= '\u202E'
        or >= '\u2066' and <= '\u2069'
        or '\u200E' or '\u200F' or '\u061C'
        or >= '\u200B' and <= '\u200D'
        or '\u2060' or '\uFEFF' or '\u00AD' or '\u180E';

    private static int SafeCutIndex(string text, int length) =>
        length > 0 && length < text.Length && char.IsHighSurrogate(text[length - 1]) && char.IsLowSurrogate(text[length]) ? length - 1 : length;
}
