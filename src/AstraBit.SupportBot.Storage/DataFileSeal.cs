using System.Globalization;
using System.IO.Hashing;
using System.Security.Cryptography;

namespace AstraBit.SupportBot.Storage;

/// <summary>
/// What a clean close of the data file leaves beside it ("name.db.sealed"): the file's length, last-write time and a
/// 128-bit hash (XXH128) of its every byte. At start, a seal that still matches proves the file is byte for byte what
/// the bot left after it read and wrote it without a failure, so the deep read (<see cref="DataFileIntegrity"/>), which
/// costs time in proportion to the file (13 s for a busy year's 391 MB), is skipped; hashing reads the file as bytes
/// only. The hash guards against accidents (a zeroed page, a restored copy), not against someone who can write the
/// file, who could write its seal too: so it need not be cryptographic, and XXH128 reads the year's 439 MB in about a
/// tenth of a second where SHA-256 (the first seals, "v1", still accepted) took 0.4–0.6 s, which was most of what a
/// clean restart with the year's file took longer than with an empty one. The seal is removed as the file opens, before anything writes it, so a bot
/// that dies (kill -9, a power cut) leaves none and the next start reads the whole file; so does a file changed while
/// the bot was stopped (a restored copy, a disk that zeroed a page), a journal left beside it, or no seal at all.
/// </summary>
internal static class DataFileSeal
{
    private const string Version = "v2";

    /// <summary>Seals written before v2: SHA-256. Accepted, so the first start of this version does not read the file whole.</summary>
    private const string Sha256Version = "v1";

    public static string SealPath(string path) => path + ".sealed";

    /// <summary>True when the seal beside <paramref name="path"/> describes the file as it is now, with no journal beside it.</summary>
    public static bool Matches(string path)
    {
        try
        {
            var seal = SealPath(path);
            if (!File.Exists(seal) || HasJournal(path))
            {
                return false;
            }

            var recorded = File.ReadAllText(seal).Trim().Split(' ');
            var file = new FileInfo(path);
            if (recorded.Length != 4 || recorded[0] is not (Version or Sha256Version)
                || recorded[1] != file.Length.ToString(CultureInfo.InvariantCulture)
                || recorded[2] != file.LastWriteTimeUtc.Ticks.ToString(CultureInfo.InvariantCulture))
            {
                return false;
            }

            return string.Equals(recorded[3], recorded[0] == Version ? Hash(path) : Sha256(path), StringComparison.Ordinal);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Seals the file as it is now; nothing when a journal is beside it (the close did not fold it in).</summary>
    public static void Record(string path)
    {
        try
        {
            if (!File.Exists(path) || HasJournal(path))
            {
                return;
            }

            var file = new FileInfo(path);
            var text = string.Create(CultureInfo.InvariantCulture, $"{Version} {file.Length} {file.LastWriteTimeUtc.Ticks} {Hash(path)}\n");

            // Written beside and renamed over, so a seal is whole or absent.
            var seal = SealPath(path);
            var writing = seal + ".tmp";
            File.WriteAllText(writing, text);
            File.Move(writing, seal, overwrite: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Without a seal the next start reads the whole file: slower, never wrong.
        }
    }

    /// <summary>Removes the seal: from now on the file may change.</summary>
    public static void Break(string path) => File.Delete(SealPath(path));

    private static bool HasJournal(string path)
    {
        var log = new FileInfo(DataFile.LogPath(path));
        return log.Exists && log.Length > 0;
    }

    private static string Hash(string path)
    {
        // Read a megabyte at a time straight into one buffer (the stream's own would only copy it once more).
        using var data = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
        var hash = new XxHash128();
        var buffer = new byte[1 << 20];
        int read;
        while ((read = data.Read(buffer)) > 0)
        {
            hash.Append(buffer.AsSpan(0, read));
        }

        return Convert.ToHexStringLower(hash.GetCurrentHash());
    }

    private static string Sha256(string path)
    {
        using var data = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 20, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(data));
    }
}
