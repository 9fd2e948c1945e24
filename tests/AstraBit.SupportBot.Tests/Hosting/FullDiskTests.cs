using System.Diagnostics;
using AstraBit.SupportBot.Cli;
using AstraBit.SupportBot.Emulators.Discord;
using AstraBit.SupportBot.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AstraBit.SupportBot.Tests.Hosting;

/// <summary>
/// The data file's disk fills up while the bot runs, then space is freed: members are told their change can't be
/// saved (not "something went wrong"), `health` says why, staff hear it once, and the bot saves again by itself.
/// The data folder is a small tmpfs of its own; where mounting is not allowed the test is skipped, saying so.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class FullDiskTests : IDisposable
{
    private const ulong Alice = 1_600_000_000_000_000_201;
    private const ulong Bob = 1_600_000_000_000_000_202;
    private const string CannotSave = "I can't save anything right now";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly BotStart bot = new();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
    private bool mounted;

    [Fact]
    public async Task Running_DiskFillsThenFrees_MemberToldCantSaveHealthUnhealthyThenSavesAgain()
    {
        var folder = Path.GetDirectoryName(bot.DataFile)!;
        Directory.CreateDirectory(folder);
        mounted = Run("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", folder) == 0;
        if (!mounted)
        {
            Assert.Skip($"mounting a 2 MiB tmpfs at {folder} is not allowed here (needs root or CAP_SYS_ADMIN); the full-disk test can't run");
        }

        await using var discord = await DiscordEmulator.StartAsync();
        var staff = bot.UseDiscord(discord);
        var liveness = new BotLiveness(clock, BotLiveness.FileFor(bot.DataFile));
        using var stop = new CancellationTokenSource();
        var run = bot.RunAsync(
            b => b.Services.AddSingleton(liveness),
            stop.Token,
            BotClocks.WithLiveness(clock));
        await liveness.WaitForAsync(s => s.Gateway == GatewayState.Ready).WaitAsync(Timeout);
        Assert.Contains("sent you", await ConnectAsync(discord, Alice), StringComparison.OrdinalIgnoreCase);

        // The disk fills to the last byte: the next thing that must be saved meets ENOSPC.
        var filler = Path.Combine(folder, "filler");
        Fill(filler);
        var first = await ConnectAsync(discord, Bob);
        var second = await ConnectAsync(discord, Bob);

        Assert.StartsWith(CannotSave, first, StringComparison.Ordinal);
        Assert.StartsWith(CannotSave, second, StringComparison.Ordinal);
        var (exit, line) = await bot.HealthAsync(clock);
        Assert.Equal(ExitCodes.Failed, exit);
        Assert.StartsWith("unhealthy: the data file can't be written since 2026-12-07 09:00:00Z (the disk is full (", line, StringComparison.Ordinal);
        await discord.Rest.WaitForMessageAsync(m => m.ChannelId == staff && m.Content.Contains("can't save to its data file: the disk is full", StringComparison.Ordinal), Timeout);

        // Space comes back; at the next liveness pulse the bot opens the file afresh and proves a write.
        File.Delete(filler);
        clock.Advance(DataFileHealth.RetryInterval);
        await discord.Gateway.RequestHeartbeatAsync();
        try
        {
            await liveness.WaitForAsync(s => s.StorageFailingSince is null).WaitAsync(Timeout);
        }
        catch (TimeoutException)
        {
            TestContext.Current.TestOutputHelper!.WriteLine(bot.Logs.ToString());
            throw;
        }

        Assert.Equal(ExitCodes.Ok, (await bot.HealthAsync(clock)).Exit);
        Assert.Contains("sent you", await ConnectAsync(discord, Bob), StringComparison.OrdinalIgnoreCase);
        await discord.Rest.WaitForMessageAsync(m => m.ChannelId == staff && m.Content.Contains("saves to its data file again", StringComparison.Ordinal), Timeout);
        Assert.Single(discord.Rest.Messages, m => m.ChannelId == staff && m.Content.Contains("can't save to its data file", StringComparison.Ordinal));
        await stop.CancelAsync();
        var result = await run.WaitAsync(Timeout);
        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Single(result.Logs.Split('\n'), l => l.Contains("can't be written: the disk is full", StringComparison.Ordinal));
        Assert.DoesNotContain("Something went wrong", result.Logs, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (mounted)
        {
            Run("umount", "-l", Path.GetDirectoryName(bot.DataFile)!);
        }

        bot.Dispose();
    }

    /// <summary>`/connect-bybit` (its first save is the member's progress); returns what the member was told.</summary>
    private static async Task<string> ConnectAsync(DiscordEmulator discord, ulong member)
    {
        var id = await discord.RunSlashCommandAsync(member, "connect-bybit");
        var answer = await discord.Rest.WaitForMessageAsync(m => m.InteractionId == id && m.Content.Length > 0, Timeout);
        return answer.Content;
    }

    private static void Fill(string path)
    {
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1);
        foreach (var size in new[] { 64 * 1024, 4096, 1 })
        {
            var chunk = new byte[size];
            try
            {
                while (true)
                {
                    stream.Write(chunk);
                }
            }
            catch (IOException)
            {
                // Full at this granularity; a smaller chunk takes what is left.
            }
        }
    }

    private static int Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            process.WaitForExit();
            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return -1;
        }
    }
}
