using System.Globalization;
using AstraBit.SupportBot.Storage.Migrations;
using LiteDB;

namespace AstraBit.SupportBot.Storage;

/// <summary>
/// The bot's one LiteDB data file. Opening it creates the folder, and brings an older file up to the current
/// schema with <see cref="IMigration"/>s, recording the version in the "meta" collection. A file written by a
/// newer version of the bot is refused rather than guessed at.
/// </summary>
public sealed class SupportDatabase : IDisposable
{
    private readonly LiteDatabase database;

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
        var folder = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        // One process owns the file, so the direct (exclusive) connection is right; shared mode would add a mutex per call.
        var connection = new ConnectionString { Filename = Path, Connection = ConnectionType.Direct };
        database = new LiteDatabase(connection, CreateMapper());
        try
        {
            SchemaVersion = Migrate(migrations);
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }

    public string Path { get; }

    /// <summary>The file's schema version after opening.</summary>
    public int SchemaVersion { get; }

    internal LiteDatabase Database => database;

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

    public void Dispose() => database.Dispose();

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
            throw new StorageException(
                $"{Path}: the data file has schema version {version.ToString(CultureInfo.InvariantCulture)}, but this version of the bot knows only up to {latest.ToString(CultureInfo.InvariantCulture)}. It was written by a newer bot; run that version, or restore a backup.");
        }

        foreach (var migration in migrations.Where(m => m.Version > version))
        {
            database.BeginTrans();
            try
            {
                migration.Apply(database);
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
