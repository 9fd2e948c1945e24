using System.Diagnostics;
using System.Globalization;
using System.Text;
using AstraBit.SupportBot.Core.Audit;
using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Tickets;

namespace AstraBit.SupportBot.Benchmarks;

/// <summary>
/// A closed ticket's transcript: <see cref="HtmlTranscriptBuilder"/> on a 2,000-message ticket (chat, pasted logs,
/// the bot's cards as embeds and Components V2, attachments, a few pasted secrets), beside the plain-text
/// <see cref="TranscriptBuilder"/> it replaced, on the same messages in the same run. Also the worst case Discord
/// allows: 2,000 messages of 2,000 characters. Target (issue 24): the 2,000-message ticket built in under 1 s and
/// under 5 MiB.
/// </summary>
internal static class TranscriptBenchmark
{
    private const int Messages = 2_000;
    private const int Rounds = 7;
    private const double TargetMs = 1_000;
    private const long TargetBytes = 5 * 1024 * 1024;
    private const ulong Member = 111, Staff = 900, Bot = 5;

    private static readonly DateTimeOffset Start = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    public static int Run()
    {
        var ticket = Ticket();
        var audit = Audit();
        var typical = Typical();

        // The staff language's words, as the bot writes them (English; the texts beside the benchmark).
        var texts = AstraBit.SupportBot.Core.Text.TextCatalogLoader.LoadDirectory(
            Path.Combine(AppContext.BaseDirectory, "config", AstraBit.SupportBot.Core.Text.TextCatalogLoader.FolderName),
            AstraBit.SupportBot.Bot.DiscordContentLimits.Value).Source;
        var longest = Enumerable.Range(0, Messages)
            .Select(i => new TranscriptMessage(i % 2 == 0 ? "alice.trader" : "sam.support", i % 2 == 0 ? Member : Staff, i % 2 == 1, Start.AddMinutes(i), Words(new Random(i), 2_000)))
            .ToList();

        Console.WriteLine($"transcript: median of {Rounds} builds (Release build recommended); {Messages:N0} messages");
        Console.WriteLine($"{"ticket",-36} {"builder",-11} {"ms",8} {"bytes",12} {"MiB",6} {"left out",9}");
        var (htmlMs, html) = Measure(() => HtmlTranscriptBuilder.Build(ticket, typical, audit, texts));
        var (textMs, text) = Measure(() => TranscriptBuilder.Build(ticket, typical));
        Row("typical (chat, logs, cards, files)", "html", htmlMs, html.Content.Length, html.MessagesLeftOut);
        Row("", "plain text", textMs, Encoding.UTF8.GetByteCount(text), 0);
        var (longHtmlMs, longHtml) = Measure(() => HtmlTranscriptBuilder.Build(ticket, longest, audit, texts));
        var (longTextMs, longText) = Measure(() => TranscriptBuilder.Build(ticket, longest));
        Row("every message 2,000 characters", "html", longHtmlMs, longHtml.Content.Length, longHtml.MessagesLeftOut);
        Row("", "plain text", longTextMs, Encoding.UTF8.GetByteCount(longText), 0);

        var pass = htmlMs < TargetMs && html.Content.Length < TargetBytes;
        Console.WriteLine(
            $"typical 2,000-message ticket: {htmlMs:0.0} ms, {html.Content.Length / 1024.0 / 1024.0:0.00} MiB " +
            $"(target under {TargetMs:0} ms and {TargetBytes / 1024 / 1024} MiB): {(pass ? "PASS" : "FAIL")}; " +
            $"HTML/plain text: {htmlMs / textMs:0.0}x the time, {html.Content.Length / (double)Encoding.UTF8.GetByteCount(text):0.0}x the size");
        return pass ? 0 : 1;
    }

    private static (double Ms, T Result) Measure<T>(Func<T> build)
    {
        var result = build(); // warm-up, and the figures' source
        var times = new double[Rounds];
        for (var i = 0; i < Rounds; i++)
        {
            var watch = Stopwatch.StartNew();
            result = build();
            times[i] = watch.Elapsed.TotalMilliseconds;
        }

        Array.Sort(times);
        return (times[Rounds / 2], result);
    }

    private static void Row(string name, string builder, double ms, long bytes, int leftOut) =>
        Console.WriteLine($"{name,-36} {builder,-11} {ms,8:0.0} {bytes,12:N0} {bytes / 1024.0 / 1024.0,6:0.00} {leftOut,9}");

    private static Ticket Ticket()
    {
        TicketCard Card(string failing, int hours) => new(
            Verdict.Fail,
            [new TicketCheck(failing, CheckStatus.Fail, "Position mode", "BTCUSDT is in Hedge Mode.", "Switch to One-Way Mode.", 5)],
            [new TicketCheck(CheckIds.Balance, CheckStatus.Warn, "Balance", "Derivatives equity is $80.", "Top up to $100.", null)],
            "unified",
            "Bybit EU",
            "…Xy12",
            "Part 2 of 3 · Step 5 of 6",
            Start.AddHours(hours));
        return new Ticket(1234, Member, TicketOrigin.CheckFailed, Start, Card(CheckIds.PositionMode, 0))
        {
            State = TicketState.Closed,
            ClaimedBy = Staff,
            ClosedAt = Start.AddDays(3),
            ClosedBy = Staff,
            CloseReason = "switched to one-way mode",
            Outcome = TicketCloseOutcome.ClosedByStaff,
            LaterChecks = [Card(CheckIds.Transfer, 20), Card(CheckIds.PositionMode, 40)],
            Notes = [new TicketNote(Staff, "member runs two bots on one key", Start.AddHours(2))],
        };
    }

    private static List<AuditEntry> Audit() =>
    [
        new(Staff, AuditActions.TicketClaimed, Member, 1234, "claimed #1234", Start.AddMinutes(3)),
        new(Staff, AuditActions.TicketUnclaimed, Member, 1234, "unclaimed #1234", Start.AddHours(30)),
        new(Staff + 1, AuditActions.TicketClaimed, Member, 1234, "claimed #1234", Start.AddHours(31)),
        new(Staff, AuditActions.TicketClosed, Member, 1234, "closed #1234: switched to one-way mode", Start.AddDays(3)),
    ];

    /// <summary>What a long ticket holds: mostly chat, a pasted log every 50 messages, the bot's cards, screenshots.</summary>
    private static List<TranscriptMessage> Typical()
    {
        var random = new Random(24);
        var messages = new List<TranscriptMessage>(Messages);
        for (var i = 0; i < Messages; i++)
        {
            var at = Start.AddMinutes(i * 2);
            if (i % 10 == 0)
            {
                messages.Add(new TranscriptMessage("Support bot", Bot, false, at, i % 20 == 0 ? "" : "Alex ran the key check again.", IsBot: true)
                {
                    Blocks = i % 20 == 0
                        ? [new TranscriptBlock(TranscriptBlockKind.Embed, "Key check · ticket #1234") { Color = 0xDC2626, Children = [new(TranscriptBlockKind.Text, Words(random, 200)), Field("Account type", "unified"), Field("Key", "…Xy12"), Field("position-mode", "Switch to One-Way Mode (guide step 5)")] }]
                        : [new TranscriptBlock(TranscriptBlockKind.Container, "") { Color = 0xDC2626, Children = [new(TranscriptBlockKind.Section, "") { Children = [new(TranscriptBlockKind.Text, Words(random, 160)), new(TranscriptBlockKind.Control, "Run the check again")] }, new(TranscriptBlockKind.Separator), new(TranscriptBlockKind.Text, Words(random, 80))] }],
                });
                continue;
            }

            var fromMember = random.Next(3) != 0;
            var content = i % 50 == 1 ? PastedLog(random) : Words(random, random.Next(20, 400));
            if (i % 200 == 3)
            {
                content += " key AbCdEfGhIjKlMnXy12 secret Xq7Lr2Vb9Nt4Kp1Zs8Wd3Hf6Jc0Mg5Ry2Ta4";
            }

            messages.Add(new TranscriptMessage(fromMember ? "alice.trader" : "sam.support", fromMember ? Member : Staff, !fromMember, at, content)
            {
                Attachments = i % 7 == 0 ? [$"screenshot-{i.ToString(CultureInfo.InvariantCulture)}.png"] : [],
            });
        }

        return messages;
    }

    private static TranscriptBlock Field(string name, string value) =>
        new(TranscriptBlockKind.Field, name) { Children = [new(TranscriptBlockKind.Text, value)] };

    private static string PastedLog(Random random)
    {
        var log = new StringBuilder("```\n");
        while (log.Length < 1_900)
        {
            log.Append(CultureInfo.InvariantCulture, $"2026-11-24 10:{random.Next(60):00}:{random.Next(60):00} ERROR retCode=10001 retMsg=\"position idx not match position mode\" symbol=BTCUSDT <side=Buy & qty=0.01>\n");
        }

        return log.Append("```").ToString();
    }

    private static string Words(Random random, int length)
    {
        string[] words = ["the", "bot", "stopped", "trading", "since", "this", "morning", "I", "checked", "my", "API", "key", "and", "it", "says", "hedge", "mode", "on", "BTCUSDT", "can", "you", "help", "please", "Bybit", "EU", "unified", "account", "withdrawal", "is", "off", "now", "thanks!", "<b>", "&", "\"quoted\"", "é", "🙂"];
        var text = new StringBuilder(length + 16);
        while (text.Length < length)
        {
            text.Append(words[random.Next(words.Length)]).Append(random.Next(12) == 0 ? '\n' : ' ');
        }

        return Core.Text.SafeText.Prefix(text.ToString(), length).TrimEnd();
    }
}
