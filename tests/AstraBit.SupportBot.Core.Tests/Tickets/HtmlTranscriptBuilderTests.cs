using System.Text;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using AstraBit.SupportBot.Core.Audit;
using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Tests.Guide;
using AstraBit.SupportBot.Core.Text;
using AstraBit.SupportBot.Core.Tickets;

namespace AstraBit.SupportBot.Core.Tests.Tickets;

/// <summary>The HTML transcript read back with a real HTML5 parser, as a browser would read it.</summary>
public sealed class HtmlTranscriptBuilderTests
{
    private const string Hostile = "<script>alert(1)</script><img src=x onerror=alert(1)>";
    private const string Secret = "Xq7Lr2Vb9Nt4Kp1Zs8Wd3Hf6Jc0Mg5Ry2Ta4";
    private const string FullKey = "AbCdEfGhIjKlMnXy12";
    private const ulong Bot = 5;

    private static readonly DateTimeOffset Start = TicketHarness.Start;

    [Fact]
    public void Build_MemberPostsMarkup_ShownAsTextAndNothingCanRun()
    {
        var ticket = new Ticket(7, TicketHarness.Member, TicketOrigin.Command, Start, null);
        TranscriptMessage[] messages =
        [
            new(Hostile, TicketHarness.Member, false, Start.AddMinutes(1), Hostile)
            {
                Attachments = ["\"><img src=x onerror=alert(2)>.png"],
                Blocks =
                [
                    new(TranscriptBlockKind.Embed, Hostile) { Color = 0x123456, Children = [new(TranscriptBlockKind.Field, Hostile) { Children = [new(TranscriptBlockKind.Text, "<a href=\"https://evil.example/x\">x</a>")] }] },
                    new(TranscriptBlockKind.Container, "") { Children = [new(TranscriptBlockKind.Text, "<iframe src=\"https://evil.example\"></iframe>"), new(TranscriptBlockKind.Media, "<svg onload=alert(3)>")] },
                    new(TranscriptBlockKind.Forwarded, "<style>@import url(https://evil.example/a.css)</style>"),
                ],
            },
        ];

        var document = Parse(HtmlTranscriptBuilder.Build(ticket, messages, [], ShippedGuide.English));

        var message = Assert.Single(document.QuerySelectorAll("li.msg"));
        Assert.Equal(Hostile, message.QuerySelector(".content")!.TextContent);
        Assert.Equal(Hostile[..31] + "…", message.QuerySelector(".author")!.TextContent);
        Assert.Equal(Hostile, message.QuerySelector(".embed-title")!.TextContent);
        Assert.Equal("\"><img src=x onerror=alert(2)>.png", message.QuerySelector(".files li")!.TextContent);
        Assert.Empty(document.QuerySelectorAll("script, img, iframe, svg, a, link, object, embed, base, form, input, button"));
        Assert.Single(document.QuerySelectorAll("style"));
        Assert.All(document.All, e => Assert.DoesNotContain(e.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        Assert.All(document.All, e => Assert.DoesNotContain(e.Attributes, a => a.Name is "src" or "href" or "srcset" or "action" or "poster" or "data"));
        Assert.DoesNotContain("url(", document.QuerySelector("style")!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", document.QuerySelector("style")!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.All(document.QuerySelectorAll("[style]"), e => Assert.Matches("^border-left-color:#[0-9a-f]{6}$", e.GetAttribute("style")!));
        Assert.Contains("default-src 'none'", document.QuerySelector("meta[http-equiv='Content-Security-Policy']")!.GetAttribute("content"), StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector("meta[name='viewport']"));
    }

    [Fact]
    public void Build_ClosedTicket_HeaderDiagnosisTimelineAndEveryMessageWithoutTheSecret()
    {
        var ticket = new Ticket(42, TicketHarness.Member, TicketOrigin.CheckFailed, Start, TicketHarness.Card())
        {
            State = TicketState.Closed,
            ClaimedBy = TicketHarness.Staff,
            ClosedAt = Start.AddHours(2),
            ClosedBy = TicketHarness.Staff,
            CloseReason = "switched to one-way mode",
            Outcome = TicketCloseOutcome.ClosedByStaff,
            LaterChecks = [TicketHarness.Card(CheckIds.Transfer) with { CheckedAt = Start.AddHours(1) }],
            Notes = [new TicketNote(TicketHarness.Staff, "member on the EU site", Start.AddMinutes(20))],
        };
        TranscriptMessage[] messages =
        [
            new("Support bot", Bot, false, Start, "", IsBot: true) { Blocks = [new(TranscriptBlockKind.Embed, "Key check failed") { Children = [new(TranscriptBlockKind.Text, "Position mode is Hedge")] }] },
            new("Alex", TicketHarness.Member, false, Start.AddMinutes(3), "It says hedge mode") { Attachments = ["screenshot.png"] },
            new("Sam", TicketHarness.Staff, true, Start.AddMinutes(5), "Hi! Open Position Mode settings."),
            new("Alex", TicketHarness.Member, false, Start.AddMinutes(6), $"here: key {FullKey}\nsecret {Secret[..18]}\n{Secret[18..]}"),
            new("Alex", TicketHarness.Member, false, Start.AddMinutes(7), "my secret " + Secret),
            new("Support bot", Bot, false, Start.AddMinutes(8), "", IsBot: true)
            {
                Blocks =
                [
                    new(TranscriptBlockKind.Container, "") { Color = 0xDC2626, Children = [new(TranscriptBlockKind.Section, "") { Children = [new(TranscriptBlockKind.Text, "Transfer permission is off"), new(TranscriptBlockKind.Control, "Run the check again")] }] },
                ],
            },
            new("Alex", TicketHarness.Member, false, Start.AddMinutes(9), "") { Blocks = [new(TranscriptBlockKind.Forwarded, "forwarded text") { Children = [new(TranscriptBlockKind.File, "bot.log")] }] },
        ];
        AuditEntry[] audit =
        [
            new(TicketHarness.Staff, AuditActions.TicketClaimed, TicketHarness.Member, 42, "claimed #0042", Start.AddMinutes(4)),
            new(TicketHarness.Staff, AuditActions.TicketNoteAdded, TicketHarness.Member, 42, "added a staff note to #0042", Start.AddMinutes(20)),
            new(TicketHarness.OtherStaff, AuditActions.TicketUnclaimed, TicketHarness.Member, 42, "unclaimed #0042", Start.AddMinutes(30)),
            new(TicketHarness.Staff, AuditActions.TicketClosed, TicketHarness.Member, 42, "closed #0042: switched to one-way mode", Start.AddHours(2)),
            new(TicketHarness.Staff, AuditActions.TicketClaimed, TicketHarness.Member, 41, "claimed #0041", Start.AddMinutes(1)),
        ];

        var transcript = HtmlTranscriptBuilder.Build(ticket, messages, audit, ShippedGuide.English);
        var raw = Encoding.UTF8.GetString(transcript.Content);
        var document = Parse(transcript);

        Assert.Equal("ticket-0042.html", transcript.FileName);
        Assert.Equal((7, 0, 2, 4), (transcript.MessageCount, transcript.MessagesLeftOut, transcript.CheckCount, transcript.TimelineCount));
        var header = document.QuerySelector("header")!.TextContent;
        Assert.Contains("Ticket #0042", header, StringComparison.Ordinal);
        Assert.Contains("Alex (user 111)", header, StringComparison.Ordinal);
        Assert.Contains("2026-11-24 10:00 UTC (after a failed check)", header, StringComparison.Ordinal);
        Assert.Contains("closed by staff", header, StringComparison.Ordinal);
        Assert.Contains("switched to one-way mode", header, StringComparison.Ordinal);
        Assert.Contains("not rated yet", header, StringComparison.Ordinal);

        var cards = document.QuerySelectorAll("#diagnosis article.card");
        Assert.Equal(2, cards.Length);
        Assert.Contains("Diagnosis at opening", cards[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("BTCUSDT is in Hedge Mode.", cards[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Fix (guide step 5): Switch to One-Way Mode.", cards[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("…Xy12", cards[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Check in the ticket · 2026-11-24 11:00 UTC", cards[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("transfer", cards[1].TextContent, StringComparison.Ordinal);

        var timeline = document.QuerySelectorAll("#timeline li").Select(li => li.TextContent).ToList();
        Assert.Equal(4, timeline.Count);
        Assert.Matches("claimed · Sam \\(user 900\\) · claimed #0042$", timeline[0]);
        Assert.Matches("staff note · Sam \\(user 900\\) · member on the EU site$", timeline[1]);
        Assert.Matches("unclaimed · user 901 · unclaimed #0042$", timeline[2]);
        Assert.Matches("closed · Sam \\(user 900\\) · closed #0042: switched to one-way mode$", timeline[3]);

        var shown = document.QuerySelectorAll("li.msg");
        Assert.Equal(messages.Length, shown.Length);
        Assert.Equal(["bot", "member", "staff", "member", "member", "bot", "member"], shown.Select(m => m.QuerySelector(".role")!.TextContent));
        Assert.Equal("2026-11-24T10:03:00Z", shown[1].QuerySelector("time")!.GetAttribute("datetime"));
        Assert.Equal("It says hedge mode", shown[1].QuerySelector(".content")!.TextContent);
        Assert.Equal("screenshot.png", shown[1].QuerySelector(".files li")!.TextContent);
        Assert.Equal("Hi! Open Position Mode settings.", shown[2].QuerySelector(".content")!.TextContent);
        Assert.Contains("…Xy12", shown[3].TextContent, StringComparison.Ordinal);
        Assert.Contains("[hidden]", shown[3].TextContent, StringComparison.Ordinal);
        Assert.Equal("my secret [hidden]", shown[4].QuerySelector(".content")!.TextContent);
        Assert.Contains("Position mode is Hedge", shown[0].QuerySelector(".embed")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Transfer permission is off", shown[5].QuerySelector(".container .section .text")!.TextContent);
        Assert.Equal("Run the check again", shown[5].QuerySelector(".container .section .control")!.TextContent);
        Assert.Equal("border-left-color:#dc2626", shown[5].QuerySelector(".container")!.GetAttribute("style"));
        Assert.Contains("forwarded text", shown[6].QuerySelector("blockquote.forward")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("bot.log", shown[6].QuerySelector("blockquote.forward")!.TextContent, StringComparison.Ordinal);

        Assert.DoesNotContain(Secret, raw, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret[..18], raw, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret[18..], raw, StringComparison.Ordinal);
        Assert.DoesNotContain(FullKey, raw, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_StaffLocaleGerman_EveryFixedWordInGermanAndTheLangAttributeSaysSo_WhatPeopleWroteAsWritten()
    {
        var ticket = new Ticket(42, TicketHarness.Member, TicketOrigin.CheckFailed, Start, TicketHarness.Card())
        {
            State = TicketState.Closed,
            ClosedAt = Start.AddHours(2),
            ClosedBy = TicketHarness.Staff,
            CloseReason = "switched to one-way mode",
            Outcome = TicketCloseOutcome.ClosedByStaff,
        };
        TranscriptMessage[] messages =
        [
            new("Alex", TicketHarness.Member, false, Start.AddMinutes(3), "It says hedge mode") { Attachments = ["screenshot.png"], Blocks = [new(TranscriptBlockKind.Forwarded, "fwd")] },
            new("Sam", TicketHarness.Staff, true, Start.AddMinutes(5), "Hi! Open Position Mode settings."),
        ];
        AuditEntry[] audit = [new(TicketHarness.Staff, AuditActions.TicketClaimed, TicketHarness.Member, 42, "claimed #0042", Start.AddMinutes(4))];

        var document = Parse(HtmlTranscriptBuilder.Build(ticket, messages, audit, ShippedGuide.Texts.For("de"), maxBytes: HtmlTranscriptBuilder.UploadLimit));

        Assert.Equal("de", document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Ticket #0042: Verlauf", document.Title);
        Assert.Equal(["Diagnose", "Verlauf des Teams", "Nachrichten"], document.QuerySelectorAll("h2").Select(h => h.TextContent));
        Assert.Equal(
            ["Mitglied", "Geöffnet", "Übernommen von", "Geschlossen", "Ergebnis", "Grund für das Schließen", "Bewertung"],
            document.QuerySelectorAll("header dt").Select(d => d.TextContent));
        Assert.Equal(
            ["Alex (Nutzer 111)", "2026-11-24 10:00 UTC (nach einer fehlgeschlagenen Prüfung)", "niemand", "2026-11-24 12:00 UTC von Sam (Nutzer 900)", "vom Team geschlossen", "switched to one-way mode"],
            document.QuerySelectorAll("header dd").Take(6).Select(d => d.TextContent));
        Assert.StartsWith("noch nicht bewertet", document.QuerySelectorAll("header dd")[6].TextContent, StringComparison.Ordinal);
        var card = document.QuerySelector("#diagnosis article.card")!.TextContent;
        Assert.Contains("Diagnose beim Öffnen", card, StringComparison.Ordinal);
        Assert.Contains("Ergebnisfehlgeschlagen", card, StringComparison.Ordinal);
        Assert.Contains("Problem · ", card, StringComparison.Ordinal);
        Assert.Contains("Lösung (Schritt 5 im Leitfaden): Switch to One-Way Mode.", card, StringComparison.Ordinal);
        Assert.Matches("übernommen · Sam \\(Nutzer 900\\) · claimed #0042$", Assert.Single(document.QuerySelectorAll("#timeline li")).TextContent);
        Assert.Equal(["Mitglied", "Team"], document.QuerySelectorAll("li.msg .role").Select(r => r.TextContent));
        Assert.Equal("Anhänge", document.QuerySelector(".files")!.GetAttribute("aria-label"));
        Assert.Equal("Weitergeleitete Nachricht", document.QuerySelector(".forward-label")!.TextContent);
        Assert.Equal("Hi! Open Position Mode settings.", document.QuerySelectorAll("li.msg")[1].QuerySelector(".content")!.TextContent);
        Assert.StartsWith("Diese Datei enthält nie Secrets", document.QuerySelector("footer")!.TextContent, StringComparison.Ordinal);
        foreach (var english in new[] { "Member", "Claimed by", "Staff timeline", "Messages", "Diagnosis at opening", "Attachments", "user 111", "after a failed check" })
        {
            Assert.DoesNotContain(english, document.Body!.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Build_OverTheUploadLimitInRussian_SaysHowManyAreLeftOutInRussiansPlural()
    {
        var ticket = new Ticket(3, TicketHarness.Member, TicketOrigin.Command, Start, null);
        var messages = Enumerable.Range(0, 600)
            .Select(i => new TranscriptMessage("Alex", TicketHarness.Member, false, Start.AddMinutes(i), $"message number {i} " + new string('x', 200)))
            .ToList();

        var transcript = HtmlTranscriptBuilder.Build(ticket, messages, [], ShippedGuide.Texts.For("ru"), maxBytes: 64 * 1024);
        var document = Parse(transcript);

        Assert.Equal("ru", document.DocumentElement.GetAttribute("lang"));
        var notice = Assert.Single(document.QuerySelectorAll(".notice")).TextContent;
        Assert.StartsWith("Стенограмма превысила лимит загрузки Discord", notice, StringComparison.Ordinal);
        Assert.Contains($"({ShippedGuide.Texts.For("ru").Count(TextIds.Transcript.MessageCount, transcript.MessagesLeftOut)})", notice, StringComparison.Ordinal);
        Assert.Matches(@"\(\d+ сообщени(е|я|й)\)", notice);
    }

    [Fact]
    public void Build_RatedTicket_ShowsTheStars()
    {
        var ticket = new Ticket(1, TicketHarness.Member, TicketOrigin.Command, Start, null) { Rating = 4 };

        var document = Parse(HtmlTranscriptBuilder.Build(ticket, [], [], ShippedGuide.English));

        Assert.Contains("4/5", document.QuerySelector("header")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("opened without a key check", document.QuerySelector("#diagnosis")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("No staff actions recorded.", document.QuerySelector("#timeline")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_OverTheUploadLimit_LeavesOutTheOldestAndSaysSo()
    {
        const int limit = 64 * 1024;
        var ticket = new Ticket(3, TicketHarness.Member, TicketOrigin.Command, Start, null);
        var messages = Enumerable.Range(0, 600)
            .Select(i => new TranscriptMessage("Alex", TicketHarness.Member, false, Start.AddMinutes(i), $"message number {i} " + new string('x', 200)))
            .ToList();

        var transcript = HtmlTranscriptBuilder.Build(ticket, messages, [], ShippedGuide.English, maxBytes: limit);
        var document = Parse(transcript);

        Assert.InRange(transcript.Content.Length, limit - 2048, limit);
        Assert.Equal(600, transcript.MessageCount + transcript.MessagesLeftOut);
        Assert.InRange(transcript.MessagesLeftOut, 1, 599);
        var shown = document.QuerySelectorAll("li.msg .content").Select(c => c.TextContent).ToList();
        Assert.Equal(transcript.MessageCount, shown.Count);
        Assert.StartsWith("message number 599 ", shown[^1], StringComparison.Ordinal);
        Assert.StartsWith($"message number {transcript.MessagesLeftOut} ", shown[0], StringComparison.Ordinal);
        var notice = Assert.Single(document.QuerySelectorAll(".notice"));
        Assert.Contains($"the oldest {transcript.MessagesLeftOut} messages are left out", notice.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_UnderTheLimit_NoNotice()
    {
        var ticket = new Ticket(3, TicketHarness.Member, TicketOrigin.Command, Start, null);

        var document = Parse(HtmlTranscriptBuilder.Build(ticket, [new("Alex", TicketHarness.Member, false, Start, "hi")], [], ShippedGuide.English));

        Assert.Empty(document.QuerySelectorAll(".notice"));
    }

    [Fact]
    public void Build_OlderMessagesNotRead_SaysSo()
    {
        var ticket = new Ticket(3, TicketHarness.Member, TicketOrigin.Command, Start, null);

        var document = Parse(HtmlTranscriptBuilder.Build(ticket, [new("Alex", TicketHarness.Member, false, Start, "hi")], [], ShippedGuide.English, olderNotRead: true));

        Assert.Contains("oldest are left out", Assert.Single(document.QuerySelectorAll(".notice")).TextContent, StringComparison.Ordinal);
    }

    private static IHtmlDocument Parse(HtmlTranscript transcript)
    {
        var html = Encoding.UTF8.GetString(transcript.Content);
        var parser = new HtmlParser(new HtmlParserOptions { IsStrictMode = false });
        var document = parser.ParseDocument(html);
        Assert.Equal("html", document.DocumentElement.LocalName);
        return document;
    }
}
