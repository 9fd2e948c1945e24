using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Events;
using Serilog.Core;
using Serilog.Formatting;
using Serilog.Formatting.Compact;
using Serilog.Formatting.Display;

namespace AstraBit.SupportBot.Hosting;

/// <summary>
/// Builds the generic host the same way for the bot and for the command-line verbs, so the
/// configuration, validation and logging an operator sees are one thing, not two.
/// </summary>
public static class SupportBotHost
{
    /// <summary>
    /// Configuration sources, later ones winning: appsettings.json in the working directory (optional),
    /// the file given with --config (required when given), then environment variables (Discord__Token).
    /// With <paramref name="configFileOnly"/> the file is the only source: the sandbox configures its own bot completely,
    /// so an operator's Discord__Token or Storage__Path in the shell (or an appsettings.json in the working directory)
    /// never reaches it.
    /// </summary>
    public static HostApplicationBuilder CreateBuilder(string? configFile, TextWriter? logWriter = null, bool configFileOnly = false)
    {
        // The host's defaults watch appsettings*.json for changes (an inotify instance per host on Linux); the bot reads
        // its configuration once, at start, so it asks for no watchers (many hosts in one process ran out of inotify instances).
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection([new KeyValuePair<string, string?>("hostBuilder:reloadConfigOnChange", "false")]);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = Directory.GetCurrentDirectory(),
            Configuration = configuration,
        });

        if (configFile is not null)
        {
            var full = Path.GetFullPath(configFile);
            if (!File.Exists(full))
            {
                throw new ConfigurationFileException($"The configuration file '{configFile}' (given with --config) does not exist.");
            }

            if (configFileOnly)
            {
                ((IConfigurationBuilder)builder.Configuration).Sources.Clear();
                builder.Configuration.AddJsonFile(full, optional: false, reloadOnChange: false);
            }
            else
            {
                builder.Configuration.AddJsonFile(full, optional: false, reloadOnChange: false);
                builder.Configuration.AddEnvironmentVariables();
            }
        }

        // Under systemd (Type=notify, which sets NOTIFY_SOCKET) this tells systemd "ready" once the host has started,
        // i.e. after the configuration and the data file were checked. Only then: in this sandbox AddSystemd took
        // over in-process runs too and their log lines went missing (not understood yet, see the report).
        if (Environment.GetEnvironmentVariable("NOTIFY_SOCKET") is not null)
        {
            builder.Services.AddSystemd();
        }
        builder.Logging.ClearProviders();
        // The host's own logger, not Serilog's static one: with the static logger every host in a process (the sandbox,
        // the tests) would write through whichever host set it last, and stopping one host silences the others.
        builder.Services.AddSerilog((services, logger) => ConfigureLogging(logger, builder.Configuration, logWriter), preserveStaticLogger: true);
        return builder;
    }

    /// <summary>
    /// The configuration files the builder will read (appsettings.json and appsettings.{environment}.json in the working
    /// directory, the --config file), each checked for JSON syntax: one line per broken file naming it, the line and
    /// the column, instead of the configuration reader's exception.
    /// </summary>
    public static IReadOnlyList<string> CheckConfigurationFiles(string? configFile, bool configFileOnly = false)
    {
        if (configFileOnly && configFile is not null)
        {
            return ConfigurationProblems.CheckJsonFile(Path.GetFullPath(configFile)) is { } problem ? [problem] : [];
        }

        var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? "Production";
        var files = new List<string>
        {
            Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"),
            Path.Combine(Directory.GetCurrentDirectory(), $"appsettings.{environment}.json"),
        };
        if (configFile is not null)
        {
            files.Add(Path.GetFullPath(configFile));
        }

        return files.Select(ConfigurationProblems.CheckJsonFile).OfType<string>().ToList();
    }

    /// <summary>The configuration alone, from the same sources as the host, for verbs that need a setting or two (health, backup).</summary>
    public static IConfiguration LoadConfiguration(string? configFile)
    {
        var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? "Production";
        var builder = new ConfigurationBuilder()
            .SetBasePath(Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true, reloadOnChange: false)
            .AddJsonFile($"appsettings.{environment}.json", optional: true, reloadOnChange: false)
            .AddEnvironmentVariables();
        if (configFile is not null)
        {
            var full = Path.GetFullPath(configFile);
            if (!File.Exists(full))
            {
                throw new ConfigurationFileException($"The configuration file '{configFile}' (given with --config) does not exist.");
            }

            builder.AddJsonFile(full, optional: false, reloadOnChange: false).AddEnvironmentVariables();
        }

        return builder.Build();
    }

    /// <summary>
    /// Storage:Path as configured, or its default. Read as the one key it is: binding the whole section would throw on
    /// any other unreadable Storage value, which the configuration check reports as a line of its own.
    /// </summary>
    public static string DataFilePath(IConfiguration configuration) =>
        configuration[$"{StorageOptions.SectionName}:{nameof(StorageOptions.Path)}"] is { Length: > 0 } path ? path : new StorageOptions().Path;

    /// <summary>Where the running bot keeps Discord's rate-limit buckets between processes: beside the data file (supportbot.discord-limits.json).</summary>
    public static string DiscordRateLimitFilePath(IConfiguration configuration) =>
        Path.ChangeExtension(Path.GetFullPath(DataFilePath(configuration)), ".discord-limits.json");

    private static void ConfigureLogging(LoggerConfiguration logger, IConfiguration configuration, TextWriter? logWriter)
    {
        var level = Enum.TryParse<LogEventLevel>(configuration["Logging:MinimumLevel"], ignoreCase: true, out var parsed)
            ? parsed
            : LogEventLevel.Information;
        var json = string.Equals(configuration["Logging:Format"], "json", StringComparison.OrdinalIgnoreCase);

        logger.MinimumLevel.Is(level)
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("System.Net.Http.HttpClient", LogEventLevel.Warning)
            .MinimumLevel.Override("Polly", LogEventLevel.Warning)
            .Enrich.FromLogContext();

        const string template = "{Timestamp:HH:mm:ss} {Level:u3} {SourceContext}: {Message:lj}{NewLine}{Exception}";
        if (logWriter is not null)
        {
            // The command line keeps standard output for the report; its logs go to the writer it is given (standard error).
            ITextFormatter formatter = json
                ? new CompactJsonFormatter()
                : new MessageTemplateTextFormatter(template, System.Globalization.CultureInfo.InvariantCulture);
            logger.WriteTo.Sink(new TextWriterSink(formatter, logWriter));
        }
        else if (json)
        {
            logger.WriteTo.Console(new CompactJsonFormatter());
        }
        else
        {
            logger.WriteTo.Console(outputTemplate: template, formatProvider: System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}

/// <summary>A configuration file named on the command line can't be used.</summary>
public sealed class ConfigurationFileException(string message) : Exception(message);

/// <summary>Writes log events to a given writer, serialised, so the command line's logs land on standard error.</summary>
internal sealed class TextWriterSink(ITextFormatter formatter, TextWriter writer) : ILogEventSink
{
    private readonly Lock _gate = new();

    public void Emit(LogEvent logEvent)
    {
        lock (_gate)
        {
            formatter.Format(logEvent, writer);
            writer.Flush();
        }
    }
}
