using System.Globalization;
using System.Text;
using AstraBit.SupportBot.Core.Diagnostics;

namespace AstraBit.SupportBot.Cli;

/// <summary>The human form of a diagnostic report: one line per check, the fix under each problem.</summary>
public static class ReportPrinter
{
    private const int IdWidth = 19;
    private const int Width = 100;

    public static string Format(DiagnosticReport report)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Bybit key check for {report.ApiKey} on {report.Host}").AppendLine();
        if (report.Account is { } account)
        {
            text.Append("Account: ").Append(DescribeAccount(account)).AppendLine();
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
                var label = check.GuideStep is > 0 ? $"Fix (guide step {check.GuideStep}): " : "Fix: ";
                AppendWrapped(text, indent, label + check.Fix);
            }
        }

        var fails = report.Checks.Count(c => c.Status == CheckStatus.Fail);
        var warns = report.Checks.Count(c => c.Status == CheckStatus.Warn);
        text.AppendLine();
        text.Append(CultureInfo.InvariantCulture, $"Verdict: {report.Verdict.ToString().ToUpperInvariant()}");
        if (report.CouldNotRun is { } reason)
        {
            // "error" says the check could not run; the reason tells support whether to wait or look deeper.
            text.Append(CultureInfo.InvariantCulture, $" ({reason})");
        }

        text.Append(CultureInfo.InvariantCulture, $" · {Count(fails, "problem")}, {Count(warns, "warning")}");
        text.Append(CultureInfo.InvariantCulture, $" · checked in {report.DurationMs} ms").AppendLine();
        text.AppendLine("Legend: ✓ pass  ! warning  ✗ problem  - skipped");
        return text.ToString();
    }

    private static string DescribeAccount(ReportAccount account)
    {
        var type = account.Type == "unified" ? "Unified Trading Account" : "Standard (classic) account";
        return $"{type}, {(account.IsMaster ? "main account" : "sub-account")}";
    }

    private static string Symbol(CheckStatus status) => status switch
    {
        CheckStatus.Pass => "✓",
        CheckStatus.Warn => "!",
        CheckStatus.Fail => "✗",
        _ => "-",
    };

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

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
