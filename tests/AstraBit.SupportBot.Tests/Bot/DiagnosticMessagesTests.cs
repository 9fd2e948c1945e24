using System.Text;
using AstraBit.SupportBot.Bot;
using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Tests.Languages;

namespace AstraBit.SupportBot.Tests.Bot;

public sealed class DiagnosticMessagesTests
{
    private static readonly GuideContent Guide = LoadGuide();

    [Fact]
    public void Render_StepCheckPassesWhileAnotherStepFails_HeadlineJudgesTheStepOnly()
    {
        var report = Report(Verdict.Fail, ("read-write", CheckStatus.Pass), ("withdrawal", CheckStatus.Pass), ("position-mode", CheckStatus.Fail));

        var embed = DiagnosticMessages.Render(report, Guide, ShippedTexts.English, onlyChecks: ["read-write", "withdrawal"]);

        Assert.StartsWith("✅", embed.Title, StringComparison.Ordinal);
        Assert.DoesNotContain("position", embed.Description, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(embed.Fields);
    }

    [Fact]
    public void Render_FullReportWithAFailure_SaysHowManyProblemsAndGivesTheFixWithItsStep()
    {
        var report = Report(Verdict.Fail, ("read-write", CheckStatus.Pass), ("position-mode", CheckStatus.Fail));

        var embed = DiagnosticMessages.Render(report, Guide, ShippedTexts.English);

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

        var embed = DiagnosticMessages.Render(report, Guide, ShippedTexts.English);

        var value = Assert.Single(embed.Fields).Value;
        Assert.StartsWith(new string('a', 498) + "…", value, StringComparison.Ordinal);
        // Half a surrogate pair is not valid text: Discord refuses the message.
        _ = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetBytes(value);
    }

    [Fact]
    public void Render_SpanishReader_HeadlineCheckNamesFixAndFooterInSpanishCountedInSpanish()
    {
        var report = Report(Verdict.Fail, ("read-write", CheckStatus.Fail), ("position-mode", CheckStatus.Fail));

        var embed = DiagnosticMessages.Render(report, Guide, ShippedTexts.Catalog.For("es-ES"));

        Assert.Equal("❌ Hay 2 problemas que resolver antes de que AstraBit pueda operar", embed.Title);
        Assert.Contains("❌ Acceso de lectura y escritura", embed.Description, StringComparison.Ordinal);
        Assert.Contains(embed.Fields, f => f.Name == "❌ Modo de posición unidireccional" && f.Value.Contains("**Solución (paso 5: ", StringComparison.Ordinal));
        Assert.StartsWith("Clave …Xy12 · https://api.bybit.com · comprobada en 100 ms", embed.Footer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ru", 1, "❌ Нужно исправить 1 проблему, прежде чем AstraBit сможет торговать")]
    [InlineData("ru", 3, "❌ Нужно исправить 3 проблемы, прежде чем AstraBit сможет торговать")]
    [InlineData("ru", 5, "❌ Нужно исправить 5 проблем, прежде чем AstraBit сможет торговать")]
    [InlineData("en-US", 3, "❌ 3 problems to fix before AstraBit can trade")]
    public void Render_CountedHeadline_TakesTheLanguagesPluralForm(string locale, int failing, string expected)
    {
        var ids = new[] { "read-write", "withdrawal", "transfer", "position-mode", "balance" };
        var report = Report(Verdict.Fail, [.. ids.Select((id, i) => (id, i < failing ? CheckStatus.Fail : CheckStatus.Pass))]);

        var embed = DiagnosticMessages.Render(report, Guide, ShippedTexts.Catalog.For(locale));

        Assert.Equal(expected, embed.Title);
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
