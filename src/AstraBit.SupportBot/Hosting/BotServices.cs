using AstraBit.SupportBot.Bot;
using AstraBit.SupportBot.Bot.Answers;
using AstraBit.SupportBot.Bot.Diagnose;
using AstraBit.SupportBot.Bot.Interactions;
using AstraBit.SupportBot.Bot.KeyChecks;
using AstraBit.SupportBot.Bot.Languages;
using AstraBit.SupportBot.Bot.Moderation;
using AstraBit.SupportBot.Bot.Panel;
using AstraBit.SupportBot.Bot.Tickets;
using AstraBit.SupportBot.Bot.Walkthrough;
using AstraBit.SupportBot.Core;
using AstraBit.SupportBot.Core.Answers;
using AstraBit.SupportBot.Core.Content;
using AstraBit.SupportBot.Core.Errors;
using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Core.Limits;
using AstraBit.SupportBot.Core.Text;
using AstraBit.SupportBot.Core.Walkthrough;
using AstraBit.SupportBot.Doctor;
using AstraBit.SupportBot.Metrics;
using AstraBit.SupportBot.Storage;
using AstraBit.SupportBot.Discord;
using AstraBit.SupportBot.Discord.Gateway;
using AstraBit.SupportBot.Discord.Rest;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Hosting;

/// <summary>"Content" section: where the editable guide and error texts live.</summary>
public sealed class ContentOptions
{
    public const string SectionName = "Content";

    /// <summary>Folder holding bybit-errors.json and guide.json. Default: the config/ folder next to the program.</summary>
    public string Directory { get; set; } = Path.Combine(AppContext.BaseDirectory, "config");

    /// <summary>Content:Directory as configured, else the default beside the executable.</summary>
    public static string DirectoryOf(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration[$"{SectionName}:{nameof(Directory)}"] is { Length: > 0 } directory ? directory : new ContentOptions().Directory;
    }
}

/// <summary>Content:Directory must exist: without it every content file is missing, and that is said once, naming the folder.</summary>
public sealed class ContentOptionsValidator : IValidateOptions<ContentOptions>
{
    public ValidateOptionsResult Validate(string? name, ContentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Directory.Exists(options.Directory)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"Content:Directory is '{options.Directory}', which does not exist: set it to the folder holding guide.json, bybit-errors.json, answers.json and panel.json (the release's config/ folder).");
    }

    /// <summary>The content folder the configuration names (or the default one) when it does not exist; otherwise null.</summary>
    public static string? MissingDirectory(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var directory = configuration[$"{ContentOptions.SectionName}:{nameof(ContentOptions.Directory)}"] is { Length: > 0 } configured
            ? configured
            : new ContentOptions().Directory;
        return Directory.Exists(directory) ? null : directory;
    }
}

public static class BotServices
{
    /// <summary>Everything the bot process needs: our Discord client, the handlers, the key check and the content.</summary>
    /// <param name="services">The host's services, with no clock registered yet.</param>
    /// <param name="configuration">The bot's configuration.</param>
    /// <param name="clocks">The bot's clocks (real time unless given: tests and the sandbox move the support clock).</param>
    public static IServiceCollection AddSupportBot(this IServiceCollection services, IConfiguration configuration, BotClocks? clocks = null)
    {
        services.AddBotClocks(clocks ?? BotClocks.System);
        services.AddOptions<DiscordClientOptions>().Bind(configuration.GetSection(DiscordClientOptions.SectionName)).ValidateOnStart();
        services.AddOptions<SupportDiscordOptions>().Bind(configuration.GetSection(DiscordClientOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiscordClientOptions>, DiscordSettingsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SupportDiscordOptions>, DiscordSettingsValidator>());
        services.AddOptions<ContentOptions>().Bind(configuration.GetSection(ContentOptions.SectionName));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ContentOptions>, ContentOptionsValidator>());

        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName));
        services.AddOptions<GuideOptions>().Bind(configuration.GetSection(GuideOptions.SectionName));
        services.AddOptions<LimitsOptions>().Bind(configuration.GetSection(LimitsOptions.SectionName));

        services.AddDiscordRest();
        services.AddDiscordGateway();
        services.AddDiagnosticsServices(configuration);
        // One key each, not the whole section: another unreadable value there is the configuration check's to report.
        var contentDirectory = configuration[$"{ContentOptions.SectionName}:{nameof(ContentOptions.Directory)}"] is { Length: > 0 } directory
            ? directory
            : new ContentOptions().Directory;
        // The content files are held to Discord's limits where they are shown (Core names the places, not the numbers).
        services.AddSingleton(DiscordContentLimits.Value);
        services.AddSupportGuide(Path.Combine(contentDirectory, "guide.json"));
        services.AddSupportLanguages(configuration, Path.Combine(contentDirectory, TextCatalogLoader.FolderName));
        services.AddSupportWalkthrough();
        services.AddSupportStorage(SupportBotHost.DataFilePath(configuration));

        // The key check: one use case (Core), one flow (host), every way in a presenter (see Bot/KeyChecks).
        services.AddSupportKeyCheckFlow();

        services.AddSingleton(sp => LoadErrorCatalog(sp.GetRequiredService<IOptions<ContentOptions>>().Value, sp.GetRequiredService<ContentLimits>()));
        services.AddSingleton(sp => sp.GetRequiredService<LocalizedContent<BybitErrorCatalog>>().English);
        services.AddSingleton<RegistrationState>();
        services.AddScoped<IGatewayEventHandler<ReadyEvent>, CommandRegistrar>();
        services.AddSingleton<StartupMemoryReleaseState>();
        services.AddScoped<IGatewayEventHandler<ReadyEvent>, StartupMemoryRelease>();

        // Interactions: commands by name, buttons and forms by custom_id prefix (InteractionHandlerMap, a clash stops the
        // start); each interaction builds only the handler that owns it.
        services.AddSingleton<InteractionHandlerMap>();
        services.AddScoped<IGatewayEventHandler<InteractionCreatedEvent>, InteractionRouter>();
        services.AddSingleton<WalkthroughLocks>();
        services.AddScoped<WalkthroughProgressUpdater>();
        services.AddScoped<IStuckEscalation, TicketStuckEscalation>();
        services.AddInteractionHandler<ConnectBybitHandler>();
        services.AddInteractionHandler<WalkthroughHandler>();
        services.AddInteractionHandler<BybitErrorHandler>();
        services.AddInteractionHandler<DiagnoseHandler>();
        services.AddInteractionHandler<KeyCheckPanelHandler>();
        services.AddInteractionHandler<KeyFormHandler>();
        services.AddSupportTicketDesk(configuration);
        services.AddSupportAnswers(Path.Combine(contentDirectory, AnswerCatalogLoader.FileName));
        services.AddSingleton(sp => new CheckRequests(SupportClock.Of(sp)));
        services.AddInteractionHandler<AskToRunCheckHandler>();
        services.AddInteractionHandler<RequestedCheckHandler>();
        services.AddSupportOperations(configuration);
        services.AddSupportDoctor();
        services.AddSupportTelemetry(configuration);
        services.AddSupportMemberHelpBot(Path.Combine(contentDirectory, "panel.json"));
        return services;
    }

    // The catalog and its translations beside it (bybit-errors.es-ES.json, …), each held to the English file.
    private static LocalizedContent<BybitErrorCatalog> LoadErrorCatalog(ContentOptions content, ContentLimits limits)
    {
        var path = Path.Combine(content.Directory, "bybit-errors.json");
        if (!File.Exists(path))
        {
            throw new ErrorCatalogException($"{path}: the file is missing (Content:Directory is '{content.Directory}').");
        }

        return ContentVariants.Load(
            path,
            (file, _) =>
            {
                using var stream = File.OpenRead(file);
                return BybitErrorCatalog.Load(stream, file, limits);
            },
            static message => new ErrorCatalogException(message));
    }
}
