using System.Globalization;
using AstraBit.SupportBot.Storage.Migrations;
using LiteDB;

namespace AstraBit.SupportBot.Storage;

/// <summary>
/// The bot's one LiteDB data file. Opening it refuses a path that isn't a usable data file (naming what is wrong
/// and leaving the file untouched), takes an exclusive lock so no second bot process can use it, creates the
/// folder, reads every document once to prove the file readable (unless the seal a clean close left beside it still
/// matches: <see cref="DataFileSeal"/>), and brings an older file up to the current schema with
/// <see cref="IMigration"/>s, recording the version in the "meta" collection. A file written by a newer version of
/// the bot is refused rather than guessed at.
/// </summary>
public sealed class SupportDatabase : IDisposable
{
    private readonly ConnectionString connection;
    private readonly DataFileLock fileLock;
    private readonly Lock reopening = new();
    private readonly Lazy<IReadOnlyDictionary<string, int>> documents;
    private LiteDatabase database;
    private volatile bool failed;

    public SupportDatabase(string path)
        : this(path, SchemaMigrations.All)
    {
    }

    public SupportDatabase(string path, IReadOnlyList<IMigration> migrations)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(migrations);
        CheckOrder(migrations);

        Path = System.IO.Path.GetFullPath(path);
        if (DataFile.CheckPlace(Path, createFolder: true) is { } misplaced)
        {
            throw new StorageException(misplaced);
        }

        fileLock = DataFileLock.TryTake(Path, out var refused) ?? throw new StorageException(refused!);
        try
        {
            // Everything that can be told from the bytes is checked before LiteDB opens the file: LiteDB would
            // otherwise "repair" a stranger's file into an empty database, or cut it to whole pages.
            if (DataFile.CheckContent(Path) is { } unusable)
            {
                throw new StorageException(unusable);
            }

            // The whole file is read, read-only, before it is opened for writing: a damaged page is refused here with
            // the file untouched, not met by the first member whose command needs it. A file sealed by a clean close
            // and unchanged since was read whole before and written only by a bot that met no failure: the read is
            // skipped. The seal goes before anything writes the file, so a bot killed from here on leaves none.
            var exists = Exists(Path);
            var sealedClean = exists && DataFileSeal.Matches(Path);
            DataFileSeal.Break(Path);
            var scan = exists && !sealedClean ? DataFileIntegrity.Scan(Path) : null;
            if (scan?.Problem is { } damaged)
            {
                throw new StorageException(damaged);
            }

            // One process owns the file (the lock above), so the direct (exclusive) connection is right; shared mode would add a mutex per call.
            connection = new ConnectionString { Filename = Path, Connection = ConnectionType.Direct };
            database = Open(connection);
            var before = ReadSchemaVersion(database);
            SchemaVersion = Migrate(migrations);
            Migrated = SchemaVersion != before;
            EnsureCollections();
            ReadInFull = scan is not null;
            if (sealedClean)
            {
                documents = new Lazy<IReadOnlyDictionary<string, int>>(() => Count(Database));
            }
            else if (scan is not null && SchemaVersion != before)
            {
                // Read whole just before the migration: counted again when asked, not read a second time (on a year's
                // file the second read was as long as the first).
                documents = new Lazy<IReadOnlyDictionary<string, int>>(() => Count(Database));
            }
            else
            {
                var counted = scan is not null ? scan.Documents : Read(database, Path);
                documents = new Lazy<IReadOnlyDictionary<string, int>>(counted);
            }
        }
        catch
        {
            database?.Dispose();
            fileLock.Dispose();
            throw;
        }
    }

    public string Path { get; }

    /// <summary>The file's schema version after opening.</summary>
    public int SchemaVersion { get; }

    /// <summary>
    /// How many documents each collection held when the file was opened (each was read once, to prove it readable);
    /// for a sealed file, counted when first asked.
    /// </summary>
    public IReadOnlyDictionary<string, int> Documents => documents.Value;

    /// <summary>Whether opening read the whole file (false: a new file, or one whose seal matched).</summary>
    public bool ReadInFull { get; }

    /// <summary>Whether opening brought the file up from an older schema version (a migration ran).</summary>
    public bool Migrated { get; }

    /// <summary>
    /// Opens the data file as the bot serves from it: opened as <see cref="SupportDatabase(string)"/> does, every index the
    /// stores read through ensured (<see cref="DataFileIndexes"/>: built once, by the first version that asks for it),
    /// and, when a migration or an index build read the file, LiteDB's page cache emptied (<see cref="EmptyCache"/>), so
    /// what that one-off work read is not kept for the life of the process.
    /// </summary>
    public static SupportDatabase OpenForServing(string path)
    {
        var database = new SupportDatabase(path);
        try
        {
            if (DataFileIndexes.Ensure(database) | database.Migrated)
            {
                database.EmptyCache();
            }

            return database;
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }

    /// <summary>How many 8 KiB pages LiteDB's page cache holds memory for (it never gives any back while open).</summary>
    internal int CachePages => Database.GetCollection("$database").FindAll().First()["cache"]["extendPages"].AsInt32;

    /// <summary>The open LiteDB database; a new one after <see cref="Reopen"/>, so stores ask for it on every use.</summary>
    internal LiteDatabase Database => Volatile.Read(ref database);

    /// <summary>
    /// Null when the data file answers a read; otherwise why not. LiteDB closes its database for good after a write
    /// fails (a full disk, an I/O error, a damaged page met at run time): from then on every call repeats that failure,
    /// even once the disk has room again, until the file is opened afresh (<see cref="Reopen"/>).
    /// </summary>
    public string? ProbeRead()
    {
        try
        {
            _ = Database.GetCollection(Collections.Meta).FindById(Collections.SchemaDocumentId);
            return null;
        }
        catch (Exception exception) when (exception is LiteException or IOException or ObjectDisposedException or UnauthorizedAccessException or InvalidOperationException)
        {
            failed = true;
            return DescribeFailure(exception);
        }
    }

    /// <summary>
    /// Opens the data file afresh and proves that a write reaches the disk (the schema record rewritten and the journal
    /// folded into the file). Null when it did: stores use the new database from now on. Otherwise why not; the
    /// database stays open for reads, which need no room on the disk.
    /// </summary>
    /// <param name="timeout">How long the proving write may take: LiteDB can wait for ever on a journal writer that died.</param>
    public string? Reopen(TimeSpan timeout)
    {
        lock (reopening)
        {
            // A file reopened after a failure is not sealed at close: the next start reads it whole.
            failed = true;
            // The old database is closed before the new one opens, so two never write the file at once; one stuck in
            // LiteDB's journal writer is left behind (it writes nothing more).
            var old = Database;
            try
            {
                if (!Task.Run(old.Dispose).Wait(timeout))
                {
                    return "the old connection to the data file did not close";
                }
            }
            catch (AggregateException)
            {
                // Closing what a failure left half-closed can fail in turn; it is closed all the same.
            }

            var fresh = Open(connection);
            Volatile.Write(ref database, fresh);
            try
            {
                var proof = Task.Run(() =>
                {
                    WriteSchemaVersion(fresh, SchemaVersion);
                    fresh.Checkpoint();
                });
                if (!proof.Wait(timeout))
                {
                    return "a test write to the data file did not finish";
                }
            }
            catch (AggregateException failed) when (failed.InnerException is { } exception)
            {
                // The failed write closed that database too; open one more, unproven, so reads go on working.
                Volatile.Write(ref database, Open(connection));
                fresh.Dispose();
                return DescribeFailure(exception);
            }

            return null;
        }
    }

    /// <summary>
    /// Closes LiteDB's engine and opens it again, to empty its page cache. LiteDB keeps every page it reads in memory
    /// segments that only grow, to as many pages as one transaction held at once (an index build holds every page of
    /// its collection: a year's 30,000 tickets were 52 MB), and frees none until the engine closes. Only for one-off
    /// work at open, before any store uses the file; the seal is not affected (it was broken at open).
    /// </summary>
    internal void EmptyCache()
    {
        lock (reopening)
        {
            Database.Dispose();
            Volatile.Write(ref database, Open(connection));
        }
    }

    /// <summary>One line for a failure of the data file: a full disk named as such.</summary>
    public static string DescribeFailure(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var inner = exception;
        while (inner is not IOException && inner.InnerException is { } next)
        {
            inner = next;
        }

        var message = FirstLine(inner.Message);
        return (inner.HResult & 0xFFFF) switch
        {
            // ENOSPC, EDQUOT (Linux); ERROR_DISK_FULL, ERROR_HANDLE_DISK_FULL (Windows).
            28 or 122 or 112 or 39 => $"the disk is full ({message})",
            30 => $"the disk is read-only ({message})",
            _ => message,
        };
    }

    /// <summary>
    /// What is wrong with the data file at <paramref name="path"/>, without changing it: the checks the bot makes at
    /// start, made on a copy when a running bot holds the file. For `doctor` and the start-up message.
    /// </summary>
    public static DataFileReport Inspect(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = System.IO.Path.GetFullPath(path);
        if (DataFile.CheckPlace(full, createFolder: false) is { } misplaced)
        {
            return misplaced;
        }

        if (DataFile.CheckContent(full) is { } unusable)
        {
            return unusable;
        }

        if (!File.Exists(full) || new FileInfo(full).Length == 0)
        {
            return new DataFileReport(full, DataFileState.New, null, null);
        }

        using var held = DataFileLock.TryTake(full, out var refused);
        if (refused is null)
        {
            // Nobody writes it: read the file itself, read-only.
            return Judge(full, DataFileIntegrity.Scan(full), DataFileState.Ready);
        }

        // A running bot writes it: read a consistent copy instead, so a half-written journal is not taken for damage.
        var work = Directory.CreateTempSubdirectory("supportbot-inspect-").FullName;
        try
        {
            var copy = System.IO.Path.Combine(work, "copy.db");
            DataFileBackup.CopyConsistent(full, copy);
            return Judge(full, DataFileIntegrity.Scan(copy, shownAs: full), DataFileState.InUse);
        }
        catch (StorageException exception)
        {
            return exception.Report ?? new DataFileReport(full, DataFileState.Damaged, exception.Message, null);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static DataFileReport Judge(string path, DataFileScan scan, DataFileState usable)
    {
        if (scan.Problem is { } problem)
        {
            return problem;
        }

        return scan.SchemaVersion > SchemaMigrations.CurrentVersion
            ? DataFile.Fail(path, DataFileState.NewerSchema, NewerSchemaText(scan.SchemaVersion, SchemaMigrations.CurrentVersion)) with { SchemaVersion = scan.SchemaVersion }
            : new DataFileReport(path, usable, null, scan.SchemaVersion);
    }

    private static bool Exists(string path) => File.Exists(path) && new FileInfo(path).Length > 0;

    /// <summary>
    /// Writes a consistent copy of this file to <paramref name="destination"/> (see <see cref="DataFileBackup"/>),
    /// after <see cref="Flush"/>, so the copy holds every change committed through this database before the call.
    /// </summary>
    public BackupResult Backup(string destination, DateTimeOffset now)
    {
        Flush();
        return DataFileBackup.Create(Path, destination, now);
    }

    /// <summary>
    /// Waits until every committed change is in the data file. LiteDB returns from a commit once the change is in its
    /// journal queue and writes the queue from a background thread; another process (the backup verb) sees a change
    /// only once it is written. A checkpoint waits for that writer and folds the journal into the data file.
    /// </summary>
    public void Flush() => Database.Checkpoint();

    /// <summary>
    /// Runs <paramref name="write"/> in one transaction, or in the caller's when one is already open on this thread, so a
    /// document and the figures' copy of it (<see cref="Stats.StatsDays"/>) are written together or not at all.
    /// </summary>
    internal T Write<T>(Func<LiteDatabase, T> write)
    {
        var lite = Database;
        var own = lite.BeginTrans();
        try
        {
            var result = write(lite);
            if (own)
            {
                lite.Commit();
            }

            return result;
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

    /// <summary>
    /// Creates every collection the stores use that the file lacks, before anything else can reach the file. LiteDB
    /// makes a collection on its first write, and a read of it at that moment can meet the new page before it is
    /// committed ("page type must be collection page"); LiteDB then refuses every later call until the file is
    /// reopened, and transactions it left open crash the process when they are finalized. Two new members at once (one
    /// language stored while another's is looked up) were enough.
    /// </summary>
    private void EnsureCollections()
    {
        foreach (var name in Collections.All)
        {
            EnsureCollection(name);
        }
    }

    /// <summary>Creates the collection <paramref name="name"/> empty when the file has none of that name yet.</summary>
    internal void EnsureCollection(string name)
    {
        var database = Database;
        if (database.CollectionExists(name))
        {
            return;
        }

        // LiteDB makes a collection on its first write (an index on _id doesn't count): write a placeholder and take it
        // back in one transaction, so the file never holds it.
        const string placeholder = "$creating";
        database.BeginTrans();
        try
        {
            var collection = database.GetCollection(name);
            collection.Insert(new BsonDocument { ["_id"] = placeholder });
            collection.Delete(placeholder);
            database.Commit();
        }
        catch
        {
            database.Rollback();
            throw;
        }
    }

    /// <summary>Reads every document of every collection; LiteDB throws on a damaged page.</summary>
    internal static IReadOnlyDictionary<string, int> ReadEverything(LiteDatabase database)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in database.GetCollectionNames())
        {
            counts[name] = database.GetCollection(name).FindAll().Count();
        }

        return counts;
    }

    /// <summary>The schema version recorded in a data file's "meta" collection; 0 when none is.</summary>
    public static int ReadSchemaVersion(LiteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var document = database.GetCollection(Collections.Meta).FindById(Collections.SchemaDocumentId);
        return document is not null && document[Collections.VersionField].IsNumber ? document[Collections.VersionField].AsInt32 : 0;
    }

    /// <summary>Records <paramref name="version"/> as the file's schema version.</summary>
    public static void WriteSchemaVersion(LiteDatabase database, int version)
    {
        ArgumentNullException.ThrowIfNull(database);
        database.GetCollection(Collections.Meta).Upsert(new BsonDocument
        {
            ["_id"] = Collections.SchemaDocumentId,
            [Collections.VersionField] = version,
        });
    }

    /// <summary>Closes the file (LiteDB folds its journal in) and, when nothing failed meanwhile, seals it for the next start.</summary>
    public void Dispose()
    {
        try
        {
            Database.Dispose();
            if (!failed)
            {
                DataFileSeal.Record(Path);
            }
        }
        finally
        {
            fileLock.Dispose();
        }
    }

    private static SortedDictionary<string, int> Count(LiteDatabase database)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in database.GetCollectionNames())
        {
            counts[name] = database.GetCollection(name).Count();
        }

        return counts;
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }

    private LiteDatabase Open(ConnectionString connection)
    {
        try
        {
            return new LiteDatabase(SerializedWrites.Open(connection), CreateMapper());
        }
        catch (Exception exception) when (exception is LiteException or InvalidCastException or IOException or IndexOutOfRangeException or ArgumentException)
        {
            throw new StorageException(DataFile.Fail(Path, DataFileState.Damaged, $"LiteDB can't open it ({exception.Message}): the file is damaged; restore a backup (see docs/operations.md, \"Data file and backups\")"));
        }
    }

    private static IReadOnlyDictionary<string, int> Read(LiteDatabase database, string path)
    {
        try
        {
            return ReadEverything(database);
        }
        catch (Exception exception) when (exception is LiteException or InvalidCastException or IOException or IndexOutOfRangeException or ArgumentException)
        {
            throw new StorageException(DataFile.Fail(path, DataFileState.Damaged, $"part of it can't be read ({exception.Message}): the file is damaged; restore a backup (see docs/operations.md, \"Data file and backups\")"));
        }
    }

    private static string NewerSchemaText(int version, int latest) =>
        $"the data file has schema version {version.ToString(CultureInfo.InvariantCulture)}, but this version of the bot knows only up to {latest.ToString(CultureInfo.InvariantCulture)}. It was written by a newer bot; run that version, or restore a backup";

    // Mapping is written out by hand (BsonDocuments), but the mapper is still set so that any typed use stores ulong ids as long, not as a lossy double.
    private static BsonMapper CreateMapper()
    {
        var mapper = new BsonMapper();
        mapper.RegisterType<ulong>(value => new BsonValue(unchecked((long)value)), bson => unchecked((ulong)bson.AsInt64));
        return mapper;
    }

    private static void CheckOrder(IReadOnlyList<IMigration> migrations)
    {
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new ArgumentException(
                    $"Migrations must be numbered 1, 2, 3, … in order; item {i.ToString(CultureInfo.InvariantCulture)} has version {migrations[i].Version.ToString(CultureInfo.InvariantCulture)}.",
                    nameof(migrations));
            }
        }
    }

    private int Migrate(IReadOnlyList<IMigration> migrations)
    {
        var version = ReadSchemaVersion(database);
        var latest = migrations.Count == 0 ? 0 : migrations[^1].Version;
        if (version > latest)
        {
            throw new StorageException(DataFile.Fail(Path, DataFileState.NewerSchema, NewerSchemaText(version, latest)) with { SchemaVersion = version });
        }

        foreach (var migration in migrations.Where(m => m.Version > version))
        {
            try
            {
                if (migration.CommitsInBatches)
                {
                    migration.Apply(database);
                    database.BeginTrans();
                }
                else
                {
                    database.BeginTrans();
                    migration.Apply(database);
                }

                WriteSchemaVersion(database, migration.Version);
                database.Commit();
            }
            catch (Exception exception) when (exception is LiteException or InvalidOperationException or FormatException or InvalidCastException)
            {
                database.Rollback();
                throw new StorageException(
                    $"{Path}: migrating the data file to schema version {migration.Version.ToString(CultureInfo.InvariantCulture)} failed, and it was left at version {version.ToString(CultureInfo.InvariantCulture)}: {exception.Message}",
                    exception);
            }

            version = migration.Version;
        }

        return version;
    }
}
