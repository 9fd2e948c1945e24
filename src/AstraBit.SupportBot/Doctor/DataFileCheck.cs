using System.Globalization;
using AstraBit.SupportBot.Hosting;
using AstraBit.SupportBot.Storage;
using AstraBit.SupportBot.Storage.Migrations;
using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Doctor;

/// <summary>
/// Storage:Path passes the bot's own start-up check (<see cref="SupportDatabase.Inspect"/>): the place is usable, the
/// file is the bot's, every page, collection and index reads, and its schema version is one this bot knows. Looks
/// without changing a byte: the file is read read-only, or through a consistent copy while a running bot holds it.
/// </summary>
public sealed class DataFileCheck(IOptions<StorageOptions> storage)
{
    private const string Id = "data-file";
    private const string Title = "Data file";

    public DoctorCheck Run()
    {
        var path = Path.GetFullPath(storage.Value.Path);
        if (!File.Exists(path) && !Directory.Exists(path))
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

        var report = SupportDatabase.Inspect(path);
        var known = SchemaMigrations.CurrentVersion.ToString(CultureInfo.InvariantCulture);
        return report.State switch
        {
            DataFileState.New => DoctorCheck.Pass(Id, Title, $"{path} is empty: the bot initialises it at first start."),
            DataFileState.Ready or DataFileState.InUse => DoctorCheck.Pass(Id, Title, Describe(report, known)),
            DataFileState.NewerSchema => DoctorCheck.Fail(Id, Title, report.Problem!, "Run the newer bot version, or restore a backup made by this one."),
            DataFileState.Damaged => DoctorCheck.Fail(Id, Title, report.Problem!, "Stop the bot and restore a backup, or salvage what is readable into a new file (docs/operations.md, \"Data file and backups\")."),
            DataFileState.NotWritable => DoctorCheck.Fail(Id, Title, report.Problem!, $"Give the bot's user write access, or set Storage:Path to a writable place."),
            _ => DoctorCheck.Fail(Id, Title, report.Problem!, "Point Storage:Path at the bot's data file, or at a new name to start empty."),
        };
    }

    private static string Describe(DataFileReport report, string known)
    {
        var version = (report.SchemaVersion ?? 0).ToString(CultureInfo.InvariantCulture);
        var inUse = report.State == DataFileState.InUse ? " (in use by a running bot; a consistent copy was read)" : "";
        return version == known
            ? $"{report.Path}, schema version {version}, every page, collection and index readable{inUse}."
            : $"{report.Path}, schema version {version}, every page, collection and index readable{inUse}: the bot brings it to {known} at start.";
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
