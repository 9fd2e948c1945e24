using AstraBit.SupportBot.Storage.Tickets;

namespace AstraBit.SupportBot.Storage.Tests;

/// <summary>
/// A clean close seals the data file, and the next start skips reading it whole while the seal matches; anything else
/// (a change while stopped, a killed bot) leads to the full read, which still refuses a damaged file untouched.
/// </summary>
public sealed class DataFileSealTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly TempFolder folder = new();

    [Fact]
    public async Task CleanRestart_SkipsTheFullRead_AndTheDataIsThere()
    {
        var path = folder.File("bot.db");
        await WriteChecksAsync(path, 300);

        // Without a seal (a file from before seals, or one restored) the first start reads it whole.
        File.Delete(DataFileSeal.SealPath(path));
        using (var first = new SupportDatabase(path))
        {
            Assert.True(first.ReadInFull);
            Assert.False(File.Exists(DataFileSeal.SealPath(path)));
        }

        Assert.True(File.Exists(DataFileSeal.SealPath(path)));
        using var again = new SupportDatabase(path);

        Assert.False(again.ReadInFull);
        Assert.False(File.Exists(DataFileSeal.SealPath(path)));
        Assert.Equal(300, again.Documents["check_history"]);
        Assert.Equal(5, (await new LiteCheckHistoryStore(again).RecentAsync(7, 5)).Count);
    }

    [Fact]
    public async Task SealOfThePreviousVersion_Sha256_StillSparesTheFullRead_AndAChangedFileIsStillRead()
    {
        var path = folder.File("bot.db");
        await WriteChecksAsync(path, 300);
        var file = new FileInfo(path);
        var sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken)));
        await File.WriteAllTextAsync(DataFileSeal.SealPath(path), string.Create(System.Globalization.CultureInfo.InvariantCulture, $"v1 {file.Length} {file.LastWriteTimeUtc.Ticks} {sha256}\n"), TestContext.Current.CancellationToken);

        using (var upgraded = new SupportDatabase(path))
        {
            Assert.False(upgraded.ReadInFull);
        }

        // The new seal is this version's; a v1 seal whose hash does not match the bytes is no proof.
        Assert.StartsWith("v2 ", await File.ReadAllTextAsync(DataFileSeal.SealPath(path), TestContext.Current.CancellationToken), StringComparison.Ordinal);
        file.Refresh();
        await File.WriteAllTextAsync(DataFileSeal.SealPath(path), string.Create(System.Globalization.CultureInfo.InvariantCulture, $"v1 {file.Length} {file.LastWriteTimeUtc.Ticks} {new string('0', 64)}\n"), TestContext.Current.CancellationToken);
        using var again = new SupportDatabase(path);
        Assert.True(again.ReadInFull);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task PageZeroedWhileStopped_RefusedAtStart_FileLeftAsItWas(bool lastWriteTimeRestored)
    {
        var path = folder.File("bot.db");
        await WriteChecksAsync(path, 300);
        Assert.True(File.Exists(DataFileSeal.SealPath(path)));
        var written = File.GetLastWriteTimeUtc(path);

        using (var data = new FileStream(path, FileMode.Open, FileAccess.Write))
        {
            data.Position = 3 * DataFile.PageSize;
            data.Write(new byte[DataFile.PageSize]);
        }

        if (lastWriteTimeRestored)
        {
            File.SetLastWriteTimeUtc(path, written);
        }

        var before = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);

        var refused = Assert.Throws<StorageException>(() => new SupportDatabase(path));

        Assert.Equal(DataFileState.Damaged, refused.Report?.State);
        Assert.Contains("page 3", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task BotKilledWhileRunning_NextStartReadsTheWholeFile()
    {
        var path = folder.File("bot.db");
        await WriteChecksAsync(path, 50);
        Assert.True(File.Exists(DataFileSeal.SealPath(path)));

        var confirmed = await CrashWriterProcess.RunAndKillAsync(path, confirmationsBeforeKill: 20, Limit);

        Assert.False(File.Exists(DataFileSeal.SealPath(path)));
        using var database = new SupportDatabase(path);
        Assert.True(database.ReadInFull);
        var store = new LiteTicketStore(database);
        foreach (var number in confirmed)
        {
            Assert.NotNull(await store.GetAsync(number, TestContext.Current.CancellationToken));
        }
    }

    [Fact]
    public async Task FileReopenedAfterAFailure_NotSealedAtClose()
    {
        var path = folder.File("bot.db");
        await WriteChecksAsync(path, 10);

        using (var database = new SupportDatabase(path))
        {
            Assert.Null(database.Reopen(Limit));
        }

        Assert.False(File.Exists(DataFileSeal.SealPath(path)));
        using var again = new SupportDatabase(path);
        Assert.True(again.ReadInFull);
    }

    public void Dispose() => folder.Dispose();

    private static async Task WriteChecksAsync(string path, int count)
    {
        using var database = new SupportDatabase(path);
        var store = new LiteCheckHistoryStore(database);
        for (var i = 0; i < count; i++)
        {
            await store.AddAsync(Samples.History((ulong)(i % 10), Start.AddMinutes(i)));
        }
    }
}
