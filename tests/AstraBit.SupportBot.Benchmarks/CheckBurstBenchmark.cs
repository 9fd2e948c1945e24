using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AstraBit.SupportBot.Bot.KeyChecks;
using AstraBit.SupportBot.Emulators.Discord;

namespace AstraBit.SupportBot.Benchmarks;

/// <summary>
/// 200 members submit /diagnose's key modal at the same moment, each with their own Bybit key (copies of the
/// healthy-unified account, so Bybit's per-UID limits don't interfere). The Discord emulator runs here; the
/// Bybit emulator (50 ms per request) and the bot run in their own processes. Measured: acknowledgement latency
/// (interaction created → callback, as the Discord emulator sees it; Discord's deadline is 3 s), completed-check
/// latency (interaction created → the deferred answer edited with the result, PATCH @original), results lost, and
/// the Bybit emulator's peak of requests per 5-second IP window (Bybit's limit is 600).
/// </summary>
internal static partial class CheckBurstBenchmark
{
    private const int Members = 200;
    private const int WarmUpMembers = 8;
    private const int BybitIpLimit = 600;
    private const ulong FirstMember = 1_400_000_000_000_100_000;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(50);

    public static async Task<int> RunAsync()
    {
        var inv = CultureInfo.InvariantCulture;
        await using var bybit = await EmulatorProcess.StartBybitAsync(Latency, Members + WarmUpMembers);
        await using var discord = await DiscordEmulator.StartAsync();
        var environment = BotProcess.EnvironmentFor(discord);
        environment["Bybit__BaseUrl"] = bybit.BaseUrl.AbsoluteUri;
        environment["Diagnostics__Cooldown"] = "00:00:05";
        // 200 checks × 8 requests at 400 per 5 s take about 20 s; the default 10 s would send the later half away with "try again in …".
        environment["Limits__MaxQueueWait"] = "00:00:30";
        await using var bot = BotProcess.Start(environment);
        await discord.Rest.WaitForRequestAsync(r => r.Route == DiscordRestRoutes.BulkOverwriteGuildCommands, TimeSpan.FromSeconds(60));

        // Warm-up: a few checks so the bot's path is compiled and the Bybit clock offset is known, then let the budget's window pass.
        var warm = await BurstAsync(discord, bybit.Clones.Take(WarmUpMembers).ToList(), FirstMember + 10_000);
        await WaitForEditsAsync(discord, warm, TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(6));

        var watch = Stopwatch.StartNew();
        var burst = await BurstAsync(discord, bybit.Clones.Skip(WarmUpMembers).ToList(), FirstMember);
        var callbacks = await discord.Rest.WaitForCallbacksAsync([.. burst.Select(b => b.Id)], TimeSpan.FromSeconds(30));
        var edits = await WaitForEditsAsync(discord, burst, TimeSpan.FromSeconds(120));
        watch.Stop();
        var stats = await bybit.StatsAsync();

        var acknowledged = callbacks.Select(c => c.SinceCreation.TotalMilliseconds).Order().ToArray();
        var late = callbacks.Count(c => c.SinceCreation > Deadline || !c.Accepted);
        var deferred = callbacks.Count(c => c.Type == 5 && (c.Flags & 64) != 0);
        var completed = edits.Values.Select(e => e.Latency.TotalMilliseconds).Order().ToArray();
        var passed = edits.Values.Count(e => e.Passed);
        var askedToWait = edits.Values.Count(e => e.AskedToWait);
        var peak = stats.PeakPerWindow;

        Console.WriteLine($"Check burst: {Members} members submit the /diagnose key modal at once, each with their own key; Bybit emulator {Latency.TotalMilliseconds:F0} ms per request");
        Console.WriteLine(string.Create(inv, $"  acknowledged (deferred, private) {deferred} / {Members}"));
        Console.WriteLine(string.Create(inv, $"  acknowledged after 3 s           {late}   (target 0)"));
        Console.WriteLine(string.Create(inv, $"  acknowledgement p50 / p99 / max  {Percentile(acknowledged, 0.50):F1} / {Percentile(acknowledged, 0.99):F1} / {acknowledged[^1]:F1} ms"));
        Console.WriteLine(string.Create(inv, $"  results posted (none lost)       {edits.Count} / {Members}"));
        Console.WriteLine(string.Create(inv, $"  results: key ready / try later   {passed} / {askedToWait}"));
        if (completed.Length > 0)
        {
            Console.WriteLine(string.Create(inv, $"  completed check p50 / p99 / max  {Percentile(completed, 0.50) / 1000:F2} / {Percentile(completed, 0.99) / 1000:F2} / {completed[^1] / 1000:F2} s"));
        }

        Console.WriteLine(string.Create(inv, $"  all {Members} answered in            {watch.Elapsed.TotalSeconds:F1} s"));
        Console.WriteLine(string.Create(inv, $"  Bybit requests (whole run)       {stats.Requests}; HTTP 403: {stats.Http403}; retCode 10006: {stats.RetCode10006}"));
        Console.WriteLine(string.Create(inv, $"  Bybit peak requests per 5 s      {peak}   (Bybit's limit {BybitIpLimit}; the bot's budget 400)"));
        return late == 0 && deferred == Members && edits.Count == Members && passed == Members && peak <= BybitIpLimit && stats.Http403 == 0 && stats.RetCode10006 == 0 ? 0 : 1;
    }

    /// <summary>Creates one modal submit per account first, then dispatches them all at once.</summary>
    private static async Task<IReadOnlyList<Submitted>> BurstAsync(DiscordEmulator discord, IReadOnlyList<(string Key, string Secret)> accounts, ulong firstMember)
    {
        var submits = accounts.Select((account, i) => discord.Rest.CreateModalSubmit(
            firstMember + (ulong)i,
            "dx:key",
            new Dictionary<string, string> { [KeyModal.KeyField] = account.Key, [KeyModal.SecretField] = account.Secret })).ToList();
        var created = DateTimeOffset.UtcNow;
        var submitted = submits.Select(s => new Submitted(
            ulong.Parse(s["id"]!.GetValue<string>(), CultureInfo.InvariantCulture),
            s["token"]!.GetValue<string>(),
            created)).ToList();
        await Task.WhenAll(submits.Select(s => discord.Gateway.DispatchAsync("INTERACTION_CREATE", s)));
        return submitted;
    }

    /// <summary>Waits for the PATCH @original of every submitted interaction; keyed by interaction id.</summary>
    private static async Task<Dictionary<ulong, Edit>> WaitForEditsAsync(DiscordEmulator discord, IReadOnlyList<Submitted> submitted, TimeSpan timeout)
    {
        var byToken = submitted.ToDictionary(s => s.Token, StringComparer.Ordinal);
        var edits = new Dictionary<ulong, Edit>();
        var until = DateTimeOffset.UtcNow + timeout;
        while (edits.Count < submitted.Count && DateTimeOffset.UtcNow < until)
        {
            foreach (var request in discord.Rest.RequestsFor(DiscordRestRoutes.EditOriginal))
            {
                var token = Token().Match(request.Path) is { Success: true } m ? Uri.UnescapeDataString(m.Groups[1].Value) : null;
                if (token is not null && byToken.TryGetValue(token, out var s) && !edits.ContainsKey(s.Id) && request.Status is >= 200 and < 300)
                {
                    var body = request.Json as JsonObject;
                    var title = body?["embeds"]?[0]?["title"]?.GetValue<string>() ?? "";
                    var content = body?["content"]?.GetValue<string>() ?? "";
                    edits[s.Id] = new Edit(request.ReceivedAt - s.Created, title.Contains("ready for AstraBit", StringComparison.Ordinal), content.Contains("try again in", StringComparison.Ordinal));
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        return edits;
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    [GeneratedRegex(@"/webhooks/\d+/([^/]+)/messages/@original")]
    private static partial Regex Token();

    private sealed record Submitted(ulong Id, string Token, DateTimeOffset Created);

    private sealed record Edit(TimeSpan Latency, bool Passed, bool AskedToWait);
}
