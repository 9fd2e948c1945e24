using AstraBit.SupportBot.Core.Content;
using AstraBit.SupportBot.Core.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Core.Guide;

public static class GuideServiceCollectionExtensions
{
    /// <summary>
    /// Registers the guide (read from <paramref name="guidePath"/>, e.g. config/guide.json) and the values its holes
    /// are filled with, validated at start: a broken guide file stops the host with a message naming the file and the
    /// field. The walkthrough, check results, tickets and saved answers all read it. The host binds the "Guide" section and registers
    /// the <see cref="ContentLimits"/> of the chat the guide is shown in.
    /// </summary>
    public static IServiceCollection AddSupportGuide(this IServiceCollection services, string guidePath)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(guidePath);

        services.AddOptions<GuideOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GuideOptions>, GuideOptionsValidator>());
        // Loading the guide while the options are validated at start makes a broken guide.json stop the host, not the first /connect-bybit.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GuideOptions>, ContentFileStartupCheck<GuideOptions, GuideContent, GuideContentException>>(
            sp => new(sp, $"The guide file ({guidePath})")));

        // Every translation beside the guide (guide.es-ES.json, …) is held to it and loaded with it: English is read as GuideContent.
        services.TryAddSingleton(sp => ContentVariants.Load(
            guidePath,
            (path, _) => GuideContentLoader.LoadFile(path, sp.GetRequiredService<ContentLimits>()),
            static message => new GuideContentException(message)));
        services.TryAddSingleton(sp => sp.GetRequiredService<LocalizedContent<GuideContent>>().English);
        services.TryAddSingleton(sp => GuideValues.From(
            sp.GetRequiredService<IOptions<DiagnosticsOptions>>().Value,
            sp.GetRequiredService<IOptions<GuideOptions>>().Value));
        return services;
    }
}
