using AstraBit.SupportBot.Hosting;
using Microsoft.Extensions.Configuration;

namespace AstraBit.SupportBot.Tests.Hosting;

/// <summary>What the bot's host reads at start, and what it leaves running.</summary>
public sealed class HostBuilderTests : IDisposable
{
    private readonly BotStart bot = new();

    [Fact]
    public void CreateBuilder_ReadsEveryConfigurationFileOnce_WatchingNone()
    {
        bot.WriteConfig();

        var builder = SupportBotHost.CreateBuilder(bot.ConfigFile);

        // appsettings.json, appsettings.{environment}.json and --config: read at start, never watched (a watcher holds
        // an inotify instance for the life of the host, and Linux allows 128 per user by default).
        var files = ((IConfigurationBuilder)builder.Configuration).Sources.OfType<FileConfigurationSource>().ToList();
        Assert.Contains(files, f => f.Path == Path.GetFileName(bot.ConfigFile));
        Assert.Contains(files, f => f.Path == "appsettings.json");
        Assert.All(files, f => Assert.False(f.ReloadOnChange, $"{f.Path} is watched for changes"));
    }

    public void Dispose() => bot.Dispose();
}
