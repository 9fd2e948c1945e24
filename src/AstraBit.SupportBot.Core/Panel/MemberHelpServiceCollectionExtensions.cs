using AstraBit.SupportBot.Core.Content;
using AstraBit.SupportBot.Core.Errors;
using AstraBit.SupportBot.Core.Reminders;
using AstraBit.SupportBot.Core.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Core.Panel;

/// <summary>Where the panel's words are read from; set by <see cref="MemberHelpServiceCollectionExtensions.AddSupportMemberHelp"/>.</summary>
public sealed class PanelFileOptions
{
    public string Path { get; set; } = string.Empty;
}

public static class MemberHelpServiceCollectionExtensions
{
    /// <summary>
    /// Registers what meets members where they are (PRODUCT.md §9): the panel's words read from
    /// <paramref name="panelPath"/> (e.g. config/panel.json) and validated at start, so a broken file stops the host
    /// with a message naming the file and the field; the pasted-error throttle; and the key-expiry reminders. The
    /// host registers the <see cref="ContentLimits"/>, <see cref="IPanelLocationStore"/> and <see cref="IKeyReminderStore"/> (AddSupportStorage does).
    /// </summary>
    public static IServiceCollection AddSupportMemberHelp(this IServiceCollection services, string panelPath)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(panelPath);

        services.AddOptions<PanelFileOptions>().Configure(o => o.Path = panelPath).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PanelFileOptions>, ContentFileStartupCheck<PanelFileOptions, PanelContent, PanelContentException>>(
            sp => new(sp, $"The panel file ({panelPath})")));
        // Not through IOptions<PanelFileOptions>: its validation loads the panel, so that would be a cycle.
        services.TryAddSingleton(sp => ContentVariants.Load(
            panelPath,
            (path, _) => PanelContentLoader.LoadFile(path, sp.GetRequiredService<ContentLimits>()),
            static message => new PanelContentException(message)));
        services.TryAddSingleton(sp => sp.GetRequiredService<LocalizedContent<PanelContent>>().English);
        services.TryAddSingleton<PastedErrorThrottle>();
        services.AddSupportMetrics();
        services.TryAddSingleton(sp => new KeyReminderService(sp.GetRequiredService<IKeyReminderStore>(), SupportClock.Of(sp), sp.GetService<AstraBit.SupportBot.Core.Telemetry.SupportMetrics>()));
        return services;
    }
}
