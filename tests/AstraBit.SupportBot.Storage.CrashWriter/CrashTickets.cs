using System.Globalization;
using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Tickets;

namespace AstraBit.SupportBot.Storage.CrashWriter;

/// <summary>What the writer stores for each number, so the test can tell an intact ticket from a damaged one.</summary>
public static class CrashTickets
{
    public static readonly DateTimeOffset Start = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    public static ulong Member(int number) => 100_000UL + (ulong)number;

    /// <summary>The ticket as first written.</summary>
    public static Ticket Opened(int number) => new(
        number,
        Member(number),
        TicketOrigin.CheckFailed,
        Start.AddMinutes(number),
        new TicketCard(
            Verdict.Fail,
            [new TicketCheck(CheckIds.PositionMode, CheckStatus.Fail, "Position mode", $"Ticket {number}: BTCUSDT is in Hedge Mode.", "Switch to One-Way Mode.", 5)],
            [],
            "unified",
            "Bybit",
            "…" + (number % 10_000).ToString("0000", CultureInfo.InvariantCulture),
            "Part 2 of 3 · Step 5 of 6",
            Start.AddMinutes(number)));

    /// <summary>The ticket after its second write: thread attached, claimed.</summary>
    public static Ticket Confirmed(int number) => Opened(number) with
    {
        ThreadId = 900_000_000_000UL + (ulong)number,
        State = TicketState.Claimed,
        ClaimedBy = 42,
        ClaimedAt = Start.AddMinutes(number).AddSeconds(30),
    };
}
