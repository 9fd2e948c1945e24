using System.Buffers.Binary;
using System.Buffers.Text;
using System.Globalization;
using System.Text;
using AstraBit.SupportBot.Core.Audit;
using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Core.Stats;
using AstraBit.SupportBot.Core.Tickets;
using AstraBit.SupportBot.Core.Walkthrough;
using AstraBit.SupportBot.Storage.Tickets;
using LiteDB;

namespace AstraBit.SupportBot.Storage.Stats;

/// <summary>What a stats row is about: each kind has its own day documents.</summary>
internal enum StatsKind
{
    Checks = 'c',
    Tickets = 't',
    Walkthroughs = 'w',
    Claims = 'a',
}

/// <summary>
/// The figures' own copy of what they read, one document per kind and UTC day ("stats_days", _id "c0020452"): for each
/// check, ticket, walkthrough and claim, the few fields <see cref="Core.Stats.SupportStatsCalculator"/> reads, packed
/// as bytes. A year's 200,000 checks are about 6 MB here against 300 MB of documents, read as 365 documents per kind,
/// so a 365-day report reads a second's worth, not the year (docs/data-costs.md). The rows are written by the stores in
/// the same transaction as the document they copy (a crash keeps both or neither), rebuilt whole by migration 5 for an
/// older file, and turned back into the same records the calculator gets from the documents, so the figures are the
/// same by construction (StatsDaysTests compares them).
/// </summary>
/// <remarks>
/// A day document holds <c>rows</c>: rows one after another, each [u16 length][u8 key length][key][fields]. The key is
/// the source document's _id; a changed document replaces its row, a deleted one removes it. A ticket has a row on the
/// day it opened and, once closed, on the day it closed, so both "opened in" and "closed in" a period read only the
/// period's days.
/// </remarks>
internal static class StatsDays
{
    public const string Collection = "stats_days";
    private const string RowsField = "rows";
    private const byte NoText = byte.MaxValue;

    public static long Day(long utcTicks) => utcTicks / TimeSpan.TicksPerDay;

    public static string Id(StatsKind kind, long day) => string.Create(CultureInfo.InvariantCulture, $"{(char)kind}{day:D7}");

    // ---- writing -------------------------------------------------------------------------------------------------

    public static void CheckAdded(LiteDatabase lite, BsonDocument check) => Put(lite, StatsKind.Checks, Day(check[Collections.CheckedAtField].AsInt64), Key(check["_id"]), CheckFields(check));

    public static void ChecksRemoved(LiteDatabase lite, IEnumerable<BsonDocument> checks)
    {
        foreach (var day in checks.GroupBy(c => Day(c[Collections.CheckedAtField].AsInt64)))
        {
            Remove(lite, StatsKind.Checks, day.Key, day.Select(c => Key(c["_id"])).ToList());
        }
    }

    /// <summary>A ticket written: <paramref name="before"/> is the document it replaced (null for a new ticket).</summary>
    public static void TicketChanged(LiteDatabase lite, BsonDocument? before, BsonDocument? after)
    {
        var key = Key((after ?? before)!["_id"]);
        var old = before is null ? null : TicketFields(TicketDocuments.ToTicket(before));
        var now = after is null ? null : TicketFields(TicketDocuments.ToTicket(after));
        var oldDays = before is null ? [] : TicketDays(before);
        var newDays = after is null ? [] : TicketDays(after);
        foreach (var day in oldDays.Except(newDays))
        {
            Remove(lite, StatsKind.Tickets, day, [key]);
        }

        foreach (var day in newDays)
        {
            if (old is null || now is null || !oldDays.Contains(day) || !old.AsSpan().SequenceEqual(now))
            {
                Put(lite, StatsKind.Tickets, day, key, now!);
            }
        }
    }

    /// <summary>A walkthrough written or deleted: its funnel marks' row moves with its start.</summary>
    public static void WalkthroughChanged(LiteDatabase lite, BsonDocument? before, BsonDocument? after)
    {
        var old = before is null ? null : BsonDocuments.ToMarks(before);
        var now = after is null ? null : BsonDocuments.ToMarks(after);
        var key = Key((after ?? before)!["_id"]);
        if (old?.StartedAt is { } oldStart && Day(oldStart.UtcTicks) != (now?.StartedAt is { } s ? Day(s.UtcTicks) : long.MinValue))
        {
            Remove(lite, StatsKind.Walkthroughs, Day(oldStart.UtcTicks), [key]);
        }

        if (now?.StartedAt is { } newStart)
        {
            var fields = MarksFields(now);
            if (old is null || !MarksFields(old).AsSpan().SequenceEqual(fields))
            {
                Put(lite, StatsKind.Walkthroughs, Day(newStart.UtcTicks), key, fields);
            }
        }
    }

    /// <summary>An audit entry written (with its _id): a claim by a staff member gets a row.</summary>
    public static void AuditAdded(LiteDatabase lite, BsonDocument entry)
    {
        if (IsClaim(entry))
        {
            Put(lite, StatsKind.Claims, Day(entry[TicketDocuments.AuditAtField].AsInt64), Key(entry["_id"]), ClaimFields(entry));
        }
    }

    public static void AuditRemoved(LiteDatabase lite, IEnumerable<BsonDocument> entries)
    {
        foreach (var day in entries.Where(IsClaim).GroupBy(e => Day(e[TicketDocuments.AuditAtField].AsInt64)))
        {
            Remove(lite, StatsKind.Claims, day.Key, day.Select(e => Key(e["_id"])).ToList());
        }
    }

    /// <summary>Source documents read per transaction by <see cref="Rebuild"/>, and day documents written per transaction.</summary>
    internal const int RebuildBatch = 5_000;

    /// <summary>
    /// Writes every row again from the documents (migration 5; the year generator after writing in bulk), kind by kind,
    /// reading the documents in batches along _id, each batch its own read: LiteDB keeps every page a transaction has
    /// read until it ends, so one read of a year's file held about 450 MB (migration 5 peaked at 581 MB of memory).
    /// What stays in memory is one kind's rows (a year's checks: about 6 MB). Not atomic: run again, it starts over.
    /// </summary>
    public static void Rebuild(LiteDatabase lite, int batch = RebuildBatch)
    {
        ArgumentNullException.ThrowIfNull(lite);
        ArgumentOutOfRangeException.ThrowIfLessThan(batch, 1);
        InTransaction(lite, () => lite.GetCollection(Collection).DeleteAll());

        WriteDays(lite, StatsKind.Checks, batch, add =>
        {
            foreach (var check in InBatches(lite, Collections.CheckHistory, batch))
            {
                add(Day(check[Collections.CheckedAtField].AsInt64), Key(check["_id"]), CheckFields(check));
            }
        });

        WriteDays(lite, StatsKind.Tickets, batch, add =>
        {
            foreach (var ticket in InBatches(lite, TicketDocuments.Tickets, batch))
            {
                var fields = TicketFields(TicketDocuments.ToTicket(ticket));
                foreach (var day in TicketDays(ticket))
                {
                    add(day, Key(ticket["_id"]), fields);
                }
            }
        });

        WriteDays(lite, StatsKind.Walkthroughs, batch, add =>
        {
            foreach (var walkthrough in InBatches(lite, Collections.Walkthroughs, batch))
            {
                if (BsonDocuments.ToMarks(walkthrough) is { StartedAt: { } started } marks)
                {
                    add(Day(started.UtcTicks), Key(walkthrough["_id"]), MarksFields(marks));
                }
            }
        });

        // The whole audit log in batches rather than its claims through the action index: an index read is one
        // transaction, and the claims are spread over nearly every page of the log.
        WriteDays(lite, StatsKind.Claims, batch, add =>
        {
            foreach (var entry in InBatches(lite, TicketDocuments.Audit, batch))
            {
                if (IsClaim(entry))
                {
                    add(Day(entry[TicketDocuments.AuditAtField].AsInt64), Key(entry["_id"]), ClaimFields(entry));
                }
            }
        });
    }

    /// <summary>Every document of <paramref name="collection"/> in _id order, <paramref name="batch"/> per read.</summary>
    private static IEnumerable<BsonDocument> InBatches(LiteDatabase lite, string collection, int batch)
    {
        var documents = lite.GetCollection(collection);
        var after = BsonValue.MinValue;
        while (true)
        {
            var read = documents.Find(Filter.GT("_id", after), 0, batch).ToList();
            foreach (var document in read)
            {
                yield return document;
            }

            if (read.Count < batch)
            {
                yield break;
            }

            after = read[^1]["_id"];
        }
    }

    /// <summary>Collects one kind's rows by day, then writes its day documents, <paramref name="batch"/> rows' worth per transaction.</summary>
    private static void WriteDays(LiteDatabase lite, StatsKind kind, int batch, Action<Action<long, byte[], byte[]>> collect)
    {
        var rows = new SortedDictionary<long, MemoryStream>();
        collect((day, key, fields) =>
        {
            if (!rows.TryGetValue(day, out var stream))
            {
                rows[day] = stream = new MemoryStream();
            }

            WriteRow(stream, key, fields);
        });

        var days = lite.GetCollection(Collection);
        foreach (var chunk in rows.Chunk(Math.Max(1, batch / 100)))
        {
            InTransaction(lite, () => days.Insert(chunk.Select(r => new BsonDocument { ["_id"] = Id(kind, r.Key), [RowsField] = r.Value.ToArray() })));
        }
    }

    /// <summary>Runs <paramref name="write"/> in a transaction of its own, or in the caller's when one is open.</summary>
    private static void InTransaction(LiteDatabase lite, Action write)
    {
        var own = lite.BeginTrans();
        try
        {
            write();
            if (own)
            {
                lite.Commit();
            }
        }
        catch
        {
            if (own)
            {
                lite.Rollback();
            }

            throw;
        }
    }

    // ---- reading -------------------------------------------------------------------------------------------------

    /// <summary>
    /// The day documents of <paramref name="kind"/> from <paramref name="firstDay"/> to <paramref name="lastDay"/>: one
    /// range of the _id index. Written as two comparisons (_id &gt;= first AND _id &lt;= last), LiteDB seeks the first and
    /// then reads every later document, filtering the second: every kind sorted after this one too (claims, 'a', read the
    /// whole copy for a week's figures: 51 MB allocated for 28 documents wanted).
    /// </summary>
    internal static BsonExpression Days(StatsKind kind, long firstDay, long lastDay) =>
        Filter.Between("_id", Id(kind, Math.Clamp(firstDay, 0, 9_999_999)), Id(kind, Math.Clamp(lastDay, 0, 9_999_999)));

    /// <summary>The rows' fields of <paramref name="kind"/> on days <paramref name="firstDay"/> to <paramref name="lastDay"/>, day by day.</summary>
    public static IEnumerable<ReadOnlyMemory<byte>> Read(LiteDatabase lite, StatsKind kind, long firstDay, long lastDay)
    {
        foreach (var document in lite.GetCollection(Collection).Find(Days(kind, firstDay, lastDay)))
        {
            var rows = document[RowsField].AsBinary;
            var at = 0;
            while (at < rows.Length)
            {
                var length = BinaryPrimitives.ReadUInt16LittleEndian(rows.AsSpan(at));
                var keyLength = rows[at + 2];
                yield return rows.AsMemory(at + 3 + keyLength, length - 1 - keyLength);
                at += 2 + length;
            }
        }
    }

    public static StatsCheck ToCheck(ReadOnlySpan<byte> fields) => new(
        unchecked((ulong)BinaryPrimitives.ReadInt64LittleEndian(fields)),
        new DateTimeOffset(BinaryPrimitives.ReadInt64LittleEndian(fields[8..]), TimeSpan.Zero),
        (Verdict)fields[16]);

    public static long CheckTicks(ReadOnlySpan<byte> fields) => BinaryPrimitives.ReadInt64LittleEndian(fields[8..]);

    public static StatsTicket ToTicket(int number, ReadOnlySpan<byte> fields)
    {
        var reader = new FieldReader(fields);
        var member = reader.Snowflake()!.Value;
        _ = reader.Byte(); // origin: not a figure
        var opened = reader.Time()!.Value;
        var state = (TicketState)reader.Byte();
        var closed = reader.Time();
        var firstReply = reader.Time();
        var rating = reader.Byte();
        var outcome = reader.Byte();
        var closedBy = reader.Snowflake();
        var closeRequestedBy = reader.Snowflake();
        var claimedBy = reader.Snowflake();
        var failing = reader.Text();
        return new StatsTicket(
            number,
            member,
            opened,
            state,
            closed,
            firstReply,
            rating == 0 ? null : rating,
            outcome == NoText ? null : (TicketCloseOutcome)outcome,
            closedBy,
            closeRequestedBy,
            claimedBy,
            failing);
    }

    /// <summary>The ticket number a ticket row's key holds.</summary>
    public static IEnumerable<(int Number, ReadOnlyMemory<byte> Fields)> ReadTickets(LiteDatabase lite, long firstDay, long lastDay)
    {
        foreach (var document in lite.GetCollection(Collection).Find(Days(StatsKind.Tickets, firstDay, lastDay)))
        {
            var rows = document[RowsField].AsBinary;
            var at = 0;
            while (at < rows.Length)
            {
                var length = BinaryPrimitives.ReadUInt16LittleEndian(rows.AsSpan(at));
                var keyLength = rows[at + 2];
                if (!Utf8Parser.TryParse(rows.AsSpan(at + 3, keyLength), out int number, out _))
                {
                    throw new InvalidDataException($"A ticket row in {document["_id"].AsString} has no ticket number for its key.");
                }

                yield return (number, rows.AsMemory(at + 3 + keyLength, length - 1 - keyLength));
                at += 2 + length;
            }
        }
    }

    /// <summary>The time the ticket row's figures are placed by: opened, closed (null while open).</summary>
    public static (long Opened, long? Closed, bool IsClosed) TicketTimes(ReadOnlySpan<byte> fields)
    {
        var reader = new FieldReader(fields);
        _ = reader.Snowflake();
        _ = reader.Byte();
        var opened = reader.Time()!.Value.UtcTicks;
        var state = (TicketState)reader.Byte();
        var closed = reader.Time()?.UtcTicks;
        return (opened, closed, state == TicketState.Closed);
    }

    public static StatsWalkthrough ToWalkthrough(ReadOnlySpan<byte> fields)
    {
        var reader = new FieldReader(fields);
        _ = reader.Snowflake();
        var passed = reader.Time();
        var count = reader.Byte();
        var reached = 0u;
        DateTimeOffset? started = null;
        for (var i = 0; i < count; i++)
        {
            var position = (GuidePosition)reader.Byte();
            var at = reader.Time();
            reached |= StatsWalkthrough.Bit(position);
            if (position == GuidePosition.BeforeYouBegin)
            {
                started = at;
            }
        }

        return new StatsWalkthrough(started, reached, passed is not null);
    }

    public static StatsClaim ToClaim(ReadOnlySpan<byte> fields) => new(
        unchecked((ulong)BinaryPrimitives.ReadInt64LittleEndian(fields)),
        new DateTimeOffset(BinaryPrimitives.ReadInt64LittleEndian(fields[8..]), TimeSpan.Zero));

    public static long ClaimTicks(ReadOnlySpan<byte> fields) => BinaryPrimitives.ReadInt64LittleEndian(fields[8..]);

    // ---- rows ----------------------------------------------------------------------------------------------------

    private static bool IsClaim(BsonDocument entry) =>
        entry[TicketDocuments.AuditActionField] == AuditActions.TicketClaimed && entry["actor"].IsNumber;

    private static byte[] Key(BsonValue id) => id.IsObjectId ? id.AsObjectId.ToByteArray() : Encoding.UTF8.GetBytes(id.IsString ? id.AsString : id.RawValue?.ToString() ?? "");

    private static HashSet<long> TicketDays(BsonDocument ticket)
    {
        var days = new HashSet<long> { Day(ticket[TicketDocuments.OpenedAtField].AsInt64) };
        if (ticket[TicketDocuments.StateField].AsString == "closed" && ticket[TicketDocuments.ClosedAtField].IsNumber)
        {
            days.Add(Day(ticket[TicketDocuments.ClosedAtField].AsInt64));
        }

        return days;
    }

    private static byte[] CheckFields(BsonDocument check)
    {
        var fields = new byte[17];
        BinaryPrimitives.WriteInt64LittleEndian(fields, check[Collections.UserIdField].AsInt64);
        BinaryPrimitives.WriteInt64LittleEndian(fields.AsSpan(8), check[Collections.CheckedAtField].AsInt64);
        fields[16] = (byte)Enum.Parse<Verdict>(check["verdict"].AsString, ignoreCase: true);
        return fields;
    }

    private static byte[] TicketFields(Ticket ticket)
    {
        var writer = new FieldWriter();
        writer.Snowflake(ticket.MemberId);
        writer.Byte((byte)ticket.Origin);
        writer.Time(ticket.OpenedAt);
        writer.Byte((byte)ticket.State);
        writer.Time(ticket.ClosedAt);
        writer.Time(ticket.FirstStaffReplyAt);
        writer.Byte(ticket.Rating is { } rating ? (byte)rating : (byte)0);
        writer.Byte(ticket.Outcome is { } outcome ? (byte)outcome : NoText);
        writer.Snowflake(ticket.ClosedBy);
        writer.Snowflake(ticket.CloseRequestedBy);
        writer.Snowflake(ticket.ClaimedBy);
        writer.Text(ticket.Card is { Failing.Count: > 0 } card ? card.Failing[0].Id : null);
        return writer.ToArray();
    }

    private static byte[] MarksFields(WalkthroughMarks marks)
    {
        var writer = new FieldWriter();
        writer.Snowflake(marks.UserId);
        writer.Time(marks.FinalCheckPassedAt);
        writer.Byte((byte)marks.Reached.Count);
        foreach (var (position, at) in marks.Reached.OrderBy(p => p.Key))
        {
            writer.Byte((byte)position);
            writer.Time(at);
        }

        return writer.ToArray();
    }

    private static byte[] ClaimFields(BsonDocument entry)
    {
        var fields = new byte[16];
        BinaryPrimitives.WriteInt64LittleEndian(fields, entry["actor"].AsInt64);
        BinaryPrimitives.WriteInt64LittleEndian(fields.AsSpan(8), entry[TicketDocuments.AuditAtField].AsInt64);
        return fields;
    }

    private static void Put(LiteDatabase lite, StatsKind kind, long day, byte[] key, byte[] fields)
    {
        var days = lite.GetCollection(Collection);
        var id = Id(kind, day);
        var existing = days.FindById(id)?[RowsField].AsBinary ?? [];
        var rows = new MemoryStream(existing.Length + fields.Length + key.Length + 3);
        CopyExcept(existing, [key], rows);
        WriteRow(rows, key, fields);
        days.Upsert(new BsonDocument { ["_id"] = id, [RowsField] = rows.ToArray() });
    }

    private static void Remove(LiteDatabase lite, StatsKind kind, long day, IReadOnlyList<byte[]> keys)
    {
        var days = lite.GetCollection(Collection);
        var id = Id(kind, day);
        if (days.FindById(id)?[RowsField].AsBinary is not { } existing)
        {
            return;
        }

        var rows = new MemoryStream(existing.Length);
        CopyExcept(existing, keys, rows);
        if (rows.Length == 0)
        {
            days.Delete(id);
        }
        else
        {
            days.Update(new BsonDocument { ["_id"] = id, [RowsField] = rows.ToArray() });
        }
    }

    private static void CopyExcept(byte[] rows, IReadOnlyList<byte[]> keys, MemoryStream into)
    {
        var at = 0;
        while (at < rows.Length)
        {
            var length = BinaryPrimitives.ReadUInt16LittleEndian(rows.AsSpan(at));
            var keyLength = rows[at + 2];
            var key = rows.AsSpan(at + 3, keyLength);
            var removed = false;
            foreach (var other in keys)
            {
                if (key.SequenceEqual(other))
                {
                    removed = true;
                    break;
                }
            }

            if (!removed)
            {
                into.Write(rows, at, 2 + length);
            }

            at += 2 + length;
        }
    }

    private static void WriteRow(MemoryStream into, byte[] key, byte[] fields)
    {
        Span<byte> head = stackalloc byte[3];
        BinaryPrimitives.WriteUInt16LittleEndian(head, checked((ushort)(1 + key.Length + fields.Length)));
        head[2] = checked((byte)key.Length);
        into.Write(head);
        into.Write(key);
        into.Write(fields);
    }

    private sealed class FieldWriter
    {
        private readonly MemoryStream stream = new(64);

        public void Byte(byte value) => stream.WriteByte(value);

        public void Snowflake(ulong? value)
        {
            Span<byte> bytes = stackalloc byte[8];
            BinaryPrimitives.WriteInt64LittleEndian(bytes, value is { } id ? unchecked((long)id) : 0);
            stream.Write(bytes);
        }

        public void Time(DateTimeOffset? value)
        {
            Span<byte> bytes = stackalloc byte[8];
            BinaryPrimitives.WriteInt64LittleEndian(bytes, value?.UtcTicks ?? long.MinValue);
            stream.Write(bytes);
        }

        public void Text(string? value)
        {
            if (value is null)
            {
                stream.WriteByte(NoText);
                return;
            }

            var bytes = Encoding.UTF8.GetBytes(value);
            stream.WriteByte(checked((byte)Math.Min(bytes.Length, NoText - 1)));
            stream.Write(bytes, 0, Math.Min(bytes.Length, NoText - 1));
        }

        public byte[] ToArray() => stream.ToArray();
    }

    private ref struct FieldReader(ReadOnlySpan<byte> fields)
    {
        private readonly ReadOnlySpan<byte> fields = fields;
        private int at;

        public byte Byte() => fields[at++];

        public ulong? Snowflake()
        {
            var value = BinaryPrimitives.ReadInt64LittleEndian(fields[at..]);
            at += 8;
            return value == 0 ? null : unchecked((ulong)value);
        }

        public DateTimeOffset? Time()
        {
            var value = BinaryPrimitives.ReadInt64LittleEndian(fields[at..]);
            at += 8;
            return value == long.MinValue ? null : new DateTimeOffset(value, TimeSpan.Zero);
        }

        public string? Text()
        {
            var length = fields[at++];
            if (length == NoText)
            {
                return null;
            }

            var text = Encoding.UTF8.GetString(fields.Slice(at, length));
            at += length;
            return text;
        }
    }
}
