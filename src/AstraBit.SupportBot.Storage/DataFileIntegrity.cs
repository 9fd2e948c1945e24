using System.Buffers.Binary;
using System.Globalization;
using LiteDB;
using LiteDB.Engine;

namespace AstraBit.SupportBot.Storage;

/// <summary>What a read-through of a data file found: the problem (null when whole), its schema version and document counts.</summary>
internal sealed record DataFileScan(DataFileReport? Problem, int SchemaVersion, IReadOnlyDictionary<string, int> Documents);

/// <summary>
/// Reads a whole data file, as the bot would use it, without writing a byte of it: every page's own header, then,
/// through LiteDB, every document of every collection (the _id index in order) and every other index in its own
/// order, whose node count must match the documents. A damaged page anywhere the bot reads makes this fail here,
/// before the bot goes online, instead of on the first member who needs that page.
/// </summary>
/// <remarks>
/// LiteDB is given streams, not the path: the data file as a read-only <see cref="FileStream"/> and the journal
/// (name-log.db) as a copy in memory. Opened for writing, LiteDB answers a failed internal check by writing a
/// "rebuild me" flag into the header (byte 191) as it closes; opened read-only on a path it leaves the data file
/// alone but still cuts a journal that ends mid-page to whole pages and deletes an empty one (LiteDB 5.0.20; see
/// DataFileTests). A stream opened for reading can't be written, whatever LiteDB tries.
/// </remarks>
internal static class DataFileIntegrity
{
    private const int PageIdOffset = 0;
    private const int PageTypeOffset = 4;
    private const int LastPageIdOffset = 64;
    private const byte HighestPageType = 4;
    private const byte HeaderPageType = 1;

    /// <param name="path">The file to read.</param>
    /// <param name="shownAs">The path the report names (the data file, when <paramref name="path"/> is a copy of it).</param>
    public static DataFileScan Scan(string path, string? shownAs = null)
    {
        var named = shownAs ?? path;
        try
        {
            using var data = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, DataFile.PageSize, FileOptions.RandomAccess);
            if (CheckPages(named, data) is { } damagedPage)
            {
                return new DataFileScan(damagedPage, 0, new Dictionary<string, int>());
            }

            using var log = CopyLog(path);
            return ReadThrough(named, data, log);
        }
        catch (IOException exception)
        {
            return new DataFileScan(Damaged(named, $"it can't be read ({exception.Message})"), 0, new Dictionary<string, int>());
        }
    }

    /// <summary>Each page of LiteDB 5 begins with its own number and type; a page blanked or overwritten says another number.</summary>
    private static DataFileReport? CheckPages(string path, FileStream data)
    {
        var page = new byte[DataFile.PageSize];
        data.ReadExactly(page);
        var lastPage = (long)BinaryPrimitives.ReadUInt32LittleEndian(page.AsSpan(LastPageIdOffset));
        for (long id = 1; id <= lastPage; id++)
        {
            data.ReadExactly(page);
            var says = BinaryPrimitives.ReadUInt32LittleEndian(page.AsSpan(PageIdOffset));
            var type = page[PageTypeOffset];
            if (says != id || type > HighestPageType || type == HeaderPageType)
            {
                var what = page.AsSpan().IndexOfAnyExcept((byte)0) < 0
                    ? "is blank (zeroed)"
                    : $"is overwritten (it reads as page {says.ToString(CultureInfo.InvariantCulture)} of type {type.ToString(CultureInfo.InvariantCulture)})";
                return Damaged(path, $"page {id.ToString(CultureInfo.InvariantCulture)} of {(lastPage + 1).ToString(CultureInfo.InvariantCulture)} (bytes {(id * DataFile.PageSize).ToString(CultureInfo.InvariantCulture)}–{((id + 1) * DataFile.PageSize - 1).ToString(CultureInfo.InvariantCulture)}) {what}");
            }
        }

        return null;
    }

    /// <summary>The journal's whole pages, in memory (a crash can leave half a page at its end, which LiteDB ignores).</summary>
    private static MemoryStream CopyLog(string path)
    {
        var copy = new MemoryStream();
        var log = DataFile.LogPath(path);
        if (!File.Exists(log))
        {
            return copy;
        }

        using var input = new FileStream(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var whole = input.Length - (input.Length % DataFile.PageSize);
        var buffer = new byte[DataFile.PageSize];
        while (copy.Length < whole)
        {
            input.ReadExactly(buffer);
            copy.Write(buffer);
        }

        copy.Position = 0;
        return copy;
    }

    private static DataFileScan ReadThrough(string path, FileStream data, MemoryStream log)
    {
        var documents = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var reading = "the file's header";
        try
        {
            data.Position = 0;
            using var engine = new LiteEngine(new EngineSettings { DataStream = data, LogStream = log, ReadOnly = true });
            using var database = new LiteDatabase(engine, disposeOnClose: false);
            foreach (var name in database.GetCollectionNames())
            {
                reading = $"collection \"{name}\"";
                documents[name] = database.GetCollection(name).FindAll().Count();
            }

            foreach (var index in database.GetCollection("$indexes").FindAll())
            {
                var collection = index["collection"].AsString;
                var name = index["name"].AsString;
                var expression = index["expression"].AsString;
                if (name == "_id")
                {
                    continue;
                }

                reading = $"index \"{name}\" of collection \"{collection}\"";

                // Selecting only the indexed value lets LiteDB answer from the index alone, so this walks the index's own pages.
                var nodes = database.GetCollection(collection).Query()
                    .Where(BsonExpression.Create($"{expression} >= @0", BsonValue.MinValue))
                    .Select(BsonExpression.Create(expression))
                    .ToEnumerable()
                    .Count();
                var expected = documents.GetValueOrDefault(collection);
                if (nodes != expected && !IsMultiKey(expression))
                {
                    return new DataFileScan(
                        Damaged(path, $"{reading} lists {nodes.ToString(CultureInfo.InvariantCulture)} documents, but the collection holds {expected.ToString(CultureInfo.InvariantCulture)}"),
                        0,
                        documents);
                }
            }

            reading = "the schema version";
            return new DataFileScan(null, SupportDatabase.ReadSchemaVersion(database), documents);
        }
        catch (Exception exception)
        {
            // Damaged bytes reach LiteDB's code paths that never expected them: besides its own checks it fails with
            // KeyNotFoundException, NullReferenceException, a cast, an index or an allocation out of range. The file is
            // only read here, so any failure at all means it can't be served.
            return new DataFileScan(Damaged(path, $"{reading} can't be read (LiteDB: {FirstLine(exception.Message)})"), 0, documents);
        }
    }

    // An index over an array ("$.items[*]") holds one node per item, not one per document.
    private static bool IsMultiKey(string expression) => expression.Contains('[', StringComparison.Ordinal);

    private static DataFileReport Damaged(string path, string what) =>
        DataFile.Fail(path, DataFileState.Damaged, $"{what}: the file is damaged and was left as it is; restore a backup (see docs/operations.md, \"Data file and backups\")");

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
