using AstraBit.SupportBot.Core.Text;
using AstraBit.SupportBot.Discord.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Bot.Languages;

/// <summary>
/// <see cref="SupportCommands.All"/> as the bot registers them: every description (and the user command's name) in
/// every shipped locale, from the catalogue (<see cref="TextIds.Commands"/>). Slash command, subcommand and option names
/// stay as they are (PRODUCT.md §3: names are a contract, and every language's texts name them).
/// </summary>
public sealed class LocalizedCommands
{
    public LocalizedCommands(TextCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var localizations = new CommandLocalizations(
            path => Per(catalog, TextIds.Commands.Name(path)),
            path => Per(catalog, TextIds.Commands.Summary(path)));
        All = [.. SupportCommands.All.Select(c => c.Localize(localizations))];
        foreach (var type in All.Select(c => c.Type).Distinct())
        {
            CommandLocalizations.EnsureUnique(All.Where(c => c.Type == type).Select(c => (c.Name, c.NameLocalizations)), "the guild's commands");
        }
    }

    public IReadOnlyList<ApplicationCommandDefinition> All { get; }

    // Only texts the catalogue has: a slash command's name has no text, so it stays the one name in every language.
    private static IReadOnlyDictionary<string, string> Per(TextCatalog catalog, string id)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var locale in catalog.Locales)
        {
            var texts = catalog.For(locale);
            if (texts.Has(id))
            {
                values[locale] = texts.Get(id);
            }
        }

        return values;
    }
}

/// <summary>The localized commands are built while the texts are checked at start, so a name Discord would refuse stops the start, not the first READY.</summary>
public sealed class LocalizedCommandsStartupCheck(IServiceProvider services) : IValidateOptions<TextFileOptions>
{
    public ValidateOptionsResult Validate(string? name, TextFileOptions options)
    {
        try
        {
            _ = services.GetRequiredService<LocalizedCommands>();
            return ValidateOptionsResult.Success;
        }
        catch (TextCatalogException)
        {
            // The texts' own check says what is wrong with them.
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException exception)
        {
            return ValidateOptionsResult.Fail($"The command texts in {options?.Directory}: {exception.Message}");
        }
        catch (KeyNotFoundException exception)
        {
            return ValidateOptionsResult.Fail($"The command texts in {options?.Directory}: {exception.Message}");
        }
    }
}
