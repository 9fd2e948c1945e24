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

    [GeneratedRegex(@"\b(?:ret_?|err(?:or)?[_ ]?)?code[""']?\s*[:=]?\s*[""']?(?<code>-?\d{1,9})(?!\d)", RegexOptions.IgnoreCase)]
    private static partial Regex LabelledCode();

    [GeneratedRegex(@"\bHTTP(?:/[\d.]+)?\s*(?:(?:status|code|error)\s*)*[:=]?\s*(?<status>[1-5]\d{2})(?!\d)", RegexOptions.IgnoreCase)]
    private static partial Regex HttpStatus();

    // Whole numbers only: not part of a word, a decimal or a longer number such as a 13-digit timestamp.
    [GeneratedRegex(@"(?<![\w.-])-?\d{1,9}(?!\w|\.\d)")]
    private static partial Regex BareNumber();
}
