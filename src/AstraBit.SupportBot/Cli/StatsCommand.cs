using System.CommandLine;
using System.Globalization;
using AstraBit.SupportBot.Bot;
using AstraBit.SupportBot.Core.Stats;
using AstraBit.SupportBot.Core.Text;
using AstraBit.SupportBot.Core.Tickets;
using AstraBit.SupportBot.Hosting;
using AstraBit.SupportBot.Storage;
using LiteDB;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Cli;

/// <summary>
/// `stats [--days N] [--json] [--locale L]`: the staff desk's figures (PRODUCT.md §10) from the data file, without
/// Discord, the table in English or --locale from the bot's own texts (the JSON's fields never change). Reads
/// Storage:Path (or --data), Tickets:WorkingHours and the content folder from the same configuration as the bot. Exit 0 printed, 2 usage or
/// configuration error (also: no data file there), 3 the data file could not be read (e.g. the running bot holds it).
/// </summary>
public static class StatsCommand
{
    public const int DefaultDays = 30;
    public const int MaxDays = 3650;

    public static Command Create(Option<string?> configOption, CliConsole console)
    {
        var days = new Option<int?>("--days") { Description = "How many days to look back over (1–3650; default 30)." };
        var json = new Option<bool>("--json") { Description = "Print the figures as JSON on standard output." };
        var data = new Option<string?>("--data") { Description = "The data file to read (default: Storage:Path)." };
        var locale = new Option<string>("--locale")
        {
            Description = $"The language of the table: {string.Join(", ", SupportLocales.Shipped)} (default {SupportLocales.Source}). The JSON's fields stay as they are.",
            DefaultValueFactory = _ => SupportLocales.Source,
        };
        locale.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (!SupportLocales.Shipped.Contains(value, StringComparer.OrdinalIgnoreCase))
            {
                result.AddError($"--locale: '{value}' is not a language the bot ships; use one of {string.Join(", ", SupportLocales.Shipped)}.");
            }
        });
        var command = new Command("stats", "Print the support figures (walkthrough funnel, checks, self-service rate, outcomes, times, staff) from the data file.")
        {
            days, json, data, locale,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(days) is < 1 or > MaxDays)
            {
                result.AddError($"--days must be from 1 to {MaxDays.ToString(CultureInfo.InvariantCulture)}.");
            }
        });
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(configOption), parse.GetValue(data), parse.GetValue(days) ?? DefaultDays, parse.GetValue(json), console, cancellationToken, SupportLocales.Resolve(parse.GetValue(locale))));
        return command;
    }

    public static async Task<int> RunAsync(string? configFile, string? dataFile, int days, bool json, CliConsole console, CancellationToken cancellationToken, string locale = SupportLocales.Source)
    {
        ArgumentNullException.ThrowIfNull(console);
        string path;
        TicketOptions tickets;
        LocaleTexts texts;
        try
        {
            var configuration = SupportBotHost.CreateBuilder(configFile, console.Error).Configuration;
            path = dataFile ?? SupportBotHost.DataFilePath(configuration);
            tickets = configuration.GetSection(TicketOptions.SectionName).Get<TicketOptions>() ?? new TicketOptions();
            // The table's words are the bot's own texts (config/texts), checked as the bot checks them at start.
            texts = TextCatalogLoader.LoadDirectory(Path.Combine(ContentOptions.DirectoryOf(configuration), TextCatalogLoader.FolderName), DiscordContentLimits.Value).For(locale);
            var validation = new TicketOptionsValidator().Validate(null, tickets);
            if (validation.Failed)
            {
                foreach (var failure in validation.Failures)
                {
                    await console.Error.WriteLineAsync($"Configuration error: {failure}");
                }

                return ExitCodes.Usage;
            }
        }
        catch (Exception ex) when (ex is ConfigurationFileException or InvalidOperationException or FormatException or TextCatalogException or IOException)
        {
            await console.Error.WriteLineAsync($"Configuration error: {ex.Message}");
            return ExitCodes.Usage;
        }

        if (!File.Exists(path))
        {
            await console.Error.WriteLineAsync($"No data file at {Path.GetFullPath(path)}: set Storage:Path (or --data) to the bot's data file.");
            return ExitCodes.Usage;
        }

        SupportStats stats;
        try
        {
            using var database = new SupportDatabase(path);
            var service = new SupportStatsService(new LiteSupportData(database), TimeProvider.System, Options.Create(tickets));
            stats = await service.ComputeAsync(TimeSpan.FromDays(days), cancellationToken);
        }
        catch (Exception ex) when (ex is StorageException or LiteException or IOException)
        {
            await console.Error.WriteLineAsync($"Could not read the data file {Path.GetFullPath(path)}: {ex.Message} (the running bot keeps it open; copy the file, or its latest backup, and pass that with --data)");
            return ExitCodes.CouldNotRun;
        }

        await console.Out.WriteAsync(json ? SupportStatsReport.Json(stats) + Environment.NewLine : SupportStatsReport.Text(stats, texts));
        return ExitCodes.Ok;
    }
}
