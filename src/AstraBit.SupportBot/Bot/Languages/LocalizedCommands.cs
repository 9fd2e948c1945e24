using AstraBit.SupportBot.Core.Text;
using AstraBit.SupportBot.Discord.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Bot.Languages;

/// <summary>
/// <see cref="SupportCommands"/> as the bot registers them: the English descriptions and every shipped locale's names
/// and descriptions, for every command, subcommand, option and choice, from the catalogue (<see cref="TextIds.Commands"/>:
/// <c>command.&lt;path&gt;.name</c> and <c>.summary</c>). The default names stay PRODUCT.md §3's, so interactions carry
/// them whatever the reader's language and routing never changes; the English texts must name them so.
/// </summary>
public sealed class LocalizedCommands
{
    public LocalizedCommands(TextCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var english = catalog.Source;
        var localizations = new CommandLocalizations(
            path => Per(catalog, TextIds.Commands.Name(path)),
            path => Per(catalog, TextIds.Commands.Summary(path)));
        All = [.. SupportCommands.Build(path => english.Get(TextIds.Commands.Summary(path))).Select(c => c.Localize(localizations))];
        CommandLocalizations.EnsureUnique(All);
        foreach (var command in All)
        {
            EnsureContractName(command.Name, command.NameLocalizations, command.Name);
            foreach (var (path, option) in Options(command.Name, command.Options))
            {
                EnsureContractName(option.Name, option.NameLocalizations, path);
            }
        }
    }

    public IReadOnlyList<ApplicationCommandDefinition> All { get; }

    // The English text names each command as its contract name: the English readers' picker shows what PRODUCT.md §3 says.
    private static void EnsureContractName(string name, IReadOnlyDictionary<string, string> localized, string path)
    {
        if (localized.TryGetValue(SupportLocales.Source, out var english) && !string.Equals(english, name, StringComparison.Ordinal))
        {
            throw new ArgumentException($"{TextIds.Commands.Name(path)} in {SupportLocales.Source} is '{english}', but the command's name is '{name}' (PRODUCT.md §3).", nameof(localized));
        }
    }

    private static IEnumerable<(string Path, CommandOptionDefinition Option)> Options(string parent, IEnumerable<CommandOptionDefinition> options)
    {
        foreach (var option in options)
        {
            var path = parent + "." + option.Name;
            yield return (path, option);
            foreach (var inner in Options(path, option.Options))
            {
                yield return inner;
            }
        }
    }

    // Only the texts the catalogue has (the start's check makes every locale hold every English id).
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
