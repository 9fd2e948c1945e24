using System.Globalization;
using AstraBit.SupportBot.Emulators.Discord;
using AstraBit.SupportBot.IntegrationTests.Tickets;
using Microsoft.Extensions.Time.Testing;
using static AstraBit.SupportBot.IntegrationTests.Diagnose.DiagnoseMember;

namespace AstraBit.SupportBot.IntegrationTests.Languages;

/// <summary>
/// What a member reads about their own data and key, in their own language (PRODUCT.md §12), through the emulators:
/// /privacy follows the interaction's locale, the reminder DM and the key-leak warning (no interaction behind them) the
/// member's language as last seen, and a saved answer the ticket's member's while the staff member reads theirs.
/// </summary>
public sealed class MemberHelpLanguageTests
{
    private const ulong Member = 1_400_000_000_000_002_501;

    public static TheoryData<string, string, string, string, string> PrivacyInEachLanguage => new()
    {
        { "en-US", "**What the bot keeps about you**", "Key checks: none", "Yes, delete", "Deleted:" },
        { "es-ES", "**Lo que el bot guarda sobre ti**", "Comprobaciones de clave: ninguna", "Sí, borrar", "Borrado:" },
        { "pt-BR", "**O que o bot guarda sobre você**", "Verificações de chave: nenhuma", "Sim, apagar", "Apagado:" },
        { "ru", "**Что бот хранит о вас**", "Проверки ключа: нет", "Да, удалить", "Удалено:" },
        { "tr", "**Botun sizinle ilgili sakladıkları**", "Anahtar kontrolleri: yok", "Evet, sil", "Silindi:" },
        { "vi", "**Những gì bot lưu về bạn**", "Lần kiểm tra khóa: không có", "Có, xóa", "Đã xóa:" },
        { "de", "**Was der Bot über dich speichert**", "Schlüsselprüfungen: keine", "Ja, löschen", "Gelöscht:" },
        { "fr", "**Ce que le bot conserve sur vous**", "Vérifications de clé : aucune", "Oui, supprimer", "Supprimé :" },
        // Unshipped: another variant of a shipped language reads that one, anything else English.
        { "es-419", "**Lo que el bot guarda sobre ti**", "Comprobaciones de clave: ninguna", "Sí, borrar", "Borrado:" },
        { "ja", "**What the bot keeps about you**", "Key checks: none", "Yes, delete", "Deleted:" },
    };

    [Theory]
    [MemberData(nameof(PrivacyInEachLanguage))]
    public async Task Privacy_MemberInALocale_ListsConfirmsAndDeletesInTheirLanguage(string locale, string heading, string noChecks, string confirmButton, string deleted)
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Discord.Rest.AddMember(Member, [], "lucia");
        bot.Discord.Rest.SetLocale(Member, locale);

        var privacy = await bot.Discord.RunSlashCommandAsync(Member, "privacy", [], bot.SupportChannelId);
        var overview = await bot.Discord.Rest.WaitForMessageAsync(m => m.InteractionId == privacy, BotHarness.Timeout);
        var listed = overview.Content;
        await bot.Discord.Rest.WaitForCallbackAsync(await bot.Discord.ClickButtonAsync(Member, "pv:delete", overview.Id, bot.SupportChannelId), BotHarness.Timeout);
        var ask = await bot.Discord.Rest.WaitForMessageAsync(m => m.Id == overview.Id && Buttons(m).Any(b => b.CustomId == "pv:confirm"), BotHarness.Timeout);
        var confirm = Buttons(ask).Single(b => b.CustomId == "pv:confirm").Label;
        await bot.Discord.Rest.WaitForCallbackAsync(await bot.Discord.ClickButtonAsync(Member, "pv:confirm", overview.Id, bot.SupportChannelId), BotHarness.Timeout);
        var after = await bot.Discord.Rest.WaitForMessageAsync(m => m.Id == overview.Id && m.Content.StartsWith(deleted, StringComparison.Ordinal), BotHarness.Timeout);

        Assert.StartsWith(heading + "\n", listed, StringComparison.Ordinal);
        Assert.Contains("• " + noChecks + "\n", listed, StringComparison.Ordinal);
        Assert.Equal(confirmButton, confirm);
        Assert.Empty(after.Components);
    }

    public static TheoryData<string, string, string, string, string> RemindersInEachLanguage => new()
    {
        {
            "en-US", "Remind me before this key expires", "Done. I'll send you a DM 14, 7 and 1 days before your key",
            "expires in 14 days, on <t:", "Stop reminders"
        },
        {
            "vi", "Nhắc tôi trước khi khóa này hết hạn", "Xong. Tôi sẽ nhắn tin trực tiếp cho bạn 14, 7 và 1 ngày trước khi khóa",
            "sẽ hết hạn sau 14 ngày, vào <t:", "Dừng nhắc nhở"
        },
        {
            "ru", "Напомнить до истечения срока ключа", "Готово. Я напишу вам в личные сообщения за 14, 7 и 1 день до того, как ключ",
            "истекает через 14 дней, <t:", "Отключить напоминания"
        },
    };

    [Theory]
    [MemberData(nameof(RemindersInEachLanguage))]
    public async Task Reminders_MemberInALocale_OfferListAndTheDmWithoutAnInteractionInTheirLanguage(string locale, string offer, string subscribed, string dm, string stop)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var bot = await BotHarness.StartAsync(s => s["Diagnostics:Cooldown"] = "00:00:00", supportClock: clock);
        bot.Discord.Rest.AddMember(Member, [], "rita");
        bot.Discord.Rest.SetLocale(Member, locale);
        var account = bot.Bybit.Scenario("healthy-unified");
        var expiresAt = account.ExpiresAt!.Value;
        var masked = "…" + account.ApiKey[^4..];

        var (check, _) = await SubmitKeyAsync(bot, Member, account.ApiKey, account.ApiSecret);
        var result = await WaitForResultAsync(bot, check);
        var remind = Assert.Single(Buttons(result), b => b.CustomId.StartsWith("rm:", StringComparison.Ordinal));
        var done = await bot.Discord.Rest.WaitForCallbackAsync(await bot.Discord.ClickButtonAsync(Member, remind.CustomId, result.Id, bot.SupportChannelId), BotHarness.Timeout);
        var list = await bot.Discord.Rest.WaitForCallbackAsync(await bot.Discord.RunSlashCommandAsync(Member, "reminders", channelId: bot.SupportChannelId), BotHarness.Timeout);

        // 14 days before: the DM has no interaction behind it, so it follows the language the member was last seen in.
        clock.SetUtcNow(expiresAt.AddDays(-14).AddMinutes(1));
        var reminder = await bot.Discord.Rest.WaitForMessageAsync(m => m.InDirectMessage && m.Content.Contains(masked, StringComparison.Ordinal), BotHarness.Timeout);

        Assert.Equal(offer, remind.Label);
        Assert.StartsWith(subscribed + " " + masked, done.Data!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(masked + " ", list.Data!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(dm + expiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) + ":D>", reminder.Content, StringComparison.Ordinal);
        Assert.Contains(Buttons(reminder), b => b.Label == stop);
    }

    [Fact]
    public async Task Reminders_EnglishDm_SaysHowToReplaceTheKeyAndThatIpBindingEndsExpiry()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var bot = await BotHarness.StartAsync(s => s["Diagnostics:Cooldown"] = "00:00:00", supportClock: clock);
        var account = bot.Bybit.Scenario("healthy-unified");
        var (check, _) = await SubmitKeyAsync(bot, Member, account.ApiKey, account.ApiSecret);
        var result = await WaitForResultAsync(bot, check);
        var remind = Buttons(result).Single(b => b.CustomId.StartsWith("rm:", StringComparison.Ordinal)).CustomId;
        await bot.Discord.Rest.WaitForCallbackAsync(await bot.Discord.ClickButtonAsync(Member, remind, result.Id, bot.SupportChannelId), BotHarness.Timeout);

        clock.SetUtcNow(account.ExpiresAt!.Value.AddDays(-1).AddMinutes(1));
        var reminder = await bot.Discord.Rest.WaitForMessageAsync(m => m.InDirectMessage && m.Content.Contains("expires tomorrow", StringComparison.Ordinal), BotHarness.Timeout);

        Assert.StartsWith($"Your Bybit API key …{account.ApiKey[^4..]} (mainnet) expires tomorrow, on <t:", reminder.Content, StringComparison.Ordinal);
        Assert.Contains("create a new system-generated key with Read and Contract Trading only", reminder.Content, StringComparison.Ordinal);
        Assert.Contains("bound to AstraBit's IP addresses doesn't expire", reminder.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeyLeak_MemberLastSeenInFrench_IsWarnedInFrenchWithoutAnInteraction_StaffNoteInStaffLanguage()
    {
        var people = await TicketPeople.StartAsync(tweak: s => s["Support:StaffLocale"] = "de");
        try
        {
            var bot = people.Bot;
            bot.Discord.Rest.SetLocale(TicketPeople.Member, "fr");
            var account = bot.Bybit.Scenario("healthy-unified");
            var masked = "…" + account.ApiKey[^4..];
            // An interaction first, so the bot knows the member's language; the leak itself is a plain message.
            var (open, _) = await people.OpenTicketAsync(TicketPeople.Member, channelId: bot.SupportChannelId);
            await people.DeferredAnswerAsync(open);
            var thread = people.Thread();

            await people.SayAsync(TicketPeople.Member, bot.SupportChannelId, $"key: {account.ApiKey} secret: {account.ApiSecret}");
            var warning = await bot.Discord.Rest.WaitForMessageAsync(
                m => m.InDirectMessage && m.AuthorId == bot.Discord.Rest.BotUserId && m.Content.Contains("secret d'API", StringComparison.Ordinal),
                BotHarness.Timeout);
            var note = await bot.Discord.Rest.WaitForMessageAsync(m => m.ChannelId == thread.Id && m.Content.StartsWith("🔐", StringComparison.Ordinal), BotHarness.Timeout);

            Assert.StartsWith("Vous avez publié ce qui ressemble à un secret d'API Bybit, j'ai donc supprimé ce message immédiatement.", warning.Content, StringComparison.Ordinal);
            Assert.Contains($"**Supprimez la clé API {masked} sur Bybit dès maintenant**", warning.Content, StringComparison.Ordinal);
            Assert.DoesNotContain("Delete", warning.Content.Replace("**Delete**", "", StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.StartsWith($"🔐 Hinweis: <@{TicketPeople.Id(TicketPeople.Member)}> hat ein API-Secret (Schlüssel {masked}) in <#", note.Content, StringComparison.Ordinal);
            await bot.StopAsync();
            people.AssertSecretNowhere(account.ApiSecret);
        }
        finally
        {
            await people.Bot.DisposeAsync();
            await people.DeleteDataAsync();
        }
    }

    [Fact]
    public async Task Answer_SpanishMemberGermanStaff_AnswerInSpanishInTheThread_StaffToldInGerman()
    {
        var people = await TicketPeople.StartAsync();
        await using var bot = people.Bot;
        bot.Discord.Rest.SetLocale(TicketPeople.Member, "es-ES");
        bot.Discord.Rest.SetLocale(TicketPeople.Staff, "de");
        var hedge = bot.Bybit.Scenario("hedge-mode");
        var (check, _) = await SubmitKeyAsync(bot, TicketPeople.Member, hedge.ApiKey, hedge.ApiSecret);
        await bot.Discord.Rest.WaitForMessageAsync(m => m.InteractionId == check && m.Content.Contains("ticket de soporte privado #0001", StringComparison.Ordinal), BotHarness.Timeout);
        await people.StaffNoticeAsync();
        var thread = people.Thread();

        var typing = await bot.Discord.TypeAutocompleteAsync(TicketPeople.Staff, "answer", [SlashOption.FocusedString("name", "hedge")], thread.Id);
        var suggestions = await bot.Discord.Rest.WaitForCallbackAsync(typing, BotHarness.Timeout);
        var id = await bot.Discord.RunSlashCommandAsync(TicketPeople.Staff, "answer", [SlashOption.String("name", "hedge-mode-open-positions")], thread.Id);
        await bot.Discord.Rest.WaitForCallbackAsync(id, BotHarness.Timeout);
        var told = await people.DeferredAnswerAsync(id);
        var posted = await bot.Discord.Rest.WaitForMessageAsync(m => m.ChannelId == thread.Id && m.Content.Contains("enviada por", StringComparison.Ordinal), BotHarness.Timeout);
        var refused = await bot.Discord.Rest.WaitForCallbackAsync(await bot.Discord.RunSlashCommandAsync(TicketPeople.Member, "answer", [SlashOption.String("name", "expired-key")], thread.Id), BotHarness.Timeout);

        Assert.Equal("hedge-mode-open-positions — Hedge-Modus mit offenen Positionen", suggestions.Data!["choices"]![0]!["name"]!.GetValue<string>());
        Assert.Contains("„Hedge-Modus mit offenen Positionen“ im Ticket #0001 gepostet.", told, StringComparison.Ordinal);
        Assert.StartsWith($"Hola <@{TicketPeople.Id(TicketPeople.Member)}>,", posted.Content, StringComparison.Ordinal);
        Assert.EndsWith($"\n-# Modo Hedge con posiciones abiertas · enviada por <@{TicketPeople.Id(TicketPeople.Staff)}>", posted.Content, StringComparison.Ordinal);
        Assert.StartsWith("Solo el equipo de soporte puede publicar respuestas guardadas.", TicketPeople.Answer(refused), StringComparison.Ordinal);
        await people.DeleteDataAsync();
    }
}
