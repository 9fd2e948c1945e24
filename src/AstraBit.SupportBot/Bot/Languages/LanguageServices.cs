using AstraBit.SupportBot.Core.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Bot.Languages;

public static class LanguageServices
{
    /// <summary>
    /// The texts in every shipped language (config/texts, checked at start) and who reads which (<see cref="SupportLanguages"/>,
    /// with "Support:StaffLocale"). The host registers the data file's <see cref="IMemberLocaleStore"/> (AddSupportStorage).
    /// </summary>
    public static IServiceCollection AddSupportLanguages(this IServiceCollection services, IConfiguration configuration, string textsDirectory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSupportTexts(textsDirectory);
        services.AddOptions<SupportLanguageOptions>().Bind(configuration.GetSection(SupportLanguageOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SupportLanguageOptions>, SupportLanguageOptionsValidator>());
        services.AddSingleton<SupportLanguages>();
        services.AddHostedService<MemberLocaleWriter>();
        services.AddSingleton<LocalizedCommands>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TextFileOptions>, LocalizedCommandsStartupCheck>());
        return services;
    }
}
