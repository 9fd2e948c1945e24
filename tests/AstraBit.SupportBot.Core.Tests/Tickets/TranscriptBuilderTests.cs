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
            [2026-11-24 10:03 UTC] Alex: It says hedge mode
            [2026-11-24 10:05 UTC] Sam (support) (staff): Hi! Open Position Mode settings.

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
            CloseReason = TicketService.MemberLeftReason,
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
        Assert.Contains("] [hidden]: hello\n", transcript, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_MultilineMessage_StaysOnOneLine()
    {
        var ticket = new Ticket(1, TicketHarness.Member, TicketOrigin.Command, Start, null);

        var transcript = TranscriptBuilder.Build(ticket, [new TranscriptMessage("Alex", TicketHarness.Member, false, Start, "a\nb")]);

        Assert.EndsWith("[2026-11-24 10:00 UTC] Alex: a b\n", transcript, StringComparison.Ordinal);
    }
}
