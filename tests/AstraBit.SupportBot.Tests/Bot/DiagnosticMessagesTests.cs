using System.Text;
using AstraBit.SupportBot.Bot;
using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Guide;

namespace AstraBit.SupportBot.Tests.Bot;

public sealed class DiagnosticMessagesTests
{
    private static readonly GuideContent Guide = LoadGuide();

    [Fact]
    public void Render_StepCheckPassesWhileAnotherStepFails_HeadlineJudgesTheStepOnly()
    {
        var report = Report(Verdict.Fail, ("read-write", CheckStatus.Pass), ("withdrawal", CheckStatus.Pass), ("position-mode", CheckStatus.Fail));

        var embed = DiagnosticMessages.Render(report, Guide, onlyChecks: ["read-write", "withdrawal"]);

        Assert.StartsWith("✅", embed.Title, StringComparison.Ordinal);
        Assert.DoesNotContain("position", embed.Description, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(embed.Fields);
    }

    [Fact]
    public void Render_FullReportWithAFailure_SaysHowManyProblemsAndGivesTheFixWithItsStep()
    {
        var report = Report(Verdict.Fail, ("read-write", CheckStatus.Pass), ("position-mode", CheckStatus.Fail));

        var embed = DiagnosticMessages.Render(report, Guide);

        Assert.Equal("❌ 1 problem to fix before AstraBit can trade", embed.Title);
        var field = Assert.Single(embed.Fields);
        Assert.Contains("step 5", field.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_DetailCutThroughAnEmoji_KeepsTheEmojiWholeOrDropsIt()
    {
        // 498 letters, then an emoji (two UTF-16 code units) straddling the 500th character the field keeps.
        var report = Report(Verdict.Fail, ("read-write", CheckStatus.Pass), ("position-mode", CheckStatus.Fail));
        report = report with { Checks = [.. report.Checks.Select(c => c.Id == "position-mode" ? c with { Detail = new string('a', 498) + "😀 and more" } : c)] };

        var embed = DiagnosticMessages.Render(report, Guide);

        var value = Assert.Single(embed.Fields).Value;
        Assert.StartsWith(new string('a', 498) + "…", value, StringComparison.Ordinal);
        // Half a surrogate pair is not valid text: Discord refuses the message.
        _ = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetBytes(value);
    }

    private static DiagnosticReport Report(Verdict verdict, params (string Id, CheckStatus Status)[] checks) => new(
        verdict,
        "https://api.bybit.com",
        "…Xy12",
        new ReportAccount("unified", true),
        [.. checks.Select(c => new CheckResult(c.Id, c.Status, c.Id + " title", c.Id + " detail", c.Status == CheckStatus.Pass ? null : "do the fix", c.Id == "position-mode" ? 5 : 3))],
        DateTimeOffset.UnixEpoch,
        100);

    private static GuideContent LoadGuide()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "config", "guide.json")))
        {
            directory = directory.Parent;
        }

        return GuideContentLoader.LoadFile(Path.Combine(directory?.FullName ?? throw new InvalidOperationException("config/guide.json not found"), "config", "guide.json"), DiscordContentLimits.Value);
    }
}
