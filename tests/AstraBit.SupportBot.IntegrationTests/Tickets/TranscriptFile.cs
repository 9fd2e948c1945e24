using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AstraBit.SupportBot.Emulators.Discord;

namespace AstraBit.SupportBot.IntegrationTests.Tickets;

/// <summary>
/// The transcript file the log channel received, read as its reader sees it: one line per block, "Label: value" for
/// the header's facts, a message as its author line ("name role id time") followed by its text.
/// </summary>
internal static partial class TranscriptFile
{
    public static string Text(EmulatedAttachment file)
    {
        Assert.Equal("text/html; charset=utf-8", file.ContentType);
        Assert.Matches(@"^ticket-\d{4}\.html$", file.FileName);
        var html = Encoding.UTF8.GetString(file.Content);
        html = Style().Replace(html, "").Replace("</dt><dd>", ": ", StringComparison.Ordinal);
        html = BlockEnd().Replace(html, "\n");
        return WebUtility.HtmlDecode(BlankLines().Replace(Tag().Replace(html, ""), "\n"));
    }

    [GeneratedRegex("<style>.*?</style>", RegexOptions.Singleline)]
    private static partial Regex Style();

    [GeneratedRegex("</(div|li|p|h1|h2|h3|dd|header|blockquote)>")]
    private static partial Regex BlockEnd();

    [GeneratedRegex("\n+")]
    private static partial Regex BlankLines();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();
}
