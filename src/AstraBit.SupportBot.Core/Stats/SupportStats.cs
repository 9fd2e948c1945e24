using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Core.Tickets;

namespace AstraBit.SupportBot.Core.Stats;

/// <summary>What the figures are computed from, as stored. Failures throw: an outage must not read as "none".</summary>
public interface ISupportStatsSource
{
    /// <summary>
    /// At least what the figures for [<paramref name="from"/>, <paramref name="to"/>) need, read by time range rather than
    /// whole (docs/data-costs.md): every ticket open now or opened or closed in the period; the checks run in the period,
    /// and for each of those members one earlier check that could run, if any (it makes their first check an old one);
    /// the walkthroughs first started in the period; the audit log's claims in the period. More is allowed: the
    /// calculator filters by time.
    /// </summary>
    Task<SupportStatsData> LoadAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);
}

/// <summary>The stored tickets, checks, walkthrough funnel marks and claims a period's figures need.</summary>
/// <param name="Tickets">The tickets (see <see cref="ISupportStatsSource.LoadAsync"/>).</param>
/// <param name="Checks">The checks.</param>
/// <param name="Walkthroughs">The walkthroughs' funnel marks.</param>
/// <param name="Claims">The audit log's claims.</param>
/// <param name="TicketsEverStored">Whether the data file holds any ticket at all, also outside what was loaded; null: tell from <paramref name="Tickets"/>.</param>
public sealed record SupportStatsData(
    IReadOnlyList<StatsTicket> Tickets,
    IReadOnlyList<StatsCheck> Checks,
    IReadOnlyList<StatsWalkthrough> Walkthroughs,
    IReadOnlyList<StatsClaim> Claims,
    bool? TicketsEverStored = null);

/// <summary>
/// The staff desk's numbers for one period [<see cref="From"/>, <see cref="To"/>): the one set of figures /ticket stats
/// and the `stats` verb show. A figure is null when the bot stored nothing it could be computed from, shown as "none",
/// never as 0.
/// </summary>
/// <param name="From">The period's start, inclusive.</param>
/// <param name="To">The period's end (now), exclusive.</param>
/// <param name="OpenNow">Tickets open as the figures are computed; null when no ticket was ever stored.</param>
/// <param name="TicketsOpened">Tickets opened in the period.</param>
/// <param name="TicketsClosed">Tickets closed in the period.</param>
/// <param name="Funnel">The walkthrough funnel of members who first started in the period.</param>
/// <param name="Checks">Key checks run in the period and how new members did.</param>
/// <param name="TicketsByFirstFailingCheck">Tickets opened in the period by the first check that failed on their card, most first.</param>
/// <param name="SelfService">Members who fixed a failing check without a human.</param>
/// <param name="Outcomes">Tickets closed in the period, by outcome.</param>
/// <param name="MedianFirstResponse">Opened → first staff reply over tickets opened in the period, in working time (PRODUCT.md §10: timers count working time; wall-clock when always open).</param>
/// <param name="MedianResolution">Opened → closed over tickets closed in the period, in working time like the first response.</param>
/// <param name="Ratings">Over tickets closed in the period that the member rated.</param>
/// <param name="Staff">Per staff member: claimed, closed, ratings.</param>
/// <param name="WorkingTimeOnly">Tickets:WorkingHours is set, so the times leave out the hours staff are away.</param>
public sealed record SupportStats(
    DateTimeOffset From,
    DateTimeOffset To,
    OpenTickets? OpenNow,
    int TicketsOpened,
    int TicketsClosed,
    WalkthroughFunnel? Funnel,
    CheckFigures? Checks,
    IReadOnlyList<CheckCount>? TicketsByFirstFailingCheck,
    SelfServiceFigures? SelfService,
    IReadOnlyDictionary<TicketCloseOutcome, int>? Outcomes,
    TimeSpan? MedianFirstResponse,
    TimeSpan? MedianResolution,
    RatingFigures? Ratings,
    IReadOnlyList<StaffFigures>? Staff,
    bool WorkingTimeOnly)
{
    public int Days => (int)Math.Round((To - From).TotalDays);
}

/// <summary>Tickets open now: waiting for someone to claim them, and claimed.</summary>
public sealed record OpenTickets(int Unclaimed, int Claimed);

/// <summary>The members' 1–5 ratings: their average and how many there were.</summary>
public sealed record RatingFigures(double Average, int Count);

/// <summary>A failing check id and in how many tickets it failed.</summary>
public sealed record CheckCount(string CheckId, int Tickets);

/// <summary>Of the members who first started the walkthrough in the period: how many reached each page and passed the final check.</summary>
/// <param name="Started">Members who first started in the period.</param>
/// <param name="Reached">For each position after the start, how many of them were seen there, in guide order.</param>
/// <param name="PassedFinalCheck">How many of them passed the full check at the end.</param>
public sealed record WalkthroughFunnel(int Started, IReadOnlyList<(GuidePosition Position, int Members)> Reached, int PassedFinalCheck);

/// <summary>Checks run in the period, and how members whose first check ever fell in it did.</summary>
/// <param name="ChecksRun">Checks started in the period.</param>
/// <param name="NewMembers">Members whose first stored check (that could run) is in the period.</param>
/// <param name="PassedFirstTime">Of those, the first check passed (pass or warn).</param>
/// <param name="PassedAfterFix">Of those, the first failed and a later one passed.</param>
/// <param name="NotPassedYet">Of those, none passed yet.</param>
public sealed record CheckFigures(int ChecksRun, int NewMembers, int PassedFirstTime, int PassedAfterFix, int NotPassedYet);

/// <summary>
/// Members who got their connection working without a human: a failing check in the period that later passed with no
/// ticket opened in between, or a ticket closed as resolved — verified without a staff message.
/// </summary>
public sealed record SelfServiceFigures(int Members, int SelfServed)
{
    public double Rate => (double)SelfServed / Members;
}

/// <summary>One staff member in the period: tickets claimed (audit log), closed (closed or asked to close), average rating of what they resolved.</summary>
public sealed record StaffFigures(ulong StaffId, int Claimed, int Closed, double? AverageRating, int Ratings);
