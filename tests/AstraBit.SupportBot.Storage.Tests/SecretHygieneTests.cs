using System.Text;
using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.KeyChecks;
using AstraBit.SupportBot.Core.Secrets;
using AstraBit.SupportBot.Core.Walkthrough;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AstraBit.SupportBot.Storage.Tests;

public sealed class SecretHygieneTests : IDisposable
{
    private readonly TempFolder folder = new();

    [Fact]
    public async Task DataFile_AfterProgressAndHistory_HoldsNeitherSecretNorFullKey()
    {
        var path = folder.File("data/bot.db");
        using var memory = new KeyMemory(Options.Create(new DiagnosticsOptions()), new FakeTimeProvider(Samples.At));
        memory.Remember(7, CredentialInput.Validate(Samples.ApiKey, Samples.ApiSecret).Credentials!);
        Assert.True(memory.TryGet(7, out var remembered));
        var report = remembered.Use(credentials => new DiagnosticReport(
            Verdict.Fail,
            "https://api.bybit.com",
            CredentialInput.MaskedKey(credentials.ApiKey),
            new ReportAccount(ReportAccount.Unified, true, "2.0"),
            CheckIds.All.Select(id => new CheckResult(id, CheckStatus.Fail, id, "detail", "fix", 3)).ToList(),
            Samples.At,
            100));
        using (var database = new SupportDatabase(path))
        {
            await new LiteWalkthroughStore(database).SaveAsync(Samples.Progress(7) with { LastCheck = CheckSummary.From(report, "eu") });
            await new LiteCheckHistoryStore(database).AddAsync(CheckHistoryEntry.From(7, report, "eu"));
        }

        var bytes = Directory.GetFiles(folder.Path, "*", SearchOption.AllDirectories).SelectMany(File.ReadAllBytes).ToArray();

        Assert.NotEmpty(bytes);
        Assert.True(Contains(bytes, "Xy12"), "the masked key should be stored, proving the search reads the data");
        foreach (var secret in new[] { Samples.ApiSecret, Samples.ApiKey })
        {
            Assert.False(Contains(bytes, secret), "found in the data file");
            Assert.False(Contains(bytes, secret[..12]), "a part found in the data file");
        }
    }

    public void Dispose() => folder.Dispose();

    private static bool Contains(byte[] haystack, string text) =>
        new[] { Encoding.UTF8.GetBytes(text), Encoding.Unicode.GetBytes(text) }
            .Any(needle => haystack.AsSpan().IndexOf(needle) >= 0);
}
