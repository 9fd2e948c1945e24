using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace AstraBit.SupportBot.Storage;

/// <summary>What <see cref="SupportDatabase.Inspect"/> found at a data file's path.</summary>
public enum DataFileState
{
    /// <summary>A LiteDB data file this bot can open; <see cref="DataFileReport.SchemaVersion"/> says which schema.</summary>
    Ready,

    /// <summary>Nothing there yet, or an empty file: the bot creates the data file at start.</summary>
    New,

    /// <summary>A usable file that a running bot holds open (its lock is taken); it was checked through a copy.</summary>
    InUse,

    /// <summary>The path is a folder.</summary>
    Directory,

    /// <summary>The file or its folder can't be written by this user.</summary>
    NotWritable,

    /// <summary>Something else lives at the path: a text or JSON file, another database.</summary>
    NotLiteDb,

    /// <summary>A LiteDB file that is cut short, blanked or otherwise unreadable.</summary>
    Damaged,

    /// <summary>A file written by a newer version of the bot (a higher schema version).</summary>
    NewerSchema,
}

/// <summary>
/// The verdict on a data file. <see cref="Problem"/> is one line naming the path, what is wrong and what to do,
/// or null when the bot can use the file.
/// </summary>
public sealed record DataFileReport(string Path, DataFileState State, string? Problem, int? SchemaVersion)
{
    public bool IsUsable => Problem is null;
}

/// <summary>
/// Checks on the data file that need nothing but the bytes on disk: they run before LiteDB touches the file, so a
/// file that isn't ours is refused untouched. LiteDB 5 writes 8 KiB pages; page 0 is the header, which carries the
/// text "** This is a LiteDB file **" at byte 32, the file format (8) at byte 59 and the last page id at byte 64.
/// </summary>
internal static class DataFile
{
    public const int PageSize = 8192;

    private const int MagicOffset = 32;
    private const int FormatOffset = 59;
    private const int LastPageOffset = 64;
    private const byte FileFormat = 8;
    private static readonly byte[] Magic = Encoding.ASCII.GetBytes("** This is a LiteDB file **");

    /// <summary>LiteDB keeps committed changes in "name-log.ext" beside "name.ext" until it checkpoints them.</summary>
    public static string LogPath(string path) =>
        System.IO.Path.Combine(
            System.IO.Path.GetDirectoryName(path) ?? "",
            System.IO.Path.GetFileNameWithoutExtension(path) + "-log" + System.IO.Path.GetExtension(path));

    public static string LockPath(string path) => path + ".lock";

    /// <summary>Problems with the path or the folder, found without creating anything but a probe file.</summary>
    public static DataFileReport? CheckPlace(string path, bool createFolder)
    {
        if (System.IO.Directory.Exists(path))
        {
            return Fail(path, DataFileState.Directory, $"is a folder, not a file: set Storage:Path to a file name inside it, e.g. {System.IO.Path.Combine(path, "supportbot.db")}");
        }

        var folder = System.IO.Path.GetDirectoryName(path);
        if (string.IsNullOrEmpty(folder))
        {
            return null;
        }

        if (!System.IO.Directory.Exists(folder))
        {
            if (!createFolder)
            {
                return null;
            }

            try
            {
                System.IO.Directory.CreateDirectory(folder);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                return Fail(path, DataFileState.NotWritable, $"its folder {folder} can't be created ({exception.Message}): create it for the user the bot runs as, or choose another Storage:Path");
            }
        }

        // LiteDB writes its journal (name-log.db) and this bot its lock file beside the data file, so the folder must be writable.
        var probe = System.IO.Path.Combine(folder, $".{System.IO.Path.GetFileName(path)}.write-test-{Guid.NewGuid():N}");
        try
        {
            using var stream = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return Fail(path, DataFileState.NotWritable, $"the folder {folder} is not writable by this user ({Environment.UserName}); the bot keeps its journal and lock beside the data file: give that user write access, or choose another Storage:Path");
        }

        return null;
    }

    /// <summary>Problems with the file's bytes; null when it is absent, empty, or looks like a whole LiteDB file.</summary>
    public static DataFileReport? CheckContent(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        byte[] header;
        long length;
        try
        {
            // Opening for writing (without writing) proves the bot will be able to; sharing stays open for a running bot.
            using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
            length = stream.Length;
            header = new byte[(int)Math.Min(length, PageSize)];
            stream.ReadExactly(header);
        }
        catch (UnauthorizedAccessException)
        {
            return Fail(path, DataFileState.NotWritable, $"the file is not writable by this user ({Environment.UserName}): give that user write access to it");
        }
        catch (IOException exception)
        {
            return Fail(path, DataFileState.Damaged, $"the file can't be read ({exception.Message})");
        }

        if (length == 0)
        {
            return null;
        }

        if (header.AsSpan().IndexOfAnyExcept((byte)0) < 0)
        {
            return Fail(path, DataFileState.Damaged, $"its first {Size(header.Length)} are blank (zeroed): the file is damaged and was left as it is; restore a backup (see docs/operations.md, \"Data file and backups\")");
        }

        if (length < MagicOffset + Magic.Length + 1 || !header.AsSpan(MagicOffset, Magic.Length).SequenceEqual(Magic))
        {
            return Fail(path, DataFileState.NotLiteDb, $"is not a LiteDB data file ({Size(length)} starting with {Preview(header)}); it was left as it is: point Storage:Path at the bot's data file, or at a new name to start empty");
        }

        if (header[FormatOffset] != FileFormat)
        {
            return Fail(path, DataFileState.NotLiteDb, $"is a LiteDB file of format {header[FormatOffset].ToString(CultureInfo.InvariantCulture)}, but the bot reads only format {FileFormat.ToString(CultureInfo.InvariantCulture)} (LiteDB 5); it was left as it is");
        }

        var expected = ((long)BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(LastPageOffset)) + 1) * PageSize;
        if (length % PageSize != 0 || length < expected)
        {
            return Fail(path, DataFileState.Damaged, $"is cut short ({Size(length)}; its header promises {Size(expected)}): a crash or a full disk truncated it; it was left as it is: restore a backup (see docs/operations.md, \"Data file and backups\")");
        }

        return null;
    }

    public static DataFileReport Fail(string path, DataFileState state, string what) => new(path, state, $"{path}: {what}.", null);

    private static string Size(long bytes) => bytes >= 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KiB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes");

    private static string Preview(byte[] header)
    {
        var text = new StringBuilder();
        foreach (var b in header.AsSpan(0, Math.Min(header.Length, 16)))
        {
            text.Append(b is >= 0x20 and < 0x7F ? (char)b : '.');
        }

        return $"\"{text}\"";
    }
}

/// <summary>
/// The exclusive claim of one bot process on a data file: a lock file beside it, held with an OS lock (flock on
/// Linux) for as long as the process has the file open. The OS drops it when the process dies, kill -9 included,
/// so a stale lock file never blocks a restart. LiteDB's own sharing lets a second process open the file, which is
/// why this exists.
/// </summary>
internal sealed class DataFileLock : IDisposable
{
    private readonly FileStream stream;

    private DataFileLock(FileStream stream) => this.stream = stream;

    /// <summary>Takes the lock, or returns the report saying who holds it.</summary>
    public static DataFileLock? TryTake(string path, out DataFileReport? refused)
    {
        var lockPath = DataFile.LockPath(path);
        try
        {
            refused = null;
            return new DataFileLock(new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None));
        }
        catch (UnauthorizedAccessException)
        {
            refused = DataFile.Fail(path, DataFileState.NotWritable, $"its lock file {lockPath} can't be written by this user ({Environment.UserName})");
            return null;
        }
        catch (IOException)
        {
            refused = DataFile.Fail(path, DataFileState.InUse, $"another bot process is using this data file (it holds {lockPath}); stop that one first, or give this one its own Storage:Path");
            return null;
        }
    }

    public void Dispose() => stream.Dispose();
}
