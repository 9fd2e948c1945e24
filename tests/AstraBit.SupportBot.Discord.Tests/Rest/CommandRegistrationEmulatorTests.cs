using System.Net;
using System.Text.Json.Nodes;
using AstraBit.SupportBot.Discord.Models;
using AstraBit.SupportBot.Emulators.Discord;

namespace AstraBit.SupportBot.Discord.Tests.Rest;

/// <summary>
/// The emulator refuses command registrations Discord refuses for their names per locale (reference/discord-api.md
/// §CMD naming and §13): a localized name that is not lowercase or breaks the name rule, two siblings or two commands
/// named alike in one locale, a choice's localized name over 100 characters, a locale Discord doesn't have — 400 with
/// code 50035 and the field's error; a well-formed localized command, choices included, goes through as sent.
/// </summary>
public sealed class CommandRegistrationEmulatorTests
{
    [Fact]
    public async Task BulkOverwrite_TwoSubcommandsNamedAlikeInOneLocale_Refused50035AtTheLaterOnesLocalization()
    {
        await using var emulator = await DiscordRestEmulator.StartAsync();

        var (status, body) = await OverwriteAsync(emulator, """
            [{"name":"ticket","description":"Tickets","options":[
              {"type":1,"name":"open","description":"Open","name_localizations":{"de":"öffnen"}},
              {"type":1,"name":"reopen","description":"Reopen","name_localizations":{"de":"öffnen","fr":"rouvrir"}}]}]
            """);

        Assert.Equal((HttpStatusCode.BadRequest, 50035), (status, body!["code"]!.GetValue<int>()));
        Assert.Equal(["APPLICATION_COMMANDS_DUPLICATE_NAME"], ErrorCodesAt(body, "0.options.1.name_localizations.de"));
        Assert.Empty(emulator.GetRegisteredCommands(emulator.GuildId));
    }

    [Fact]
    public async Task BulkOverwrite_TwoCommandsOfOneTypeNamedAlikeInOneLocale_Refused50035()
    {
        await using var emulator = await DiscordRestEmulator.StartAsync();

        var (status, body) = await OverwriteAsync(emulator, """
            [{"name":"diagnose","description":"Check","name_localizations":{"ru":"проверка"}},
             {"name":"check","description":"Check too","name_localizations":{"ru":"проверка"}},
             {"type":2,"name":"проверка"}]
            """);

        Assert.Equal((HttpStatusCode.BadRequest, 50035), (status, body!["code"]!.GetValue<int>()));
        Assert.Equal(["APPLICATION_COMMANDS_DUPLICATE_NAME"], ErrorCodesAt(body, "1.name_localizations.ru"));
        Assert.Empty(ErrorCodesAt(body, "2.name"));
    }

    [Theory]
    [InlineData("Schließen")]
    [InlineData("ticket schließen")]
    [InlineData("")]
    [InlineData("abcdefghijklmnopqrstuvwxyzabcdefg")]
    public async Task BulkOverwrite_LocalizedOptionNameAgainstTheNameRule_Refused50035(string name)
    {
        await using var emulator = await DiscordRestEmulator.StartAsync();
        var command = JsonNode.Parse("""
            {"name":"ticket","description":"Tickets","options":[{"type":1,"name":"close","description":"Close","name_localizations":{}}]}
            """)!;
        command["options"]![0]!["name_localizations"]!["de"] = name;

        var (status, body) = await OverwriteAsync(emulator, new JsonArray(command).ToJsonString());

        Assert.Equal((HttpStatusCode.BadRequest, 50035), (status, body!["code"]!.GetValue<int>()));
        Assert.Equal(["APPLICATION_COMMAND_INVALID_NAME"], ErrorCodesAt(body, "0.options.0.name_localizations.de"));
    }

    [Fact]
    public async Task BulkOverwrite_ChoiceNameLocalizationOverLimitOrUnknownLocale_Refused50035()
    {
        await using var emulator = await DiscordRestEmulator.StartAsync();
        var command = JsonNode.Parse("""
            {"name":"report","description":"Report","options":[{"type":3,"name":"kind","description":"Kind",
              "choices":[{"name":"Spam","value":"spam","name_localizations":{"de":"","xx":"Spam"}}]}]}
            """)!;

        var (status, body) = await OverwriteAsync(emulator, new JsonArray(command).ToJsonString());

        Assert.Equal((HttpStatusCode.BadRequest, 50035), (status, body!["code"]!.GetValue<int>()));
        Assert.Equal(["BASE_TYPE_BAD_LENGTH"], ErrorCodesAt(body, "0.options.0.choices.0.name_localizations.de"));
        Assert.Equal(["LOCALE_INVALID"], ErrorCodesAt(body, "0.options.0.choices.0.name_localizations.xx"));
    }

    [Fact]
    public async Task BulkOverwriteGuildCommandsAsync_LocalizedCommandWithChoices_RegisteredWithEveryLocalization()
    {
        await using var h = await RestHarness.StartAsync();
        var command = new SlashCommandBuilder("report", "Report a message")
            .AddOption(CommandOptionDefinition.String("kind", "What kind", required: true, choices: [new CommandChoice("Spam", "spam"), new CommandChoice("Scam", "scam")]))
            .Build()
            .Localize(new CommandLocalizations(
                path => path switch
                {
                    "report" => new Dictionary<string, string> { ["de"] = "melden" },
                    "report.kind" => new Dictionary<string, string> { ["de"] = "art" },
                    "report.kind.scam" => new Dictionary<string, string> { ["de"] = "Betrug" },
                    _ => new Dictionary<string, string>(),
                },
                path => new Dictionary<string, string> { ["de"] = "Beschreibung von " + path }));

        await h.Client.BulkOverwriteGuildCommandsAsync(h.Emulator.ApplicationId, h.Emulator.GuildId, [command], CancellationToken.None);

        var stored = Assert.Single(h.Emulator.GetRegisteredCommands(h.Emulator.GuildId))!;
        Assert.Equal("melden", stored["name_localizations"]!["de"]!.GetValue<string>());
        Assert.Equal("art", stored["options"]![0]!["name_localizations"]!["de"]!.GetValue<string>());
        Assert.Equal("Beschreibung von report.kind", stored["options"]![0]!["description_localizations"]!["de"]!.GetValue<string>());
        Assert.Null(stored["options"]![0]!["choices"]![0]!["name_localizations"]);
        Assert.Equal("Betrug", stored["options"]![0]!["choices"]![1]!["name_localizations"]!["de"]!.GetValue<string>());
        Assert.Null(stored["options"]![0]!["choices"]![1]!["description_localizations"]);
    }

    [Fact]
    public void Localize_ChoiceNameOverDiscordsLimit_RefusedBeforeSending()
    {
        var command = new SlashCommandBuilder("report", "Report")
            .AddOption(CommandOptionDefinition.String("kind", "Kind", choices: [new CommandChoice("Spam", "spam")]))
            .Build();

        var error = Assert.Throws<ArgumentException>(() => command.Localize(new CommandLocalizations(
            path => path == "report.kind.spam" ? new Dictionary<string, string> { ["fr"] = new string('x', 101) } : new Dictionary<string, string>(),
            _ => new Dictionary<string, string>())));

        Assert.Contains("choice.name_localizations[fr] of report.kind.spam", error.Message, StringComparison.Ordinal);
    }

    private static IReadOnlyList<string> ErrorCodesAt(JsonNode body, string path)
    {
        var node = body["errors"];
        foreach (var part in path.Split('.'))
        {
            node = node?[part];
        }

        return [.. (node?["_errors"] as JsonArray ?? []).Select(e => e!["code"]!.GetValue<string>())];
    }

    private static Task<(HttpStatusCode, JsonNode?)> OverwriteAsync(DiscordRestEmulator emulator, string json) =>
        RawDiscordRequest.SendAsync(emulator, HttpMethod.Put, $"/applications/{emulator.ApplicationId}/guilds/{emulator.GuildId}/commands", json);
}
