using AstraBit.SupportBot.Bot.Interactions;
using AstraBit.SupportBot.Core.Answers;
using AstraBit.SupportBot.Core.Content;
using AstraBit.SupportBot.Core.Guide;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Bot.Answers;

public static class AnswerServices
{
    /// <summary>
    /// Saved answers: the catalog from <paramref name="answersPath"/> (checked at start, so a broken file stops the bot
    /// naming the answer and field) and `/answer`. Expects the guide and the ticket desk to be registered.
    /// </summary>
    public static IServiceCollection AddSupportAnswers(this IServiceCollection services, string answersPath)
    {
        services.AddSingleton(sp => Load(
            sp,
            answersPath,
            // From the configuration, not IOptions<GuideOptions>: the catalog is loaded while those options are validated.
            sp.GetRequiredService<IConfiguration>().GetSection(GuideOptions.SectionName)[nameof(GuideOptions.SupportEmail)]?.Trim() ?? ""));
        services.AddSingleton(sp => sp.GetRequiredService<LocalizedContent<AnswerCatalog>>().English);
        services.AddSingleton<IValidateOptions<GuideOptions>>(sp => new AnswerFileStartupCheck(sp, answersPath));
        services.AddInteractionHandler<AnswerHandler>();
        return services;
    }

    // The answers and their translations beside them (answers.es-ES.json, …); a translation's {guideStep:N} names the
    // step as that language's guide titles it.
    private static LocalizedContent<AnswerCatalog> Load(IServiceProvider services, string answersPath, string supportEmail)
    {
        var guide = services.GetRequiredService<LocalizedContent<GuideContent>>();
        var limits = services.GetRequiredService<ContentLimits>();
        return ContentVariants.Load(
            answersPath,
            (path, locale) => AnswerCatalogLoader.LoadFile(path, guide.For(locale), supportEmail, limits, locale),
            static message => new AnswerCatalogException(message));
    }

    // Loading the answers while the options are validated at start stops the host on a broken answers.json, not the first /answer.
    private sealed class AnswerFileStartupCheck(IServiceProvider services, string answersPath) : IValidateOptions<GuideOptions>
    {
        // Stands in for a missing Guide:SupportEmail while the rest of the file is checked.
        private const string StandInEmail = "support@example.invalid";

        public ValidateOptionsResult Validate(string? name, GuideOptions options)
        {
            try
            {
                if (string.IsNullOrWhiteSpace(options.SupportEmail))
                {
                    // Guide:SupportEmail's own check already says it is missing; an answer using {supportEmail} is not a
                    // second problem to report, but everything else in the file still is.
                    Load(services, answersPath, StandInEmail);
                    return ValidateOptionsResult.Success;
                }

                services.GetRequiredService<LocalizedContent<AnswerCatalog>>();
                return ValidateOptionsResult.Success;
            }
            catch (AnswerCatalogException exception)
            {
                return ValidateOptionsResult.Fail(exception.Message);
            }
            catch (GuideContentException)
            {
                // The answers name the guide's steps, so they can't be read without it; the guide's own check says what is wrong with it, once.
                return ValidateOptionsResult.Success;
            }
            catch (IOException exception)
            {
                return ValidateOptionsResult.Fail($"The saved answers file can't be read: {exception.Message}");
            }
        }
    }
}
