using System.Text;
using System.Text.RegularExpressions;

namespace AstraBit.SupportBot.Tests.Languages;

/// <summary>
/// No user-facing text stays in a handler or message builder (issue 23): every string literal in the bot's Discord side
/// (src/AstraBit.SupportBot/Bot) and Core's text builders is read, comments left out, interpolation holes taken out,
/// and one that still holds words — two words of letters in a row — must come from the catalogue instead. What may
/// stay is said once below with its reason; a file that still has literals and belongs to work in progress is listed in
/// <see cref="NotYetConverted"/>, and the list must shrink as files are converted (a listed file that is clean fails).
/// </summary>
public sealed partial class SourceLiteralScanTests
{
    /// <summary>
    /// Files another part of issue 23 (or a later one) still converts. When one is converted, take it off this list.
    /// </summary>
    private static readonly string[] NotYetConverted =
    [
        // Every file in scope is converted (issue 23); a file goes here only while work in progress converts it.
    ];

    /// <summary>Where the words shown to members and staff are built: the Discord side and Core's text builders.</summary>
    private static readonly string[] Scope =
    [
        "src/AstraBit.SupportBot/Bot",
        "src/AstraBit.SupportBot.Core/Tickets/TranscriptLabels.cs",
        "src/AstraBit.SupportBot.Core/Tickets/HtmlTranscriptBuilder.cs",
        "src/AstraBit.SupportBot.Core/Tickets/TicketViews.cs",
        "src/AstraBit.SupportBot.Core/Diagnostics/CheckTexts.cs",
        "src/AstraBit.SupportBot.Core/Stats/SupportStatsReport.cs",
    ];

    /// <summary>
    /// Literals that may hold words, by what the statement they are in does (from the statement's start, or the line's,
    /// to the literal): logs and exceptions are for operators and developers, in English like the docs; an audit entry's
    /// sentence (ours, or Discord's audit-log reason) is a record written once and shown as recorded; a configuration
    /// failure or a limit's name in one stops the start, for the operator; a ticket refusal's sentence stays for logs and
    /// the rules' tests while readers get <c>TicketReplies.Refusal</c> from the catalogue.
    /// </summary>
    private static readonly (Regex Where, string Why)[] Allowed =
    [
        (LoggingPattern(), "logs are for operators (English, like the docs)"),
        (ExceptionPattern(), "exceptions are for developers and operators, never shown to a member"),
        (AuditPattern(), "an audit entry is a record, written once and shown as recorded"),
        (OptionsPattern(), "a configuration failure stops the start, for the operator"),
        (RefusalPattern(), "a ticket refusal's English sentence is for logs; readers get TicketReplies.Refusal"),
        (ContractNamePattern(), "the user command's contract name (PRODUCT.md §3): interactions carry it in every language; readers see command.*.name"),
    ];

    [Fact]
    public void Scan_PlantedSample_FindsEveryKindOfLiteralAndAllowsOnlyTheListed()
    {
        const string sample = """"
            // "A comment with words" is no literal.
            public static class Planted
            {
                public static string A(int n) => "Your ticket is open.";
                public static string B(int n) => $"Ticket {n} was closed by {Who(n)}.";
                public static string C() => @"Press the ""button"" now";
                public static string D() => """Raw text with words""";
                public static string E(int n) => $"""Raw {n} interpolated words""";
                public static string F(int n) => $"<@{n}> · {n:0000}";
                public static string G() => "tk:close";
                [LoggerMessage(Level = LogLevel.Information, Message = "Ticket {Number} opened for member")]
                private static partial void Log(ILogger logger, int number);
                public static void H() => throw new InvalidOperationException("The ticket has no thread.");
                public static char I() => '"';
                public static string J() => "one" + "\"quoted words\"";
                public static string K() => "<li class=\"msg role-" + "\">\n<h3>Ticket closed</h3>";
            }
            """";

        var found = Scan(sample).Select(l => l.Text).ToList();

        Assert.Equal(
            ["Your ticket is open.", "Ticket  was closed by .", "Press the \"button\" now", "Raw text with words", "Raw  interpolated words", "\"quoted words\"", "\">\n<h3>Ticket closed</h3>"],
            found);
    }

    [Fact]
    public void Source_HandlersAndMessageBuilders_HoldNoUserFacingLiteral()
    {
        var root = RepositoryRoot();
        var files = Scope
            .SelectMany(s => Directory.Exists(Path.Combine(root, s))
                ? Directory.EnumerateFiles(Path.Combine(root, s), "*.cs", SearchOption.AllDirectories)
                : [Path.Combine(root, s)])
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(files.Count > 40, $"The scan read only {files.Count} files: is the scope still where the code is?");

        var offenders = new List<string>();
        var stillListed = new List<string>();
        foreach (var file in files)
        {
            var literals = Scan(File.ReadAllText(Path.Combine(root, file)));
            var listed = NotYetConverted.Contains(file, StringComparer.Ordinal);
            if (literals.Count > 0 && !listed)
            {
                offenders.AddRange(literals.Select(l => $"{file}:{l.Line}: \"{l.Text}\""));
            }
            else if (literals.Count == 0 && listed)
            {
                stillListed.Add(file);
            }
        }

        Assert.True(offenders.Count == 0, "User-facing literals left in code (put them in config/texts and read them through LocaleTexts):\n" + string.Join("\n", offenders));
        Assert.True(stillListed.Count == 0, "Converted, so take these off NotYetConverted:\n" + string.Join("\n", stillListed));
        Assert.All(NotYetConverted, f => Assert.Contains(f, files));
    }

    /// <summary>Every string literal with words in <paramref name="source"/> that no <see cref="Allowed"/> rule covers, with its line.</summary>
    internal static List<(int Line, string Text)> Scan(string source)
    {
        var found = new List<(int, string)>();
        foreach (var (line, offset, text) in Literals(source))
        {
            // Markup is not what a reader reads: a tag (or the part of one a literal holds) is taken out first.
            if (!Words().IsMatch(Markup().Replace(text, " ")))
            {
                continue;
            }

            // A statement starts after the last ';' (braces can't tell: interpolation holes hold them too).
            var statement = source.LastIndexOf(';', Math.Max(0, offset - 1)) + 1;
            var lineStart = source.LastIndexOf('\n', Math.Max(0, offset - 1)) + 1;
            var context = source[Math.Min(statement, lineStart)..offset];
            if (!Allowed.Any(a => a.Where.IsMatch(context)))
            {
                found.Add((line, text));
            }
        }

        return found;
    }

    /// <summary>Each string literal's text (interpolation holes taken out) and its 1-based line; comments and chars skipped.</summary>
    private static IEnumerable<(int Line, int Offset, string Text)> Literals(string s)
    {
        var i = 0;
        var line = 1;
        while (i < s.Length)
        {
            var c = s[i];
            if (c == '\n')
            {
                line++;
                i++;
            }
            else if (c == '/' && i + 1 < s.Length && s[i + 1] == '/')
            {
                while (i < s.Length && s[i] != '\n')
                {
                    i++;
                }
            }
            else if (c == '/' && i + 1 < s.Length && s[i + 1] == '*')
            {
                var end = s.IndexOf("*/", i + 2, StringComparison.Ordinal);
                end = end < 0 ? s.Length : end + 2;
                line += s[i..end].Count(ch => ch == '\n');
                i = end;
            }
            else if (c == '\'')
            {
                // A char literal: '"', '\'', 'x'.
                i += s[i + 1] == '\\' ? 4 : 3;
                while (i < s.Length && s[i - 1] != '\'')
                {
                    i++;
                }
            }
            else if (c is '"' or '$' or '@' && StartOfString(s, i) is { } start)
            {
                var (startLine, literal) = (line, i);
                var (text, end) = ReadString(s, i, start);
                line += s[i..end].Count(ch => ch == '\n');
                i = end;
                yield return (startLine, literal, text);
            }
            else
            {
                i++;
            }
        }
    }

    private sealed record StringStart(int Dollars, bool Verbatim, int Quotes, int Length);

    private static StringStart? StartOfString(string s, int i)
    {
        var j = i;
        var dollars = 0;
        var verbatim = false;
        while (j < s.Length && (s[j] == '$' || s[j] == '@'))
        {
            if (s[j] == '$')
            {
                dollars++;
            }
            else
            {
                verbatim = true;
            }

            j++;
        }

        if (j >= s.Length || s[j] != '"' || (j > i && i > 0 && (char.IsLetterOrDigit(s[i - 1]) || s[i - 1] == '_')))
        {
            return null;
        }

        var quotes = 0;
        while (j + quotes < s.Length && s[j + quotes] == '"')
        {
            quotes++;
        }

        // "" is an empty string; three or more open a raw string.
        quotes = quotes >= 3 ? quotes : 1;
        return new StringStart(dollars, verbatim, quotes, j - i + quotes);
    }

    private static (string Text, int End) ReadString(string s, int i, StringStart start)
    {
        var text = new StringBuilder();
        var j = i + start.Length;
        var raw = start.Quotes >= 3;
        var depth = 0;
        var opener = new string('{', Math.Max(1, start.Dollars));
        while (j < s.Length)
        {
            if (depth == 0 && raw && string.CompareOrdinal(s, j, new string('"', start.Quotes), 0, start.Quotes) == 0)
            {
                return (text.ToString(), j + start.Quotes);
            }

            var c = s[j];
            if (depth == 0 && !raw && c == '"')
            {
                if (start.Verbatim && j + 1 < s.Length && s[j + 1] == '"')
                {
                    text.Append('"');
                    j += 2;
                    continue;
                }

                return (text.ToString(), j + 1);
            }

            if (depth == 0 && !raw && !start.Verbatim && c == '\\')
            {
                text.Append(s[j + 1] switch { 'n' => '\n', 't' => '\t', var e => e });
                j += 2;
                continue;
            }

            if (start.Dollars > 0)
            {
                if (depth == 0 && string.CompareOrdinal(s, j, opener + "{", 0, opener.Length + 1) == 0 && start.Dollars == 1)
                {
                    // {{ is a brace in the text.
                    text.Append('{');
                    j += 2;
                    continue;
                }

                if (depth == 0 && string.CompareOrdinal(s, j, opener, 0, opener.Length) == 0)
                {
                    depth = 1;
                    j += opener.Length;
                    continue;
                }

                if (depth > 0)
                {
                    depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                    if (c == '"' && depth > 0)
                    {
                        // A string inside a hole: skip it whole.
                        var inner = StartOfString(s, j);
                        j = inner is null ? j + 1 : ReadString(s, j, inner).End;
                        continue;
                    }

                    j++;
                    continue;
                }
            }

            text.Append(c);
            j++;
        }

        return (text.ToString(), j);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "AstraBit.SupportBot.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("AstraBit.SupportBot.sln not found above the test's folder.");
    }

    // Two words of letters in a row: "Your ticket", "closed by". A lone word ("none", "tk:close") is an id or a format.
    [GeneratedRegex(@"\p{L}{2,}[,.;:!?'’]?\s+\p{L}{2,}")]
    private static partial Regex Words();

    // An HTML tag, whole or cut by the literal's end or start: "<li class=\"msg role-", "\" id=\"m\">".
    [GeneratedRegex(@"<[^<>]*(?:>|$)|^[^<>]*>")]
    private static partial Regex Markup();

    [GeneratedRegex(@"\[LoggerMessage\(|\blogger\.Log\w*\(")]
    private static partial Regex LoggingPattern();

    [GeneratedRegex(@"\bthrow\b|Exception\(|ThrowIf")]
    private static partial Regex ExceptionPattern();

    [GeneratedRegex(@"new AuditEntry\(|new TicketAct\(|AuditReason\(")]
    private static partial Regex AuditPattern();

    [GeneratedRegex(@"ValidateOptionsResult\.Fail\(|new TextLimit\(")]
    private static partial Regex OptionsPattern();

    [GeneratedRegex(@"TicketOutcome\.Refused\(")]
    private static partial Regex RefusalPattern();

    [GeneratedRegex(@"public const string AskToRunCheck = $")]
    private static partial Regex ContractNamePattern();
}
