using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using AstraBit.SupportBot.Storage.Migrations;
using AstraBit.SupportBot.Storage.Tickets;

namespace AstraBit.SupportBot.Storage.Tests;

/// <summary>Files at Storage:Path that are not the bot's data file are refused, named, and left byte for byte as they were.</summary>
public sealed class DataFileTests : IDisposable
{
    private readonly TempFolder folder = new();

    public static TheoryData<string, DataFileState, string> ForeignFiles => new()
    {
        { "small-text", DataFileState.NotLiteDb, "is not a LiteDB data file" },
        { "json", DataFileState.NotLiteDb, "is not a LiteDB data file" },
        { "text-20k", DataFileState.NotLiteDb, "is not a LiteDB data file" },
        { "zeroed-header", DataFileState.Damaged, "are blank (zeroed)" },
        { "crash-truncated", DataFileState.Damaged, "is cut short" },
        { "truncated-at-page", DataFileState.Damaged, "is cut short" },
        { "other-format", DataFileState.NotLiteDb, "of format 7" },
    };

    [Theory]
    [MemberData(nameof(ForeignFiles))]
    public void Open_FileThatIsNotOurs_RefusedNamingPathAndLeftUntouched(string kind, DataFileState state, string expected)
    {
        var path = folder.File("supportbot.db");
        WriteForeignFile(path, kind);
        var before = Hash(path);

        var error = Assert.Throws<StorageException>(() => new SupportDatabase(path));

        Assert.StartsWith($"{Path.GetFullPath(path)}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(state, error.Report!.State);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal(before, Hash(path));
        Assert.False(File.Exists(DataFile.LogPath(path)));
        Assert.Equal(state, SupportDatabase.Inspect(path).State);
        Assert.Equal(before, Hash(path));
    }

    [Theory]
    [InlineData(DataFile.PageSize * 2 + 100)]
    [InlineData(0)]
    public void Open_DamagedFileBesideAJournal_BothLeftByteForByte(int journalLength)
    {
        // LiteDB opened read-only on a path leaves the data file alone, but cuts a journal that ends mid-page (a crash
        // while appending) to whole pages and deletes an empty one: the start-up check must not open it that way.
        var path = folder.File("supportbot.db");
        WriteDatabase(path);
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Write))
        {
            // Page 2 keeps its header and loses everything it holds: only reading it through LiteDB shows the damage.
            stream.Position = (2 * DataFile.PageSize) + 32;
            stream.Write(new byte[DataFile.PageSize - 32]);
        }

        var journal = DataFile.LogPath(path);
        File.WriteAllBytes(journal, new byte[journalLength]);
        var before = (Hash(path), Hash(journal));

        var error = Assert.Throws<StorageException>(() => new SupportDatabase(path));

        Assert.Equal(DataFileState.Damaged, error.Report!.State);
        Assert.Contains("can't be read (LiteDB: ", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, (Hash(path), Hash(journal)));
        Assert.Equal(DataFileState.Damaged, SupportDatabase.Inspect(path).State);
        Assert.Equal(before, (Hash(path), Hash(journal)));
    }

    [Fact]
    public void Open_PathIsAFolder_RefusedSayingSo()
    {
        var path = folder.File("data");
        Directory.CreateDirectory(path);

        var error = Assert.Throws<StorageException>(() => new SupportDatabase(path));

        Assert.Equal($"{Path.GetFullPath(path)}: is a folder, not a file: set Storage:Path to a file name inside it, e.g. {Path.Combine(Path.GetFullPath(path), "supportbot.db")}.", error.Message);
        Assert.Equal(DataFileState.Directory, SupportDatabase.Inspect(path).State);
        Assert.Empty(Directory.GetFileSystemEntries(path));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Open_ReadOnlyFolder_RefusedAsNotWritable()
    {
        var data = folder.File("ro");
        var path = Path.Combine(data, "supportbot.db");
        new SupportDatabase(path).Dispose();
        var before = Hash(path);
        using var readOnly = ReadOnlyFolder.Make(data);

        var error = Assert.Throws<StorageException>(() => new SupportDatabase(path));

        Assert.Equal(DataFileState.NotWritable, error.Report!.State);
        Assert.Contains($"the folder {data} is not writable by this user", error.Message, StringComparison.Ordinal);
        Assert.Equal(DataFileState.NotWritable, SupportDatabase.Inspect(path).State);
        Assert.Equal(before, Hash(path));
    }

    [Fact]
    public void Open_EmptyFile_IsInitialisedAsANewDataFile()
    {
        var path = folder.File("supportbot.db");
        File.WriteAllBytes(path, []);
        Assert.Equal(DataFileState.New, SupportDatabase.Inspect(path).State);

        using var database = new SupportDatabase(path);

        Assert.Equal(SchemaMigrations.CurrentVersion, database.SchemaVersion);
        Assert.True(new FileInfo(path).Length > 0);
    }

    [Fact]
    public void Open_SecondOpenOfTheSameFile_RefusedWhileTheFirstIsOpen()
    {
        var path = folder.File("supportbot.db");
        using (var first = new SupportDatabase(path))
        {
            var error = Assert.Throws<StorageException>(() => new SupportDatabase(path));

            Assert.Equal(DataFileState.InUse, error.Report!.State);
            Assert.Contains("another bot process is using this data file", error.Message, StringComparison.Ordinal);
            var report = SupportDatabase.Inspect(path);
            Assert.Equal(DataFileState.InUse, report.State);
            Assert.True(report.IsUsable);
        }

        using var again = new SupportDatabase(path);
        Assert.Equal(SchemaMigrations.CurrentVersion, again.SchemaVersion);
    }

    [Fact]
    public async Task Open_SecondProcessOnTheSameFile_Refused()
    {
        var path = folder.File("supportbot.db");
        using var first = new SupportDatabase(path);

        // The crash writer opens the file as the bot does; it must stop at once instead of writing.
        var writer = Path.Combine(AppContext.BaseDirectory, "AstraBit.SupportBot.Storage.CrashWriter.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(writer);
        start.ArgumentList.Add(path);
        using var child = Process.Start(start)!;
        var error = child.StandardError.ReadToEndAsync();
        var output = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.NotEqual(0, child.ExitCode);
        Assert.Equal("", output);
        Assert.Contains("another bot process is using this data file", await error, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_GoodFile_ReadyWithItsSchema()
    {
        var path = folder.File("supportbot.db");
        new SupportDatabase(path).Dispose();
        var before = Hash(path);

        var report = SupportDatabase.Inspect(path);

        Assert.Equal(new DataFileReport(Path.GetFullPath(path), DataFileState.Ready, null, SchemaMigrations.CurrentVersion), report);
        Assert.Equal(before, Hash(path));
        Assert.Equal(DataFileState.New, SupportDatabase.Inspect(folder.File("not-yet/supportbot.db")).State);
    }

    [Fact]
    public async Task Backup_WhileTheFileIsOpenAndBeingWritten_RestoresCompleteAndConsistent()
    {
        var path = folder.File("supportbot.db");
        var written = 0;
        BackupResult backup;
        using (var database = new SupportDatabase(path))
        {
            var progress = new LiteWalkthroughStore(database);
            var tickets = new LiteTicketStore(database);
            var history = new LiteCheckHistoryStore(database);
            await progress.SaveAsync(Samples.Progress(7));
            await tickets.GetOpenOrCreateAsync(7, number => CrashWriter.CrashTickets.Opened(number) with { MemberId = 7 });

            // A writer keeps committing one check after another while the backup is taken.
            using var stop = new CancellationTokenSource();
            var started = new TaskCompletionSource();
            var writer = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    await history.AddAsync(Samples.History(7, Samples.At.AddSeconds(written)));
                    Interlocked.Increment(ref written);
                    if (written == 50)
                    {
                        started.SetResult();
                    }
                }
            });
            await started.Task;
            var before = Volatile.Read(ref written);
            backup = database.Backup(folder.File("backups") + "/", Samples.At);
            var after = Volatile.Read(ref written);
            await stop.CancelAsync();
            await writer;

            Assert.Equal(folder.File($"backups/supportbot-20261124-100000.db"), backup.Path);
            Assert.InRange(backup.Documents["check_history"], before, after);
        }

        var restored = folder.File("restored/supportbot.db");
        Directory.CreateDirectory(Path.GetDirectoryName(restored)!);
        File.Copy(backup.Path, restored);
        using var reopened = new SupportDatabase(restored);
        Assert.Equal(backup.Documents, reopened.Documents);
        Samples.AssertSame(Samples.Progress(7), await new LiteWalkthroughStore(reopened).GetAsync(7));
        Assert.Equal(7UL, (await new LiteTicketStore(reopened).FindOpenForMemberAsync(7))!.MemberId);

        // Each check was its own transaction: the copy holds the first N, without a gap.
        var checks = await new LiteCheckHistoryStore(reopened).RecentAsync(7, int.MaxValue);
        var count = backup.Documents["check_history"];
        Assert.Equal(Enumerable.Range(0, count).Select(i => Samples.At.AddSeconds(i)).Reverse(), checks.Select(c => c.CheckedAt));
        Assert.False(File.Exists(DataFile.LogPath(backup.Path)));
        Assert.Empty(Directory.GetDirectories(folder.File("backups")));
    }

    [Fact]
    public void Backup_NeverOverwritesAFile()
    {
        var path = folder.File("supportbot.db");
        new SupportDatabase(path).Dispose();
        var existing = folder.File("keep.db");
        File.WriteAllText(existing, "precious");

        var error = Assert.Throws<StorageException>(() => DataFileBackup.Create(path, existing, Samples.At));

        Assert.Contains("never overwrites", error.Message, StringComparison.Ordinal);
        Assert.Equal("precious", File.ReadAllText(existing));
    }

    [Fact]
    public void Backup_OfAForeignFile_RefusedNamingIt()
    {
        var path = folder.File("supportbot.db");
        WriteForeignFile(path, "json");

        var error = Assert.Throws<StorageException>(() => DataFileBackup.Create(path, folder.File("b.db"), Samples.At));

        Assert.Contains("is not a LiteDB data file", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.File("b.db")));
    }

    public void Dispose() => folder.Dispose();

    private void WriteForeignFile(string path, string kind)
    {
        switch (kind)
        {
            case "small-text":
                File.WriteAllText(path, "hello, this is not a database\n");
                break;
            case "json":
                File.WriteAllText(path, """{ "Discord": { "Token": "" }, "Storage": { "Path": "data/supportbot.db" } }""");
                break;
            case "text-20k":
                File.WriteAllText(path, string.Concat(Enumerable.Repeat("A line of an operator's notes.\n", 20 * 1024 / 31 + 1))[..(20 * 1024)], Encoding.ASCII);
                break;
            case "zeroed-header":
                WriteDatabase(path);
                using (var stream = new FileStream(path, FileMode.Open, FileAccess.Write))
                {
                    stream.Write(new byte[DataFile.PageSize]);
                }

                break;
            case "crash-truncated":
                WriteDatabase(path);
                using (var stream = new FileStream(path, FileMode.Open, FileAccess.Write))
                {
                    stream.SetLength(stream.Length - 5000);
                }

                break;
            case "truncated-at-page":
                WriteDatabase(path);
                using (var stream = new FileStream(path, FileMode.Open, FileAccess.Write))
                {
                    stream.SetLength(stream.Length - DataFile.PageSize);
                }

                break;
            case "other-format":
                WriteDatabase(path);
                using (var stream = new FileStream(path, FileMode.Open, FileAccess.Write))
                {
                    stream.Position = 59;
                    stream.WriteByte(7);
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }

    // A real data file with a few pages of check history, closed (checkpointed into the one file).
    private void WriteDatabase(string path)
    {
        var scratch = folder.File($"scratch-{Guid.NewGuid():N}.db");
        using (var database = new SupportDatabase(scratch))
        {
            var history = new LiteCheckHistoryStore(database);
            for (var i = 0; i < 100; i++)
            {
                history.AddAsync(Samples.History((ulong)i + 1, Samples.At.AddMinutes(i))).GetAwaiter().GetResult();
            }
        }

        File.Move(scratch, path);
    }

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
}

/// <summary>A folder this process can't write to, even as root (chmod, then the immutable attribute); undone on dispose.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal sealed class ReadOnlyFolder : IDisposable
{
    private readonly string path;
    private readonly bool immutable;

    private ReadOnlyFolder(string path, bool immutable)
    {
        this.path = path;
        this.immutable = immutable;
    }

    public static ReadOnlyFolder Make(string path)
    {
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);
        if (!CanWrite(path))
        {
            return new ReadOnlyFolder(path, immutable: false);
        }

        // Root ignores permission bits; the immutable attribute stops root too.
        Run("chattr", "+i", path);
        Assert.False(CanWrite(path), $"could not make {path} read-only for this test");
        return new ReadOnlyFolder(path, immutable: true);
    }

    public void Dispose()
    {
        if (immutable)
        {
            Run("chattr", "-i", path);
        }

        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private static bool CanWrite(string folder)
    {
        try
        {
            File.WriteAllText(Path.Combine(folder, ".probe"), "");
            File.Delete(Path.Combine(folder, ".probe"));
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static void Run(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        process.WaitForExit();
    }
}
