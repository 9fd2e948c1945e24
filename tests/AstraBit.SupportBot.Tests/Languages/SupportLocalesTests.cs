using AstraBit.SupportBot.Core.Text;

namespace AstraBit.SupportBot.Tests.Languages;

public sealed class SupportLocalesTests
{
    [Theory]
    [InlineData("es-ES", "es-ES")]
    [InlineData("es-419", "es-ES")]
    [InlineData("pt-PT", "pt-BR")]
    [InlineData("pt-BR", "pt-BR")]
    [InlineData("en-GB", "en-US")]
    [InlineData("ru", "ru")]
    [InlineData("tr", "tr")]
    [InlineData("vi", "vi")]
    [InlineData("de", "de")]
    [InlineData("fr", "fr")]
    [InlineData("ja", "en-US")]
    [InlineData("zh-TW", "en-US")]
    [InlineData("uk", "en-US")]
    [InlineData("", "en-US")]
    [InlineData(null, "en-US")]
    public void Resolve_DiscordLocale_GivesTheShippedLocaleItReads(string? locale, string expected) =>
        Assert.Equal(expected, SupportLocales.Resolve(locale));

    [Theory]
    [InlineData(1, "one")]
    [InlineData(2, "few")]
    [InlineData(5, "many")]
    [InlineData(11, "many")]
    [InlineData(21, "one")]
    [InlineData(22, "few")]
    [InlineData(112, "many")]
    public void PluralCategory_Russian_FollowsCldr(int count, string expected) =>
        Assert.Equal(expected, PluralRules.Category("ru", count));

    [Theory]
    [InlineData("es-ES", "es-419", "español (Latinoamérica) (es-419)")]
    [InlineData("de", "en-GB", "Englisch (Vereinigtes Königreich) (en-GB)")]
    [InlineData("ru", "pt-BR", "португальский (Бразилия) (pt-BR)")]
    [InlineData("tr", "tr", "Türkçe (tr)")]
    [InlineData("fr", "ja", "ja")]
    public void LocaleNames_AStoredLocale_IsNamedInTheReadersLanguageWithItsCodeOrByTheCodeAlone(string reader, string locale, string expected)
    {
        var named = TextIds.LocaleNames.Describe(locale, ShippedTexts.Catalog.For(reader));

        Assert.Equal(expected, named);
    }

    [Fact]
    public void LocaleNames_EveryShippedLocale_IsNamed()
    {
        Assert.All(SupportLocales.Shipped, l => Assert.NotNull(TextIds.LocaleNames.For(l)));
    }
}
