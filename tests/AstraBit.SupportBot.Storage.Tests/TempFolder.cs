namespace AstraBit.SupportBot.Storage.Tests;

/// <summary>
/// A fresh folder per test for data files, deleted afterwards. It lives in memory (/dev/shm) when the machine has
/// room there: LiteDB flushes every commit to the device, and these tests commit thousands of times, which on a
/// disk is most of their run time (Storage.Tests 6.0 s against 3.9 s). A killed writer leaves the same file either
/// way, since the page cache outlives the process; only power loss would differ, and no test simulates that.
/// </summary>
internal sealed class TempFolder : IDisposable
{
    private const string MemoryRoot = "/dev/shm";
    private const long MemoryRootMinimumFree = 256L * 1024 * 1024;

    private static readonly string Root = ChooseRoot();

    public TempFolder()
    {
        Path = System.IO.Path.Combine(Root, "supportbot-storage-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }

    private static string ChooseRoot()
    {
        try
        {
            // A container's /dev/shm is often 64 MB: too small to share with the rest of the machine's work.
            if (Directory.Exists(MemoryRoot) && new DriveInfo(MemoryRoot).AvailableFreeSpace >= MemoryRootMinimumFree)
            {
                return MemoryRoot;
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // Not usable here: the ordinary temporary folder works everywhere.
        }

        return System.IO.Path.GetTempPath();
    }
}
