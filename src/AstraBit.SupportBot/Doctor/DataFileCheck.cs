using System.Globalization;
using AstraBit.SupportBot.Hosting;
using AstraBit.SupportBot.Storage;
using AstraBit.SupportBot.Storage.Migrations;
using LiteDB;
using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Doctor;

/// <summary>
/// Storage:Path can be opened and written, and its schema version is one this bot knows. Looks without
/// changing anything: the file is opened read-only (no migration runs), and writability is tested by
/// opening it for writing without writing.
/// </summary>
/// <remarks>
/// Interim: the storage work is adding its own inspection of the data file; until it lands this reads the
/// version through <see cref="SupportDatabase.ReadSchemaVersion"/> on a read-only LiteDB connection.
/// </remarks>
public sealed class DataFileCheck(IOptions<StorageOptions> storage)
{
    private const string Id = "data-file";
    private const string Title = "Data file";

    public DoctorCheck Run()
    {
        var path = Path.GetFullPath(storage.Value.Path);
        if (!File.Exists(path))
        {
            var folder = Path.GetDirectoryName(path) ?? ".";
            var existing = folder;
            while (!Directory.Exists(existing) && Path.GetDirectoryName(existing) is { } parent)
            {
                existing = parent;
            }

            return CanCreateFileIn(existing)
                ? DoctorCheck.Pass(Id, Title, $"{path} does not exist yet: the bot creates it at first start.")
                : DoctorCheck.Fail(Id, Title, $"{path} does not exist, and this user can't create files in {existing}.",
                    $"Give the bot's user write access to {existing}, or set Storage:Path to a writable place.");
        }

        try
        {
            using (new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite))
            {
            }
        }
        catch (UnauthorizedAccessException)
        {
            return DoctorCheck.Fail(Id, Title, $"{path} can't be written by this user.", $"Give the bot's user write access to {path} (e.g. chown), or set Storage:Path.");
        }
        catch (IOException ex)
        {
            return DoctorCheck.Warn(Id, Title, $"{path} is in use ({ex.Message}); a running bot holds it.", "Stop the bot to check the data file, or ignore this while it runs.");
        }

        int version;
        try
        {
            using var database = new LiteDatabase(new ConnectionString { Filename = path, ReadOnly = true, Connection = ConnectionType.Direct });
            version = SupportDatabase.ReadSchemaVersion(database);
        }
        catch (Exception ex) when (ex is LiteException or IOException or InvalidCastException or FormatException)
        {
            return DoctorCheck.Fail(Id, Title, $"{path} is not a readable data file: {ex.Message}", "Restore the file from a backup, or move it away so the bot starts a new one.");
        }

        var known = SchemaMigrations.CurrentVersion;
        var v = version.ToString(CultureInfo.InvariantCulture);
        var k = known.ToString(CultureInfo.InvariantCulture);
        return version > known
            ? DoctorCheck.Fail(Id, Title, $"{path} has schema version {v}, but this bot knows only up to {k}: a newer bot wrote it.", "Run the newer bot version, or restore a backup made by this one.")
            : DoctorCheck.Pass(Id, Title, version == known ? $"{path}, schema version {v}." : $"{path}, schema version {v}: the bot brings it to {k} at start.");
    }

    private static bool CanCreateFileIn(string folder)
    {
        var probe = Path.Combine(folder, $".supportbot-doctor-{Guid.NewGuid():N}");
        try
        {
            using (File.Create(probe, 1, FileOptions.DeleteOnClose))
            {
            }

            return true;
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            return false;
        }
    }
}
