using System.Diagnostics;
using System.Globalization;
using AstraBit.SupportBot.Core.Audit;
using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Core.KeyChecks;
using AstraBit.SupportBot.Core.Reminders;
using AstraBit.SupportBot.Core.Tickets;
using AstraBit.SupportBot.Core.Walkthrough;
using AstraBit.SupportBot.Storage;
using AstraBit.SupportBot.Storage.MemberHelp;
using AstraBit.SupportBot.Storage.Stats;
using AstraBit.SupportBot.Storage.Tickets;

namespace AstraBit.SupportBot.Benchmarks.BusyYear;

/// <summary>How big a generated year is. <see cref="Full"/> is issue 22's year of a 50,000-member community.</summary>
internal sealed record YearSize(int Members, int Checks, int Tickets, int AuditEntries, int Walkthroughs, int Reminders)
{
    public static YearSize Full { get; } = new(50_000, 200_000, 30_000, 400_000, 50_000, 5_000);

    /// <summary>The same shape at a hundredth of the volume, for a quick look while iterating.</summary>
    public static YearSize Small { get; } = new(500, 2_000, 300, 4_000, 500, 50);
}

/// <summary>What was written, for the benchmark's report.</summary>
internal sealed record GeneratedYear(
    string Path,
    DateTimeOffset End,
    int Checks,
    int Tickets,
    int OpenTickets,
    int AuditEntries,
    int Walkthroughs,
    int Reminders,
    ulong BusiestMember,
    int BusiestMemberTickets,
    TimeSpan Took);

/// <summary>
/// A year of a busy community written into a data file through the bot's own stores (checks, audit entries, walkthrough
/// progress, reminders) and, for tickets, through the stores' own document mapping (a ticket's whole timeline at once;
/// the store's "get open or create" writes one at a time and flushes each). Writes are batched in transactions of a few
/// thousand so a year takes about a minute, not an hour of one-commit-per-document.
/// </summary>
/// <remarks>
/// The shapes: activity grows through the year, follows the week and the day (evenings busier, weekends quieter), and
/// jumps after each of a dozen announcements, decaying over a couple of days. A few members account for many checks and
/// tickets (a power law), most tickets close within hours and a long tail runs for weeks; the tickets opened in the
/// last days are still open. The same seed and end give the same year.
/// </remarks>
internal sealed class YearGenerator(int seed, YearSize size)
{
    public const ulong FirstMember = 1_600_000_000_000_000_000;
    public const ulong FirstStaff = 1_300_000_000_000_100_000;
    private const int StaffCount = 14;
    private const int Batch = 50_000;
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static readonly string[] FailingChecks =
        [CheckIds.PositionMode, CheckIds.ApiKey, CheckIds.ContractTrading, CheckIds.Balance, CheckIds.Withdrawal, CheckIds.ReadWrite, CheckIds.Transfer, CheckIds.KeyExpiry];

    private static readonly double[] FailingWeights = [34, 24, 14, 13, 6, 4, 3, 2];

    private static readonly string[] Regions = ["mainnet", "mainnet", "mainnet", "mainnet", "eu", "tr", "kz", "hk", "testnet", "demo"];

    private readonly Random random = new(seed);
    private double[] cumulativeHours = [];
    private DateTimeOffset start;

    public async Task<GeneratedYear> WriteAsync(string path, DateTimeOffset end)
    {
        var watch = Stopwatch.StartNew();
        start = end.AddDays(-365);
        cumulativeHours = ActivityByHour();

        var checks = new List<CheckHistoryEntry>(size.Checks);
        var audit = new List<AuditEntry>(size.AuditEntries);
        var tickets = Tickets(end, checks, audit);
        ChecksOutsideTickets(checks);
        var walkthroughs = Walkthroughs(end);
        var reminders = Reminders(end);
        FillAudit(audit, end);
        checks.Sort((a, b) => a.CheckedAt.CompareTo(b.CheckedAt));
        audit.Sort((a, b) => a.At.CompareTo(b.At));

        using (var database = new SupportDatabase(path))
        {
            // One checkpoint at the end instead of one per thousand log pages: the year is written once, not several times.
            database.Database.Pragma("CHECKPOINT", 0);
            // Checks as LiteCheckHistoryStore writes them, without its copy for the figures row by row (a day's copy
            // rewritten per check): StatsDays.Rebuild makes the whole copy once at the end, as migration 5 does.
            var history = database.Database.GetCollection(Collections.CheckHistory);
            await InBatchesAsync(database, checks, (c, t) =>
            {
                history.Insert(BsonDocuments.FromHistory(c));
                return Task.CompletedTask;
            });
            var log = new LiteAuditLog(database);
            await InBatchesAsync(database, audit, (e, t) => log.WriteAsync(e, t));
            WriteWalkthroughs(database, walkthroughs);
            var keyReminders = new LiteKeyReminderStore(database);
            await InBatchesAsync(database, reminders, (r, t) => keyReminders.SaveAsync(r, t));
            WriteTickets(database, tickets);

            // The indexes a running bot builds on its first start, so the year's file is one the bot has already opened.
            DataFileIndexes.Ensure(database);
            StatsDays.Rebuild(database.Database);
            database.Database.Pragma("CHECKPOINT", 1000);
            database.Flush();
        }

        var busiest = tickets.GroupBy(t => t.MemberId).MaxBy(g => g.Count())!;
        return new GeneratedYear(
            path, end, checks.Count, tickets.Count, tickets.Count(t => !t.IsClosed), audit.Count, walkthroughs.Select(w => w.UserId).Distinct().Count(),
            reminders.Count, busiest.Key, busiest.Count(), watch.Elapsed);
    }

    /// <summary>Writes through a store, a few thousand documents per transaction (LiteDB's transactions are per thread; the stores complete synchronously).</summary>
    private static async Task InBatchesAsync<T>(SupportDatabase database, IReadOnlyList<T> items, Func<T, CancellationToken, Task> write)
    {
        for (var i = 0; i < items.Count; i += Batch)
        {
            var lite = database.Database;
            if (!lite.BeginTrans())
            {
                throw new InvalidOperationException("A transaction is already open on this thread.");
            }

            for (var j = i; j < Math.Min(items.Count, i + Batch); j++)
            {
                var pending = write(items[j], CancellationToken.None);
                if (!pending.IsCompleted)
                {
                    throw new InvalidOperationException("The store did not complete synchronously; batching in one transaction needs it to.");
                }

                await pending;
            }

            lite.Commit();
        }
    }

    /// <summary>
    /// Walkthrough progress as <see cref="LiteWalkthroughStore"/> leaves it after each member's saves: the last progress
    /// with the funnel marks folded over every save by the store's own rule (<see cref="WalkthroughMarks.Mark"/>),
    /// written once per member rather than read and rewritten on each of some 300,000 saves.
    /// </summary>
    private static void WriteWalkthroughs(SupportDatabase database, IReadOnlyList<WalkthroughProgress> saves)
    {
        _ = new LiteWalkthroughStore(database);
        var documents = new List<LiteDB.BsonDocument>();
        foreach (var member in saves.GroupBy(s => s.UserId))
        {
            WalkthroughMarks? marks = null;
            foreach (var save in member)
            {
                marks = WalkthroughMarks.Mark(marks, save);
            }

            var document = BsonDocuments.FromProgress(member.Last());
            document[BsonDocuments.MarksField] = BsonDocuments.FromMarks(marks!);
            documents.Add(document);
        }

        var lite = database.Database;
        for (var i = 0; i < documents.Count; i += Batch)
        {
            lite.BeginTrans();
            lite.GetCollection(Collections.Walkthroughs).InsertBulk(documents.Skip(i).Take(Batch));
            lite.Commit();
        }
    }

    /// <summary>
    /// Tickets as <see cref="LiteTicketStore"/> writes them (its mapping, its indexes, its number counter), whole
    /// timelines at once and in batches: the store itself creates one ticket per transaction and flushes each.
    /// </summary>
    private static void WriteTickets(SupportDatabase database, IReadOnlyList<Ticket> tickets)
    {
        _ = new LiteTicketStore(database);
        var lite = database.Database;
        var collection = lite.GetCollection(TicketDocuments.Tickets);
        for (var i = 0; i < tickets.Count; i += Batch)
        {
            lite.BeginTrans();
            collection.InsertBulk(tickets.Skip(i).Take(Batch).Select(TicketDocuments.FromTicket));
            lite.Commit();
        }

        lite.GetCollection(TicketDocuments.Counters).Upsert(new LiteDB.BsonDocument
        {
            ["_id"] = TicketDocuments.TicketCounterId,
            [TicketDocuments.CounterValueField] = tickets.Count,
        });
    }

    /// <summary>Relative activity of each hour of the year, summed up, for sampling moments.</summary>
    private double[] ActivityByHour()
    {
        var hours = 365 * 24;
        var announcements = Enumerable.Range(0, 12).Select(i => (i * 30) + random.Next(0, 28)).Select(d => (d * 24.0) + 16).ToArray();
        var cumulative = new double[hours];
        var sum = 0.0;
        for (var h = 0; h < hours; h++)
        {
            var at = start.AddHours(h);
            var growth = 0.5 + (h / (double)hours);
            var weekly = at.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0.7 : 1.0;
            var daily = 0.35 + (0.65 * Math.Pow(Math.Sin(Math.PI * ((at.Hour + 18) % 24) / 24.0), 2));
            var burst = announcements.Where(a => h >= a).Sum(a => 5.0 * Math.Exp(-(h - a) / 20.0));
            sum += growth * weekly * daily * (1 + burst);
            cumulative[h] = sum;
        }

        return cumulative;
    }

    private DateTimeOffset SampleMoment()
    {
        var target = random.NextDouble() * cumulativeHours[^1];
        var hour = Array.BinarySearch(cumulativeHours, target);
        hour = hour < 0 ? ~hour : hour;
        return start.AddHours(hour).AddSeconds(random.Next(0, 3600));
    }

    /// <summary>A member, power-law distributed: member 0 is the busiest, most members come once or twice.</summary>
    private ulong SampleMember(double skew) => FirstMember + (ulong)Math.Min(size.Members - 1, (int)(size.Members * Math.Pow(random.NextDouble(), skew)));

    private ulong SampleStaff() => FirstStaff + (ulong)Math.Min(StaffCount - 1, (int)(StaffCount * Math.Pow(random.NextDouble(), 1.6)));

    private double LogNormal(double median, double sigma)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        var normal = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
        return median * Math.Exp(sigma * normal);
    }

    private T Pick<T>(IReadOnlyList<T> items, IReadOnlyList<double> weights)
    {
        var target = random.NextDouble() * weights.Sum();
        for (var i = 0; i < items.Count; i++)
        {
            target -= weights[i];
            if (target <= 0)
            {
                return items[i];
            }
        }

        return items[^1];
    }

    private string MaskedKey() => "…" + string.Create(4, random, (span, r) =>
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = alphabet[r.Next(alphabet.Length)];
        }
    });

    private CheckHistoryEntry Check(ulong member, DateTimeOffset at, Verdict verdict, IReadOnlyList<string> failing, string maskedKey, string region)
    {
        var statuses = new Dictionary<string, CheckStatus>(StringComparer.Ordinal) { [CheckIds.Connectivity] = verdict == Verdict.Error ? CheckStatus.Fail : CheckStatus.Pass };
        if (verdict != Verdict.Error)
        {
            foreach (var id in new[] { CheckIds.ApiKey, CheckIds.ReadWrite, CheckIds.ContractTrading, CheckIds.Withdrawal, CheckIds.Transfer, CheckIds.ExtraPermissions, CheckIds.PositionMode, CheckIds.Balance, CheckIds.AccountType, CheckIds.KeyExpiry })
            {
                statuses[id] = failing.Contains(id) ? CheckStatus.Fail : CheckStatus.Pass;
            }

            if (verdict == Verdict.Warn)
            {
                statuses[random.Next(2) == 0 ? CheckIds.ExtraPermissions : CheckIds.Balance] = CheckStatus.Warn;
            }
        }

        var host = region == "mainnet" ? "https://api.bybit.com" : $"https://api.bybit-{region}.example";
        return new CheckHistoryEntry(member, at, verdict, statuses, maskedKey, region, host);
    }

    private TicketCard Card(IReadOnlyList<string> failing, string maskedKey, string region, DateTimeOffset at) => new(
        Verdict.Fail,
        failing.Select(id => new TicketCheck(id, CheckStatus.Fail, Title(id), $"What the check found for {id}: the account is not set up as the guide asks.", $"Follow the guide step that covers {id} and run the check again.", 3)).ToList(),
        random.Next(4) == 0 ? [new TicketCheck(CheckIds.ExtraPermissions, CheckStatus.Warn, Title(CheckIds.ExtraPermissions), "Spot: Trade is switched on.", "Switch off what AstraBit doesn't need.", 3)] : [],
        random.Next(3) == 0 ? "classic" : "unified",
        region == "mainnet" ? "Bybit" : $"Bybit {region.ToUpperInvariant()}",
        maskedKey,
        $"Part {1 + random.Next(3)} of 3 · Step {1 + random.Next(6)} of 6",
        at);

    private static string Title(string id) => id switch
    {
        CheckIds.PositionMode => "Position mode is One-Way",
        CheckIds.ApiKey => "Bybit accepts the API key",
        CheckIds.ContractTrading => "The key can trade contracts",
        CheckIds.Balance => "Enough in the derivatives wallet",
        CheckIds.Withdrawal => "The key cannot withdraw",
        CheckIds.Transfer => "The key cannot transfer",
        CheckIds.ReadWrite => "The key is read-write",
        _ => "The key has not expired",
    };

    private IReadOnlyList<string> Failing()
    {
        var first = Pick(FailingChecks, FailingWeights);
        return random.Next(5) == 0 ? [first, Pick(FailingChecks, FailingWeights)] : [first];
    }

    /// <summary>The tickets with their timelines; the failed check that opened each and the staff actions on it go into <paramref name="checks"/> and <paramref name="audit"/>.</summary>
    private List<Ticket> Tickets(DateTimeOffset end, List<CheckHistoryEntry> checks, List<AuditEntry> audit)
    {
        var openAtEnd = new HashSet<ulong>();
        var tickets = new List<Ticket>(size.Tickets);
        var moments = Enumerable.Range(0, size.Tickets).Select(_ => SampleMoment()).Order().ToList();
        foreach (var openedAt in moments)
        {
            var member = SampleMember(2.2);
            var number = tickets.Count + 1;
            var origin = Pick([TicketOrigin.CheckFailed, TicketOrigin.Stuck, TicketOrigin.Command, TicketOrigin.ModeratorRequest], [60.0, 15, 20, 5]);
            var key = MaskedKey();
            var region = Regions[random.Next(Regions.Length)];
            TicketCard? card = null;
            if (origin is TicketOrigin.CheckFailed or TicketOrigin.ModeratorRequest || random.Next(2) == 0)
            {
                var failing = Failing();
                card = Card(failing, key, region, openedAt);
                checks.Add(Check(member, openedAt, Verdict.Fail, failing, key, region));
            }

            var ticket = new Ticket(number, member, origin, openedAt, card) { ThreadId = FirstMember + 10_000_000 + (ulong)number };
            audit.Add(new AuditEntry(origin == TicketOrigin.ModeratorRequest ? SampleStaff() : null, AuditActions.TicketOpened, member, number, $"opened {ticket.DisplayNumber} ({origin.ToString().ToLowerInvariant()})", openedAt));

            var claimAfter = TimeSpan.FromMinutes(Math.Min(LogNormal(25, 1.3), 60 * 24 * 3));
            var resolveAfter = TimeSpan.FromHours(Math.Min(LogNormal(3, 1.7), 24 * 60));
            var claimedAt = openedAt + claimAfter;
            var closedAt = claimedAt + resolveAfter;
            var staff = SampleStaff();
            if (claimAfter > TimeSpan.FromHours(2) && openedAt.AddHours(2) < end)
            {
                ticket = ticket with { EscalatedAt = openedAt.AddHours(2) };
                audit.Add(new AuditEntry(null, AuditActions.TicketEscalated, member, number, $"{ticket.DisplayNumber} unclaimed for 2 hours; support pinged again", openedAt.AddHours(2)));
            }

            if (claimedAt < end)
            {
                ticket = ticket with { State = TicketState.Claimed, ClaimedBy = staff, ClaimedAt = claimedAt, FirstStaffReplyAt = claimedAt.AddMinutes(2), LastStaffMessageAt = claimedAt.AddMinutes(2), LastMemberMessageAt = claimedAt.AddMinutes(9) };
                audit.Add(new AuditEntry(staff, AuditActions.TicketClaimed, member, number, $"claimed {ticket.DisplayNumber}", claimedAt));
                var notes = new List<TicketNote>();
                var noteCount = random.Next(10) < 6 ? 0 : (int)Math.Min(40, LogNormal(2, 1.0));
                for (var n = 0; n < noteCount; n++)
                {
                    var at = claimedAt + ((closedAt - claimedAt) * ((n + 1) / (double)(noteCount + 1)));
                    if (at >= end)
                    {
                        break;
                    }

                    notes.Add(new TicketNote(staff, $"Note {n + 1}: asked the member for a screenshot of the API key's permissions screen and the position mode.", at));
                    audit.Add(new AuditEntry(staff, AuditActions.TicketNoteAdded, member, number, $"note on {ticket.DisplayNumber}", at));
                }

                ticket = ticket with { Notes = notes };
            }

            // Not resolved by the end of the year: still open, unless the member has an open one already (one per member).
            if (closedAt >= end && openAtEnd.Add(member))
            {
                tickets.Add(ticket);
                continue;
            }

            closedAt = closedAt >= end ? end.AddMinutes(-random.Next(1, 600)) : closedAt;
            closedAt = closedAt < openedAt ? openedAt.AddMinutes(1) : closedAt;
            var outcome = Pick(TicketCloseOutcomes.All, [35.0, 25, 15, 15, 8, 2]);
            var byStaff = outcome is not (TicketCloseOutcome.NoReply or TicketCloseOutcome.MemberLeft or TicketCloseOutcome.ResolvedUnconfirmed);
            if (outcome is TicketCloseOutcome.ResolvedVerified or TicketCloseOutcome.Resolved or TicketCloseOutcome.ResolvedUnconfirmed)
            {
                var requested = closedAt.AddMinutes(-Math.Min(20, (closedAt - openedAt).TotalMinutes / 2));
                ticket = ticket with { CloseRequestedAt = requested, CloseRequestedBy = staff };
                audit.Add(new AuditEntry(staff, AuditActions.TicketCloseRequested, member, number, $"asked the member to confirm {ticket.DisplayNumber} is fixed", requested));
            }

            if (outcome == TicketCloseOutcome.NoReply)
            {
                ticket = ticket with { RemindedAt = closedAt.AddDays(-1) };
                audit.Add(new AuditEntry(null, AuditActions.TicketReminded, member, number, $"reminded the member in {ticket.DisplayNumber}", closedAt.AddDays(-1)));
            }

            var reason = outcome switch
            {
                TicketCloseOutcome.NoReply => TicketStateMachine.AutoCloseReason,
                TicketCloseOutcome.MemberLeft => TicketStateMachine.MemberLeftReason,
                TicketCloseOutcome.ClosedByStaff => "Explained the setup; nothing wrong with the key",
                _ => null,
            };
            ticket = ticket with
            {
                State = TicketState.Closed,
                ClosedAt = closedAt,
                ClosedBy = byStaff ? staff : null,
                CloseReason = reason,
                Outcome = outcome,
                Rating = random.Next(100) < 55 ? Pick([5, 4, 3, 2, 1], [60.0, 22, 9, 4, 5]) : null,
            };
            ticket = ticket.Rating is null ? ticket : ticket with { RatedAt = closedAt.AddHours(1) };
            audit.Add(new AuditEntry(byStaff ? staff : null, AuditActions.TicketClosed, member, number, $"closed {ticket.DisplayNumber}: {outcome.Key()}{(reason is null ? "" : ": " + reason)}", closedAt));
            tickets.Add(ticket);
        }

        return tickets;
    }

    /// <summary>The rest of the year's checks: most pass, many fail and are fixed by the member, a few could not run.</summary>
    private void ChecksOutsideTickets(List<CheckHistoryEntry> checks)
    {
        while (checks.Count < size.Checks)
        {
            var member = SampleMember(1.6);
            var at = SampleMoment();
            var key = MaskedKey();
            var region = Regions[random.Next(Regions.Length)];
            var verdict = Pick([Verdict.Pass, Verdict.Warn, Verdict.Fail, Verdict.Error], [50.0, 12, 33, 5]);
            checks.Add(Check(member, at, verdict, verdict == Verdict.Fail ? Failing() : [], key, region));

            // A failing check is often followed by the fixed one minutes later.
            if (verdict == Verdict.Fail && random.Next(2) == 0 && checks.Count < size.Checks)
            {
                checks.Add(Check(member, at.AddMinutes(3 + random.Next(40)), Verdict.Pass, [], key, region));
            }
        }
    }

    /// <summary>Walkthrough saves as the bot makes them, one per page reached, so the stores' funnel marks come out as they would.</summary>
    private List<WalkthroughProgress> Walkthroughs(DateTimeOffset end)
    {
        var saves = new List<WalkthroughProgress>();
        for (var i = 0; i < size.Walkthroughs; i++)
        {
            var member = FirstMember + (ulong)i;
            var startedAt = SampleMoment();
            var delivery = random.Next(10) == 0
                ? WalkthroughDelivery.Ephemeral(FirstMember + 20_000_000)
                : WalkthroughDelivery.DirectMessage(FirstMember + 30_000_000 + (ulong)i, FirstMember + 40_000_000 + (ulong)i);
            var type = random.Next(3) == 0 ? AccountType.Standard : AccountType.Unified;
            var region = Regions[random.Next(Regions.Length)];
            var at = startedAt;
            var position = GuidePosition.BeforeYouBegin;
            saves.Add(new WalkthroughProgress(member, position, AccountType.Unknown, null, null, delivery, startedAt, at));
            while (position < GuidePosition.Done && random.NextDouble() < 0.86)
            {
                position++;
                at = at.AddMinutes(1 + random.Next(12));
                if (at >= end)
                {
                    break;
                }

                CheckSummary? last = position is GuidePosition.FinalCheck or GuidePosition.Done
                    ? new CheckSummary(random.Next(4) == 0 ? Verdict.Fail : Verdict.Pass, [], [], MaskedKey(), region, at, GuidePosition.FinalCheck)
                    : null;
                saves.Add(new WalkthroughProgress(member, position, type, region, last, delivery, startedAt, at));
            }
        }

        return saves;
    }

    private List<KeyReminder> Reminders(DateTimeOffset end)
    {
        var reminders = new Dictionary<string, KeyReminder>(StringComparer.Ordinal);
        while (reminders.Count < size.Reminders)
        {
            var createdAt = SampleMoment();
            var reminder = new KeyReminder(SampleMember(1.2), MaskedKey(), createdAt.AddDays(90), Regions[random.Next(Regions.Length)], createdAt, []);
            var due = new[] { 14, 7, 1 }.Where(d => reminder.ExpiresAt.AddDays(-d) <= end).ToList();
            reminders[reminder.Id] = reminder with { Done = due };
        }

        return [.. reminders.Values];
    }

    /// <summary>The rest of the audit log: moderators asking members to run the check, and key leaks caught.</summary>
    private void FillAudit(List<AuditEntry> audit, DateTimeOffset end)
    {
        while (audit.Count < size.AuditEntries)
        {
            var at = SampleMoment();
            var member = SampleMember(1.6);
            audit.Add(random.Next(20) == 0
                ? new AuditEntry(null, AuditActions.KeyLeaked, member, null, "deleted a message that held a Bybit API secret; the member was told to replace the key", at)
                : new AuditEntry(SampleStaff(), AuditActions.CheckRequested, member, null, "asked the member to run the Bybit check", at < end ? at : end));
        }
    }

    public override string ToString() => string.Create(Inv, $"seed {seed}, {size.Members} members");
}
