using AstraBit.SupportBot.Core.Content;
using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Core.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AstraBit.SupportBot.Core.Walkthrough;

public static class WalkthroughServiceCollectionExtensions
{
    /// <summary>
    /// Registers the walkthrough engine that leads a member through the guide. The host registers the guide
    /// (<see cref="GuideServiceCollectionExtensions.AddSupportGuide"/>), the texts (AddSupportTexts) and a store for <see cref="IWalkthroughStore"/>
    /// (AddSupportStorage). The key check's services are AddSupportKeyChecks.
    /// </summary>
    public static IServiceCollection AddSupportWalkthrough(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(sp => new WalkthroughEngine(
            sp.GetRequiredService<LocalizedContent<GuideContent>>(),
            sp.GetRequiredService<GuideValues>(),
            sp.GetRequiredService<TextCatalog>(),
            sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
