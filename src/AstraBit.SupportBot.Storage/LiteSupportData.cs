using AstraBit.SupportBot.Core.Audit;
using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Core.KeyChecks;
using AstraBit.SupportBot.Core.Privacy;
using AstraBit.SupportBot.Core.Stats;
using AstraBit.SupportBot.Core.Tickets;
using AstraBit.SupportBot.Core.Walkthrough;
using AstraBit.SupportBot.Storage.MemberHelp;
using AstraBit.SupportBot.Storage.Stats;
using AstraBit.SupportBot.Storage.Tickets;
using LiteDB;

namespace AstraBit.SupportBot.Storage;

/// <summary>
/// Reads across the data file's collections: one member's data (history, privacy) and what a period's figures count,
/// each through an index (docs/data-costs.md says what each read costs).
/// </summary>
public sealed class LiteSupportData : IMemberDataStore, ISupportStatsSource
{
    /// <summary>The funnel counts members by when they first started the walkthrough: an index on that mark.</summary>
    internal const string FunnelStartIndex = "funnelStart";

    /// <summary>Up to this many members are looked up one by one for an earlier check; more, and the earlier range is read once.</summary>
    private const int MemberLookups = 2_000;

    /// <summary>Up to this long a period, the audit log's claims are read by time; longer, by action.</summary>
    private static readonly TimeSpan ClaimsByTime = TimeSpan.FromDays(31);

    private static readonly string FunnelStartPath = $"$.{BsonDocuments.MarksField}.reached.{nameof(GuidePosition.BeforeYouBegin)}";

    private readonly SupportDatabase database;

    public LiteSupportData(SupportDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        this.database = database;

        EnsureIndexes(database);
    }

    /// <summary>
    /// The indexes these reads need. Ensuring an index is idempotent, so no migration: it is built once, when the data
    /// file is opened at start-up by the first version that asks for it (<see cref="DataFileIndexes"/>). Built on
    /// first use instead, a year's file kept the first `/ticket stats` busy for about a minute while the index was made.
    /// </summary>
    /// <returns>True when an index was built (its collection read); false when all were there.</returns>
    public static bool EnsureIndexes(SupportDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var lite = database.Database;
        database.EnsureCollection(Collections.Walkthroughs);
        var built = lite.GetCollection(Collections.Walkthroughs).EnsureIndex(FunnelStartIndex, FunnelStartPath);
        built |= lite.GetCollection(TicketDocuments.Audit, BsonAutoId.Int64).EnsureIndex(TicketDocuments.AuditActionField);
        built |= lite.GetCollection(TicketDocuments.Tickets).EnsureIndex(TicketDocuments.MemberField);
        built |= lite.GetCollection(Collections.CheckHistory).EnsureIndex(Collections.CheckedAtField);
        built |= lite.GetCollection(MemberHelpDocuments.KeyReminders).EnsureIndex(MemberHelpDocuments.ExpiresAtField);
        return built;
    }

    private LiteDatabase Lite => database.Database;

    public Task<IReadOnlyList<Ticket>> TicketsForMemberAsync(ulong memberId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var documents = Lite.GetCollection(TicketDocuments.Tickets).Find(Filter.EQ(TicketDocuments.MemberField, BsonDocuments.Snowflake(memberId)));
        return Task.FromResult<IReadOnlyList<Ticket>>(documents.Select(TicketDocuments.ToTicket).OrderByDescending(t => t.Number).ToList());
    }

    public Task<IReadOnlyList<CheckHistoryEntry>> ChecksForMemberAsync(ulong memberId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var documents = Lite.GetCollection(Collections.CheckHistory).Find(Filter.EQ(Collections.UserIdField, BsonDocuments.Snowflake(memberId)));
        return Task.FromResult<IReadOnlyList<CheckHistoryEntry>>(documents.Select(BsonDocuments.ToHistory).OrderByDescending(c => c.CheckedAt).ToList());
    }

    public Task<WalkthroughMarks?> MarksForMemberAsync(ulong memberId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var document = Lite.GetCollection(Collections.Walkthroughs).FindById(BsonDocuments.Snowflake(memberId));
        return Task.FromResult(document is null ? null : BsonDocuments.ToMarks(document));
    }

    public Task<int> DeleteChecksAsync(ulong memberId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var deleted = database.Write(lite =>
        {
            var history = lite.GetCollection(Collections.CheckHistory);
            var checks = history.Find(Filter.EQ(Collections.UserIdField, BsonDocuments.Snowflake(memberId))).ToList();
            var count = history.DeleteMany(Filter.EQ(Collections.UserIdField, BsonDocuments.Snowflake(memberId)));
            StatsDays.ChecksRemoved(lite, checks);
            return count;
        });
        Lite.Checkpoint();
        return Task.FromResult(deleted);
    }

    /// <summary>
    /// What the figures for the period need, from the figures' own copy (<see cref="StatsDays"/>): the period's days of
    /// check, ticket, walkthrough and claim rows, and the open tickets (the <c>state</c> index). Its cost follows the
    /// period's days, not the documents: a year's 365-day report reads 365 small documents per kind.
    /// </summary>
    public Task<SupportStatsData> LoadAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var lite = Lite;
        var start = from.UtcTicks;
        var end = to.UtcTicks;
        var firstDay = StatsDays.Day(start);
        var lastDay = StatsDays.Day(end);

        var ticketCollection = lite.GetCollection(TicketDocuments.Tickets);
        var tickets = new Dictionary<int, StatsTicket>();
        foreach (var document in ticketCollection.Find(TicketDocuments.IsOpenQuery()))
        {
            tickets[document["_id"].AsInt32] = StatsTicket.Of(TicketDocuments.ToTicket(document));
        }

        foreach (var (number, fields) in StatsDays.ReadTickets(lite, firstDay, lastDay))
        {
            var (opened, closed, isClosed) = StatsDays.TicketTimes(fields.Span);
            var inPeriod = (opened >= start && opened < end) || (isClosed && closed >= start && closed < end);
            if (inPeriod && !tickets.ContainsKey(number))
            {
                tickets[number] = StatsDays.ToTicket(number, fields.Span);
            }
        }

        var anyTicket = tickets.Count > 0 || ticketCollection.Query().Limit(1).Exists();

        var checks = new List<StatsCheck>();
        foreach (var fields in StatsDays.Read(lite, StatsKind.Checks, firstDay, lastDay))
        {
            var at = StatsDays.CheckTicks(fields.Span);
            if (at >= start && at < end)
            {
                checks.Add(StatsDays.ToCheck(fields.Span));
            }
        }

        AddEarlierChecks(checks, start, firstDay);

        var walkthroughs = new List<StatsWalkthrough>();
        foreach (var fields in StatsDays.Read(lite, StatsKind.Walkthroughs, firstDay, lastDay))
        {
            var walkthrough = StatsDays.ToWalkthrough(fields.Span);
            if (walkthrough.StartedAt is { } started && started.UtcTicks >= start && started.UtcTicks < end)
            {
                walkthroughs.Add(walkthrough);
            }
        }

        var claims = new List<StatsClaim>();
        foreach (var fields in StatsDays.Read(lite, StatsKind.Claims, firstDay, lastDay))
        {
            var at = StatsDays.ClaimTicks(fields.Span);
            if (at >= start && at < end)
            {
                claims.Add(StatsDays.ToClaim(fields.Span));
            }
        }

        return Task.FromResult(new SupportStatsData([.. tickets.Values.OrderBy(t => t.Number)], checks, walkthroughs, claims, anyTicket));
    }

    /// <summary>
    /// For each member with a check in the period, one earlier check that could run, if there is one (it makes their
    /// first check an old one): looked up one by one for a few members, else read from the earlier days' rows.
    /// </summary>
    private void AddEarlierChecks(List<StatsCheck> checks, long start, long firstDay)
    {
        var history = Lite.GetCollection(Collections.CheckHistory);
        var earliest = history.Query().OrderBy(Collections.CheckedAtField).Limit(1).FirstOrDefault();
        if (checks.Count == 0 || earliest is null || earliest[Collections.CheckedAtField].AsInt64 >= start)
        {
            return;
        }

        var members = checks.Select(c => c.MemberId).ToHashSet();
        if (members.Count <= MemberLookups)
        {
            var couldRun = Filter.Not("verdict", "error");
            foreach (var member in members)
            {
                var earlier = history.FindOne(Filter.And(Filter.EQ(Collections.UserIdField, BsonDocuments.Snowflake(member)), Filter.LT(Collections.CheckedAtField, start), couldRun));
                if (earlier is not null)
                {
                    checks.Add(StatsCheck.Of(BsonDocuments.ToHistory(earlier)));
                }
            }

            return;
        }

        foreach (var fields in StatsDays.Read(Lite, StatsKind.Checks, StatsDays.Day(earliest[Collections.CheckedAtField].AsInt64), firstDay))
        {
            var check = StatsDays.ToCheck(fields.Span);
            if (check.CheckedAt.UtcTicks < start && check.Verdict != Verdict.Error && members.Remove(check.MemberId))
            {
                checks.Add(check);
            }
        }
    }

    /// <summary>
    /// The same data read from the documents themselves, through the time indexes: what the figures were computed from
    /// before the figures had their own copy. Kept to prove the two give the same figures (StatsDaysTests).
    /// </summary>
    internal Task<SupportStatsData> LoadFromDocumentsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var start = BsonDocuments.Time(from);
        var end = BsonDocuments.Time(to);

        // Tickets: open now (two seeks in the state index), opened in the period, closed in the period (time indexes).
        var ticketCollection = Lite.GetCollection(TicketDocuments.Tickets);
        var tickets = new Dictionary<int, StatsTicket>();
        foreach (var document in ticketCollection.Find(TicketDocuments.IsOpenQuery())
            .Concat(ticketCollection.Find(Filter.And(Filter.GTE(TicketDocuments.OpenedAtField, start), Filter.LT(TicketDocuments.OpenedAtField, end))))
            .Concat(ticketCollection.Find(Filter.And(Filter.GTE(TicketDocuments.ClosedAtField, start), Filter.LT(TicketDocuments.ClosedAtField, end)))))
        {
            var number = document["_id"].AsInt32;
            if (!tickets.ContainsKey(number))
            {
                tickets[number] = StatsTicket.Of(TicketDocuments.ToTicket(document));
            }
        }

        var anyTicket = tickets.Count > 0 || ticketCollection.Query().Limit(1).Exists();
        var checks = ChecksFor(start, end).Select(StatsCheck.Of).ToList();
        var walkthroughs = Lite.GetCollection(Collections.Walkthroughs)
            .Find(Filter.And(Filter.GTE(FunnelStartPath, start), Filter.LT(FunnelStartPath, end)))
            .Select(BsonDocuments.ToMarks)
            .OfType<WalkthroughMarks>()
            .Select(StatsWalkthrough.Of)
            .ToList();
        var claims = StatsClaim.In(ClaimsIn(from, to, start, end));
        return Task.FromResult(new SupportStatsData([.. tickets.Values.OrderBy(t => t.Number)], checks, walkthroughs, claims, anyTicket));
    }

    /// <summary>The checks run in the period, and for each of those members one earlier check that could run, if there is one.</summary>
    private List<CheckHistoryEntry> ChecksFor(BsonValue start, BsonValue end)
    {
        var history = Lite.GetCollection(Collections.CheckHistory);
        var checks = history.Find(Filter.And(Filter.GTE(Collections.CheckedAtField, start), Filter.LT(Collections.CheckedAtField, end)))
            .Select(BsonDocuments.ToHistory)
            .ToList();
        var earliest = history.Query().OrderBy(Collections.CheckedAtField).Limit(1).FirstOrDefault();
        if (checks.Count == 0 || earliest is null || earliest[Collections.CheckedAtField] >= start)
        {
            return checks;
        }

        var members = checks.Select(c => c.UserId).ToHashSet();
        var couldRun = Filter.Not("verdict", "error");
        if (members.Count <= MemberLookups)
        {
            foreach (var member in members)
            {
                var earlier = history.FindOne(Filter.And(Filter.EQ(Collections.UserIdField, BsonDocuments.Snowflake(member)), Filter.LT(Collections.CheckedAtField, start), couldRun));
                if (earlier is not null)
                {
                    checks.Add(BsonDocuments.ToHistory(earlier));
                }
            }

            return checks;
        }

        var seen = new HashSet<ulong>();
        foreach (var earlier in history.Find(Filter.And(Filter.LT(Collections.CheckedAtField, start), couldRun)))
        {
            var member = BsonDocuments.Snowflake(earlier[Collections.UserIdField]);
            if (members.Contains(member) && seen.Add(member))
            {
                checks.Add(BsonDocuments.ToHistory(earlier));
            }
        }

        return checks;
    }

    /// <summary>The audit log's claims in the period: by the time index for a short period, by the action index for a long one.</summary>
    private List<AuditEntry> ClaimsIn(DateTimeOffset from, DateTimeOffset to, BsonValue start, BsonValue end)
    {
        var audit = Lite.GetCollection(TicketDocuments.Audit, BsonAutoId.Int64);
        var documents = to - from <= ClaimsByTime
            ? audit.Find(Filter.And(Filter.GTE(TicketDocuments.AuditAtField, start), Filter.LT(TicketDocuments.AuditAtField, end))).Where(d => d[TicketDocuments.AuditActionField] == AuditActions.TicketClaimed)
            : audit.Find(Filter.EQ(TicketDocuments.AuditActionField, AuditActions.TicketClaimed)).Where(d => d[TicketDocuments.AuditAtField] >= start && d[TicketDocuments.AuditAtField] < end);
        return [.. documents.Select(TicketDocuments.ToAudit)];
    }
}
