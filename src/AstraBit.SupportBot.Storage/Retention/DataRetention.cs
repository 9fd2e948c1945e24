using System.Globalization;
using AstraBit.SupportBot.Storage.Tickets;
using AstraBit.SupportBot.Storage.Stats;
using LiteDB;

namespace AstraBit.SupportBot.Storage.Retention;

/// <summary>
/// How long each kind of history is kept (Storage:Retention); null keeps it for ever. Closed tickets keep their number,
/// times, outcome, rating and staff for good (the audit log names them and the figures count them): only their details
/// (diagnostic cards, later checks, staff notes) expire.
/// </summary>
public sealed record RetentionPolicy(TimeSpan? Checks, TimeSpan? Audit, TimeSpan? ClosedTicketDetails);

/// <summary>What one pass of <see cref="DataRetention.Apply"/> removed, and whether it rebuilt the file to give the space back.</summary>
public sealed record RetentionResult(int ChecksDeleted, int AuditEntriesDeleted, int TicketDetailsErased, bool Rebuilt, long BytesBefore, long BytesAfter)
{
    public int Total => ChecksDeleted + AuditEntriesDeleted + TicketDetailsErased;

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{ChecksDeleted} checks and {AuditEntriesDeleted} audit entries deleted, {TicketDetailsErased} closed tickets' details erased; data file {BytesBefore / 1048576.0:0.0} MB → {BytesAfter / 1048576.0:0.0} MB{(Rebuilt ? " (rebuilt)" : "")}");
}

/// <summary>
/// The daily clean-up of the data file: history older than the <see cref="RetentionPolicy"/> is deleted, in batches so the
/// bot keeps answering in between, and never what an open ticket still needs: the checks of a member with an open ticket
/// (the ticket's re-check and /ticket open read them) and the audit entries about an open ticket stay, whatever their age.
/// LiteDB reuses the pages that deleting frees, so with a retention set the file stops growing once it holds a retention
/// period's worth; when a pass frees a large share of the file (the first pass over an old file), the file is rebuilt so
/// the disk space comes back too.
/// </summary>
public sealed class DataRetention(SupportDatabase database)
{
    /// <summary>Documents deleted per transaction: small enough that a member's write waits milliseconds, not seconds.</summary>
    public const int BatchSize = 2_000;

    /// <summary>A pass that deletes at least this share of the documents rebuilds the file afterwards.</summary>
    public const double RebuildShare = 0.2;

    public RetentionResult Apply(RetentionPolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var lite = database.Database;
        var before = FileBytes();
        var open = OpenTickets(lite);

        var checks = policy.Checks is { } keepChecks
            ? DeleteOlder(lite.GetCollection(Collections.CheckHistory), Collections.CheckedAtField, now - keepChecks, d => !open.Members.Contains(d[Collections.UserIdField].AsInt64), StatsDays.ChecksRemoved)
            : 0;
        var audit = policy.Audit is { } keepAudit
            ? DeleteOlder(lite.GetCollection(TicketDocuments.Audit, BsonAutoId.Int64), TicketDocuments.AuditAtField, now - keepAudit, d => !d["ticket"].IsNumber || !open.Numbers.Contains(d["ticket"].AsInt32), StatsDays.AuditRemoved)
            : 0;
        var erased = policy.ClosedTicketDetails is { } keepDetails ? EraseClosedDetails(lite, now - keepDetails, now) : 0;

        var documents = CountEverything(lite);
        var rebuilt = false;
        if (checks + audit > 0 && checks + audit >= RebuildShare * (documents + checks + audit))
        {
            lite.Rebuild();
            rebuilt = true;

            // LiteDB keeps the file as it was before the rebuild beside it ("name-backup.ext"): a second copy of a large
            // file, which the daily backup (Storage:BackupDirectory) already covers.
            var leftover = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(database.Path)!, System.IO.Path.GetFileNameWithoutExtension(database.Path) + "-backup" + System.IO.Path.GetExtension(database.Path));
            if (File.Exists(leftover))
            {
                File.Delete(leftover);
            }
        }

        database.Flush();
        return new RetentionResult(checks, audit, erased, rebuilt, before, FileBytes());
    }

    private long FileBytes() => File.Exists(database.Path) ? new FileInfo(database.Path).Length : 0;

    private static (HashSet<long> Members, HashSet<int> Numbers) OpenTickets(LiteDatabase lite)
    {
        var members = new HashSet<long>();
        var numbers = new HashSet<int>();
        foreach (var ticket in lite.GetCollection(TicketDocuments.Tickets).Find(TicketDocuments.IsOpenQuery()))
        {
            members.Add(ticket[TicketDocuments.MemberField].AsInt64);
            numbers.Add(ticket["_id"].AsInt32);
        }

        return (members, numbers);
    }

    /// <summary>
    /// Deletes the documents whose <paramref name="timeField"/> (an indexed UTC-ticks field) is before <paramref name="cutoff"/>
    /// and that <paramref name="deletable"/> lets go; <paramref name="removed"/> takes their rows out of the figures' copy
    /// (<see cref="StatsDays"/>) in the same transaction as each batch's delete.
    /// </summary>
    private int DeleteOlder(ILiteCollection<BsonDocument> collection, string timeField, DateTimeOffset cutoff, Func<BsonDocument, bool> deletable, Action<LiteDatabase, IEnumerable<BsonDocument>> removed)
    {
        var deleted = 0;
        foreach (var batch in Older(collection, timeField, cutoff))
        {
            var going = batch.Where(deletable).ToList();
            if (going.Count > 0)
            {
                deleted += database.Write(lite =>
                {
                    var count = lite.GetCollection(collection.Name, collection.AutoId).DeleteMany(Filter.In("_id", going.Select(d => d["_id"])));
                    removed(lite, going);
                    return count;
                });
            }
        }

        return deleted;
    }

    /// <summary>
    /// The documents older than <paramref name="cutoff"/>, oldest first, a batch at a time along the time index; a batch
    /// starts at the previous one's last time, skipping what that batch already held, so nothing is read twice or missed.
    /// </summary>
    private static IEnumerable<List<BsonDocument>> Older(ILiteCollection<BsonDocument> collection, string timeField, DateTimeOffset cutoff)
    {
        collection.EnsureIndex(timeField);
        var from = long.MinValue;
        var seenAtFrom = new HashSet<BsonValue>();
        while (true)
        {
            var batch = collection.Query()
                .Where(Filter.And(Filter.GTE(timeField, from), Filter.LT(timeField, cutoff.UtcTicks)))
                .OrderBy(timeField)
                .Limit(BatchSize + seenAtFrom.Count)
                .ToList()
                .Where(d => !seenAtFrom.Contains(d["_id"]))
                .ToList();
            if (batch.Count == 0)
            {
                yield break;
            }

            yield return batch;
            var last = batch[^1][timeField].AsInt64;
            seenAtFrom = last == from ? [.. seenAtFrom, .. batch.Select(d => d["_id"])] : [.. batch.Where(d => d[timeField].AsInt64 == last).Select(d => d["_id"])];
            from = last;
        }
    }

    private int EraseClosedDetails(LiteDatabase lite, DateTimeOffset cutoff, DateTimeOffset now)
    {
        var tickets = lite.GetCollection(TicketDocuments.Tickets);
        var erased = 0;
        foreach (var batch in Older(tickets, TicketDocuments.ClosedAtField, cutoff))
        {
            // Under the ticket store's gate, and read again inside it: a ticket reopened meanwhile is open and keeps everything.
            lock (LiteTicketStore.GateOf(database))
            {
                foreach (var id in batch.Where(TicketDocuments.HasMemberDetails).Select(d => d["_id"]))
                {
                    if (tickets.FindById(id) is { } current && current[TicketDocuments.StateField].AsString == "closed" && TicketDocuments.HasMemberDetails(current))
                    {
                        var expired = TicketDocuments.WithoutMemberDetails(current, TicketDocuments.DetailsExpiredField, now);
                        database.Write(lite =>
                        {
                            lite.GetCollection(TicketDocuments.Tickets).Update(expired);
                            StatsDays.TicketChanged(lite, current, expired);
                            return true;
                        });
                        erased++;
                    }
                }
            }
        }

        return erased;
    }

    private static int CountEverything(LiteDatabase lite) => lite.GetCollectionNames().Sum(name => lite.GetCollection(name).Count());
}
