using System.Text;

namespace AstraBit.SupportBot.Core.Text;

/// <summary>
/// The "{name}" holes of content texts (the guide's, the saved answers'): found and filled in one place. A hole runs
/// from a '{' to the next '}'; what is between is the hole's name as written.
/// </summary>
internal static class TextHoles
{
    /// <summary>The names of the holes in <paramref name="text"/>, in order (as written, checked by the caller).</summary>
    public static IEnumerable<string> In(string text)
    {
        var index = 0;
        while (Next(text, index) is var (open, close) && open >= 0)
        {
            yield return text.Substring(open + 1, close - open - 1);
            index = close + 1;
        }
    }

    /// <summary>
    /// <paramref name="text"/> with each hole replaced by <paramref name="value"/> of its name; where that gives null
    /// the hole stays as written (braces that aren't a hole, like "{" in prose).
    /// </summary>
    public static string Fill(string text, Func<string, string?> value)
    {
        var builder = new StringBuilder(text.Length);
        var index = 0;
        while (Next(text, index) is var (open, close) && open >= 0)
        {
            builder.Append(text, index, open - index);
            builder.Append(value(text.Substring(open + 1, close - open - 1)) ?? text.Substring(open, close - open + 1));
            index = close + 1;
        }

        return builder.Append(text, index, text.Length - index).ToString();
    }

    // The next hole at or after index: (-1, -1) when there is none.
    private static (int Open, int Close) Next(string text, int index)
    {
        var open = index < text.Length ? text.IndexOf('{', index) : -1;
        var close = open < 0 ? -1 : text.IndexOf('}', open + 1);
        return close < 0 ? (-1, -1) : (open, close);
    }
}
