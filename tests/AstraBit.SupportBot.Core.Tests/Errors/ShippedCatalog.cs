using System.Runtime.CompilerServices;
using AstraBit.SupportBot.Core.Errors;

namespace AstraBit.SupportBot.Core.Tests.Errors;

/// <summary>The config/bybit-errors.json that ships with the bot, found from the test binaries or, when they are built outside the repository (--artifacts-path), from this source file.</summary>
internal static class ShippedCatalog
{
    public const string RelativePath = "config/bybit-errors.json";

    private const string SolutionFile = "AstraBit.SupportBot.sln";

    private static readonly Lazy<BybitErrorCatalog> Catalog = new(Load);

    public static BybitErrorCatalog Instance => Catalog.Value;

    public static string FullPath => Path.Combine(FindRepositoryRoot(), "config", "bybit-errors.json");

    public static BybitErrorCatalog Load()
    {
        using var stream = File.OpenRead(FullPath);
        return BybitErrorCatalog.Load(stream, RelativePath, TestLimits.Discord);
    }

    private static string FindRepositoryRoot([CallerFilePath] string sourceFile = "")
    {
        return FindUpwards(AppContext.BaseDirectory)
            ?? FindUpwards(Path.GetDirectoryName(sourceFile))
            ?? throw new InvalidOperationException(
                $"No folder containing {SolutionFile} above {AppContext.BaseDirectory} or {sourceFile}.");
    }

    private static string? FindUpwards(string? start)
    {
        for (var directory = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
