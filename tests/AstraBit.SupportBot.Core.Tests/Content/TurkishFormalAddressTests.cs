using System.Text.RegularExpressions;
using AstraBit.SupportBot.Core.Answers;
using AstraBit.SupportBot.Core.Content;
using AstraBit.SupportBot.Core.Errors;
using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Core.Tests.Errors;
using AstraBit.SupportBot.Core.Tests.Guide;

namespace AstraBit.SupportBot.Core.Tests.Content;

/// <summary>
/// Turkish support text addresses the member as "siz" (deneyin, isterseniz), never "sen" (dene, istersen): a member
/// who reads a formal guide and a familiar error explanation in one conversation reads two voices. Buttons are not
/// checked here; they stay short imperatives as Turkish apps write them.
/// </summary>
public sealed partial class TurkishFormalAddressTests
{
    [Fact]
    public void ShippedTurkishErrorExplanations_AddressTheMemberAsSiz()
    {
        using var stream = File.OpenRead(ContentVariants.PathFor(ShippedCatalog.FullPath, "tr"));
        var catalog = BybitErrorCatalog.Load(stream, "bybit-errors.tr.json", TestLimits.Discord);

        var familiar = catalog.Entries
            .SelectMany(e => Familiar($"{(e.Codes.Count > 0 ? e.Codes[0] : e.Match[0])} title", e.Title)
                .Concat(Familiar($"{(e.Codes.Count > 0 ? e.Codes[0] : e.Match[0])} meaning", e.Meaning))
                .Concat(Familiar($"{(e.Codes.Count > 0 ? e.Codes[0] : e.Match[0])} fix", e.Fix)))
            .ToList();

        Assert.True(catalog.Entries.Count > 40, $"only {catalog.Entries.Count} entries read");
        Assert.Empty(familiar);
    }

    [Fact]
    public void ShippedTurkishSavedAnswers_AddressTheMemberAsSiz()
    {
        var guidePath = ContentVariants.PathFor(ShippedGuide.FullPath, "tr");
        var guide = GuideContentLoader.LoadFile(guidePath, TestLimits.Discord);
        var answers = AnswerCatalogLoader.LoadFile(
            ContentVariants.PathFor(Path.Combine(Path.GetDirectoryName(ShippedGuide.FullPath)!, "answers.json"), "tr"),
            guide,
            "support@astrabit.example",
            TestLimits.Discord,
            "tr");

        var familiar = answers.Answers
            .SelectMany(a => Familiar($"{a.Name} title", a.Title).Concat(Familiar($"{a.Name} text", a.Text)))
            .ToList();

        Assert.NotEmpty(answers.Answers);
        Assert.Empty(familiar);
    }

    [Theory]
    [InlineData("Bir dakika bekle ve yeniden dene.", "bekle")]
    [InlineData("Yardım istersen bir destek talebi aç.", "istersen")]
    [InlineData("Önce Bybit'in işlem koşullarını kabul etmelisin", "etmelisin")]
    [InlineData("Bunu senin yerine kabul edemez.", "senin")]
    [InlineData("Kontrol et: hangi hesap türüne sahip olduğunu söyler.", "Kontrol et")]
    public void Familiar_SenForms_Found(string text, string expected)
    {
        Assert.Contains($"t: «{expected}»", Familiar("t", text));
    }

    [Theory]
    [InlineData("Bir dakika bekleyin ve yeniden deneyin. Yardım isterseniz bir destek talebi açın.")]
    [InlineData("/bybit-bağla içinde seçin, ardından anahtarın yanındaki Düzenle'ye tıklayın.")]
    [InlineData("İstek Bybit'e çok geç ulaştı; kim gönderirse göndersin reddeder.")]
    public void Familiar_SizFormsCommandNamesAndQuotedButtons_NotFound(string text)
    {
        Assert.Empty(Familiar("t", text));
    }

    private static IEnumerable<string> Familiar(string where, string text) =>
        FamiliarAddress().Matches(text).Select(m => $"{where}: «{m.Value}»");

    // Bare imperatives of the verbs support text uses, the pronoun "sen" in its cases, and the second person
    // singular endings of the conditional (istersen, görüyorsan, kaydetmediysen, değilsen) and of "must"/"can"
    // (etmelisin, yapabilirsin, görüyorsun). A word inside a command name (/bybit-bağla) or before a suffix
    // apostrophe (Düzenle'ye, a quoted button) is not an address.
    [GeneratedRegex(
        """
        (?<![\p{L}\p{Mn}'’/-])
        (?:
            (?:[Dd]ene|[Bb]ekle|[Bb]ul|[Gg]önder|[Çç]alıştır|[Kk]ontrol\ et|[Ss]eç|[Ss]il|[Yy]apıştır|[Gg]ir|[Kk]apat
              |[Bb]ak|[Tt]amamla|[Dd]üzenle|[Ee]kle|[Tt]aşı|[Tt]ut|[Oo]luştur|[Kk]opyala|[Gg]üncelle|[Dd]eğiştir|[Tt]ıkla
              |[Kk]al|[Dd]ur|[Dd]urdur|[Yy]ükselt|[Bb]ağla|[İi]şaretle|[Aa]yarla|[İi]ste|[Hh]azırla|[İi]ptal\ et
              |[Ee]min\ ol|[Hh]aber\ ver|[Uu]nutma|[Aa]ç)
          |(?:[Ss]en|[Ss]enin|[Ss]ana|[Ss]eni|[Ss]ende|[Ss]enden|[Ss]eninle|[Kk]endin)
          |\p{L}+(?:[ae]r|[ıiuü]r|yor|[dt][ıiuü]y|m[ae]z|değil)s[ae]n
          |\p{L}+(?:m[ae]l[ıi]|[ae]bilir|yor)s[ıiuü]n
        )
        (?![\p{L}\p{Mn}'’-])
        """,
        RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex FamiliarAddress();
}
