using System.Globalization;
using System.Text.RegularExpressions;

namespace AstraBit.SupportBot.Core.Errors;

/// <summary>The two kinds of code a catalog entry can carry: a Bybit retCode ("10003", "-1") or an HTTP status ("HTTP 403").</summary>
internal static partial class ErrorCode
{
    private const string HttpPrefix = "HTTP ";

    /// <summary>Returns the canonical form ("10003", "HTTP 403"), or null when the text is neither kind.</summary>
    public static string? Normalize(string text)
    {
        var trimmed = text.Trim();
        if (RetCodeForm().IsMatch(trimmed))
        {
            return trimmed;
        }

        var http = HttpForm().Match(trimmed);
        return http.Success ? Http(http.Groups["status"].Value) : null;
    }

    public static string Http(string status) => HttpPrefix + status;

    /// <summary>A bare number that could also be read as an HTTP status ("403" from "403 Forbidden").</summary>
    public static bool CouldBeHttpStatus(string code) =>
        code.Length == 3
        && int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var status)
        && status is >= 100 and <= 599;

    /// <summary>How a code reads in a sentence: "code 10003" or "HTTP 403".</summary>
    public static string Describe(string code) =>
        code.StartsWith(HttpPrefix, StringComparison.Ordinal) ? code : "code " + code;

    [GeneratedRegex(@"^-?\d{1,9}$")]
    private static partial Regex RetCodeForm();

    [GeneratedRegex(@"^HTTP\s*(?<status>[1-5]\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex HttpForm();
}
