using System.Text.RegularExpressions;
using AstraBit.SupportBot.Bot;
using AstraBit.SupportBot.Bot.Languages;
using AstraBit.SupportBot.Core.Text;
using AstraBit.SupportBot.Discord.Models;

namespace AstraBit.SupportBot.Tests.Languages;

public sealed partial class LocalizedCommandsTests
{
    private static readonly LocalizedCommands Commands = new(ShippedTexts.Catalog);

    [Fact]
    public void All_EverySlashCommandSubcommandAndOption_DescribedInEveryShippedLocaleWithEnglishUnchanged()
    {
        foreach (var (path, description, localized) in Described(Commands.All))
        {
            Assert.Equal(SupportLocales.Shipped.Order(StringComparer.Ordinal), localized.Keys.Order(StringComparer.Ordinal));
            Assert.Equal(description, localized[SupportLocales.Source]);
            Assert.All(localized.Values, d => Assert.InRange(d.Length, 1, DiscordLimits.CommandDescription));
            Assert.True(SupportLocales.Shipped.Where(l => l != SupportLocales.Source).All(l => localized[l] != description), $"{path} has an untranslated description");
        }
    }

    [Fact]
    public void All_EveryCommandSubcommandAndOption_NamedInEveryShippedLocaleAsDiscordAllows_EnglishTheContractName()
    {
        Assert.Equal(SupportCommands.Names.Select(c => c.Name), Commands.All.Select(c => c.Name));
        var named = Named(Commands.All).ToList();
        Assert.Equal(29, named.Count(n => n.Type == ApplicationCommandType.ChatInput));
        foreach (var (path, type, name, localized, siblings) in named)
        {
            Assert.Equal(SupportLocales.Shipped.Order(StringComparer.Ordinal), localized.Keys.Order(StringComparer.Ordinal));
            Assert.Equal(name, localized[SupportLocales.Source]);
            if (type == ApplicationCommandType.ChatInput)
            {
                // Discord's rule (reference/discord-api.md §CMD naming), and lowercase where the script has case.
                Assert.All(localized, l => Assert.Matches(@"^[-_'\p{L}\p{N}]{1,32}$", l.Value));
                Assert.All(localized, l => Assert.Equal(l.Value.ToLowerInvariant(), l.Value));
            }

            foreach (var locale in SupportLocales.Shipped)
            {
                var clash = siblings.Where(s => s.GetValueOrDefault(locale) == localized[locale]).Count();
                Assert.True(clash == 1, $"{path} is '{localized[locale]}' in {locale}, as a sibling is");
            }
        }

        Assert.Equal("schließen", Option(Commands.All, "ticket.close").NameLocalizations["de"]);
        Assert.Equal("причина", Option(Commands.All, "ticket.close.reason").NameLocalizations["ru"]);
        Assert.Equal("diagnosticar", Commands.All.Single(c => c.Name == SupportCommands.Diagnose).NameLocalizations["es-ES"]);
    }

    [Fact]
    public void Localize_EnglishNameOtherThanTheContract_RefusedNamingTheText()
    {
        var files = ShippedTexts.Catalog.Locales.ToDictionary(
            l => l,
            l => (Stream)new MemoryStream(File.ReadAllBytes(Path.Combine(ShippedTexts.Directory, l + ".json"))),
            StringComparer.Ordinal);
        var english = File.ReadAllText(Path.Combine(ShippedTexts.Directory, "en-US.json")).Replace("\"command.ticket.close.name\": \"close\"", "\"command.ticket.close.name\": \"shut\"", StringComparison.Ordinal);
        files[SupportLocales.Source] = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(english));
        var catalog = TextCatalogLoader.FromStreams(files, DiscordContentLimits.Value);

        var error = Assert.Throws<ArgumentException>(() => new LocalizedCommands(catalog));

        Assert.Contains("command.ticket.close.name in en-US is 'shut', but the command's name is 'close'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ShippedTexts_QuoteEachCommand_AsItsLocalesReadersSeeItInThePicker()
    {
        var config = Path.GetDirectoryName(ShippedTexts.Directory)!;
        var offenders = new List<string>();
        foreach (var locale in SupportLocales.Shipped.Where(l => l != SupportLocales.Source))
        {
            var files = Directory.EnumerateFiles(config, $"*.{locale}.json").Append(Path.Combine(ShippedTexts.Directory, locale + ".json"));
            foreach (var file in files)
            {
                foreach (Match quote in CommandQuote().Matches(File.ReadAllText(file)))
                {
                    var (first, second) = (quote.Groups[1].Value, quote.Groups[2].Value);
                    var command = Commands.All.FirstOrDefault(c => c.Type == ApplicationCommandType.ChatInput && (c.Name == first || c.NameLocalizations[locale] == first));
                    if (command is null)
                    {
                        continue;
                    }

                    var sub = command.Options.FirstOrDefault(o => o.Type == CommandOptionType.SubCommand && (o.Name == second || o.NameLocalizations[locale] == second));
                    if (command.NameLocalizations[locale] != first || (sub is not null && sub.NameLocalizations[locale] != second))
                    {
                        offenders.Add($"{Path.GetFileName(file)}: '{quote.Value}' (its readers see /{command.NameLocalizations[locale]}{(sub is null ? "" : " " + sub.NameLocalizations[locale])})");
                    }
                }
            }
        }

        Assert.True(offenders.Count == 0, "Texts quote a command by a name their readers' picker doesn't show:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void All_UserCommand_NamedInEveryShippedLocale()
    {
        var ask = Commands.All.Single(c => c.Name == SupportCommands.AskToRunCheck);

        Assert.Equal(SupportLocales.Shipped.Order(StringComparer.Ordinal), ask.NameLocalizations.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Pedir comprobación de Bybit", ask.NameLocalizations["es-ES"]);
    }

    [Fact]
    public void EnglishTexts_EveryCommandKey_BelongsToACommandPath()
    {
        var expected = Described(Commands.All).Select(d => TextIds.Commands.Summary(d.Path))
            .Concat(Named(Commands.All).Select(n => TextIds.Commands.Name(n.Path)))
            .Order(StringComparer.Ordinal);
        var inFile = ShippedTexts.English.Ids.Where(id => id.StartsWith(TextIds.Commands.Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal);

        Assert.Equal(expected, inFile);
    }

    [Fact]
    public void Localize_TwoSubcommandsGivenOneNameInALocale_RefusedNamingTheLocale()
    {
        var command = new SlashCommandBuilder("ticket", "Tickets.").AddSubcommand("open", "Open.").AddSubcommand("close", "Close.").Build();
        var same = new CommandLocalizations(
            path => path.StartsWith("ticket.", StringComparison.Ordinal) ? new Dictionary<string, string> { ["de"] = "ticket" } : new Dictionary<string, string>(),
            _ => new Dictionary<string, string>());

        var error = Assert.Throws<ArgumentException>(() => command.Localize(same));

        Assert.Contains("'ticket' in locale de", error.Message, StringComparison.Ordinal);
    }

    // Every command, subcommand and option with its names and those of its siblings (which must differ in every locale).
    private static IEnumerable<(string Path, ApplicationCommandType Type, string Name, IReadOnlyDictionary<string, string> Localized, IReadOnlyList<IReadOnlyDictionary<string, string>> Siblings)> Named(IReadOnlyList<ApplicationCommandDefinition> commands)
    {
        foreach (var command in commands)
        {
            yield return (command.Name, command.Type, command.Name, command.NameLocalizations, [.. commands.Where(c => c.Type == command.Type).Select(c => c.NameLocalizations)]);
            foreach (var option in NamedOptions(command.Name, command.Options))
            {
                yield return option;
            }
        }
    }

    private static IEnumerable<(string Path, ApplicationCommandType Type, string Name, IReadOnlyDictionary<string, string> Localized, IReadOnlyList<IReadOnlyDictionary<string, string>> Siblings)> NamedOptions(string parent, IReadOnlyList<CommandOptionDefinition> options)
    {
        foreach (var option in options)
        {
            var path = parent + "." + option.Name;
            yield return (path, ApplicationCommandType.ChatInput, option.Name, option.NameLocalizations, [.. options.Select(o => o.NameLocalizations)]);
            foreach (var inner in NamedOptions(path, option.Options))
            {
                yield return inner;
            }
        }
    }

    private static CommandOptionDefinition Option(IEnumerable<ApplicationCommandDefinition> commands, string path)
    {
        var parts = path.Split('.');
        var options = commands.Single(c => c.Name == parts[0]).Options;
        CommandOptionDefinition? found = null;
        foreach (var part in parts.Skip(1))
        {
            found = options.Single(o => o.Name == part);
            options = found.Options;
        }

        return found!;
    }

    // "/ticket open", "`/diagnose`": a slash, a name, and maybe the word after it (a subcommand), not inside a link.
    [GeneratedRegex(@"(?<![\w/.:-])/(\p{L}[\p{L}\p{N}_-]*)(?: (\p{L}[\p{L}\p{N}_-]*))?")]
    private static partial Regex CommandQuote();

    private static IEnumerable<(string Path, string Description, IReadOnlyDictionary<string, string> Localized)> Described(IEnumerable<ApplicationCommandDefinition> commands)
    {
        foreach (var command in commands.Where(c => c.Description is not null))
        {
            yield return (command.Name, command.Description!, command.DescriptionLocalizations);
            foreach (var option in Options(command.Name, command.Options))
            {
                yield return option;
            }
        }
    }

    private static IEnumerable<(string Path, string Description, IReadOnlyDictionary<string, string> Localized)> Options(string parent, IEnumerable<CommandOptionDefinition> options)
    {
        foreach (var option in options)
        {
            var path = parent + "." + option.Name;
            yield return (path, option.Description, option.DescriptionLocalizations);
            foreach (var inner in Options(path, option.Options))
            {
                yield return inner;
            }
        }
    }
}
