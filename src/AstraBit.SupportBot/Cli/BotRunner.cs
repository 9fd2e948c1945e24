using AstraBit.SupportBot.Bot.Interactions;
using AstraBit.SupportBot.Core.Errors;
using AstraBit.SupportBot.Discord.Gateway;
using AstraBit.SupportBot.Discord.Rest;
using AstraBit.SupportBot.Hosting;
using AstraBit.SupportBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Cli;

/// <summary>
/// Runs the bot until stopped. Before it connects to Discord it checks everything it can: the configuration files'
/// syntax, every setting (all problems at once, one line each naming the key), the content files, and the data file
/// (opened, locked, migrated and read through). Any of those stops it with exit code 2 and no stack trace. A bot
/// that can't serve (its handlers can't be built, its data file is gone) says so in one log line and exits with
/// <see cref="ExitCodes.CannotServe"/>; a fatal Discord close exits with the gateway's code.
/// </summary>
public static partial class BotRunner
{
    public static async Task<int> RunAsync(string? configFile, CliConsole console, CancellationToken cancellationToken) =>
        await RunAsync(configFile, console, configure: null, cancellationToken);

    /// <param name="configFile">Optional JSON file given with --config.</param>
    /// <param name="console">Where start-up problems are written.</param>
    /// <param name="configure">Lets tests replace services (transports) before the host is built.</param>
    /// <param name="cancellationToken">Stops the bot.</param>
    /// <param name="logWriter">Where logs go instead of the console (tests capture them to search for secrets).</param>
    /// <param name="configFileOnly">Read <paramref name="configFile"/> alone, no environment variables (the sandbox's bot).</param>
    /// <param name="clocks">The bot's clocks; real time unless given (the sandbox and tests move the support clock).</param>
    public static async Task<int> RunAsync(
        string? configFile,
        CliConsole console,
        Action<HostApplicationBuilder>? configure,
        CancellationToken cancellationToken,
        TextWriter? logWriter = null,
        bool configFileOnly = false,
        BotClocks? clocks = null)
    {
        var broken = SupportBotHost.CheckConfigurationFiles(configFile, configFileOnly);
        if (broken.Count > 0)
        {
            return await RefuseAsync(console, "Configuration error", broken);
        }

        HostApplicationBuilder builder;
        try
        {
            builder = SupportBotHost.CreateBuilder(configFile, logWriter, configFileOnly);
        }
        catch (Exception ex) when (ex is ConfigurationFileException or InvalidDataException or FormatException)
        {
            return await RefuseAsync(console, "Configuration error", [Flatten(ex)]);
        }

        builder.Services.AddSupportBot(builder.Configuration, clocks);
        // Discord's rate limits outlive the process (only the running bot's: doctor writes nothing), so a restart waits
        // for the buckets the last process emptied instead of meeting their 429s.
        var rateLimitFile = SupportBotHost.DiscordRateLimitFilePath(builder.Configuration);
        builder.Services.TryAddSingleton<IDiscordRateLimitStore>(sp => new DiscordRateLimitFile(rateLimitFile, sp.GetService<ILogger<DiscordRateLimitFile>>()));
        configure?.Invoke(builder);

        using var host = builder.Build();
        var problems = ConfigurationProblems.Collect(host.Services, builder.Configuration).ToList();
        try
        {
            // Content is data staff edit: a mistake in it must stop the bot now, not when a member first needs it.
            // (A missing content folder is already one problem; its files are not reported one by one.)
            if (ContentOptionsValidator.MissingDirectory(builder.Configuration) is null)
            {
                _ = host.Services.GetRequiredService<BybitErrorCatalog>();
            }
        }
        catch (Exception ex) when (ex is ErrorCatalogException or IOException)
        {
            problems.Add(ex.Message);
        }

        var dataFile = SupportBotHost.DataFilePath(builder.Configuration);
        if (problems.Count > 0)
        {
            // Report the data file in the same round, without creating or locking anything.
            var report = string.IsNullOrWhiteSpace(dataFile) ? null : SupportDatabase.Inspect(dataFile);
            await RefuseAsync(console, "Configuration error", problems);
            if (report is { IsUsable: false })
            {
                await RefuseAsync(console, "Data file error", [report.Problem!]);
            }

            return ExitCodes.Usage;
        }

        try
        {
            // Opened (checked, locked, migrated, read through) before anything connects to Discord.
            _ = host.Services.GetRequiredService<SupportDatabase>();
        }
        catch (StorageException ex)
        {
            return await RefuseAsync(console, "Data file error", [ex.Message]);
        }

        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("AstraBit.SupportBot");
        if (CannotBuildHandlers(host.Services) is { } reason)
        {
            LogCannotServe(logger, reason);
            await console.Error.WriteLineAsync($"The bot can't serve: {reason}");
            return ExitCodes.CannotServe;
        }

        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Ok;
        }
        catch (Exception ex) when (ex is OptionsValidationException or AggregateException or InvalidOperationException or ErrorCatalogException)
        {
            // The checks above should have caught these; if a validator added later did not, still one line per problem.
            return await RefuseAsync(console, "Configuration error", Lines(ex));
        }

        await host.WaitForShutdownAsync(cancellationToken);
        return host.Services.GetRequiredService<ServeStatus>().Failure is not null
            ? ExitCodes.CannotServe
            : host.Services.GetRequiredService<GatewayStatus>().ExitCode;
    }

    /// <summary>Builds every raw gateway event handler once, as an event would, and every interaction handler (a name or prefix two claim stops the start).</summary>
    private static string? CannotBuildHandlers(IServiceProvider services)
    {
        try
        {
            using var scope = services.CreateScope();
            _ = scope.ServiceProvider.GetServices<IGatewayEventHandler>().ToList();
            _ = services.GetRequiredService<InteractionHandlerMap>();
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or StorageException or IOException or ObjectDisposedException)
        {
            return $"its Discord handlers can't be built ({Flatten(ex)})";
        }
    }

    private static async Task<int> RefuseAsync(CliConsole console, string kind, IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            await console.Error.WriteLineAsync($"{kind}: {line}");
        }

        return ExitCodes.Usage;
    }

    private static IEnumerable<string> Lines(Exception ex) => ex switch
    {
        OptionsValidationException validation => validation.Failures,
        AggregateException aggregate => aggregate.Flatten().InnerExceptions.SelectMany(Lines),
        { InnerException: { } inner } when ex is InvalidOperationException => Lines(inner),
        _ => [FirstLine(ex.Message)],
    };

    // The configuration reader wraps a file's problem ("Failed to load configuration from file …") around the reason.
    private static string Flatten(Exception ex) =>
        ex.InnerException is { } inner ? $"{FirstLine(ex.Message)} {FirstLine(inner.Message)}" : FirstLine(ex.Message);

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "The bot can't serve and stops: {Reason}")]
    private static partial void LogCannotServe(ILogger logger, string reason);
}
