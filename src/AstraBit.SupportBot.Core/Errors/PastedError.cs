using System.Text.RegularExpressions;

namespace AstraBit.SupportBot.Core.Errors;

/// <summary>
/// What a member pasted into /bybit-error, taken apart: the codes it may name, best first, and the text to
/// search for catalog phrases. Regular expressions rather than a JSON parser, because pastes are often cut
/// off or wrapped in other words ("I got {"retCode":10001,...} when I connect").
/// </summary>
internal sealed partial record PastedError(IReadOnlyList<string> CodeCandidates, string SearchText)
{
    public static PastedError Parse(string text)
    {
        var candidates = new List<string>();

        // A labelled retCode ("retCode 10003", "\"retCode\":10003", "ret_code=10003") is what Bybit said;
        // other numbers in the same paste (timestamps, recv_window) must not compete with it.
        var labelled = LabelledCode().Matches(text).Select(m => m.Groups["code"].Value).ToList();
        var http = HttpStatus().Matches(text).Select(m => ErrorCode.Http(m.Groups["status"].Value)).ToList();

        candidates.AddRange(labelled);
        candidates.AddRange(http);
        if (labelled.Count == 0)
        {
            candidates.AddRange(BareNumber().Matches(text).Select(m => m.Value));
        }

        return new PastedError(candidates.Distinct(StringComparer.Ordinal).ToList(), MatchText.Normalize(text));
    }

    /// <summary>
    /// A chat message, read more strictly than a /bybit-error paste because nobody asked: only codes that are
    /// labelled ("retCode 10003", "\"retCode\":10003", "error 10010", "HTTP 403") or long enough to be unmistakable
    /// (five digits or more, "my bot says 10003") count; prices, amounts and times of day don't.
    /// </summary>
    public static PastedError ParseMessage(string text)
    {
        var candidates = new List<string>();
        candidates.AddRange(LabelledCode().Matches(text).Select(m => m.Groups["code"].Value));
        candidates.AddRange(ErrorWordCode().Matches(text).Select(m => m.Groups["code"].Value));
        candidates.AddRange(HttpStatus().Matches(text).Select(m => ErrorCode.Http(m.Groups["status"].Value)));
        candidates.AddRange(BareNumber().Matches(text)
            .Where(m => m.Value.TrimStart('-').Length >= 5 && !IdLabel().IsMatch(text.AsSpan(0, m.Index)))
            .Select(m => m.Value));
        return new PastedError(candidates.Where(c => c != "0").Distinct(StringComparer.Ordinal).ToList(), MatchText.Normalize(text));
    }

    [GeneratedRegex(@"\b(?:ret_?|err(?:or)?[_ ]?)?code[""']?\s*[:=]?\s*[""']?(?<code>-?\d{1,9})(?!\d)", RegexOptions.IgnoreCase)]
    private static partial Regex LabelledCode();

    // "order 10003", "uid: 12345", "ticket #10010": a number that names something is not an error code.
    [GeneratedRegex(@"\b(?:order|uid|id|ticket|number|no\.?|#)\s*[:#]?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex IdLabel();

    [GeneratedRegex(@"\berr(?:or)?\s*(?:code)?\s*[:=#]?\s*(?<code>-?\d{4,9})(?!\d)", RegexOptions.IgnoreCase)]
    private static partial Regex ErrorWordCode();

    [GeneratedRegex(@"\bHTTP(?:/[\d.]+)?\s*(?:(?:status|code|error)\s*)*[:=]?\s*(?<status>[1-5]\d{2})(?!\d)", RegexOptions.IgnoreCase)]
    private static partial Regex HttpStatus();

    // Whole numbers only: not part of a word, a decimal or a longer number such as a 13-digit timestamp.
    [GeneratedRegex(@"(?<![\w.-])-?\d{1,9}(?!\w|\.\d)")]
    private static partial Regex BareNumber();
}
