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
    /// </summary>
    public static HostApplicationBuilder CreateBuilder(string? configFile, TextWriter? logWriter = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = Directory.GetCurrentDirectory(),
        });

        if (configFile is not null)
        {
            var full = Path.GetFullPath(configFile);
            if (!File.Exists(full))
            {
                throw new ConfigurationFileException($"The configuration file '{configFile}' (given with --config) does not exist.");
            }

            builder.Configuration.AddJsonFile(full, optional: false, reloadOnChange: false);
            builder.Configuration.AddEnvironmentVariables();
        }

        builder.Logging.ClearProviders();
        builder.Services.AddSerilog((services, logger) => ConfigureLogging(logger, builder.Configuration, logWriter));
        return builder;
    }

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
