using System.Text.Json;
using System.Text.Json.Nodes;
using AstraBit.SupportBot.Emulators.Discord;

namespace AstraBit.SupportBot.IntegrationTests.MemberHelp;

/// <summary>
/// The content files answer each member in the language of their Discord client: /bybit-error reads
/// config/bybit-errors.es-ES.json for a Spanish member and the English file for a locale the bot doesn't ship.
/// </summary>
public sealed class ContentLanguageTests
{
    private const ulong Spanish = 1_400_000_000_000_000_011;
    private const ulong Japanese = 1_400_000_000_000_000_012;

    [Fact]
    public async Task BybitError_SpanishMemberAndUnshippedLocaleAtOnce_EachReadsTheirOwnEntry()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Discord.Rest.SetLocale(Spanish, "es-ES");
        bot.Discord.Rest.SetLocale(Japanese, "ja");

        var spanishId = await bot.Discord.RunSlashCommandAsync(Spanish, "bybit-error", [SlashOption.String("code", "10003")]);
        var japaneseId = await bot.Discord.RunSlashCommandAsync(Japanese, "bybit-error", [SlashOption.String("code", "10003")]);
        var spanish = (await bot.Discord.Rest.WaitForCallbackAsync(spanishId, BotHarness.Timeout)).Data!["embeds"]![0]!;
        var japanese = (await bot.Discord.Rest.WaitForCallbackAsync(japaneseId, BotHarness.Timeout)).Data!["embeds"]![0]!;

        var spanishEntry = Entry("bybit-errors.es-ES.json", "10003");
        var englishEntry = Entry("bybit-errors.json", "10003");
        Assert.NotEqual(englishEntry["title"]!.GetValue<string>(), spanishEntry["title"]!.GetValue<string>());
        Assert.Equal(spanishEntry["title"]!.GetValue<string>(), spanish["title"]!.GetValue<string>());
        Assert.Equal(spanishEntry["meaning"]!.GetValue<string>(), spanish["description"]!.GetValue<string>());
        Assert.Contains(spanish["fields"]!.AsArray(), f => f!["value"]!.GetValue<string>() == spanishEntry["fix"]!.GetValue<string>());
        Assert.Equal(englishEntry["title"]!.GetValue<string>(), japanese["title"]!.GetValue<string>());
        Assert.Equal(englishEntry["meaning"]!.GetValue<string>(), japanese["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task BybitErrorAutocomplete_SpanishMember_SuggestsSpanishTitles()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Discord.Rest.SetLocale(Spanish, "es-ES");

        var id = await bot.Discord.TypeAutocompleteAsync(Spanish, "bybit-error", [SlashOption.FocusedString("code", "10003")]);
        var callback = await bot.Discord.Rest.WaitForCallbackAsync(id, BotHarness.Timeout);

        var choice = callback.Data!["choices"]![0]!["name"]!.GetValue<string>();
        Assert.Equal($"10003 · {Entry("bybit-errors.es-ES.json", "10003")["title"]!.GetValue<string>()}", choice);
    }

    private static JsonNode Entry(string file, string code)
    {
        var entries = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "config", file)), documentOptions: new() { CommentHandling = JsonCommentHandling.Skip })!.AsArray();
        return entries.First(e => e!["codes"]!.AsArray().Any(c => c!.GetValue<string>() == code))!;
    }
}
