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

    void Apply(LiteDatabase database);
}
