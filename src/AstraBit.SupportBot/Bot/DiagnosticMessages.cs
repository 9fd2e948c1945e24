using System.Globalization;
using System.Text;
using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Core.Text;
using AstraBit.SupportBot.Discord.Models;

namespace AstraBit.SupportBot.Bot;

/// <summary>
/// A diagnostic report as Discord shows it: the verdict, one line per check with ✅ / ⚠️ / ❌, and the fix
/// under each problem with the guide step that fixes it. Shared by /diagnose, the walkthrough, moderator
/// requests and ticket cards, so a member sees the same thing everywhere.
/// </summary>
public static class DiagnosticMessages
{
    /// <param name="report">The check's report.</param>
    /// <param name="guide">For the names of the steps that fix problems.</param>
    /// <param name="texts">The reader's language: the member's on their own answer, the staff language on a ticket's card.</param>
    /// <param name="onlyChecks">When set (a step's "Check it now"), only these checks plus connectivity and api-key are shown.</param>
    public static Embed Render(DiagnosticReport report, GuideContent guide, LocaleTexts texts, IReadOnlyCollection<string>? onlyChecks = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(texts);
        var shown = report.Checks
            .Where(c => onlyChecks is null || onlyChecks.Contains(c.Id) || c.Id is CheckIds.Connectivity or CheckIds.ApiKey)
            .ToList();
        var problems = shown.Where(c => c.Status is CheckStatus.Fail or CheckStatus.Warn).ToList();

        var lines = new StringBuilder();
        foreach (var check in shown)
        {
            lines.Append(Icon(check.Status)).Append(' ').Append(Name(check, texts));
            if (check.Status == CheckStatus.Pass && check.Id is CheckIds.AccountType or CheckIds.KeyExpiry or CheckIds.Balance)
            {
                lines.Append(" · ").Append(Shorten(check.Detail, 120));
            }

            lines.AppendLine();
        }

        // A step's "Check it now" is judged on the checks it shows, not on problems that belong to other steps.
        var verdict = onlyChecks is null ? report.Verdict : ShownVerdict(report.Verdict, shown);
        var embed = new EmbedBuilder()
            .WithTitle(onlyChecks is not null && verdict == Verdict.Pass ? texts.Get(TextIds.Report.StepPassTitle) : Headline(verdict, problems.Count, texts))
            .WithColor(verdict switch
            {
                Verdict.Pass => Replies.GoodColor,
                Verdict.Warn => Replies.WarningColor,
                _ => Replies.ProblemColor,
            })
            .WithDescription(Shorten(lines.ToString(), 4096))
            .WithFooter(texts.Get(
                TextIds.Report.Footer,
                ("key", report.ApiKey),
                ("host", report.Host),
                ("ms", report.DurationMs.ToString(CultureInfo.InvariantCulture))));

        // Discord allows 25 fields; a report has 11 checks, so every problem fits.
        foreach (var problem in problems.Take(20))
        {
            var step = StepName(problem, guide, texts);
            var value = new StringBuilder(Shorten(problem.Detail, 500));
            if (!string.IsNullOrWhiteSpace(problem.Fix))
            {
                value.Append('\n').Append(step is null ? texts.Get(TextIds.Report.Fix) : texts.Get(TextIds.Report.FixAt, ("step", step))).Append(' ').Append(problem.Fix);
            }

            embed.AddField($"{Icon(problem.Status)} {Shorten(Name(problem, texts), 240)}", Shorten(value.ToString(), 1024));
        }

        return embed.Build();
    }

    /// <summary>The guide steps that fix the report's problems, first problem first, for "Open the guide at step N" buttons.</summary>
    public static IReadOnlyList<int> StepsToFix(DiagnosticReport report) =>
        [.. report.Checks
            .Where(c => c.Status is CheckStatus.Fail or CheckStatus.Warn && c.GuideStep is >= 1 and <= 6)
            .Select(c => c.GuideStep!.Value)
            .Distinct()];

    public static string Icon(CheckStatus status) => status switch
    {
        CheckStatus.Pass => "✅",
        CheckStatus.Warn => "⚠️",
        CheckStatus.Fail => "❌",
        _ => "➖",
    };

    private static Verdict ShownVerdict(Verdict overall, IReadOnlyList<CheckResult> shown) =>
        overall == Verdict.Error ? Verdict.Error
        : shown.Any(c => c.Status == CheckStatus.Fail) ? Verdict.Fail
        : shown.Any(c => c.Status == CheckStatus.Warn) ? Verdict.Warn
        : Verdict.Pass;

    private static string Headline(Verdict verdict, int problems, LocaleTexts texts) => verdict switch
    {
        Verdict.Pass => texts.Get(TextIds.Report.PassTitle),
        Verdict.Warn => texts.Count(TextIds.Report.WarnTitle, problems),
        Verdict.Fail => texts.Count(TextIds.Report.FailTitle, problems),
        _ => texts.Get(TextIds.Report.ErrorTitle),
    };

    // A check this version names has its name in the reader's language; another keeps the title the report carries.
    private static string Name(CheckResult check, LocaleTexts texts) =>
        texts.Has(TextIds.Report.CheckName(check.Id)) ? texts.Get(TextIds.Report.CheckName(check.Id)) : check.Title;

    private static string? StepName(CheckResult check, GuideContent guide, LocaleTexts texts)
    {
        if (check.GuideStep is not (>= 1 and <= 6) || check.GuideStep is not { } number)
        {
            return guide.LinkFor(check.Id) is { } link && link.Position == GuidePosition.BeforeYouBegin ? texts.Get(TextIds.Report.BeforeYouBegin) : null;
        }

        return texts.Get(TextIds.Report.Step, ("number", number.ToString(CultureInfo.InvariantCulture)), ("title", guide.Step(number).Title));
    }

    private static string Shorten(string value, int max) => SafeText.Fit(value, max);
}
