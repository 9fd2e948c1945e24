using System.Reflection;
using System.Text;
using AstraBit.SupportBot.Bot;
using AstraBit.SupportBot.Core.Text;

namespace AstraBit.SupportBot.Tests.Languages;

public sealed class TextCatalogTests
{
    private const string English = """
        {
          "language.name": "English",
          "format.decimalSeparator": ".",
          "format.groupSeparator": ",",
          "format.money": "${amount}",
          "greeting": "Hello {name}, you have {count} tickets",
          "form.button": "Open",
          "problems": { "one": "{count} problem", "other": "{count} problems" }
        }
        """;

    public static TheoryData<string> Locales => [.. SupportLocales.Shipped];

    [Fact]
    public void Shipped_EveryLocale_LoadsWithEnglishsKeysHolesAndDiscordsLimits()
    {
        var catalog = TextCatalogLoader.LoadDirectory(ShippedTexts.Directory, DiscordContentLimits.Value);

        Assert.Equal(SupportLocales.Shipped.Order(StringComparer.Ordinal), catalog.Locales.Order(StringComparer.Ordinal));
        foreach (var locale in SupportLocales.Shipped)
        {
            Assert.Equal(catalog.Source.Ids.Order(StringComparer.Ordinal), catalog.For(locale).Ids.Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void TextIds_EveryIdInTheCode_IsAnEnglishKeyAndEveryEnglishKeyIsUsed()
    {
        var inCode = typeof(TextIds).GetNestedTypes()
            .Where(t => t != typeof(TextIds.Commands))
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToHashSet(StringComparer.Ordinal);
        // Commands' texts are named by their command's path (TextIds.Commands), checked against the commands below.
        var inFile = ShippedTexts.English.Ids.Where(id => !id.StartsWith(TextIds.Commands.Prefix, StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(inCode.Except(inFile).Order(StringComparer.Ordinal));
        Assert.Empty(inFile.Except(inCode).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Locales))]
    public void Shipped_EveryText_HoldsNoSignOfAnUntranslatedCopy(string locale)
    {
        if (locale == SupportLocales.Source)
        {
            return;
        }

        var texts = ShippedTexts.Catalog.For(locale);
        var english = ShippedTexts.English;
        // Texts that are the same in every language by nature: separators, holes only, symbols and names.
        string[] same = [TextIds.Format.DecimalSeparator, TextIds.Format.GroupSeparator, TextIds.Time.Separator, TextIds.KeyForm.Problem, TextIds.CheckText.CodeHttp];
        // And words a language shares with English: French "minutes" and "messages", Spanish "error".
        // Command names too: "ticket" in five languages, German "diagnose" and "support", French "code" and "note".
        (string Locale, string Id)[] shared =
        [
            ("fr", TextIds.Time.Minutes), ("es-ES", TextIds.CheckText.CodeError), ("fr", TextIds.TicketLog.Messages),
            .. new[] { "es-ES", "pt-BR", "vi", "de", "fr" }.Select(l => (l, TextIds.Commands.Name("ticket"))),
            ("es-ES", TextIds.Commands.Name("support.panel")), ("tr", TextIds.Commands.Name("support.panel")), ("de", TextIds.Commands.Name("support.panel")),
            ("de", TextIds.Commands.Name("diagnose")), ("de", TextIds.Commands.Name("bybit-error.code")), ("de", TextIds.Commands.Name("ticket.note.text")),
            ("de", TextIds.Commands.Name("answer.name")), ("de", TextIds.Commands.Name("support")),
            ("fr", TextIds.Commands.Name("bybit-error.code")), ("fr", TextIds.Commands.Name("ticket.note")), ("fr", TextIds.Commands.Name("support")),

            // Staff's words: "Ticket #0042" and "bot" in most languages, "Tickets" as a heading, "{percent}%" where it is
            // written as English writes it, Spanish "ERROR", German "Region", French "Verdict", "Messages" and "image".
            .. new[] { "es-ES", "pt-BR", "vi", "de", "fr" }.Select(l => (l, TextIds.Transcript.Heading)),
            .. new[] { "es-ES", "pt-BR", "tr", "vi", "fr" }.Select(l => (l, TextIds.Transcript.RoleBot)),
            .. new[] { "es-ES", "pt-BR", "de", "fr" }.Select(l => (l, TextIds.Stats.Tickets)),
            ("pt-BR", TextIds.Stats.Percent), ("vi", TextIds.Stats.Percent), ("es-ES", TextIds.Cli.VerdictError), ("de", TextIds.Transcript.RegionField),
            ("fr", TextIds.Transcript.VerdictField), ("fr", TextIds.Transcript.Messages), ("fr", TextIds.Transcript.Image), ("fr", TextIds.Transcript.MessageCount),
        ];
        var copied = english.Ids.Where(id => !same.Contains(id) && !shared.Contains((locale, id)) && texts.Get(id) == english.Get(id)).ToList();

        Assert.Empty(copied);
    }

    [Fact]
    public void Load_KeyMissingInALocale_StopsNamingFileLocaleAndKey()
    {
        var error = Assert.Throws<TextCatalogException>(() => Load(English, English.Replace("\"form.button\": \"Open\",", "", StringComparison.Ordinal)));

        Assert.Equal("es-ES.json: locale es-ES, key 'form.button' is missing (translate it from en-US.json).", error.Message);
    }

    [Fact]
    public void Load_ExtraKeyInALocale_StopsNamingFileLocaleAndKey()
    {
        var error = Assert.Throws<TextCatalogException>(() => Load(English, English.Replace("\"form.button\"", "\"form.buton\": \"x\", \"form.button\"", StringComparison.Ordinal)));

        Assert.Equal("es-ES.json: locale es-ES, key 'form.buton' is not in en-US.json (remove it, or correct its name).", error.Message);
    }

    [Fact]
    public void Load_HoleDiffersFromEnglish_StopsNamingTheHolesOfBoth()
    {
        var error = Assert.Throws<TextCatalogException>(() => Load(English, English.Replace("Hello {name}", "Hola {nombre}", StringComparison.Ordinal)));

        Assert.Equal("es-ES.json: locale es-ES, key 'greeting' has the holes {count}, {nombre} where en-US.json has {count}, {name}.", error.Message);
    }

    [Fact]
    public void Load_ButtonOverDiscordsLimit_StopsNamingTheLimit()
    {
        var error = Assert.Throws<TextCatalogException>(() => Load(English, English.Replace("\"Open\"", "\"" + new string('a', 81) + "\"", StringComparison.Ordinal)));

        Assert.Equal("es-ES.json: locale es-ES, key 'form.button' is 81 characters, over the Discord button label limit (80).", error.Message);
    }

    [Fact]
    public void Load_CountedTextGivenAsOneText_StopsSayingItNeedsPluralForms()
    {
        var error = Assert.Throws<TextCatalogException>(() => Load(English, English.Replace("{ \"one\": \"{count} problem\", \"other\": \"{count} problems\" }", "\"{count} problemas\"", StringComparison.Ordinal)));

        Assert.Contains("key 'problems' is counted in en-US.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadDirectory_LocaleFileMissing_StopsNamingTheFileAndLocale()
    {
        var folder = Directory.CreateTempSubdirectory("texts-");
        try
        {
            foreach (var file in Directory.GetFiles(ShippedTexts.Directory).Where(f => !f.EndsWith("vi.json", StringComparison.Ordinal)))
            {
                File.Copy(file, Path.Combine(folder.FullName, Path.GetFileName(file)));
            }

            var error = Assert.Throws<TextCatalogException>(() => TextCatalogLoader.LoadDirectory(folder.FullName, DiscordContentLimits.Value));

            Assert.StartsWith(Path.Combine(folder.FullName, "vi.json") + ": the texts of locale vi are missing", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("en-US", 1234.5, "$1,234.50")]
    [InlineData("en-US", 100, "$100")]
    [InlineData("de", 1234.5, "1.234,50 $")]
    [InlineData("es-ES", 50, "50 US$")]
    [InlineData("pt-BR", 12345, "US$ 12.345")]
    public void Money_WritesTheAmountWithTheLocalesSeparators(string locale, double amount, string expected) =>
        Assert.Equal(expected, ShippedTexts.Catalog.For(locale).Money((decimal)amount));

    [Theory]
    [InlineData("en-US", 600, "10 minutes")]
    [InlineData("en-US", 90, "1 minute, 30 seconds")]
    [InlineData("en-US", 0, "a moment")]
    [InlineData("ru", 600, "10 минут")]
    [InlineData("ru", 120, "2 минуты")]
    [InlineData("pt-BR", 3600, "1 hora")]
    [InlineData("fr", 7260, "2 heures, 1 minute")]
    public void Duration_InTheLocalesWordsAndPlurals(string locale, int seconds, string expected) =>
        Assert.Equal(expected, ShippedTexts.Catalog.For(locale).Duration(TimeSpan.FromSeconds(seconds)));

    private static TextCatalog Load(string english, string spanish) =>
        TextCatalogLoader.FromStreams(
            new Dictionary<string, Stream>
            {
                ["en-US"] = new MemoryStream(Encoding.UTF8.GetBytes(english)),
                ["es-ES"] = new MemoryStream(Encoding.UTF8.GetBytes(spanish)),
            },
            DiscordContentLimits.Value);
}
