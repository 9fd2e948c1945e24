using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using AstraBit.SupportBot.Emulators.Discord;
using static AstraBit.SupportBot.IntegrationTests.Tickets.TicketPeople;

namespace AstraBit.SupportBot.IntegrationTests.Tickets;

/// <summary>The transcript as staff receive it in the log channel when a ticket closes, through the Discord emulator.</summary>
public sealed class TicketTranscriptTests
{
    private const string Hostile = "<script>alert(1)</script><img src=x onerror=alert(1)>";

    [Fact]
    public async Task TicketClosed_LogMessage_CarriesTheHtmlTranscriptAndASummary()
    {
        var people = await StartAsync();
        await using var bot = people.Bot;
        var account = bot.Bybit.Scenario("withdrawal-enabled");
        await people.FailDiagnoseAsync(account);
        await people.StaffNoticeAsync();
        var thread = people.Thread();
        Assert.Contains("You claimed ticket #0001", await people.StaffInThreadAsync("claim", thread.Id), StringComparison.Ordinal);

        // The member writes markup with a screenshot, and forwards a message from elsewhere; staff answer and note.
        var member = new DiscordMember(bot.Discord, Member);
        await member.SayAsync(thread.Id, Hostile, [new MemberFile("screen shot.png", [0x89, 0x50, 0x4E, 0x47], "image/png")]);
        var elsewhere = bot.Discord.Rest.AddTextChannel("another-server");
        var original = bot.Discord.Rest.PostMemberMessage(Member, elsewhere, "Withdrawals are off now, see?", []);
        await member.ForwardAsync(ulong.Parse(original["id"]!.GetValue<string>(), CultureInfo.InvariantCulture), thread.Id);
        await people.SayAsync(Staff, thread.Id, "Thanks & well done — closing it.");

        // A Components V2 message in the thread (what the bot's cards become, issue 24 item 4), as Discord returns it.
        var welcome = people.MessagesIn(thread.Id)[1];
        welcome.Components.Add(JsonNode.Parse("""
            {"type":17,"accent_color":14427686,"components":[
              {"type":9,"components":[{"type":10,"content":"**Withdrawal** is still on <b>"}],"accessory":{"type":2,"style":1,"label":"Run the check again","custom_id":"tk:check:1"}},
              {"type":14},
              {"type":12,"items":[{"media":{"url":"attachment://api-page.png"}}]}]}
            """));
        var (_, noted) = await people.TicketCommandAsync(Staff, "note", thread.Id, SlashOption.String("text", "Member was on the EU site"));
        Assert.Contains("Note saved", Answer(noted), StringComparison.Ordinal);
        Assert.Contains("is closed", await people.StaffInThreadAsync("close", thread.Id, SlashOption.String("reason", "Withdrawal switched off"), SlashOption.Boolean("force", true)), StringComparison.Ordinal);

        var log = await bot.Discord.Rest.WaitForMessageAsync(m => m.ChannelId == bot.LogChannelId && m.Attachments.Count == 1, BotHarness.Timeout);

        var file = Assert.Single(log.Attachments);
        Assert.Equal("ticket-0001.html", file.FileName);
        Assert.Equal("text/html; charset=utf-8", file.ContentType);

        // The summary: the outcome without opening the file.
        var summary = Text(log);
        Assert.Contains("Ticket #0001 closed", summary, StringComparison.Ordinal);
        Assert.Contains($"<@{Id(Member)}>", summary, StringComparison.Ordinal);
        Assert.Contains("closed by staff", summary, StringComparison.Ordinal);
        Assert.Contains("Withdrawal switched off", summary, StringComparison.Ordinal);
        Assert.Matches(@"\d+ messages · 1 check · \d+ staff actions", summary);

        // The file: markup as text, every message, the diagnosis, the timeline, no secret.
        var raw = Encoding.UTF8.GetString(file.Content);
        Assert.StartsWith("<!DOCTYPE html>", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", raw, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;", raw, StringComparison.Ordinal);
        Assert.DoesNotContain(account.ApiSecret, raw, StringComparison.Ordinal);
        Assert.DoesNotContain(account.ApiKey, raw, StringComparison.Ordinal);
        var transcript = TranscriptFile.Text(file);
        Assert.Contains("Outcome: closed by staff\n", transcript, StringComparison.Ordinal);
        Assert.Contains("Close reason: Withdrawal switched off\n", transcript, StringComparison.Ordinal);
        Assert.Contains("Rating: not rated yet", transcript, StringComparison.Ordinal);
        Assert.Contains("Diagnosis at opening", transcript, StringComparison.Ordinal);
        Assert.Contains("…" + account.ApiKey[^4..], transcript, StringComparison.Ordinal);
        Assert.Matches($"alice\\.trader member {Id(Member)} [^\\n]*\\n{System.Text.RegularExpressions.Regex.Escape(Hostile)}\\n", transcript);
        Assert.Contains("screen shot.png", transcript, StringComparison.Ordinal);
        Assert.Contains("Forwarded message\nWithdrawals are off now, see?", transcript, StringComparison.Ordinal);
        Assert.Matches($"sam\\.support staff {Id(Staff)} [^\\n]*\\nThanks & well done — closing it\\.", transcript);
        Assert.Contains($"claimed · sam.support (user {Id(Staff)}) · claimed #0001", transcript, StringComparison.Ordinal);
        Assert.Contains($"staff note · sam.support (user {Id(Staff)}) · Member was on the EU site", transcript, StringComparison.Ordinal);
        Assert.Contains("closed · sam.support", transcript, StringComparison.Ordinal);
        Assert.Contains("**Withdrawal** is still on <b>\nRun the check again\n", transcript, StringComparison.Ordinal);
        Assert.Contains("[image: api-page.png]", transcript, StringComparison.Ordinal);
        Assert.Contains("<div class=\"container\" style=\"border-left-color:#dc2626\">", raw, StringComparison.Ordinal);
        await people.DeleteDataAsync();
    }

    [Fact]
    public async Task StaffLocaleBrazilian_Transcript_WordsInTheStaffLanguage_LangAttributeSaysSo_WhatPeopleWroteAsWritten()
    {
        var people = await StartAsync(tweak: s => s["Support:StaffLocale"] = "pt-BR");
        await using var bot = people.Bot;
        await people.FailDiagnoseAsync(bot.Bybit.Scenario("withdrawal-enabled"));
        await bot.Discord.Rest.WaitForMessageAsync(m => m.ChannelId == bot.StaffChannelId && m.Text.Contains("#0001", StringComparison.Ordinal), BotHarness.Timeout);
        var thread = people.Thread();
        await people.SayAsync(Staff, thread.Id, "Thanks, closing it.");
        await people.StaffInThreadAsync("close", thread.Id, SlashOption.String("reason", "Withdrawal switched off"), SlashOption.Boolean("force", true));

        var log = await bot.Discord.Rest.WaitForMessageAsync(m => m.ChannelId == bot.LogChannelId && m.Attachments.Count == 1, BotHarness.Timeout);

        var file = Assert.Single(log.Attachments);
        Assert.Contains("<html lang=\"pt-BR\">", Encoding.UTF8.GetString(file.Content), StringComparison.Ordinal);
        var transcript = TranscriptFile.Text(file);
        Assert.Contains("Ticket #0001: transcrição", transcript, StringComparison.Ordinal);
        Assert.Contains("Resultado: fechado pela equipe\n", transcript, StringComparison.Ordinal);
        Assert.Contains("Motivo do fechamento: Withdrawal switched off\n", transcript, StringComparison.Ordinal);
        Assert.Contains("Avaliação: ainda sem avaliação", transcript, StringComparison.Ordinal);
        Assert.Contains("Diagnóstico na abertura", transcript, StringComparison.Ordinal);
        Assert.Contains("Linha do tempo da equipe", transcript, StringComparison.Ordinal);
        Assert.Matches($"sam\\.support equipe {Id(Staff)} [^\\n]*\\nThanks, closing it\\.", transcript);
        Assert.Contains($"fechado · sam.support (usuário {Id(Staff)})", transcript, StringComparison.Ordinal);
        Assert.DoesNotContain("Close reason", transcript, StringComparison.Ordinal);
        Assert.DoesNotContain("Staff timeline", transcript, StringComparison.Ordinal);
    }
}
