using System.Text.Json.Nodes;
using AstraBit.SupportBot.Core.Text;

namespace AstraBit.SupportBot.IntegrationTests.Languages;

/// <summary>The commands the bot registers with Discord carry a name and a description in every shipped language (PRODUCT.md §12).</summary>
public sealed class CommandLocalizationTests
{
    [Fact]
    public async Task Ready_RegisteredCommands_CarryEveryShippedLocalesNamesAndDescriptions_DefaultNamesTheContracts()
    {
        await using var bot = await BotHarness.StartAsync();

        var commands = bot.Discord.Rest.GetRegisteredCommands(bot.Discord.Options.GuildId).OfType<JsonObject>().ToList();

        var described = commands.SelectMany(c => Described(c)).ToList();
        Assert.NotEmpty(described);
        Assert.All(described, d => Assert.Equal(
            SupportLocales.Shipped.Order(StringComparer.Ordinal),
            ((d["description_localizations"] as JsonObject)?.Select(p => p.Key) ?? []).Order(StringComparer.Ordinal)));
        Assert.All(described.Append(commands.Single(c => c["type"]!.GetValue<int>() == 2)), d => Assert.Equal(
            SupportLocales.Shipped.Order(StringComparer.Ordinal),
            ((d["name_localizations"] as JsonObject)?.Select(p => p.Key) ?? []).Order(StringComparer.Ordinal)));
        Assert.All(described, d => Assert.Equal(d["name"]!.GetValue<string>(), d["name_localizations"]![SupportLocales.Source]!.GetValue<string>()));
        var ticket = commands.Single(c => c["name"]!.GetValue<string>() == "ticket");
        Assert.Equal(["open", "claim", "close", "reopen", "list", "stats", "audit", "note", "view", "history"], ticket["options"]!.AsArray().Select(o => o!["name"]!.GetValue<string>()));
        Assert.Equal("talep", ticket["name_localizations"]!["tr"]!.GetValue<string>());
        Assert.Equal("fechar", ticket["options"]![2]!["name_localizations"]!["pt-BR"]!.GetValue<string>());
        var diagnose = commands.Single(c => c["name"]!.GetValue<string>() == "diagnose");
        Assert.Equal("diagnose", diagnose["name"]!.GetValue<string>());
        Assert.StartsWith("Comprueba ahora tu clave API de Bybit", diagnose["description_localizations"]!["es-ES"]!.GetValue<string>(), StringComparison.Ordinal);
        var ask = commands.Single(c => c["type"]!.GetValue<int>() == 2);
        Assert.Equal("Попросить проверить ключ Bybit", ask["name_localizations"]!["ru"]!.GetValue<string>());
    }

    // A slash command and every subcommand and option under it.
    private static IEnumerable<JsonObject> Described(JsonObject node)
    {
        if (node["description"] is null)
        {
            yield break;
        }

        yield return node;
        foreach (var option in node["options"]?.AsArray().OfType<JsonObject>() ?? [])
        {
            foreach (var inner in Described(option))
            {
                yield return inner;
            }
        }
    }
}
