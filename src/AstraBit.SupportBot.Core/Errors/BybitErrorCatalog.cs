using AstraBit.SupportBot.Core.Content;
using AstraBit.SupportBot.Core.Text;

namespace AstraBit.SupportBot.Core.Errors;

/// <summary>
/// Plain-language explanations of Bybit error codes for /bybit-error, loaded from config/bybit-errors.json
/// so support staff can change the wording without a rebuild.
/// </summary>
public sealed class BybitErrorCatalog
{
    /// <summary>Longer pastes are cut to this many characters before matching.</summary>
    public const int MaxInputLength = 500;

    /// <summary>Chat messages are read up to Discord's message length (2000, or 4000 with Nitro).</summary>
    public const int MaxMessageLength = 4000;

    private const string UnknownTitle = "We don't know this error yet";

    private const string UnknownFix =
        "Copy the whole error exactly as it appears, with the number and the words after it, and try /bybit-error again. "
        + "If it still isn't recognised, open a ticket with /ticket open and paste the full message there, and someone from support will look at it. "
        + "Never paste your API secret anywhere.";

    private readonly Dictionary<string, ErrorCatalogEntry> byCode;
    private readonly List<Phrase> phrasesLongestFirst;

    private BybitErrorCatalog(IReadOnlyList<ErrorCatalogEntry> entries)
    {
        Entries = entries;
        byCode = entries
            .SelectMany(entry => entry.Codes.Select(code => (code, entry)))
            .ToDictionary(pair => pair.code, pair => pair.entry, StringComparer.Ordinal);

        // The longest phrase found is the most specific one; OrderByDescending is stable, so ties keep file order.
        phrasesLongestFirst = entries
            .SelectMany(entry => entry.Match.Select(text => new Phrase(MatchText.Normalize(text), text, entry)))
            .OrderByDescending(phrase => phrase.Normalized.Length)
            .ToList();
    }

    public IReadOnlyList<ErrorCatalogEntry> Entries { get; }

    /// <summary>
    /// The entries for what a member is typing after <c>/bybit-error code:</c> (its autocomplete): codes starting with
    /// it first, then entries whose title or phrases contain it; the first <paramref name="max"/> of the file for nothing typed.
    /// </summary>
    public IReadOnlyList<ErrorCatalogEntry> Suggest(string? typed, int max)
    {
        var text = (typed ?? "").Trim();
        if (text.Length == 0)
        {
            return [.. Entries.Take(max)];
        }

        var byCode = Entries.Where(e => e.Codes.Any(c => c.StartsWith(text, StringComparison.OrdinalIgnoreCase)));
        var byWords = Entries.Where(e => e.Title.Contains(text, StringComparison.OrdinalIgnoreCase)
            || e.Match.Any(m => m.Contains(text, StringComparison.OrdinalIgnoreCase)));
        return [.. byCode.Concat(byWords).Distinct().Take(max)];
    }

    /// <summary>Reads and validates the catalog; throws <see cref="ErrorCatalogException"/> naming <paramref name="sourceName"/>, the entry and the field.</summary>
    public static BybitErrorCatalog Load(Stream json, string sourceName, ContentLimits limits)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceName);
        ArgumentNullException.ThrowIfNull(limits);
        return new BybitErrorCatalog(ErrorCatalogReader.Read(json, sourceName, limits));
    }

    /// <summary>
    /// Explains a code ("10003", "retCode 10003", "HTTP 403", "403 Forbidden"), a message, or a pasted Bybit
    /// response. A catalog phrase found in the text wins over the bare code, because the message is the more
    /// specific of the two (10001 covers many problems; "position idx not match position mode" only one).
    /// Returns null for blank input and a result with <see cref="ErrorExplanation.Known"/> false when nothing matches.
    /// </summary>
    public ErrorExplanation? Explain(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var text = input.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        text = SafeText.Prefix(text, MaxInputLength);

        var pasted = PastedError.Parse(text);
        var (code, codeEntry) = FindByCode(pasted.CodeCandidates);
        code ??= pasted.CodeCandidates.FirstOrDefault();

        var phrase = phrasesLongestFirst.FirstOrDefault(p => pasted.SearchText.Contains(p.Normalized, StringComparison.Ordinal));
        if (phrase is not null)
        {
            return Known(phrase.Entry, code, phrase.Text);
        }

        return codeEntry is not null ? Known(codeEntry, code, matchedPhrase: null) : Unknown(code);
    }

    /// <summary>
    /// The known errors a chat message names (PRODUCT.md §9 "pasted errors"), each once, in the order they appear:
    /// labelled or unmistakable codes and whole catalog phrases; "retCode 10001 ... position idx not match position
    /// mode" gives the Hedge Mode entry alone, as a phrase that 10001's entry points to is the more specific answer.
    /// Empty when nothing known is there — the bot then stays quiet rather than answer every message with a number.
    /// </summary>
    public IReadOnlyList<PastedErrorMatch> FindInMessage(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var pasted = PastedError.ParseMessage(SafeText.Prefix(text, MaxMessageLength));

        var found = new List<(int At, PastedErrorMatch Match)>();
        foreach (var phrase in phrasesLongestFirst)
        {
            var at = WholeWordIndex(pasted.SearchText, phrase.Normalized);
            if (at >= 0 && !found.Any(f => f.Match.Entry == phrase.Entry))
            {
                found.Add((at, new PastedErrorMatch(KeyOf(phrase.Entry), phrase.Entry, Known(phrase.Entry, null, phrase.Text))));
            }
        }

        var phrases = found.Select(f => MatchText.Normalize(f.Match.Explanation.MatchedPhrase!)).ToList();
        for (var i = 0; i < pasted.CodeCandidates.Count; i++)
        {
            var (code, entry) = FindByCode([pasted.CodeCandidates[i]]);
            if (entry is null || found.Any(f => f.Match.Entry == entry)
                || entry.SeeAlso.Any(also => phrases.Contains(MatchText.Normalize(also), StringComparer.Ordinal)))
            {
                continue;
            }

            var at = pasted.SearchText.IndexOf(pasted.CodeCandidates[i].Replace("HTTP ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
            found.Add((at < 0 ? int.MaxValue : at, new PastedErrorMatch(KeyOf(entry), entry, Known(entry, code, null))));
        }

        return found.OrderBy(f => f.At).Select(f => f.Match).ToList();
    }

    // The entry's first code, or its first phrase: stable while support staff reword titles and fixes.
    private static string KeyOf(ErrorCatalogEntry entry) => entry.Codes.Count > 0 ? entry.Codes[0] : MatchText.Normalize(entry.Match[0]);

    private static int WholeWordIndex(string text, string phrase)
    {
        for (var at = text.IndexOf(phrase, StringComparison.Ordinal); at >= 0; at = text.IndexOf(phrase, at + 1, StringComparison.Ordinal))
        {
            var end = at + phrase.Length;
            if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end])))
            {
                return at;
            }
        }

        return -1;
    }

    private (string? Code, ErrorCatalogEntry? Entry) FindByCode(IReadOnlyList<string> candidates)
    {
        foreach (var candidate in candidates)
        {
            if (byCode.TryGetValue(candidate, out var entry))
            {
                return (candidate, entry);
            }

            // "403 Forbidden": Bybit has no retCode 403, so a bare HTTP-like number means the status.
            var http = ErrorCode.Http(candidate);
            if (ErrorCode.CouldBeHttpStatus(candidate) && byCode.TryGetValue(http, out entry))
            {
                return (http, entry);
            }
        }

        return (null, null);
    }

    private static ErrorExplanation Known(ErrorCatalogEntry entry, string? code, string? matchedPhrase) =>
        new(true, code, matchedPhrase, entry.Title, entry.Meaning, entry.Fix, entry.GuideStep, entry.SeeAlso);

    private static ErrorExplanation Unknown(string? code)
    {
        var meaning = code is null
            ? "We couldn't find a Bybit error code or a message we recognise in what you sent, and we'd rather not guess."
            : $"We don't have an explanation for {ErrorCode.Describe(code)} yet, and we'd rather not guess. "
              + "It may be a rare Bybit code, or part of the message may be missing.";
        return new ErrorExplanation(false, code, null, UnknownTitle, meaning, UnknownFix, null, []);
    }

    private sealed record Phrase(string Normalized, string Text, ErrorCatalogEntry Entry);
}
