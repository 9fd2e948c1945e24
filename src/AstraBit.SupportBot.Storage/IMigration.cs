using LiteDB;

namespace AstraBit.SupportBot.Storage;

/// <summary>
/// One step in the data file's schema history. Migrations run in order of <see cref="Version"/> when the file is
/// opened, each in its own transaction together with the new version number, so a file is never half migrated.
/// Never change a released migration; add the next one.
/// </summary>
public interface IMigration
{
    /// <summary>The schema version the file has after this migration; the first is 1.</summary>
    int Version { get; }

    /// <summary>
    /// Whether <see cref="Apply"/> commits as it goes instead of running in one transaction with the new version: for a
    /// migration that only derives data from what is there, over a file too big to read in one transaction (LiteDB
    /// keeps every page a transaction reads until it ends). It must be safe to run again from its start after a crash
    /// part way; the version is written after it, in a transaction of its own.
    /// </summary>
    bool CommitsInBatches => false;

    void Apply(LiteDatabase database);
}
