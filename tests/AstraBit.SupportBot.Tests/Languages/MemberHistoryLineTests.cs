using AstraBit.SupportBot.Bot.Privacy;
using AstraBit.SupportBot.Core.Audit;
using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.KeyChecks;
using AstraBit.SupportBot.Core.Privacy;

namespace AstraBit.SupportBot.Tests.Languages;

/// <summary>/ticket history's lines are worded in the reader's language; what was recorded (check ids, keys, sites, audit details) stays as recorded.</summary>
public sealed class MemberHistoryLineTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    private static readonly MemberHistoryItem FailedCheck = new(At, MemberHistoryKind.Check, null, null)
    {
        Check = new CheckHistoryEntry(42, At, Verdict.Fail, new Dictionary<string, CheckStatus> { ["transfer"] = CheckStatus.Fail, ["api-key"] = CheckStatus.Pass }, "…Xy12", "mainnet", "https://api.bybit.com"),
    };

    private static readonly MemberHistoryItem BotEntry = new(At, MemberHistoryKind.Audit, 7, null)
    {
        Entry = new AuditEntry(null, "ticket.autoclose", 42, 7, "no reply", At),
    };

    [Fact]
    public void Line_English_SaysWhatHappenedWithTheRecordedFacts()
    {
        var english = ShippedTexts.Catalog.For("en-US");

        Assert.Equal("Check ❌ fail · key …Xy12 · failing: transfer · mainnet", MemberHistoryHandler.Line(FailedCheck, english));
        Assert.Equal("ticket.autoclose by the bot: no reply", MemberHistoryHandler.Line(BotEntry, english));
    }

    [Theory]
    [InlineData("de", "Prüfung ❌ fehlgeschlagen · Schlüssel …Xy12 · fehlgeschlagen: transfer · mainnet", "durch den Bot")]
    [InlineData("es-419", "Comprobación ❌ fallida · clave …Xy12 · fallan: transfer · mainnet", "por el bot")]
    [InlineData("ru", "Проверка ❌ не пройдена · ключ …Xy12 · не пройдены: transfer · mainnet", "кто: бот")]
    public void Line_OtherLanguages_TheReadersWordsAroundTheSameFacts(string locale, string check, string byTheBot)
    {
        var texts = ShippedTexts.Catalog.For(locale);

        Assert.Equal(check, MemberHistoryHandler.Line(FailedCheck, texts));
        Assert.Contains(byTheBot, MemberHistoryHandler.Line(BotEntry, texts), StringComparison.Ordinal);
    }
}
