using static AstraBit.SupportBot.IntegrationTests.Diagnose.DiagnoseMember;

namespace AstraBit.SupportBot.IntegrationTests.Languages;

/// <summary>Each member answered in their own Discord client's language (PRODUCT.md §12), through the emulators.</summary>
public sealed class MemberLanguageTests
{
    private const ulong Spanish = 1_400_000_000_000_002_301;
    private const ulong German = 1_400_000_000_000_002_302;
    private const ulong Japanese = 1_400_000_000_000_002_303;

    [Fact]
    public async Task Diagnose_SpanishMember_GetsTheFormAndTheFailingResultInSpanish()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Discord.Rest.SetLocale(Spanish, "es-ES");
        var account = bot.Bybit.Scenario("withdrawal-enabled");

        var form = await bot.Discord.Rest.WaitForCallbackAsync(await bot.Discord.RunSlashCommandAsync(Spanish, "diagnose"), BotHarness.Timeout);
        var (id, _) = await SubmitKeyAsync(bot, Spanish, account.ApiKey, account.ApiSecret);
        var result = await WaitForResultAsync(bot, id);

        Assert.Equal("Comprueba tu clave API de Bybit", form.Data!["title"]!.GetValue<string>());
        var text = Text(result);
        Assert.Contains("❌ Hay 1 problema que resolver antes de que AstraBit pueda operar", text, StringComparison.Ordinal);
        Assert.Contains("❌ Retiros desactivados", text, StringComparison.Ordinal);
        Assert.Contains("**Solución (paso 3: ", text, StringComparison.Ordinal);
        Assert.Contains("comprobada en", text, StringComparison.Ordinal);
        Assert.DoesNotContain("problem to fix", text, StringComparison.Ordinal);
        Assert.Contains(Buttons(result), b => b.CustomId == "wt:goto:3" && b.Label == "Abrir la guía en el paso 3");
        Assert.Contains(Buttons(result), b => b.CustomId == "wt:forget" && b.Label == "Olvidar mi clave");
    }

    [Theory]
    [InlineData("es-ES", "• **Secreto de la API:** El secreto de la API tiene 10 caracteres, pero un secreto de API de Bybit suele tener 36 (se aceptan de 32 a 64).")]
    [InlineData("ru", "• **Секретный ключ API:** Длина секретного ключа API — 10 символов, а секретный ключ API Bybit обычно состоит из 36 символов")]
    public async Task Diagnose_MemberSubmitsAShortSecret_ReadsWhatIsWrongInTheirLanguageBeforeAnythingIsSent(string locale, string expected)
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Discord.Rest.SetLocale(Spanish, locale);
        var account = bot.Bybit.Scenario("healthy-unified");

        var (_, callback) = await SubmitKeyAsync(bot, Spanish, account.ApiKey, account.ApiSecret[..10]);

        var content = callback.Data!["content"]!.GetValue<string>();
        Assert.Equal((ChannelMessage, Ephemeral), (callback.Type, callback.Flags & Ephemeral));
        Assert.Contains(expected, content, StringComparison.Ordinal);
        Assert.DoesNotContain("characters long", content, StringComparison.Ordinal);
        Assert.DoesNotContain(account.ApiSecret[..10], content, StringComparison.Ordinal);
        Assert.Empty(bot.Bybit.Requests);
    }

    [Fact]
    public async Task Diagnose_TwoMembersInDifferentLanguagesAtOnce_EachReadsOnlyTheirOwn()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Discord.Rest.SetLocale(Spanish, "es-ES");
        bot.Discord.Rest.SetLocale(German, "de");
        var spanishKey = bot.Bybit.Scenario("withdrawal-enabled");
        var germanKey = bot.Bybit.Scenario("withdrawal-enabled");
        // Both checks are in flight together before either is answered.
        using var hold = bot.Bybit.Faults.Hold();

        var spanish = SubmitKeyAsync(bot, Spanish, spanishKey.ApiKey, spanishKey.ApiSecret);
        var german = SubmitKeyAsync(bot, German, germanKey.ApiKey, germanKey.ApiSecret);
        var ids = await Task.WhenAll(spanish, german);
        await hold.Reached;
        hold.Release();
        var spanishText = Text(await WaitForResultAsync(bot, ids[0].Id));
        var germanText = Text(await WaitForResultAsync(bot, ids[1].Id));

        Assert.Contains("Hay 1 problema", spanishText, StringComparison.Ordinal);
        Assert.DoesNotContain("Problem ist zu beheben", spanishText, StringComparison.Ordinal);
        Assert.Contains("❌ 1 Problem ist zu beheben, bevor AstraBit handeln kann", germanText, StringComparison.Ordinal);
        Assert.DoesNotContain("Hay 1 problema", germanText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ja", "❌ 1 problem to fix before AstraBit can trade")]
    [InlineData("en-GB", "❌ 1 problem to fix before AstraBit can trade")]
    [InlineData("es-419", "❌ Hay 1 problema que resolver antes de que AstraBit pueda operar")]
    [InlineData("pt-PT", "❌ 1 problema para corrigir antes que a AstraBit possa operar")]
    public async Task Diagnose_UnshippedLocale_FallsBackToTheShippedVariantOrEnglish(string locale, string headline)
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Discord.Rest.SetLocale(Japanese, locale);
        var account = bot.Bybit.Scenario("withdrawal-enabled");

        var (id, _) = await SubmitKeyAsync(bot, Japanese, account.ApiKey, account.ApiSecret);
        var result = await WaitForResultAsync(bot, id);

        Assert.Contains(headline, Text(result), StringComparison.Ordinal);
    }
}
