using System.Text;
using static AstraBit.SupportBot.IntegrationTests.Diagnose.DiagnoseMember;

namespace AstraBit.SupportBot.IntegrationTests.Diagnose;

/// <summary>PRODUCT.md §5: the secret lives in process memory only — never in logs, Discord messages or the data file.</summary>
public sealed class DiagnoseSecretTests
{
    private const ulong Member = 1_400_000_000_000_000_201;
    private const ulong OtherMember = 1_400_000_000_000_000_202;
    private const ulong ThirdMember = 1_400_000_000_000_000_203;

    // Well-formed but not the account's secret: Bybit rejects the signature (10004).
    private const string WrongSecret = "Qw3rTy7uIo9pAs2dFg4hJk6lZx8cVb1nMq5W";

    [Fact]
    public async Task Checks_OfAnyOutcome_NeverPutTheSecretInLogsRequestsOrTheDataFile()
    {
        string? storagePath = null;
        await using var bot = await BotHarness.StartAsync(s => storagePath = (string)s["Storage:Path"]!);
        var healthy = bot.Bybit.Scenario("healthy-unified");
        var hedge = bot.Bybit.Scenario("hedge-mode");

        var (passing, _) = await SubmitKeyAsync(bot, Member, healthy.ApiKey, healthy.ApiSecret);
        var (failing, _) = await SubmitKeyAsync(bot, OtherMember, hedge.ApiKey, hedge.ApiSecret);
        var (rejected, _) = await SubmitKeyAsync(bot, ThirdMember, healthy.ApiKey, WrongSecret);
        var results = new[]
        {
            await WaitForResultAsync(bot, passing),
            await WaitForResultAsync(bot, failing),
            await WaitForResultAsync(bot, rejected),
        };
        var (_, swapped) = await SubmitKeyAsync(bot, Member, healthy.ApiSecret, healthy.ApiKey);
        var (_, punctuated) = await SubmitKeyAsync(bot, Member, healthy.ApiKey, healthy.ApiSecret + "!");

        Assert.Equal(ChannelMessage, swapped.Type);
        Assert.Equal(ChannelMessage, punctuated.Type);
        Assert.Contains("signature", Text(results[2]), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Buttons(results[2]), b => b.CustomId == "wt:forget");
        Assert.Equal(0, await bot.StopAsync());
        var secrets = new[] { healthy.ApiSecret, hedge.ApiSecret, WrongSecret };
        var requests = bot.Discord.Rest.Requests;
        Assert.NotEmpty(requests);
        Assert.NotEmpty(bot.Logs);
        var dataFolder = Path.GetDirectoryName(storagePath)!;
        var files = Directory.GetFiles(dataFolder, "*", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, bot.Logs, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, bot.ConsoleError, StringComparison.Ordinal);
            Assert.DoesNotContain(requests, r => (r.Body ?? "").Contains(secret, StringComparison.Ordinal) || r.Path.Contains(secret, StringComparison.Ordinal));
            foreach (var file in files)
            {
                var bytes = await File.ReadAllBytesAsync(file);
                Assert.False(Contains(bytes, Encoding.UTF8.GetBytes(secret)), $"{file} holds a secret (UTF-8)");
                Assert.False(Contains(bytes, Encoding.Unicode.GetBytes(secret)), $"{file} holds a secret (UTF-16)");
            }
        }

        // The history was written (so the file was really searched), with the key masked.
        Assert.Contains(files, f => new FileInfo(f).Length > 0);
        Assert.True(Contains(await File.ReadAllBytesAsync(storagePath!), Encoding.UTF8.GetBytes("…" + healthy.ApiKey[^4..])));
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
