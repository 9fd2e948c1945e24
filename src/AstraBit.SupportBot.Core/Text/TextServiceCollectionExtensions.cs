using AstraBit.SupportBot.Core.Content;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Core.Text;

/// <summary>Where the texts are read from; set by <see cref="TextServiceCollectionExtensions.AddSupportTexts"/>.</summary>
public sealed class TextFileOptions
{
    public string Directory { get; set; } = string.Empty;
}

public static class TextServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <see cref="TextCatalog"/> read from <paramref name="directory"/> (config/texts), loaded while the
    /// options are validated at start: a missing, extra or mis-holed key in any locale stops the host with one line
    /// naming the file, the locale and the key. The host registers the <see cref="ContentLimits"/>.
    /// </summary>
    public static IServiceCollection AddSupportTexts(this IServiceCollection services, string directory)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        services.AddOptions<TextFileOptions>().Configure(o => o.Directory = directory).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TextFileOptions>, ContentFileStartupCheck<TextFileOptions, TextCatalog, TextCatalogException>>(
            sp => new(sp, $"The texts ({directory})")));
        services.TryAddSingleton(sp => TextCatalogLoader.LoadDirectory(directory, sp.GetRequiredService<ContentLimits>()));
        return services;
    }
}
