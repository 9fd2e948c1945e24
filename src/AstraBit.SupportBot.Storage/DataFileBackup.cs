using System.Globalization;
using LiteDB;

namespace AstraBit.SupportBot.Storage;

/// <summary>A finished backup: a single, checked LiteDB file holding everything committed when it was taken.</summary>
public sealed record BackupResult(string Path, long Bytes, int SchemaVersion, IReadOnlyDictionary<string, int> Documents)
{
    public int TotalDocuments => Documents.Values.Sum();
}

/// <summary>
/// Copies the data file while a bot may be writing to it, without stopping it or asking it. LiteDB 5 appends every
/// committed transaction to its journal (name-log.db) and changes the data file itself only when it checkpoints;
/// a transaction counts only once its last page, marked confirmed, is in the journal. So a copy of the data file
/// and of a whole-page prefix of the journal, taken while neither was rewritten, opens as exactly the committed
/// transactions up to that point. The copy is taken again if the data file or the journal changed meanwhile, then
/// opened, read through, checkpointed into one file, and only then moved to its name. The source is only read.
/// </summary>
public static class DataFileBackup
{
    private const int MaxAttempts = 20;

    /// <summary>
    /// Writes a backup of <paramref name="source"/> to <paramref name="destination"/>, a new file name or an
    /// folder (existing, or written with a trailing slash; the file is then named supportbot-yyyyMMdd-HHmmss.db by <paramref name="now"/>). Never
    /// overwrites a file. Throws <see cref="StorageException"/> naming the path and what is wrong.
    /// </summary>
    public static BackupResult Create(string source, string destination, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        ArgumentException.ThrowIfNullOrWhiteSpace(destination);
        source = Path.GetFullPath(source);
        var target = Path.GetFullPath(destination);
        if (Directory.Exists(target) || Path.EndsInDirectorySeparator(destination))
        {
            target = Path.Combine(target, FileName(now));
        }

        if (File.Exists(target) || Directory.Exists(target))
        {
            throw new StorageException($"{target}: a file is already there; the backup never overwrites one: give a new name or a folder.");
        }

        if (!File.Exists(source))
        {
            throw new StorageException($"{source}: there is no data file to back up (check Storage:Path).");
        }

        if (DataFile.CheckContent(source) is { } problem)
        {
            throw new StorageException(problem);
        }

        var folder = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(folder);
        var work = Path.Combine(folder, $".{Path.GetFileName(target)}.partial-{Guid.NewGuid():N}");
        Directory.CreateDirectory(work);
        try
        {
            var copy = Path.Combine(work, "backup.db");
            var (schema, documents) = CopyConsistent(source, copy);
            File.Move(copy, target, overwrite: false);
            return new BackupResult(target, new FileInfo(target).Length, schema, documents);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>The name a backup gets in a folder; <see cref="ListBackups"/> recognises these.</summary>
    public static string FileName(DateTimeOffset now) =>
        "supportbot-" + now.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + ".db";

    /// <summary>Backups this bot wrote into <paramref name="folder"/>, oldest first.</summary>
    public static IReadOnlyList<string> ListBackups(string folder) =>
        Directory.Exists(folder)
            ? Directory.GetFiles(folder, "supportbot-????????-??????.db").Order(StringComparer.Ordinal).ToList()
            : [];

    /// <summary>Copies <paramref name="source"/> into <paramref name="copy"/> (which must not exist) and checks the copy; returns what it holds.</summary>
    internal static (int Schema, IReadOnlyDictionary<string, int> Documents) CopyConsistent(string source, string copy)
    {
        var log = DataFile.LogPath(source);
        var copyLog = DataFile.LogPath(copy);
        string? lastFailure = null;
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var dataBefore = Stamp.Of(source);
            var logBefore = Stamp.Of(log);
            CopyPages(source, copy, dataBefore.Length);
            if (logBefore.Exists)
            {
                CopyPages(log, copyLog, logBefore.Length - (logBefore.Length % DataFile.PageSize));
            }

            if (Stamp.Of(source) != dataBefore || Stamp.Of(log) != logBefore)
            {
                // The bot wrote meanwhile: the copy may mix two states. Take it again.
                Delete(copy, copyLog);
                continue;
            }

            try
            {
                return Verify(copy, source);
            }
            catch (Exception exception) when (exception is LiteException or InvalidCastException or InvalidOperationException or IOException)
            {
                lastFailure = exception.Message;
                Delete(copy, copyLog);
            }
        }

        throw new StorageException(lastFailure is null
            ? $"{source}: the data file kept changing while it was copied ({MaxAttempts.ToString(CultureInfo.InvariantCulture)} tries); try again in a moment."
            : $"{source}: a copy of the data file can't be read ({lastFailure}): the file is damaged; restore an earlier backup.");
    }

    /// <summary>Opens the copy (LiteDB applies the committed part of the journal), folds the journal in, and reads the result through.</summary>
    private static (int Schema, IReadOnlyDictionary<string, int> Documents) Verify(string copy, string source)
    {
        using (var database = new LiteDatabase(new ConnectionString { Filename = copy, Connection = ConnectionType.Direct }))
        {
            database.Checkpoint();
        }

        // A backup is only worth keeping whole: every page, collection and index of the copy is read as the bot reads them at start.
        // The copy was taken while neither file changed, so damage in it is damage in the source: no second try.
        var scan = DataFileIntegrity.Scan(copy, shownAs: source);
        return scan.Problem is { } damaged ? throw new StorageException(damaged) : (scan.SchemaVersion, scan.Documents);
    }

    private static void CopyPages(string from, string to, long length)
    {
        using var input = new FileStream(from, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var output = new FileStream(to, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        var buffer = new byte[DataFile.PageSize * 8];
        var left = Math.Min(length, input.Length);
        while (left > 0)
        {
            var read = input.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
            if (read == 0)
            {
                break;
            }

            output.Write(buffer, 0, read);
            left -= read;
        }
    }

    private static void Delete(params string[] paths)
    {
        foreach (var path in paths)
        {
            File.Delete(path);
        }
    }

    private readonly record struct Stamp(bool Exists, long Length, DateTime Written)
    {
        public static Stamp Of(string path)
        {
            var info = new FileInfo(path);
            return info.Exists ? new Stamp(true, info.Length, info.LastWriteTimeUtc) : default;
        }
    }
}
