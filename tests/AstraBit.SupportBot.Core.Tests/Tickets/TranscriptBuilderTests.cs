using System.Text;
using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Tickets;

namespace AstraBit.SupportBot.Core.Tests.Tickets;

public sealed class TranscriptBuilderTests
{
    private const string Secret = "Xq7Lr2Vb9Nt4Kp1Zs8Wd3Hf6Jc0Mg5Ry2Ta4";

    private static readonly DateTimeOffset Start = TicketHarness.Start;

    [Fact]
    public void Build_ClosedTicket_HeaderCardsAndMessages()
    {
        var ticket = new Ticket(42, TicketHarness.Member, TicketOrigin.CheckFailed, Start, TicketHarness.Card())
        {
            State = TicketState.Closed,
            ClaimedBy = TicketHarness.Staff,
            ClosedAt = Start.AddHours(2),
            ClosedBy = TicketHarness.Staff,
            CloseReason = "switched to one-way mode",
            Rating = 5,
            LaterChecks = [TicketHarness.Card(CheckIds.Transfer) with { CheckedAt = Start.AddHours(1) }],
        };
        TranscriptMessage[] messages =
        [
            new("Sam (support)", TicketHarness.Staff, true, Start.AddMinutes(5), "Hi! Open Position Mode settings."),
            new("Alex", TicketHarness.Member, false, Start.AddMinutes(3), "It says hedge mode"),
        ];

        var transcript = TranscriptBuilder.Build(ticket, messages);

        Assert.Equal(
            """
            Ticket #0042
            Member: 111
            Opened: 2026-11-24 10:00 UTC (after a failed check)
            Claimed by: 900
            Closed: 2026-11-24 12:00 UTC by 900
            Close reason: switched to one-way mode
            Rating: 5/5

            Diagnosis at opening (2026-11-24 10:00 UTC): verdict fail
              Account type: unified · Region: Bybit EU · Key: …Xy12
              Stopped at: Part 2 of 3 · Step 5 of 6
              - fail position-mode: Position mode. BTCUSDT is in Hedge Mode.
                Fix (guide step 5): Switch to One-Way Mode.
              - warn balance: Balance. Derivatives equity is $80.
                Fix: Top up to $100.

            Check in the ticket (2026-11-24 11:00 UTC): verdict fail
              Account type: unified · Region: Bybit EU · Key: …Xy12
              Stopped at: Part 2 of 3 · Step 5 of 6
              - fail transfer: Position mode. BTCUSDT is in Hedge Mode.
                Fix (guide step 5): Switch to One-Way Mode.
              - warn balance: Balance. Derivatives equity is $80.
                Fix: Top up to $100.

            Messages
            [2026-11-24 10:03 UTC] member 111 "Alex": It says hedge mode
            [2026-11-24 10:05 UTC] staff 900 "Sam (support)": Hi! Open Position Mode settings.

            """.ReplaceLineEndings("\n"),
            transcript);
    }

    [Fact]
    public void Build_OpenTicketWithoutCard_SaysNotYet()
    {
        var ticket = new Ticket(1, TicketHarness.Member, TicketOrigin.Command, Start, null);

        var transcript = TranscriptBuilder.Build(ticket, []);

        Assert.Contains("Claimed by: nobody\n", transcript, StringComparison.Ordinal);
        Assert.Contains("Closed: not yet\n", transcript, StringComparison.Ordinal);
        Assert.Contains("Rating: not rated\n", transcript, StringComparison.Ordinal);
        Assert.DoesNotContain("Diagnosis", transcript, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_SystemClose_ClosedByTheBot()
    {
        var ticket = new Ticket(1, TicketHarness.Member, TicketOrigin.Stuck, Start, null)
        {
            State = TicketState.Closed,
            ClosedAt = Start.AddDays(3),
            CloseReason = TicketStateMachine.MemberLeftReason,
        };

        var transcript = TranscriptBuilder.Build(ticket, []);

        Assert.Contains("Closed: 2026-11-27 10:00 UTC by the bot\nClose reason: member left the server\n", transcript, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("my secret is " + Secret)]
    [InlineData(Secret)]
    [InlineData("key=AbCdEfGhIjKlMnXy12 secret=" + Secret + "!")]
    [InlineData("line one\n" + Secret + "\nline three")]
    public void Build_SecretPastedInMessage_Hidden(string content)
    {
        var ticket = new Ticket(1, TicketHarness.Member, TicketOrigin.Command, Start, null);

        var transcript = TranscriptBuilder.Build(ticket, [new TranscriptMessage("Alex", TicketHarness.Member, false, Start, content)]);

        Assert.DoesNotContain(Secret, transcript, StringComparison.Ordinal);
        Assert.Contains("[hidden]", transcript, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_SecretInDisplayName_Hidden()
    {
        var ticket = new Ticket(1, TicketHarness.Member, TicketOrigin.Command, Start, null);

        var transcript = TranscriptBuilder.Build(ticket, [new TranscriptMessage(Secret, TicketHarness.Member, false, Start, "hello")]);

        Assert.DoesNotContain(Secret, transcript, StringComparison.Ordinal);
        Assert.Contains("] member 111 \"[hidden]\": hello\n", transcript, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_MultilineMessage_StaysOnOneLine()
    {
        var ticket = new Ticket(1, TicketHarness.Member, TicketOrigin.Command, Start, null);

        var transcript = TranscriptBuilder.Build(ticket, [new TranscriptMessage("Alex", TicketHarness.Member, false, Start, "a\nb")]);

        Assert.EndsWith("[2026-11-24 10:00 UTC] member 111 \"Alex\": a b\n", transcript, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Sam (staff)")]
    [InlineData("staff 900 \"Sam\"")]
    [InlineData("Support bot")]
    public void Build_MemberNamedLikeStaff_StillReadsAsMember(string name)
    {
        var ticket = new Ticket(1, TicketHarness.Member, TicketOrigin.Command, Start, null);

        var transcript = TranscriptBuilder.Build(ticket, [new TranscriptMessage(name, TicketHarness.Member, false, Start, "I am staff, send me your secret")]);

        var line = transcript.Split('\n').Single(l => l.Contains("send me", StringComparison.Ordinal));
        Assert.StartsWith("[2026-11-24 10:00 UTC] member 111 \"", line, StringComparison.Ordinal);
        Assert.Equal(2, line.Count(c => c == '"'));
    }

    [Fact]
    public void Build_BotStaffAndOutsider_EachTaggedWithRoleAndId()
    {
        var ticket = new Ticket(1, TicketHarness.Member, TicketOrigin.Command, Start, null);
        TranscriptMessage[] messages =
        [
            new("Support bot", 5, false, Start, "card", IsBot: true),
            new("Sam", TicketHarness.Staff, true, Start.AddMinutes(1), "hi"),
            new("Someone", 77, false, Start.AddMinutes(2), "hey"),
        ];

        var transcript = TranscriptBuilder.Build(ticket, messages);

        Assert.Contains("] bot 5 \"Support bot\": card\n", transcript, StringComparison.Ordinal);
        Assert.Contains("] staff 900 \"Sam\": hi\n", transcript, StringComparison.Ordinal);
        Assert.Contains("] other 77 \"Someone\": hey\n", transcript, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_BidiAndZeroWidthCharacters_Removed()
    {
        var ticket = new Ticket(1, TicketHarness.Member, TicketOrigin.Command, Start, null);

        // U+202E would display "Alex" reversed and the rest of the line right-to-left, hiding what follows.
        var transcript = TranscriptBuilder.Build(ticket, [new TranscriptMessage("\u202Exela\u200B", TicketHarness.Member, false, Start, "pay \u2066here\u2069\u200D now")]);

        Assert.Contains("] member 111 \"xela\": pay here now\n", transcript, StringComparison.Ordinal);
        Assert.DoesNotContain(transcript, c => c is '\u202E' or '\u2066' or '\u2069' or '\u200B' or '\u200D');
    }

    [Theory]
    [InlineData("Xq7Lr2 Vb9Nt4 Kp1Zs8 Wd3Hf6 Jc0Mg5 Ry2Ta4")]
    [InlineData("Xq7L-r2Vb-9Nt4-Kp1Z-s8Wd-3Hf6-Jc0M-g5Ry-2Ta4")]
    [InlineData("Xq7Lr2Vb9\u200BNt4Kp1Zs8\u200CWd3Hf6Jc0\u200DMg5Ry2Ta4")]
    [InlineData("Xq7Lr2Vb9Nt4Kp1Zs8\nWd3Hf6Jc0Mg5Ry2Ta4")]
    public void Build_SplitSecretInMessage_Hidden(string split)
    {
        var ticket = new Ticket(1, TicketHarness.Member, TicketOrigin.Command, Start, null);

        var transcript = TranscriptBuilder.Build(ticket, [new TranscriptMessage("Alex", TicketHarness.Member, false, Start, $"here: {split} ok?")]);

        Assert.Contains("\"Alex\": here: [hidden] ok?\n", transcript, StringComparison.Ordinal);
        foreach (var piece in split.Split(' ', '-', '\n', '\u200B', '\u200C', '\u200D'))
        {
            Assert.DoesNotContain(piece, transcript, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Build_FullApiKeyInMessage_Masked()
    {
        var ticket = new Ticket(1, TicketHarness.Member, TicketOrigin.Command, Start, null);

        var transcript = TranscriptBuilder.Build(ticket, [new TranscriptMessage("Alex", TicketHarness.Member, false, Start, "my key is AbCdEfGhIjKlMnXy12, right?")]);

        Assert.Contains("\"Alex\": my key is …Xy12, right?\n", transcript, StringComparison.Ordinal);
        Assert.DoesNotContain("AbCdEfGhIjKlMnXy12", transcript, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_LongEmojiName_CutWithoutSplittingAPair()
    {
        var ticket = new Ticket(1, TicketHarness.Member, TicketOrigin.Command, Start, null);
        var name = "A" + string.Concat(Enumerable.Repeat("😀", 40));

        var transcript = TranscriptBuilder.Build(ticket, [new TranscriptMessage(name, TicketHarness.Member, false, Start, "hi")]);

        var shown = transcript.Split('"')[1];
        Assert.True(shown.Length <= 32);
        Assert.EndsWith("😀…", shown, StringComparison.Ordinal);
        Assert.True(shown.EnumerateRunes().All(r => r != Rune.ReplacementChar) && !HasLoneSurrogate(transcript));
    }

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }
}
