using System.Text;

namespace AstraBit.SupportBot.Core.Secrets;

/// <summary>
/// Text after Unicode compatibility folding (NFKC, as far as it reaches ASCII), with the way back to the original:
/// <see cref="ToOriginal"/> turns a span of <see cref="Text"/> into the span of the characters it came from.
/// </summary>
internal readonly record struct FoldedText(string Text, string Original, int[]? Origin)
{
    /// <summary>True when folding changed nothing: spans are the same in both.</summary>
    public bool IsIdentity => Origin is null;

    public TextSpan ToOriginal(TextSpan span)
    {
        if (Origin is null || span.Length == 0)
        {
            return span;
        }

        var start = Origin[span.Start];
        var last = Origin[span.End - 1];
        var end = last + (char.IsHighSurrogate(Original[last]) && last + 1 < Original.Length ? 2 : 1);
        return new TextSpan(start, end - start);
    }
}

/// <summary>
/// NFKC's compatibility mappings for every character whose NFKC form is ASCII — fullwidth forms (ｃ３Ｆｎ), the
/// mathematical alphabets (𝐜𝟑𝐅𝐧), circled, parenthesised, superscript and subscript letters and digits, letterlike
/// symbols (ℂ, ℎ), Roman numerals, Latin ligatures (ﬁ), Unicode spaces and small or vertical punctuation forms — so
/// that a secret typed or pasted in any of them reads as the ASCII it stands for. Left out on purpose: symbols that
/// stand for a word or a unit (™, №, ㎏, 🄭), which never spell a secret.
/// <para>
/// Written out here because the shipped build runs with invariant globalization, where
/// <see cref="string.Normalize(NormalizationForm)"/> has no Unicode data and changes nothing. Characters are folded one
/// code point at a time, which differs from NFKC only in composing combining marks — and a composed letter (é) is
/// never ASCII, so the detector sees the same letters and digits either way.
/// </para>
/// </summary>
internal static class CompatibilityFold
{
    // Code point ranges whose NFKC form is one ASCII character: each maps to Target plus its offset in the range
    // (Step) or all to Target. Sorted by First; from the Unicode Character Database's decomposition mappings.
    private static readonly (int First, int Last, char Target, bool Step)[] Ranges =
    [
        (0x00A0, 0x00A0, ' ', false), (0x00AA, 0x00AA, 'a', false), (0x00B2, 0x00B3, '2', true), (0x00B9, 0x00B9, '1', false),
        (0x00BA, 0x00BA, 'o', false), (0x017F, 0x017F, 's', false),
        (0x02B0, 0x02B0, 'h', false), (0x02B2, 0x02B2, 'j', false), (0x02B3, 0x02B3, 'r', false), (0x02B7, 0x02B7, 'w', false),
        (0x02B8, 0x02B8, 'y', false), (0x02E1, 0x02E1, 'l', false), (0x02E2, 0x02E2, 's', false), (0x02E3, 0x02E3, 'x', false),
        (0x037E, 0x037E, ';', false),

        // Phonetic modifier letters.
        (0x1D2C, 0x1D2C, 'A', false), (0x1D2E, 0x1D2E, 'B', false), (0x1D30, 0x1D31, 'D', true), (0x1D33, 0x1D3A, 'G', true),
        (0x1D3C, 0x1D3C, 'O', false), (0x1D3E, 0x1D3E, 'P', false), (0x1D3F, 0x1D3F, 'R', false), (0x1D40, 0x1D41, 'T', true),
        (0x1D42, 0x1D42, 'W', false), (0x1D43, 0x1D43, 'a', false), (0x1D47, 0x1D47, 'b', false), (0x1D48, 0x1D49, 'd', true),
        (0x1D4D, 0x1D4D, 'g', false), (0x1D4F, 0x1D4F, 'k', false), (0x1D50, 0x1D50, 'm', false), (0x1D52, 0x1D52, 'o', false),
        (0x1D56, 0x1D56, 'p', false), (0x1D57, 0x1D58, 't', true), (0x1D5B, 0x1D5B, 'v', false), (0x1D62, 0x1D62, 'i', false),
        (0x1D63, 0x1D63, 'r', false), (0x1D64, 0x1D65, 'u', true), (0x1D9C, 0x1D9C, 'c', false), (0x1DA0, 0x1DA0, 'f', false),
        (0x1DBB, 0x1DBB, 'z', false), (0x1FEF, 0x1FEF, '`', false),

        // Spaces and punctuation.
        (0x2000, 0x200A, ' ', false), (0x2024, 0x2024, '.', false), (0x202F, 0x202F, ' ', false), (0x205F, 0x205F, ' ', false),

        // Superscripts and subscripts.
        (0x2070, 0x2070, '0', false), (0x2071, 0x2071, 'i', false), (0x2074, 0x2079, '4', true), (0x207A, 0x207A, '+', false),
        (0x207C, 0x207C, '=', false), (0x207D, 0x207E, '(', true), (0x207F, 0x207F, 'n', false), (0x2080, 0x2089, '0', true),
        (0x208A, 0x208A, '+', false), (0x208C, 0x208C, '=', false), (0x208D, 0x208E, '(', true), (0x2090, 0x2090, 'a', false),
        (0x2091, 0x2091, 'e', false), (0x2092, 0x2092, 'o', false), (0x2093, 0x2093, 'x', false), (0x2095, 0x2095, 'h', false),
        (0x2096, 0x2099, 'k', true), (0x209A, 0x209A, 'p', false), (0x209B, 0x209C, 's', true),

        // Letterlike symbols.
        (0x2102, 0x2102, 'C', false), (0x210A, 0x210A, 'g', false), (0x210B, 0x210D, 'H', false), (0x210E, 0x210E, 'h', false),
        (0x2110, 0x2111, 'I', false), (0x2112, 0x2112, 'L', false), (0x2113, 0x2113, 'l', false), (0x2115, 0x2115, 'N', false),
        (0x2119, 0x211B, 'P', true), (0x211C, 0x211D, 'R', false), (0x2124, 0x2124, 'Z', false), (0x2128, 0x2128, 'Z', false),
        (0x212A, 0x212A, 'K', false), (0x212C, 0x212D, 'B', true), (0x212F, 0x212F, 'e', false), (0x2130, 0x2131, 'E', true),
        (0x2133, 0x2133, 'M', false), (0x2134, 0x2134, 'o', false), (0x2139, 0x2139, 'i', false), (0x2145, 0x2145, 'D', false),
        (0x2146, 0x2147, 'd', true), (0x2148, 0x2149, 'i', true),

        // Roman numerals of one letter (the others are in Multiple).
        (0x2160, 0x2160, 'I', false), (0x2164, 0x2164, 'V', false), (0x2169, 0x2169, 'X', false), (0x216C, 0x216C, 'L', false),
        (0x216D, 0x216E, 'C', true), (0x216F, 0x216F, 'M', false), (0x2170, 0x2170, 'i', false), (0x2174, 0x2174, 'v', false),
        (0x2179, 0x2179, 'x', false), (0x217C, 0x217C, 'l', false), (0x217D, 0x217E, 'c', true), (0x217F, 0x217F, 'm', false),

        // Circled digits and letters.
        (0x2460, 0x2468, '1', true), (0x24B6, 0x24CF, 'A', true), (0x24D0, 0x24E9, 'a', true), (0x24EA, 0x24EA, '0', false),
        (0x2C7C, 0x2C7C, 'j', false), (0x2C7D, 0x2C7D, 'V', false), (0x3000, 0x3000, ' ', false),
        (0xA7F2, 0xA7F2, 'C', false), (0xA7F3, 0xA7F3, 'F', false), (0xA7F4, 0xA7F4, 'Q', false), (0xFB29, 0xFB29, '+', false),

        // Vertical and small forms.
        (0xFE10, 0xFE10, ',', false), (0xFE13, 0xFE14, ':', true), (0xFE15, 0xFE15, '!', false), (0xFE16, 0xFE16, '?', false),
        (0xFE33, 0xFE34, '_', false), (0xFE35, 0xFE36, '(', true), (0xFE37, 0xFE37, '{', false), (0xFE38, 0xFE38, '}', false),
        (0xFE47, 0xFE47, '[', false), (0xFE48, 0xFE48, ']', false), (0xFE4D, 0xFE4F, '_', false), (0xFE50, 0xFE50, ',', false),
        (0xFE52, 0xFE52, '.', false), (0xFE54, 0xFE54, ';', false), (0xFE55, 0xFE55, ':', false), (0xFE56, 0xFE56, '?', false),
        (0xFE57, 0xFE57, '!', false), (0xFE59, 0xFE5A, '(', true), (0xFE5B, 0xFE5B, '{', false), (0xFE5C, 0xFE5C, '}', false),
        (0xFE5F, 0xFE5F, '#', false), (0xFE60, 0xFE60, '&', false), (0xFE61, 0xFE62, '*', true), (0xFE63, 0xFE63, '-', false),
        (0xFE64, 0xFE64, '<', false), (0xFE65, 0xFE65, '>', false), (0xFE66, 0xFE66, '=', false), (0xFE68, 0xFE68, '\\', false),
        (0xFE69, 0xFE6A, '$', true), (0xFE6B, 0xFE6B, '@', false),

        // Fullwidth ASCII: ！ to ～.
        (0xFF01, 0xFF5E, '!', true),

        (0x107A5, 0x107A5, 'q', false), (0x1F12B, 0x1F12B, 'C', false), (0x1F12C, 0x1F12C, 'R', false), (0x1F130, 0x1F149, 'A', true),
        (0x1FBF0, 0x1FBF9, '0', true),
    ];

    // Mathematical Alphanumeric Symbols: 13 alphabets of 52 letters (A–Z, a–z), then 5 sets of digits. The few
    // reserved holes inside them are unassigned and never occur in text.
    private const int MathLetters = 0x1D400;
    private const int MathLettersEnd = 0x1D6A3;
    private const int MathDigits = 0x1D7CE;
    private const int MathDigitsEnd = 0x1D7FF;

    private static readonly string[] OneAscii = [.. Enumerable.Range(0, 128).Select(c => ((char)c).ToString())];

    /// <summary>Folds <paramref name="text"/>; pure ASCII comes back as it is, without copying.</summary>
    public static FoldedText Fold(string text)
    {
        if (Ascii.IsValid(text))
        {
            return new FoldedText(text, text, null);
        }

        var builder = new StringBuilder(text.Length);
        var origin = new List<int>(text.Length);
        for (var i = 0; i < text.Length;)
        {
            var pair = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            var codePoint = pair ? char.ConvertToUtf32(text[i], text[i + 1]) : text[i];
            var width = pair ? 2 : 1;
            if (Of(codePoint) is { } folded)
            {
                builder.Append(folded);
                for (var k = 0; k < folded.Length; k++)
                {
                    origin.Add(i);
                }
            }
            else
            {
                builder.Append(text, i, width);
                for (var k = 0; k < width; k++)
                {
                    origin.Add(i + k);
                }
            }

            i += width;
        }

        return new FoldedText(builder.ToString(), text, [.. origin]);
    }

    /// <summary>The ASCII that NFKC gives for <paramref name="codePoint"/>, or null when it gives no ASCII (or is ASCII already).</summary>
    public static string? Of(int codePoint)
    {
        if (codePoint < 0x80)
        {
            return null;
        }

        if (codePoint is >= MathLetters and <= MathLettersEnd)
        {
            var letter = (codePoint - MathLetters) % 52;
            return OneAscii[letter < 26 ? 'A' + letter : 'a' + letter - 26];
        }

        if (codePoint is >= MathDigits and <= MathDigitsEnd)
        {
            return OneAscii['0' + ((codePoint - MathDigits) % 10)];
        }

        var low = 0;
        var high = Ranges.Length - 1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            var (first, last, target, step) = Ranges[middle];
            if (codePoint < first)
            {
                high = middle - 1;
            }
            else if (codePoint > last)
            {
                low = middle + 1;
            }
            else
            {
                return OneAscii[step ? target + (codePoint - first) : target];
            }
        }

        return Multiple(codePoint);
    }

    // Characters whose NFKC form is several ASCII characters.
    private static string? Multiple(int codePoint) => codePoint switch
    {
        0x0132 => "IJ",
        0x0133 => "ij",
        >= 0x01C7 and <= 0x01CC => ((string[])["LJ", "Lj", "lj", "NJ", "Nj", "nj"])[codePoint - 0x01C7],
        >= 0x01F1 and <= 0x01F3 => ((string[])["DZ", "Dz", "dz"])[codePoint - 0x01F1],
        0x2025 or 0xFE30 => "..",
        0x2026 or 0xFE19 => "...",
        0x203C => "!!",
        0x2047 => "??",
        0x2048 => "?!",
        0x2049 => "!?",
        >= 0x2161 and <= 0x216B => Roman(codePoint - 0x2160, upper: true),
        >= 0x2171 and <= 0x217B => Roman(codePoint - 0x2170, upper: false),
        >= 0x2469 and <= 0x2473 => Number(codePoint - 0x2460 + 1),
        >= 0x2474 and <= 0x2487 => "(" + Number(codePoint - 0x2474 + 1) + ")",
        >= 0x2488 and <= 0x249B => Number(codePoint - 0x2488 + 1) + ".",
        >= 0x249C and <= 0x24B5 => "(" + (char)('a' + codePoint - 0x249C) + ")",
        >= 0x3251 and <= 0x325F => Number(codePoint - 0x3251 + 21),
        >= 0x32B1 and <= 0x32BF => Number(codePoint - 0x32B1 + 36),
        0x2A74 => "::=",
        0x2A75 => "==",
        0x2A76 => "===",
        >= 0xFB00 and <= 0xFB06 => ((string[])["ff", "fi", "fl", "ffi", "ffl", "st", "st"])[codePoint - 0xFB00],
        0x1F100 => "0.",
        >= 0x1F101 and <= 0x1F10A => Number(codePoint - 0x1F101) + ",",
        >= 0x1F110 and <= 0x1F129 => "(" + (char)('A' + codePoint - 0x1F110) + ")",
        _ => null,
    };

    private static string Number(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Roman(int index, bool upper)
    {
        // Ⅰ … Ⅻ (index 0 … 11); only the ones of several letters reach here.
        var numeral = ((string[])["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"])[index];
        return upper ? numeral : numeral.ToLowerInvariant();
    }
}
