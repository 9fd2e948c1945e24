using AstraBit.SupportBot.Discord.Models;
using AstraBit.SupportBot.Discord.Rest;
using AstraBit.SupportBot.Emulators.Discord;
using Microsoft.Extensions.Logging.Abstractions;

namespace AstraBit.SupportBot.Discord.Tests.Rest;

/// <summary>
/// A bot process that starts right after another one used up a bucket: with the saved rate-limit state it waits for
/// the reset instead of meeting the 429 Discord still holds for it. Against the emulator's per-route buckets.
/// </summary>
public sealed class DiscordRateLimitRestartTests : IDisposable
{
    private const int Limit = 3;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1.5);
    private static readonly CancellationToken Ct = CancellationToken.None;

    private readonly string folder = Directory.CreateTempSubdirectory("discord-limits-").FullName;

    private string StateFile => Path.Combine(folder, "supportbot.discord-limits.json");

    [Fact]
    public async Task NewProcess_RightAfterABurst_WithTheSavedState_MeetsNo429()
    {
        await using var emulator = await StartEmulatorAsync();

        await BurstAsync(emulator, new DiscordRateLimitFile(StateFile));
        await BurstAsync(emulator, new DiscordRateLimitFile(StateFile));

        var requests = emulator.RequestsFor(DiscordRestRoutes.StartThread);
        Assert.Equal(0, emulator.RateLimitViolations(DiscordRestRoutes.StartThread));
        Assert.Equal(2 * Limit, requests.Count);
        Assert.All(requests, r => Assert.InRange(r.Status, 200, 299));
        Assert.True(requests[Limit].ReceivedAt - requests[0].ReceivedAt >= Window - TimeSpan.FromMilliseconds(50), "the new process did not wait for the bucket's reset");
    }

    [Fact]
    public async Task NewProcess_RightAfterABurst_WithNothingSaved_MeetsThe429()
    {
        // Why the state is kept: a process that starts knowing nothing sends into the bucket the last one emptied.
        await using var emulator = await StartEmulatorAsync();

        await BurstAsync(emulator, store: null);
        await BurstAsync(emulator, store: null);

        Assert.Equal(1, emulator.RateLimitViolations(DiscordRestRoutes.StartThread));
    }

    [Fact]
    public async Task NewProcess_StateFileDamaged_StartsAsIfNothingWasSavedAndRewritesIt()
    {
        await File.WriteAllTextAsync(StateFile, "{ not json");
        await using var emulator = await StartEmulatorAsync();

        await BurstAsync(emulator, new DiscordRateLimitFile(StateFile));

        Assert.Equal(Limit, emulator.RequestsFor(DiscordRestRoutes.StartThread).Count);
        Assert.NotNull(new DiscordRateLimitFile(StateFile).Load());
    }

    [Fact]
    public async Task SavedState_HoldsNoInteractionToken()
    {
        const string token = "aW50ZXJhY3Rpb246OTAwMDAwMDAwMDAwMDAwMDAx-never-on-disk";
        await using var emulator = await StartEmulatorAsync();
        var client = Client(emulator, new DiscordRateLimitFile(StateFile), out var http);
        using (http)
        {
            // Follow-up buckets are keyed by the interaction token (their major parameter); the token must stay in memory.
            for (var i = 0; i < 2; i++)
            {
                await Assert.ThrowsAsync<DiscordRestException>(() => client.CreateFollowupAsync(emulator.ApplicationId, token, MessagePayload.Text("x"), Ct));
            }

            await client.CreatePrivateThreadAsync(emulator.DefaultChannelId, "ticket", ct: Ct);
            await client.CreatePrivateThreadAsync(emulator.DefaultChannelId, "ticket", ct: Ct);
        }

        var saved = await File.ReadAllTextAsync(StateFile);
        Assert.Contains("threads", saved, StringComparison.Ordinal);
        Assert.DoesNotContain(token, saved, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static async Task<DiscordRestEmulator> StartEmulatorAsync()
    {
        var options = new DiscordRestEmulatorOptions();
        options.BucketLimits[DiscordRestRoutes.StartThread] = (Limit, Window);
        return await DiscordRestEmulator.StartAsync(options);
    }

    /// <summary>One process's burst: a new limiter (what a restart starts with) and a full bucket of private threads.</summary>
    private static async Task BurstAsync(DiscordRestEmulator emulator, IDiscordRateLimitStore? store)
    {
        var client = Client(emulator, store, out var http);
        using (http)
        {
            await Task.WhenAll(Enumerable.Range(0, Limit).Select(i => client.CreatePrivateThreadAsync(emulator.DefaultChannelId, $"ticket-{i}", ct: Ct)));
        }
    }

    /// <summary>A client as a new process has it: its own HTTP connections and a new limiter over <paramref name="store"/>.</summary>
    private static DiscordRestClient Client(DiscordRestEmulator emulator, IDiscordRateLimitStore? store, out HttpClient http)
    {
        http = new HttpClient();
        var options = Microsoft.Extensions.Options.Options.Create(new DiscordClientOptions { Token = emulator.Token, ApiBaseUrl = emulator.ApiBaseUrl });
        return new DiscordRestClient(
            http,
            options,
            new DiscordRateLimiter(TimeProvider.System, store),
            new DiscordRestRetryPolicy(3, TimeSpan.FromMilliseconds(20), 5),
            TimeProvider.System,
            NullLogger<DiscordRestClient>.Instance);
    }
}
