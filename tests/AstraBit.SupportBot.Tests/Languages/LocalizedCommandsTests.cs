using AstraBit.SupportBot.Bot;
using AstraBit.SupportBot.Bot.Languages;
using AstraBit.SupportBot.Core.Text;
using AstraBit.SupportBot.Discord.Models;

namespace AstraBit.SupportBot.Tests.Languages;

public sealed class LocalizedCommandsTests
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
    public void All_SlashCommandAndOptionNames_StayTheContractNamesInEveryLocale()
    {
        Assert.Equal(SupportCommands.All.Select(c => c.Name), Commands.All.Select(c => c.Name));
        Assert.All(Commands.All.Where(c => c.Type == ApplicationCommandType.ChatInput), c => Assert.Empty(c.NameLocalizations));
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
            .Append(TextIds.Commands.Name(SupportCommands.AskToRunCheck))
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
