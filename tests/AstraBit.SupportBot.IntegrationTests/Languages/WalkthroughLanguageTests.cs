using AstraBit.SupportBot.Emulators.Discord;
using AstraBit.SupportBot.IntegrationTests.Walkthrough;

namespace AstraBit.SupportBot.IntegrationTests.Languages;

/// <summary>
/// /connect-bybit in the member's own Discord language (PRODUCT.md §12): the pages, their headers and buttons, the
/// private answer and a failing "Check it now" with its explanation and fix all follow the locale each interaction carries, through the emulators.
/// </summary>
public sealed class WalkthroughLanguageTests
{
    private const ulong Member = 1_400_000_000_000_002_401;
    private const ulong Spanish = 1_400_000_000_000_002_402;
    private const ulong Russian = 1_400_000_000_000_002_403;

    public static TheoryData<string, string, string, string, string, string, string, string, string> Shipped => new()
    {
        { "en-US", "Before you begin", "Connect Bybit to AstraBit", "Let's start", "Part 1 of 3 · Step 3 of 6", "❌ Withdrawal turned off", "**Fix (step 3: Choose the permissions):**", "Fix what's marked ❌ below, then press \"", "The key can withdraw funds. AstraBit never needs that" },
        { "es-ES", "Antes de empezar", "Conecta Bybit con AstraBit", "Empecemos", "Parte 1 de 3 · Paso 3 de 6", "❌ Retiros desactivados", "**Solución (paso 3: Elige los permisos):**", "Corrige lo marcado con ❌ abajo y vuelve a pulsar «", "La clave puede retirar fondos. AstraBit nunca lo necesita" },
        { "pt-BR", "Antes de começar", "Conecte a Bybit à AstraBit", "Vamos começar", "Parte 1 de 3 · Passo 3 de 6", "❌ Saque desativado", "**Como corrigir (etapa 3: Escolha as permissões):**", "Corrija o que está marcado com ❌ abaixo e toque em \"", "A chave pode sacar fundos. A AstraBit nunca precisa disso" },
        { "ru", "Прежде чем начать", "Подключение Bybit к AstraBit", "Начнём", "Часть 1 из 3 · Шаг 3 из 6", "❌ Вывод средств отключён", "**Как исправить (шаг 3: Выберите разрешения):**", "Исправьте пункты, отмеченные ❌ ниже, затем снова нажмите «", "Ключ может выводить средства. AstraBit это никогда не нужно" },
        { "tr", "Başlamadan önce", "Bybit'i AstraBit'e bağlayın", "Hadi başlayalım", "Bölüm 1/3 · Adım 3/6", "❌ Para çekme kapalı", "**Çözüm (adım 3: İzinleri seçin):**", "Aşağıda ❌ ile işaretlenenleri düzeltin, ardından \"", "Anahtar para çekebiliyor. AstraBit'in buna asla ihtiyacı yok" },
        { "vi", "Trước khi bắt đầu", "Kết nối Bybit với AstraBit", "Bắt đầu nào", "Phần 1/3 · Bước 3/6", "❌ Đã tắt rút tiền", "**Cách sửa (bước 3: Chọn quyền):**", "Hãy sửa các mục đánh dấu ❌ bên dưới, rồi bấm \"", "Khóa có thể rút tiền. AstraBit không bao giờ cần quyền này" },
        { "de", "Bevor du anfängst", "Bybit mit AstraBit verbinden", "Los geht’s", "Teil 1 von 3 · Schritt 3 von 6", "❌ Auszahlung ausgeschaltet", "**Lösung (Schritt 3: Wähle die Berechtigungen):**", "Behebe, was unten mit ❌ markiert ist, und drück dann noch einmal auf „", "Der Schlüssel kann Guthaben auszahlen. AstraBit braucht das nie" },
        { "fr", "Avant de commencer", "Connecter Bybit à AstraBit", "C’est parti", "Partie 1 sur 3 · Étape 3 sur 6", "❌ Retrait désactivé", "**Correction (étape 3 : Choisissez les autorisations) :**", "Corrigez ce qui est marqué ❌ ci-dessous, puis appuyez de nouveau sur « ", "La clé peut retirer des fonds. AstraBit n'en a jamais besoin" },
    };

    [Theory]
    [MemberData(nameof(Shipped))]
    public async Task ConnectBybit_MemberInAShippedLocale_ReadsThePagesAndAFailingCheckInTheirLanguage(
        string locale, string firstTitle, string firstHeader, string startButton, string step3Header, string failedCheck, string fix, string notice, string explanation)
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Discord.Rest.SetLocale(Member, locale);
        var member = new WalkthroughMember(bot, Member);
        var withdrawal = bot.Bybit.Scenario("withdrawal-enabled");

        var first = await member.ConnectInDmAsync();
        Assert.Equal(firstHeader, WalkthroughMember.Header(first));
        Assert.Equal(firstTitle, Title(first));
        Assert.Equal(startButton, Label(first, "wt:next"));
        await member.NextUntilAsync(step3Header);
        await member.CheckWithModalAsync("3", withdrawal.ApiKey, withdrawal.ApiSecret);

        var text = WalkthroughMember.Text(member.Message);
        Assert.Equal(step3Header, WalkthroughMember.Header(member.Message));
        Assert.Contains(failedCheck, text, StringComparison.Ordinal);
        Assert.Contains(fix, text, StringComparison.Ordinal);
        Assert.Contains(explanation, text, StringComparison.Ordinal);
        Assert.StartsWith(notice + Label(member.Message, "wt:check:3"), WalkthroughMember.Notice(member.Message), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectBybit_TwoMembersInDifferentLanguagesAtOnce_EachReadsOnlyTheirOwn()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Discord.Rest.SetLocale(Spanish, "es-ES");
        bot.Discord.Rest.SetLocale(Russian, "ru");
        var spanish = new WalkthroughMember(bot, Spanish);
        var russian = new WalkthroughMember(bot, Russian);

        var started = await Task.WhenAll(spanish.ConnectInDmWithAnswerAsync(), russian.ConnectInDmWithAnswerAsync());
        await Task.WhenAll(spanish.ClickAndUpdateAsync("wt:next"), russian.ClickAndUpdateAsync("wt:next"));

        Assert.StartsWith("Te he enviado la guía por mensaje directo", started[0].Answer.Content, StringComparison.Ordinal);
        Assert.StartsWith("Я отправил вам руководство в личные сообщения", started[1].Answer.Content, StringComparison.Ordinal);
        Assert.Equal("Parte 1 de 3 · Paso 1 de 6", WalkthroughMember.Header(spanish.Message));
        Assert.Equal("Часть 1 из 3 · Шаг 1 из 6", WalkthroughMember.Header(russian.Message));
        Assert.Equal("Siguiente", Label(spanish.Message, "wt:next"));
        Assert.Equal("Далее", Label(russian.Message, "wt:next"));
        Assert.DoesNotMatch("[а-яА-Я]", WalkthroughMember.Text(spanish.Message));
        Assert.DoesNotContain("Paso", WalkthroughMember.Text(russian.Message), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ja", "Part 1 of 3 · Step 1 of 6", "Next")]
    [InlineData("en-GB", "Part 1 of 3 · Step 1 of 6", "Next")]
    [InlineData("es-419", "Parte 1 de 3 · Paso 1 de 6", "Siguiente")]
    [InlineData("pt-PT", "Parte 1 de 3 · Passo 1 de 6", "Próximo")]
    public async Task ConnectBybit_UnshippedLocale_ReadsTheShippedVariantOrEnglish(string locale, string header, string next)
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Discord.Rest.SetLocale(Member, locale);
        var member = new WalkthroughMember(bot, Member);

        await member.ConnectInDmAsync();
        await member.ClickAndUpdateAsync("wt:next");

        Assert.Equal(header, WalkthroughMember.Header(member.Message));
        Assert.Equal(next, Label(member.Message, "wt:next"));
    }

    private static string Title(EmulatedMessage message) => WalkthroughMember.Title(message);

    private static string Label(EmulatedMessage message, string customId) => WalkthroughMember.Label(message, customId);
}
