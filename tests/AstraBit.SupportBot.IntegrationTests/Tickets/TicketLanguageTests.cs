using AstraBit.SupportBot.Emulators.Discord;
using AstraBit.SupportBot.IntegrationTests.Diagnose;
using static AstraBit.SupportBot.IntegrationTests.Tickets.TicketPeople;

namespace AstraBit.SupportBot.IntegrationTests.Tickets;

/// <summary>
/// Who reads which language in a ticket (PRODUCT.md §12): what the thread says to the member is in the member's
/// language, the card, staff notice and staff buttons in Support:StaffLocale (the card naming the member's language),
/// a staff member's private answers in their own, and the rating DM in the member's stored language.
/// </summary>
public sealed class TicketLanguageTests
{
    [Fact]
    public async Task SpanishMember_FailedCheck_ThreadSpeaksSpanishToTheMember_CardAndNoticeInTheStaffLanguage()
    {
        var people = await StartAsync(tweak: s => s["Support:StaffLocale"] = "fr");
        await using var bot = people.Bot;
        bot.Discord.Rest.SetLocale(Member, "es-ES");

        var answer = await FailDiagnoseAsync(people, "withdrawal-enabled", "ticket de soporte privado #0001");
        var notice = await bot.Discord.Rest.WaitForMessageAsync(m => m.ChannelId == bot.StaffChannelId && m.Text.Contains("#0001", StringComparison.Ordinal), BotHarness.Timeout);
        var thread = people.Thread();
        Assert.Contains("La clave puede retirar fondos.", Text(answer), StringComparison.Ordinal);
        var welcome = await bot.Discord.Rest.WaitForMessageAsync(m => m.ChannelId == thread.Id && Buttons(m).Any(b => b.CustomId == "tk:check:1"), BotHarness.Timeout);
        var card = people.MessagesIn(thread.Id).First();

        // The member's words: Spanish, with their button in Spanish.
        Assert.StartsWith($"Hola, <@{Id(Member)}>: este es tu ticket de soporte privado #0001.", welcome.Content, StringComparison.Ordinal);
        Assert.Contains(("tk:check:1", "Volver a comprobar"), Buttons(welcome));

        // What staff read: French, the card naming the member's language in its own words.
        Assert.Contains(("tk:claim:1", "Prendre en charge"), Buttons(welcome));
        Assert.Contains(("tk:close:1", "Fermer"), Buttons(welcome));
        Assert.StartsWith("🎫 Nouveau ticket #0001 de", notice.Text, StringComparison.Ordinal);
        Assert.Contains("la vérification de la clé a échoué : `withdrawal`", notice.Text, StringComparison.Ordinal);
        Assert.Equal([("tk:join:1", "Rejoindre"), ("tk:claim:1", "Prendre en charge")], Buttons(notice));
        foreach (var staffCard in new[] { Text(notice), Text(card) })
        {
            Assert.Contains("Diagnostic · Ticket #0001", staffCard, StringComparison.Ordinal);
            Assert.Contains("**Langue** Español", staffCard, StringComparison.Ordinal);
            Assert.Contains("❌ La dernière vérification a échoué.", staffCard, StringComparison.Ordinal);
            Assert.DoesNotContain("Idioma", staffCard, StringComparison.Ordinal);

            // The failed check's explanation and fix are staff's words too, not the Spanish of the member's own answer.
            Assert.Contains("La clé peut retirer des fonds.", staffCard, StringComparison.Ordinal);
            Assert.Contains("décochez **Withdrawal**", staffCard, StringComparison.Ordinal);
            Assert.DoesNotContain("La clave puede retirar fondos.", staffCard, StringComparison.Ordinal);
        }

        // The card sits in the thread, where the member is: "Run the check again" beside the check, in Spanish.
        Assert.True(card.IsComponentsV2);
        Assert.Contains(("tk:check:1:1", "Volver a comprobar"), Buttons(card));
        Assert.DoesNotContain(Buttons(notice), b => b.CustomId.StartsWith("tk:check:", StringComparison.Ordinal));

        // A claim is told to the member in Spanish, in the thread.
        await people.StaffInThreadAsync("claim", thread.Id);
        var claimed = await bot.Discord.Rest.WaitForMessageAsync(m => m.ChannelId == thread.Id && m.Content.StartsWith("🙋", StringComparison.Ordinal), BotHarness.Timeout);
        Assert.Equal($"🙋 <@{Id(Staff)}> se ha hecho cargo del ticket #0001 y te ayudará a partir de ahora.", claimed.Content);
    }

    [Fact]
    public async Task GermanStaffMember_TicketCommands_AnswerInGerman_WhileTheCardStaysInTheStaffLanguage()
    {
        var people = await StartAsync();
        await using var bot = people.Bot;
        bot.Discord.Rest.SetLocale(Member, "es-419");
        bot.Discord.Rest.SetLocale(Staff, "de");

        await FailDiagnoseAsync(people, "withdrawal-enabled", "ticket de soporte privado #0001");
        var notice = await bot.Discord.Rest.WaitForMessageAsync(m => m.ChannelId == bot.StaffChannelId && m.Text.Contains("#0001", StringComparison.Ordinal), BotHarness.Timeout);
        var thread = people.Thread();

        var claim = await people.StaffInThreadAsync("claim", thread.Id);
        var again = await people.StaffInThreadAsync("claim", thread.Id);
        var (_, listCallback) = await people.TicketCommandAsync(Staff, "list");
        var (_, outsideThread) = await people.TicketCommandAsync(Staff, "note", bot.SupportChannelId, SlashOption.String("text", "x"));
        var (_, refused) = await people.TicketCommandAsync(Outsider, "list");

        Assert.Equal("Du hast Ticket #0001 übernommen.", claim.Trim());
        Assert.Equal("Du hast Ticket #0001 bereits übernommen.", again.Trim());
        var list = Answer(listCallback);
        Assert.Contains("Offene Tickets (1)", list, StringComparison.Ordinal);
        Assert.Contains($"übernommen von <@{Id(Staff)}>", list, StringComparison.Ordinal);
        Assert.Matches("wartet schon [^,]+ auf das Team", list);
        Assert.Equal("Verwende `/ticket notiz` im Thread eines Tickets. `/ticket liste` zeigt die offenen.", Answer(outsideThread).Trim());
        var (_, stats) = await people.StatsAsync();
        Assert.Contains("Support-Kennzahlen der letzten 30 Tage (", stats, StringComparison.Ordinal);
        Assert.Matches(@"\n  jetzt offen\s+0 nicht übernommen, 1 übernommen\n", stats);
        Assert.Matches(@"\n  Prüfungen\s+1\n", stats);
        Assert.DoesNotContain("open now", stats, StringComparison.Ordinal);

        // Someone else with no locale set reads English; the staff member's German changed nothing shared.
        Assert.StartsWith("Only the support team can list open tickets.", Answer(refused), StringComparison.Ordinal);
        Assert.StartsWith("🎫 New ticket #0001 from", notice.Text, StringComparison.Ordinal);
        Assert.Contains("**Language** Español", Text(notice), StringComparison.Ordinal);
        var claimed = await bot.Discord.Rest.WaitForMessageAsync(m => m.ChannelId == thread.Id && m.Content.StartsWith("🙋", StringComparison.Ordinal), BotHarness.Timeout);
        Assert.Contains("se ha hecho cargo del ticket #0001", claimed.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Close_MemberLastSeenInPortuguese_RatingDmAndCloseNoticeFollowTheStoredLanguage_NotTheClosingStaffs()
    {
        var people = await StartAsync(tweak: s => s["Support:StaffLocale"] = "ru");
        await using var bot = people.Bot;
        bot.Discord.Rest.SetLocale(Member, "pt-BR");
        bot.Discord.Rest.SetLocale(Staff, "de");

        await FailDiagnoseAsync(people, "withdrawal-enabled", "ticket de suporte privado #0001");
        var thread = people.Thread();
        var closed = await people.StaffInThreadAsync("close", thread.Id, SlashOption.String("reason", "Saque desativado"), SlashOption.Boolean("force", true));

        var prompt = await bot.Discord.Rest.WaitForMessageAsync(m => m.InDirectMessage && Buttons(m).Any(b => b.CustomId == "tk:rate:1:5"), BotHarness.Timeout);
        var notice = people.MessagesIn(thread.Id).Single(m => m.Content.StartsWith("🔒", StringComparison.Ordinal));
        var log = await bot.Discord.Rest.WaitForMessageAsync(m => m.ChannelId == bot.LogChannelId && m.Attachments.Count == 1, BotHarness.Timeout);

        Assert.StartsWith("Ticket #0001 ist geschlossen", closed, StringComparison.Ordinal);
        Assert.Equal("O seu ticket de suporte #0001 foi fechado. Como nos saímos? Um toque, de 1 (ruim) a 5 (ótimo):", prompt.Content);
        Assert.StartsWith($"🔒 O ticket #0001 foi fechado por <@{Id(Staff)}>: Saque desativado (fechado pela equipe).", notice.Text, StringComparison.Ordinal);
        Assert.Contains("Тикет #0001 закрыт", Text(log), StringComparison.Ordinal);
        Assert.Contains("Итог\nзакрыт поддержкой", Text(log), StringComparison.Ordinal);

        // The member's click answers in the language of that click.
        bot.Discord.Rest.SetLocale(Member, "fr");
        var (_, rated) = await people.ClickAsync(Member, "tk:rate:1:5", prompt, inDm: true);
        Assert.StartsWith("Merci ! Vous avez noté le ticket #0001 ★★★★★ (5/5).", rated.Data!["content"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    // The member's own answer (the report), once the bot has said which ticket the failure went into.
    private static async Task<EmulatedMessage> FailDiagnoseAsync(TicketPeople people, string scenario, string wentInto)
    {
        var account = people.Bot.Bybit.Scenario(scenario);
        var (id, _) = await DiagnoseMember.SubmitKeyAsync(people.Bot, Member, account.ApiKey, account.ApiSecret);
        var result = await DiagnoseMember.WaitForResultAsync(people.Bot, id);
        await people.Bot.Discord.Rest.WaitForMessageAsync(m => m.InteractionId == id && m.Content.Contains(wentInto, StringComparison.Ordinal), BotHarness.Timeout);
        return result;
    }
}
