using AstraBit.SupportBot.Bot.KeyChecks;
using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Discord.Models;
using AstraBit.SupportBot.Tests.Languages;

namespace AstraBit.SupportBot.Tests.Bot;

public sealed class KeyModalTests
{
    [Fact]
    public void InputProblems_SecretTooShort_NamesTheFieldSaysNothingWasSentAndHowToTryAgainPrivately()
    {
        var input = CredentialInput.Validate("0lR8acRYSi4MDF8kWC", "Zq9xW");

        var reply = KeyModal.InputProblems(input.Problems, KeyCheckEntry.Ticket, ShippedTexts.English);

        Assert.Equal(64, (int)reply.Flags & 64);
        Assert.Contains("haven't sent anything to Bybit", reply.Content, StringComparison.Ordinal);
        Assert.Contains("**API secret:**", reply.Content, StringComparison.Ordinal);
        Assert.Contains("Press **Run the check again** in the ticket to enter", reply.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("Zq9xW", reply.Content, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(21, "Длина секретного ключа API — 21 символ, а секретный ключ API Bybit обычно состоит из 36 символов (допускается от 32 до 64).")]
    [InlineData(22, "Длина секретного ключа API — 22 символа, а")]
    [InlineData(25, "Длина секретного ключа API — 25 символов, а")]
    public void InputProblems_RussianReader_SaysTheLengthInRussianWithItsPlural(int length, string expected)
    {
        var input = CredentialInput.Validate("0lR8acRYSi4MDF8kWC", new string('x', length));

        var reply = KeyModal.InputProblems(input.Problems, KeyCheckEntry.Ticket, ShippedTexts.Catalog.For("ru"));

        Assert.Contains("• **Секретный ключ API:** " + expected, reply.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void InputProblems_EveryKindInEveryLanguage_IsWordedWithItsHolesFilledAndNeverEchoesTheSecret()
    {
        string secret = "S3cr3tS3cr3tS3cr3t ЖS3cr3t/S3cr3tS3cr3t";
        (string? Key, string? Secret)[] inputs =
        [
            ("", ""), ("0lR8acRYSi4MDF8kWC", secret), ("0lR8 acRYSi4MDF8kWC", "S3cr3tS3cr3t"),
            ("BX1KpeZUaLJ4d8jOCs4bWYTI6wLqeeHq1PkC", "0lR8acRYSi4MDF8kWC"), ("AbCdEfGhIjKlMnXy12AbCdEfGhIjKlMn", "AbCdEfGhIjKlMnXy12AbCdEfGhIjKlMn"),
        ];

        foreach (var locale in ShippedTexts.Catalog.Locales)
        {
            var texts = ShippedTexts.Catalog.For(locale);
            foreach (var (key, rawSecret) in inputs)
            {
                var content = KeyModal.InputProblems(CredentialInput.Validate(key, rawSecret).Problems, KeyCheckEntry.Ticket, texts).Content!;

                Assert.DoesNotContain("{", content, StringComparison.Ordinal);
                Assert.DoesNotContain("S3cr3tS3", content, StringComparison.Ordinal);
                Assert.True(locale == "en-US" || !content.Contains("characters", StringComparison.Ordinal), locale + ": " + content);
            }
        }
    }

    [Fact]
    public void Build_GermanReader_FormTitleLabelsAndHintsInGerman()
    {
        var modal = KeyModal.Build("key:command", ShippedTexts.Catalog.For("de"));

        Assert.Equal("Bybit-API-Schlüssel prüfen", modal.Title);
        Assert.Equal(["API-Schlüssel", "API-Secret"], modal.Fields.Select(f => f.Label));
    }

    [Fact]
    public void Build_WithTheGuidesSites_AsksTheSiteInASelectWithTheChosenOnePreselected()
    {
        var texts = ShippedTexts.Catalog.For("de");
        GuideRegion[] sites = [new("mainnet", "bybit.com", "Die globale Website"), new("eu", "Bybit EU", "bybit.eu")];

        var modal = KeyModal.Build("key:command", texts, sites, chosenSite: "eu");

        var site = Assert.IsType<StringSelect>(modal.Fields[2].Component);
        Assert.Equal("Bybit-Website", modal.Fields[2].Label);
        Assert.Equal((KeyModal.SiteField, true), (site.CustomId, site.Required));
        Assert.Equal(["eu"], site.Options.Where(o => o.IsDefault).Select(o => o.Value));
        Assert.Equal(["mainnet"], KeyModal.Build("key:command", texts, sites, chosenSite: "gone").Fields[2].Component is StringSelect s
            ? s.Options.Where(o => o.IsDefault).Select(o => o.Value) : []);
        Assert.Equal("Nur lesende Prüfung: Der Bot handelt nie, zahlt nie aus und überweist nie.", modal.Fields[0].Description);
    }
}
