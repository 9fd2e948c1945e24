using System.Security.Cryptography;
using AstraBit.SupportBot.Cli;
using AstraBit.SupportBot.Discord.Rest;
using AstraBit.SupportBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AstraBit.SupportBot.Tests.Hosting;

/// <summary>
/// What an operator sees when the bot can't start: every problem at once, one line each naming the key or the file
/// and what to set, exit code 2, never a stack trace or an exception's name.
/// </summary>
public sealed class StartupErrorTests : IDisposable
{
    private readonly BotStart bot = new();

    // One broken setting per options class: key, value, what the single line must say.
    public static TheoryData<string, string, string> BrokenSettings => new()
    {
        { "Discord:Token", "", "Discord:Token is missing: set the environment variable Discord__Token" },
        { "Discord:GuildId", "my server", "Discord:GuildId is 'my server', which is not an id" },
        { "Bybit:Timeout", "ten seconds", "Bybit:Timeout is 'ten seconds', which is not a duration: write it as a .NET TimeSpan, e.g. 00:00:10" },
        { "Bybit:RecvWindow", "00:05:00", "Bybit:RecvWindow must be between 00:00:01 and 00:01:00" },
        { "Guide:SupportEmail", "support", "Guide:SupportEmail ('support') is not an email address" },
        { "Diagnostics:MinimumBalanceUsd", "-5", "Diagnostics:MinimumBalanceUsd must be greater than 0" },
        { "Limits:BybitRequests", "1000", "Limits:BybitRequests per Limits:BybitWindow comes to 1000 requests per 5 seconds" },
        { "Tickets:EscalateAfter", "00:00:00", "Tickets:EscalateAfter must be greater than 00:00:00" },
        { "Storage:BackupCopies", "0", "Storage:BackupCopies is 0: set it to how many daily backups to keep" },
        { "Storage:Retention:Checks", "00:10:00", "Storage:Retention:Checks is 00:10:00: keep at least a day (1.00:00:00)" },
        { "Storage:Retention:Audit", "-1.00:00:00", "Storage:Retention:Audit is -1.00:00:00: keep at least a day (1.00:00:00)" },
        { "Logging:Format", "xml", "Logging:Format is 'xml': set it to text or json" },
    };

    [Theory]
    [MemberData(nameof(BrokenSettings))]
    public async Task Start_OneBrokenSetting_OneLineNamingTheKeyAndExit2(string key, string value, string expected)
    {
        bot.Settings[key] = value;

        var run = await bot.RunAsync();

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal([$"Configuration error: {expected}"], run.ErrorLines.Select(l => l[..Math.Min(l.Length, expected.Length + 21)]));
        AssertNoExceptionText(run);
        Assert.False(File.Exists(bot.DataFile));
    }

    // A setting written as the wrong kind of JSON: key, the JSON written, what the single line must say.
    public static TheoryData<string, string, string> WrongTypedSettings => new()
    {
        { "Discord:Token", """{ "value": "MTEwMDAwMDAwMDAwMDAwMDAwMQ.GzEmu1.a-well-formed-token-for-tests" }""", "Discord:Token is a JSON object, which is not text." },
        { "Discord:GuildId", "[1, 2]", "Discord:GuildId is a JSON list, which is not an id" },
        { "Discord:SupportRoleIds", "\"1300000000000000001\"", "Discord:SupportRoleIds is '1300000000000000001', which is not a list" },
        { "Bybit:Hosts", "\"x\"", "Bybit:Hosts is 'x', which is not a JSON object of names and values" },
        { "Bybit:Timeout", """{ "seconds": 10 }""", "Bybit:Timeout is a JSON object, which is not a duration" },
        { "Diagnostics:Symbols", """{ "first": "BTCUSDT" }""", "Diagnostics:Symbols is a JSON object, which is not a list" },
        { "Diagnostics:MinimumBalanceUsd", "[50]", "Diagnostics:MinimumBalanceUsd is a JSON list, which is not a number" },
        { "Guide:ReferralUrl", """{ "url": "https://www.bybit.com/invite?ref=ASTRABIT" }""", "Guide:ReferralUrl is a JSON object, which is not a URL" },
        { "Tickets:WorkingHours", "\"always\"", "Tickets:WorkingHours is 'always', which is not a JSON object of names and values" },
        { "Limits", "\"none\"", "Limits is 'none', which is not a JSON object" },
    };

    [Theory]
    [MemberData(nameof(WrongTypedSettings))]
    public async Task Start_SettingOfTheWrongJsonType_OneLineSayingSoAndExit2(string key, string json, string expected)
    {
        bot.Settings[key] = System.Text.Json.Nodes.JsonNode.Parse(json);

        var run = await bot.RunAsync();

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal([$"Configuration error: {expected}"], run.ErrorLines.Select(l => l[..Math.Min(l.Length, expected.Length + 21)]));
        AssertNoExceptionText(run);
        Assert.False(File.Exists(bot.DataFile));
    }

    [Theory]
    [InlineData("""[{ "Key": "Billing!" }]""", "Tickets:Topics:0:Key must be 1–40 lowercase letters, digits or '-' (was \"Billing!\")")]
    [InlineData("""[{ "Key": "other" }, { "Key": "vip" }]""", "Tickets:Topics:1:Label is required for a topic other than connection, balance, strategies, billing or other")]
    [InlineData("""[{ "Key": "billing" }, { "Key": "billing", "Label": "Invoices" }]""", "Tickets:Topics:1:Key \"billing\" is used by two topics")]
    public async Task Start_IntakeTopicThatCantWork_OneLineNamingTheTopicAndExit2(string topics, string expected)
    {
        bot.Settings["Tickets:Topics"] = System.Text.Json.Nodes.JsonNode.Parse(topics);

        var run = await bot.RunAsync();

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal([$"Configuration error: {expected}"], run.ErrorLines);
        AssertNoExceptionText(run);
    }

    [Theory]
    [InlineData("/proc/x")]
    [InlineData("settings.json/backups")]
    public async Task Start_BackupDirectoryThatCantBeWritten_OneLineNamingTheKey(string directory)
    {
        var backups = Path.IsPathRooted(directory) ? directory : Path.Combine(bot.Folder, directory);
        bot.Settings["Storage:BackupDirectory"] = backups;

        var run = await bot.RunAsync();

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.StartsWith($"Configuration error: Storage:BackupDirectory is '{backups}', which can't be created or written", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        AssertNoExceptionText(run);
    }

    [Fact]
    public async Task Start_BackupDirectoryNotThereYet_PassesTheCheckAndIsLeftAsItWas()
    {
        var backups = Path.Combine(bot.Folder, "later", "backups");
        bot.Settings["Storage:BackupDirectory"] = backups;
        bot.Settings["Discord:Token"] = "";

        var run = await bot.RunAsync();

        // Only the token is reported; the check made and removed the folders it tried.
        Assert.StartsWith("Configuration error: Discord:Token is missing", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(bot.Folder, "later")));
    }

    [Fact]
    public async Task Start_ContentFolderMissing_OneLineNamingTheFolder()
    {
        var missing = Path.Combine(bot.Folder, "no-such-content");
        bot.Settings["Content:Directory"] = missing;

        var run = await bot.RunAsync();

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"Configuration error: Content:Directory is '{missing}', which does not exist", line, StringComparison.Ordinal);
        Assert.DoesNotContain("guide.json'", line, StringComparison.Ordinal);
        AssertNoExceptionText(run);
    }

    [Theory]
    [InlineData("guide.json")]
    [InlineData("panel.json")]
    [InlineData("answers.json")]
    [InlineData("bybit-errors.json")]
    public async Task Start_ContentFileIsAFolder_OneLineNamingIt(string file)
    {
        var content = CopyShippedContent();

        File.Delete(Path.Combine(content, file));
        Directory.CreateDirectory(Path.Combine(content, file));
        bot.Settings["Content:Directory"] = content;

        var run = await bot.RunAsync();

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains(Path.Combine(content, file), Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        AssertNoExceptionText(run);
    }

    [Fact]
    public async Task Start_TextMissingInALocale_OneLineNamingFileLocaleAndKey()
    {
        var content = CopyShippedContent();
        var russian = Path.Combine(content, "texts", "ru.json");
        var lines = (await File.ReadAllLinesAsync(russian)).Where(l => !l.Contains("\"keyForm.formTitle\"", StringComparison.Ordinal));
        await File.WriteAllLinesAsync(russian, lines);
        bot.Settings["Content:Directory"] = content;

        var run = await bot.RunAsync();

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains($"{russian}: locale ru, key 'keyForm.formTitle' is missing", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        AssertNoExceptionText(run);
    }

    [Fact]
    public async Task Start_StaffLocaleNotADiscordLocale_OneLineNamingTheKey()
    {
        bot.Settings["Support:StaffLocale"] = "sp";

        var run = await bot.RunAsync();

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("Support:StaffLocale is 'sp', which is not a Discord locale", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    // The release's config/ folder (its texts/ included) in a folder of the test's own.
    private string CopyShippedContent()
    {
        var content = Path.Combine(bot.Folder, "content");
        var shipped = Path.Combine(AppContext.BaseDirectory, "config");
        foreach (var file in Directory.GetFiles(shipped, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(content, Path.GetRelativePath(shipped, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        return content;
    }

    [Fact]
    public async Task Start_EveryClassBrokenAtOnce_OneLinePerProblem()
    {
        foreach (var (key, value, _) in BrokenSettings.Select(row => row.Data))
        {
            bot.Settings[key] = value;
        }

        bot.Settings["Discord:Token"] = "";
        var run = await bot.RunAsync();

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        foreach (var expected in BrokenSettings.Select(row => row.Data.Item3))
        {
            Assert.Single(run.ErrorLines, l => l.StartsWith($"Configuration error: {expected}", StringComparison.Ordinal));
        }

        Assert.Equal(BrokenSettings.Count, run.ErrorLines.Count);
        AssertNoExceptionText(run);
    }

    [Fact]
    public async Task Start_NothingConfigured_EachRequiredKeyOnItsOwnLine()
    {
        bot.Settings.Clear();

        var run = await bot.RunAsync();

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        string[] required = ["Discord:Token", "Discord:GuildId", "Discord:SupportChannelId", "Discord:StaffChannelId", "Discord:LogChannelId", "Discord:SupportRoleIds", "Guide:ReferralUrl", "Guide:SupportEmail"];
        Assert.Equal(required, run.ErrorLines.Take(required.Length).Select(l => l["Configuration error: ".Length..].Split(' ')[0]));

        // The saved answers use {supportEmail}; with Guide:SupportEmail missing that is one problem, said once.
        Assert.Equal(required.Length, run.ErrorLines.Count);
        AssertNoExceptionText(run);
    }

    [Fact]
    public async Task Start_ConfigFileWithJsonSyntaxError_NamesFileLineAndColumn()
    {
        await File.WriteAllTextAsync(bot.ConfigFile, "{\n  \"Discord\": {\n    \"Token\": \"x\"\n    \"GuildId\": \"1\"\n  }\n}\n");
        using var error = new StringWriter();
        var console = new CliConsole(TextWriter.Null, error, _ => null, Prompt: null);

        var exit = await BotRunner.RunAsync(bot.ConfigFile, console, configure: null, CancellationToken.None, TextWriter.Null);

        Assert.Equal(ExitCodes.Usage, exit);
        var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"Configuration error: {bot.ConfigFile}: not valid JSON at line 4, column 5: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_DataPathIsAFolder_RefusedBeforeConnecting()
    {
        Directory.CreateDirectory(bot.DataFile);

        var run = await bot.RunAsync();

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal([$"Data file error: {bot.DataFile}: is a folder, not a file: set Storage:Path to a file name inside it, e.g. {Path.Combine(bot.DataFile, "supportbot.db")}."], run.ErrorLines);
        AssertNoExceptionText(run);
    }

    [Fact]
    public async Task Start_DataFileIsSomeonesJson_RefusedAndLeftUntouched()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(bot.DataFile)!);
        await File.WriteAllTextAsync(bot.DataFile, """{ "tickets": [ { "number": 1 } ] }""");
        var before = Hash(bot.DataFile);

        var run = await bot.RunAsync();

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"Data file error: {bot.DataFile}: is not a LiteDB data file", line, StringComparison.Ordinal);
        Assert.Equal(before, Hash(bot.DataFile));
        AssertNoExceptionText(run);
    }

    [Fact]
    public async Task Start_ConfigurationAndDataFileBroken_BothReportedInOneRound()
    {
        Directory.CreateDirectory(bot.DataFile);
        bot.Settings["Tickets:StaleAfter"] = "-00:01:00";

        var run = await bot.RunAsync();

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal(2, run.ErrorLines.Count);
        Assert.StartsWith("Configuration error: Tickets:StaleAfter", run.ErrorLines[0], StringComparison.Ordinal);
        Assert.StartsWith($"Data file error: {bot.DataFile}: is a folder", run.ErrorLines[1], StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Bot", "Process")]
    public async Task Start_SecondBotProcessOnTheSameDataFile_RefusedWithAClearMessage()
    {
        bot.WriteConfig();
        using var first = new SupportDatabase(bot.DataFile);

        // A real second process, started as an operator would start it.
        var (exit, output, error) = await bot.RunProcessAsync("--config", bot.ConfigFile);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Equal(
            $"Data file error: {bot.DataFile}: another bot process is using this data file (it holds {bot.DataFile}.lock); stop that one first, or give this one its own Storage:Path.",
            error.Trim());
        Assert.Equal("", output.Trim());
    }

    [Theory]
    [Trait("Bot", "Process")]
    [InlineData(DamagedDataFile.IndexPage, false, "is blank (zeroed)")]
    [InlineData(DamagedDataFile.DataPage, true, "can't be read (LiteDB: ")]
    public async Task Start_DataFileWithADamagedPage_RefusedInOneLineAndLeftByteForByte(byte type, bool keepHeader, string expected)
    {
        bot.WriteConfig();
        var page = await DamagedDataFile.WriteAsync(bot.DataFile, type);
        DamagedDataFile.Zero(bot.DataFile, page, keepHeader);
        var before = DamagedDataFile.Hash(bot.DataFile);

        var (exit, output, error) = await bot.RunProcessAsync("--config", bot.ConfigFile);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Equal("", output.Trim());
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith($"Data file error: {bot.DataFile}: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.EndsWith("the file is damaged and was left as it is; restore a backup (see docs/operations.md, \"Data file and backups\").", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
        Assert.Equal(before, DamagedDataFile.Hash(bot.DataFile));
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(bot.DataFile)!, "supportbot-log.db")));
    }

    [Fact]
    public async Task Start_HandlersCantBeBuilt_SaysSoInOneLogLineAndExits5()
    {
        var run = await bot.RunAsync(builder => builder.Services.RemoveAll<DiscordRestClient>());

        Assert.Equal(ExitCodes.CannotServe, run.ExitCode);
        Assert.Single(run.Logs.Split('\n'), l => l.Contains("The bot can't serve and stops: its Discord handlers can't be built", StringComparison.Ordinal));
        Assert.StartsWith("The bot can't serve: its Discord handlers can't be built", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    public void Dispose() => bot.Dispose();

    private static void AssertNoExceptionText(StartRun run)
    {
        Assert.DoesNotContain("Exception", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Logs, StringComparison.Ordinal);
    }

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
}
