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
    /// <param name="onlyChecks">When set (a step's "Check it now"), only these checks plus connectivity and api-key are shown.</param>
    public static Embed Render(DiagnosticReport report, GuideContent guide, IReadOnlyCollection<string>? onlyChecks = null)
    {
        var shown = report.Checks
            .Where(c => onlyChecks is null || onlyChecks.Contains(c.Id) || c.Id is CheckIds.Connectivity or CheckIds.ApiKey)
            .ToList();
        var problems = shown.Where(c => c.Status is CheckStatus.Fail or CheckStatus.Warn).ToList();

        var lines = new StringBuilder();
        foreach (var check in shown)
        {
            lines.Append(Icon(check.Status)).Append(' ').Append(check.Title);
            if (check.Status == CheckStatus.Pass && check.Id is CheckIds.AccountType or CheckIds.KeyExpiry or CheckIds.Balance)
            {
                lines.Append(" · ").Append(Shorten(check.Detail, 120));
            }

            lines.AppendLine();
        }

        // A step's "Check it now" is judged on the checks it shows, not on problems that belong to other steps.
        var verdict = onlyChecks is null ? report.Verdict : ShownVerdict(report.Verdict, shown);
        var embed = new EmbedBuilder()
            .WithTitle(onlyChecks is not null && verdict == Verdict.Pass ? "✅ Everything this step checks is right" : Headline(verdict, problems.Count))
            .WithColor(verdict switch
            {
                Verdict.Pass => Replies.GoodColor,
                Verdict.Warn => Replies.WarningColor,
                _ => Replies.ProblemColor,
            })
            .WithDescription(Shorten(lines.ToString(), 4096))
            .WithFooter($"Key {report.ApiKey} · {report.Host} · checked in {report.DurationMs.ToString(CultureInfo.InvariantCulture)} ms · technical set-up help, not trading advice");

        // Discord allows 25 fields; a report has 11 checks, so every problem fits.
        foreach (var problem in problems.Take(20))
        {
            var step = StepName(problem, guide);
            var value = new StringBuilder(Shorten(problem.Detail, 500));
            if (!string.IsNullOrWhiteSpace(problem.Fix))
            {
                value.Append("\n**Fix").Append(step is null ? "" : $" ({step})").Append(":** ").Append(problem.Fix);
            }

            embed.AddField($"{Icon(problem.Status)} {Shorten(problem.Title, 240)}", Shorten(value.ToString(), 1024));
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

    private static string Headline(Verdict verdict, int problems) => verdict switch
    {
        Verdict.Pass => "✅ Your Bybit key is ready for AstraBit",
        Verdict.Warn => $"⚠️ Your key works, with {Count(problems, "thing")} to look at",
        Verdict.Fail => $"❌ {Count(problems, "problem")} to fix before AstraBit can trade",
        _ => "⚠️ The check couldn't run right now",
    };

    private static string? StepName(CheckResult check, GuideContent guide)
    {
        if (check.GuideStep is not (>= 1 and <= 6) || check.GuideStep is not { } number)
        {
            return guide.LinkFor(check.Id) is { } link && link.Position == GuidePosition.BeforeYouBegin ? "before you begin" : null;
        }

        return $"step {number}: {guide.Step(number).Title}";
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    private static string Shorten(string value, int max) => SafeText.Fit(value, max);
}
