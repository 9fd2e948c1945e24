using System.Text.Json;
using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Tickets;

namespace AstraBit.SupportBot.Storage.Tests.Tickets;

internal static class TicketSamples
{
    public static readonly DateTimeOffset At = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    public static TicketCard Card(string failing = CheckIds.PositionMode) => new(
        Verdict.Fail,
        [new TicketCheck(failing, CheckStatus.Fail, "Position mode", "BTCUSDT is in Hedge Mode.", "Switch to One-Way Mode.", 5)],
        [new TicketCheck(CheckIds.Balance, CheckStatus.Warn, "Balance", "Derivatives equity is $80.", null, null)],
        "unified",
        "Bybit EU",
        "…Xy12",
        "Part 2 of 3 · Step 5 of 6",
        At.AddTicks(1234567));

    /// <summary>A ticket with every field set, odd ticks and ids above long.MaxValue included.</summary>
    public static Ticket Full(int number, ulong member) => new Ticket(number, member, TicketOrigin.ModeratorRequest, At.AddTicks(7), Card())
    {
        State = TicketState.Closed,
        ThreadId = ulong.MaxValue - 3,
        ClaimedBy = (ulong)long.MaxValue + 10,
        ClaimedAt = At.AddMinutes(1).AddTicks(1),
        FirstStaffReplyAt = At.AddMinutes(2).AddTicks(2),
        LastMemberMessageAt = At.AddMinutes(3).AddTicks(3),
        LastStaffMessageAt = At.AddMinutes(4).AddTicks(4),
        ClosedAt = At.AddMinutes(5).AddTicks(5),
        ClosedBy = 987654321098765432,
        CloseReason = "switched to one-way mode · ✓",
        ReopenedAt = At.AddMinutes(6).AddTicks(6),
        Rating = 4,
        RatedAt = At.AddMinutes(7).AddTicks(7),
        EscalatedAt = At.AddMinutes(8).AddTicks(8),
        RemindedAt = At.AddMinutes(9).AddTicks(9),
        Outcome = TicketCloseOutcome.ResolvedUnconfirmed,
        CloseRequestedAt = At.AddMinutes(10).AddTicks(10),
        CloseRequestedBy = ulong.MaxValue - 11,
        Notes = [new TicketNote(ulong.MaxValue - 12, "asked about the EU site · ✓", At.AddMinutes(11).AddTicks(11)), new TicketNote(5, "second", At.AddMinutes(12))],
        ErasedAt = At.AddMinutes(13).AddTicks(13),
        LaterChecks =
        [
            Card(CheckIds.Withdrawal),
            new TicketCard(null, [], [], null, null, null, null, null),
        ],
    };

    public static Ticket Minimal(int number, ulong member) => new(number, member, TicketOrigin.Command, At, null);

    /// <summary>Records hold lists by reference; compare what they say.</summary>
    public static void AssertSame(Ticket expected, Ticket? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(actual));
        Assert.Equal(TimeSpan.Zero, actual.OpenedAt.Offset);
    }
}
