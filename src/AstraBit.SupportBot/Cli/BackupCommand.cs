using System.CommandLine;
using System.Globalization;
using AstraBit.SupportBot.Hosting;
using AstraBit.SupportBot.Storage;

namespace AstraBit.SupportBot.Cli;

/// <summary>
/// `backup &lt;dest&gt;`: a consistent copy of the data file (Storage:Path), taken while the bot runs or not, into a new
/// file or a folder. Never overwrites; never writes to the data file. Exit 0 written, 2 nothing written (the message
/// names the path and what is wrong).
/// </summary>
public static class BackupCommand
{
    public static Command Create(Option<string?> configOption, CliConsole console)
    {
        var destination = new Argument<string>("dest") { Description = "A new file name, or a folder (the backup is then named supportbot-yyyyMMdd-HHmmss.db)." };
        var command = new Command("backup", "Copy the data file consistently, even while the bot runs. Restore: stop the bot, copy the backup over Storage:Path, delete the -log file beside it, start.")
        {
            destination,
        };
        command.SetAction((parse, _) => RunAsync(parse.GetValue(configOption), parse.GetValue(destination)!, console, TimeProvider.System));
        return command;
    }

    public static async Task<int> RunAsync(string? configFile, string destination, CliConsole console, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(clock);
        try
        {
            var source = SupportBotHost.DataFilePath(SupportBotHost.LoadConfiguration(configFile));
            var result = DataFileBackup.Create(source, destination, clock.GetUtcNow());
            var collections = string.Join(", ", result.Documents.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key} {c.Value}")));
            await console.Out.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"Backed up {Path.GetFullPath(source)} to {result.Path}: {result.TotalDocuments} documents ({collections}), schema version {result.SchemaVersion}, {result.Bytes / 1024.0:0.#} KiB."));
            return ExitCodes.Ok;
        }
        catch (Exception ex) when (ex is StorageException or ConfigurationFileException or InvalidDataException or IOException or UnauthorizedAccessException)
        {
            await console.Error.WriteLineAsync($"Backup failed: {ex.Message}");
            return ExitCodes.Usage;
        }
    }
}
