using System.Globalization;
using System.Text;
using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Text;

namespace AstraBit.SupportBot.Cli;

/// <summary>
/// The human form of a diagnostic report: one line per check, the fix under each problem, in the language of
/// <c>--locale</c> (English by default; the check explanations come from the same texts). The JSON form is the contract.
/// </summary>
public static class ReportPrinter
{
    private const int IdWidth = 19;
    private const int Width = 100;

    public static string Format(DiagnosticReport report, LocaleTexts texts)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(texts);
        var text = new StringBuilder();
        text.Append(texts.Get(TextIds.Cli.Heading, ("key", report.ApiKey), ("host", report.Host))).AppendLine();
        if (report.Account is { } account)
        {
            text.Append(texts.Get(
                TextIds.Cli.Account,
                ("type", texts.Get(account.Type == "unified" ? TextIds.Cli.Unified : TextIds.Cli.Classic)),
                ("kind", texts.Get(account.IsMaster ? TextIds.Cli.Main : TextIds.Cli.Sub)))).AppendLine();
        }

        text.AppendLine();
        foreach (var check in report.Checks)
        {
            var line = $"  {Symbol(check.Status)} {check.Id.PadRight(IdWidth)} {check.Title}";
            text.AppendLine(line);
            var indent = new string(' ', 4 + IdWidth + 1);
            if (!string.IsNullOrWhiteSpace(check.Detail) && check.Status != CheckStatus.Pass)
            {
                AppendWrapped(text, indent, check.Detail);
            }

            if (!string.IsNullOrWhiteSpace(check.Fix) && check.Status is CheckStatus.Fail or CheckStatus.Warn)
            {
                AppendWrapped(text, indent, check.GuideStep is { } step and > 0
                    ? texts.Get(TextIds.Cli.FixAtStep, ("step", texts.Number(step)), ("fix", check.Fix))
                    : texts.Get(TextIds.Cli.Fix, ("fix", check.Fix)));
            }
        }

        var fails = report.Checks.Count(c => c.Status == CheckStatus.Fail);
        var warns = report.Checks.Count(c => c.Status == CheckStatus.Warn);
        text.AppendLine();
        text.Append(texts.Get(TextIds.Cli.Verdict, ("verdict", texts.Get(report.Verdict switch
        {
            Verdict.Pass => TextIds.Cli.VerdictPass,
            Verdict.Warn => TextIds.Cli.VerdictWarn,
            Verdict.Fail => TextIds.Cli.VerdictFail,
            _ => TextIds.Cli.VerdictError,
        }))));
        if (report.CouldNotRun is { } reason)
        {
            // The reason an error couldn't run tells support whether to wait or look deeper; it is the check's own text.
            text.Append(CultureInfo.InvariantCulture, $" ({reason})");
        }

        text.Append(" · ").Append(texts.Count(TextIds.Cli.Problems, fails)).Append(", ").Append(texts.Count(TextIds.Cli.Warnings, warns));
        text.Append(" · ").Append(texts.Get(TextIds.Cli.CheckedIn, ("ms", texts.Number(report.DurationMs)))).AppendLine();
        text.AppendLine(texts.Get(TextIds.Cli.Legend));
        return text.ToString();
    }

    private static string Symbol(CheckStatus status) => status switch
    {
        CheckStatus.Pass => "✓",
        CheckStatus.Warn => "!",
        CheckStatus.Fail => "✗",
        _ => "-",
    };

    private static void AppendWrapped(StringBuilder text, string indent, string value)
    {
        foreach (var paragraph in value.Split('\n'))
        {
            var line = new StringBuilder();
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (line.Length > 0 && indent.Length + line.Length + 1 + word.Length > Width)
                {
                    text.Append(indent).Append(line).AppendLine();
                    line.Clear();
                }

                if (line.Length > 0)
                {
                    line.Append(' ');
                }

                line.Append(word);
            }

            if (line.Length > 0)
            {
                text.Append(indent).Append(line).AppendLine();
            }
        }
    }
}
