using AstraBit.SupportBot.Cli;
using AstraBit.SupportBot.Core.Walkthrough;
using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Hosting;
using AstraBit.SupportBot.Storage;

namespace AstraBit.SupportBot.Tests.Hosting;

/// <summary>`backup` and the daily backup: consistent copies that restore to everything that was written, never overwriting.</summary>
public sealed class BackupTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 6, 0, 0, TimeSpan.Zero);
    private readonly BotStart bot = new();

    [Fact]
    [Trait("Bot", "Process")]
    public async Task BackupVerb_WhileTheBotHoldsTheFile_WritesACopyThatRestoresEverything()
    {
        bot.WriteConfig();
        using (var running = new SupportDatabase(bot.DataFile))
        {
            await new LiteWalkthroughStore(running).SaveAsync(Progress(1));
            await new LiteWalkthroughStore(running).SaveAsync(Progress(2));

            // The operator's own process, as README says; it reads what the bot's writes put in the file.
            var (exit, output, error) = await bot.RunProcessAsync("backup", Path.Combine(bot.Folder, "backups") + "/", "--config", bot.ConfigFile);

            Assert.Equal(ExitCodes.Ok, exit);
            Assert.Equal("", error.Trim());
            Assert.StartsWith($"Backed up {bot.DataFile} to {Path.Combine(bot.Folder, "backups", "supportbot-")}", output, StringComparison.Ordinal);
            Assert.True(output.Contains("walkthroughs 2", StringComparison.Ordinal), output);
        }

        // Restore as README says: stop the bot, copy the backup over Storage:Path (no -log file beside it), start.
        var backup = Assert.Single(DataFileBackup.ListBackups(Path.Combine(bot.Folder, "backups")));
        File.Delete(bot.DataFile);
        File.Copy(backup, bot.DataFile);
        using var restored = new SupportDatabase(bot.DataFile);
        Assert.Equal(Progress(2), await new LiteWalkthroughStore(restored).GetAsync(2));
        Assert.Equal(2, restored.Documents["walkthroughs"]);
    }

    [Fact]
    public async Task BackupVerb_DestinationExists_RefusedAndUntouched()
    {
        bot.WriteConfig();
        new SupportDatabase(bot.DataFile).Dispose();
        var existing = Path.Combine(bot.Folder, "keep.db");
        await File.WriteAllTextAsync(existing, "keep me");

        var (exit, output, error) = await BackupAsync(existing);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Equal("", output);
        Assert.Equal($"Backup failed: {existing}: a file is already there; the backup never overwrites one: give a new name or a folder.", error.Trim());
        Assert.Equal("keep me", await File.ReadAllTextAsync(existing));
    }

    [Fact]
    public async Task DailyBackup_DueOncePerDay_KeepsTheConfiguredNumberOfCopies()
    {
        var folder = Path.Combine(bot.Folder, "daily");
        using (var database = new SupportDatabase(bot.DataFile))
        {
            await new LiteWalkthroughStore(database).SaveAsync(Progress(1));
            var daily = new DailyBackup(database, folder, copies: 3);

            Assert.Equal(Now, daily.NextDue(Now));
            for (var day = 0; day < 5; day++)
            {
                var at = Now.AddDays(day);
                Assert.Equal(at, daily.NextDue(at));
                daily.Run(at);
                Assert.Equal(at.AddDays(1), daily.NextDue(at.AddHours(1)));
            }
        }

        Assert.Equal(
            ["supportbot-20261204-060000.db", "supportbot-20261205-060000.db", "supportbot-20261206-060000.db"],
            DataFileBackup.ListBackups(folder).Select(Path.GetFileName));
        using var restored = new SupportDatabase(DataFileBackup.ListBackups(folder)[^1]);
        Assert.Equal(Progress(1), await new LiteWalkthroughStore(restored).GetAsync(1));
    }

    public void Dispose() => bot.Dispose();

    private static WalkthroughProgress Progress(ulong user) => new(
        user,
        GuidePosition.Step5,
        AccountType.Unified,
        "eu",
        null,
        WalkthroughDelivery.DirectMessage(10 + user, 20 + user),
        Now.AddDays(-1),
        Now);

    private async Task<(int Exit, string Output, string Error)> BackupAsync(string destination)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await SupportBotCommandLine.InvokeAsync(["backup", destination, "--config", bot.ConfigFile], new CliConsole(output, error, _ => null, null));
        return (exit, output.ToString(), error.ToString());
    }
}
