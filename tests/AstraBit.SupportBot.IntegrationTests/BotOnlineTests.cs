using System.Text.Json.Nodes;
using AstraBit.SupportBot.Cli;
using AstraBit.SupportBot.Emulators.Discord;

namespace AstraBit.SupportBot.IntegrationTests;

/// <summary>The bot process connected to the Discord emulator, answering as a member would see it.</summary>
public sealed class BotOnlineTests
{
    private const ulong Member = 1_400_000_000_000_000_001;
    private const int Ephemeral = 64;
    private const int ChannelMessage = 4;

    [Fact]
    public async Task Start_ValidConfiguration_IdentifiesAndRegistersTheWholeCommandSet()
    {
        await using var bot = await BotHarness.StartAsync();

        var commands = bot.Discord.Rest.GetRegisteredCommands(bot.Discord.Options.GuildId);

        var names = commands.Select(c => c!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["Ask to run Bybit check", "answer", "bybit-error", "connect-bybit", "diagnose", "diagnose-user", "privacy", "reminders", "support", "ticket"], names);
        var answerName = Command(commands, "answer")["options"]!.AsArray().Single()!;
        Assert.Equal("name", answerName["name"]!.GetValue<string>());
        Assert.True(answerName["autocomplete"]!.GetValue<bool>());
        var ticket = Command(commands, "ticket");
        Assert.Equal(["open", "claim", "close", "reopen", "list", "stats", "audit", "note", "view", "history"], ticket["options"]!.AsArray().Select(o => o!["name"]!.GetValue<string>()));
        var close = ticket["options"]!.AsArray().Single(o => o!["name"]!.GetValue<string>() == "close")!;
        Assert.Equal([("reason", 3), ("force", 5)], close["options"]!.AsArray().Select(o => (o!["name"]!.GetValue<string>(), o["type"]!.GetValue<int>())));
        var bybitError = Command(commands, "bybit-error");
        var code = bybitError["options"]!.AsArray().Single()!;
        Assert.Equal("code", code["name"]!.GetValue<string>());
        Assert.True(code["required"]!.GetValue<bool>());
        Assert.Equal(2, Command(commands, "Ask to run Bybit check")["type"]!.GetValue<int>());
        Assert.NotNull(Command(commands, "diagnose-user")["default_member_permissions"]);
        Assert.Equal(1, bot.Discord.Gateway.IdentifyCount);
    }

    [Theory]
    [InlineData("10003", "recognise this API key")]
    [InlineData("{\"retCode\":10001,\"retMsg\":\"position idx not match position mode\"}", "One-Way")]
    [InlineData("33004", "expired")]
    [InlineData("10010", "IP")]
    public async Task BybitError_KnownCodeOrMessage_AnswersPrivatelyInTime(string input, string expected)
    {
        await using var bot = await BotHarness.StartAsync();

        var id = await bot.Discord.RunSlashCommandAsync(Member, "bybit-error", [SlashOption.String("code", input)]);
        var callback = await bot.Discord.Rest.WaitForCallbackAsync(id, BotHarness.Timeout);

        Assert.True(callback.Accepted);
        Assert.True(callback.SinceCreation < TimeSpan.FromSeconds(3));
        Assert.Equal(ChannelMessage, callback.Type);
        Assert.Equal(Ephemeral, callback.Flags & Ephemeral);
        var text = callback.Data!.ToJsonString();
        Assert.Contains(expected, text, StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(callback.Data!["allowed_mentions"]);
    }

    [Fact]
    public async Task BybitError_HedgeModeMessage_PointsToStepFive()
    {
        await using var bot = await BotHarness.StartAsync();

        var id = await bot.Discord.RunSlashCommandAsync(Member, "bybit-error", [SlashOption.String("code", "position idx not match position mode")]);
        var callback = await bot.Discord.Rest.WaitForCallbackAsync(id, BotHarness.Timeout);

        var embed = callback.Data!["embeds"]!.AsArray().Single()!;
        Assert.Contains(embed["fields"]!.AsArray(), f => f!["value"]!.GetValue<string>().Contains("Step 5", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BybitError_UnknownCode_SaysSoHonestly()
    {
        await using var bot = await BotHarness.StartAsync();

        var id = await bot.Discord.RunSlashCommandAsync(Member, "bybit-error", [SlashOption.String("code", "987654")]);
        var callback = await bot.Discord.Rest.WaitForCallbackAsync(id, BotHarness.Timeout);

        Assert.True(callback.Accepted);
        var text = callback.Data!.ToJsonString();
        Assert.Contains("987654", text, StringComparison.Ordinal);
        Assert.Contains("ticket", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Run_AfterTraffic_NeverLogsTheToken()
    {
        await using var bot = await BotHarness.StartAsync();
        var id = await bot.Discord.RunSlashCommandAsync(Member, "bybit-error", [SlashOption.String("code", "10004")]);
        await bot.Discord.Rest.WaitForCallbackAsync(id, BotHarness.Timeout);

        var exit = await bot.StopAsync();

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.NotEmpty(bot.Logs);
        Assert.DoesNotContain(bot.Discord.Options.Token, bot.Logs, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Discord.Options.Token.Split('.')[2], bot.Logs, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "Discord:Token is missing")]
    [InlineData("not a token", "Discord:Token is malformed")]
    [InlineData("Bot MTEw.abcd.efghijklmnop", "without the \"Bot \" prefix")]
    public async Task Start_BadToken_StopsAtStartNamingTheSetting(string token, string message)
    {
        await using var bot = await BotHarness.StartAsync(s => s["Discord:Token"] = token, waitForRegistration: false);

        var exit = await bot.Run.WaitAsync(BotHarness.Timeout);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains(message, bot.ConsoleError, StringComparison.Ordinal);
        Assert.Equal(0, bot.Discord.Gateway.ConnectionCount);
    }

    [Fact]
    public async Task Start_MissingChannelIds_StopsAtStartNamingEachKey()
    {
        await using var bot = await BotHarness.StartAsync(
            s =>
            {
                s.Remove("Discord:SupportChannelId");
                s.Remove("Discord:LogChannelId");
            },
            waitForRegistration: false);

        var exit = await bot.Run.WaitAsync(BotHarness.Timeout);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("Discord:SupportChannelId", bot.ConsoleError, StringComparison.Ordinal);
        Assert.Contains("Discord:LogChannelId", bot.ConsoleError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_TokenDiscordRejects_StopsWithFatalExitCodeAfterOneAttempt()
    {
        await using var bot = await BotHarness.StartAsync(s => s["Discord:Token"] = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.GzEmu1.a-token-discord-does-not-know", waitForRegistration: false);

        var exit = await bot.Run.WaitAsync(BotHarness.Timeout);

        Assert.Equal(4, exit);
        Assert.Equal(1, bot.Discord.Gateway.ConnectionCount);
        Assert.Contains("Discord:Token", bot.Logs, StringComparison.Ordinal);
    }

    private static JsonNode Command(JsonArray commands, string name) =>
        commands.Single(c => c!["name"]!.GetValue<string>() == name)!;
}
