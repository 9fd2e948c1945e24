using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using AstraBit.SupportBot.Emulators.Discord;

namespace AstraBit.SupportBot.Benchmarks;

/// <summary>
/// 500 INTERACTION_CREATE events dispatched at once through the Discord emulator to the bot (its own
/// process), each answered with a simple callback (/bybit-error). Measured: dispatch-to-callback latency as
/// the emulator sees it. Baseline in the same run: the emulator's own loopback round trip, i.e. a plain
/// HTTP client in this process posting the same kind of callback. Also: the bot's resident memory once
/// READY and idle. Targets: p99 under 100 ms; memory under 80 MB.
/// </summary>
internal static class InteractionBenchmark
{
    private const int Interactions = 500;
    private const ulong FirstMember = 1_400_000_000_000_000_000;

    public static async Task<int> RunAsync()
    {
        await using var discord = await DiscordEmulator.StartAsync();
        var inv = CultureInfo.InvariantCulture;
        var environment = BotProcess.EnvironmentFor(discord);
        await using var bot = BotProcess.Start(environment);
        await discord.Rest.WaitForRequestAsync(r => r.Route == DiscordRestRoutes.BulkOverwriteGuildCommands, TimeSpan.FromSeconds(60));

        // Idle once READY: let start-up work settle, then read resident memory.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var idleRss = bot.ResidentBytes();

        // Warm-up: a few bursts so the bot's path is compiled by the optimising JIT tier before measuring.
        for (var round = 0; round < 5; round++)
        {
            var warm = await Task.WhenAll(Enumerable.Range(0, 100).Select(i =>
                discord.RunSlashCommandAsync(FirstMember + 10_000 + (ulong)((round * 100) + i), "bybit-error", [SlashOption.String("code", "10003")])));
            await discord.Rest.WaitForCallbacksAsync(warm, TimeSpan.FromSeconds(30));
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }

        var baseline = await MeasureLoopbackAsync(discord);
        var burstBaseline = await MeasureLoopbackBurstAsync(discord);

        var dispatched = new List<Task<ulong>>(Interactions);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < Interactions; i++)
        {
            var code = (i % 4) switch { 0 => "10003", 1 => "10004", 2 => "position idx not match position mode", _ => "33004" };
            dispatched.Add(discord.RunSlashCommandAsync(FirstMember + (ulong)i, "bybit-error", [SlashOption.String("code", code)]));
        }

        var ids = await Task.WhenAll(dispatched);
        var callbacks = await discord.Rest.WaitForCallbacksAsync(ids, TimeSpan.FromSeconds(30));
        watch.Stop();
        var peakRss = bot.ResidentBytes();

        var latencies = callbacks.Select(c => c.SinceCreation.TotalMilliseconds).Order().ToArray();
        var accepted = callbacks.Count(c => c.Accepted);
        var p50 = Percentile(latencies, 0.50);
        var p99 = Percentile(latencies, 0.99);
        Console.WriteLine($"Interaction benchmark: {Interactions} INTERACTION_CREATE dispatched at once, each answered with a callback");
        Console.WriteLine(string.Create(inv, $"  answered / accepted            {callbacks.Count} / {accepted}"));
        Console.WriteLine(string.Create(inv, $"  dispatch-to-callback p50       {p50:F1} ms"));
        Console.WriteLine(string.Create(inv, $"  dispatch-to-callback p99       {p99:F1} ms   (target < 100 ms)"));
        Console.WriteLine(string.Create(inv, $"  dispatch-to-callback max       {latencies[^1]:F1} ms"));
        Console.WriteLine(string.Create(inv, $"  all {Interactions} answered in         {watch.Elapsed.TotalMilliseconds:F0} ms"));
        Console.WriteLine(string.Create(inv, $"  loopback round trip (baseline) {baseline:F2} ms median, plain HTTP callback from this process"));
        Console.WriteLine(string.Create(inv, $"  loopback burst (baseline)      p50 {burstBaseline.P50:F1} ms, p99 {burstBaseline.P99:F1} ms: {Interactions} plain HTTP callbacks at once, no gateway, no bot"));
        Console.WriteLine(string.Create(inv, $"  p50 / single round trip        {p50 / baseline:F0}x"));
        Console.WriteLine(string.Create(inv, $"  p99 / burst baseline p99       {p99 / burstBaseline.P99:F2}x"));
        Console.WriteLine(string.Create(inv, $"  bot resident memory, READY+idle {idleRss / (1024.0 * 1024.0):F1} MB   (target < 80 MB)"));
        Console.WriteLine(string.Create(inv, $"  bot resident memory after burst {peakRss / (1024.0 * 1024.0):F1} MB"));
        return accepted == Interactions && p99 < 100 && idleRss < 80L * 1024 * 1024 ? 0 : 1;
    }

    /// <summary>The same callback the bot sends, posted by a plain HttpClient here: the emulator's own round trip.</summary>
    private static async Task<double> MeasureLoopbackAsync(DiscordEmulator discord)
    {
        using var http = new HttpClient();
        var samples = new List<double>();
        for (var i = 0; i < 200; i++)
        {
            var interaction = discord.Rest.CreateSlashCommand(FirstMember + 20_000 + (ulong)i, "bybit-error", [SlashOption.String("code", "10003")]);
            var id = interaction["id"]!.GetValue<string>();
            var token = interaction["token"]!.GetValue<string>();
            var started = Stopwatch.GetTimestamp();
            using var response = await http.PostAsJsonAsync(
                new Uri($"{discord.ApiBaseUrl.AbsoluteUri.TrimEnd('/')}/interactions/{id}/{token}/callback"),
                new { type = 4, data = new { content = "ok", flags = 64, allowed_mentions = new { parse = Array.Empty<string>() } } });
            response.EnsureSuccessStatusCode();
            if (i >= 20)
            {
                samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        return Percentile([.. samples.Order()], 0.5);
    }

    /// <summary>The emulator's own capacity: the same burst of callbacks, posted straight from here without the gateway or the bot.</summary>
    private static async Task<(double P50, double P99)> MeasureLoopbackBurstAsync(DiscordEmulator discord)
    {
        using var http = new HttpClient();
        var posts = Enumerable.Range(0, Interactions).Select(async i =>
        {
            var interaction = discord.Rest.CreateSlashCommand(FirstMember + 30_000 + (ulong)i, "bybit-error", [SlashOption.String("code", "10003")]);
            var id = interaction["id"]!.GetValue<string>();
            var token = interaction["token"]!.GetValue<string>();
            using var response = await http.PostAsJsonAsync(
                new Uri($"{discord.ApiBaseUrl.AbsoluteUri.TrimEnd('/')}/interactions/{id}/{token}/callback"),
                new { type = 4, data = new { content = "ok", flags = 64, allowed_mentions = new { parse = Array.Empty<string>() } } });
            response.EnsureSuccessStatusCode();
            return ulong.Parse(id, CultureInfo.InvariantCulture);
        }).ToArray();
        var ids = await Task.WhenAll(posts);
        var callbacks = await discord.Rest.WaitForCallbacksAsync(ids, TimeSpan.FromSeconds(30));
        var sorted = callbacks.Select(c => c.SinceCreation.TotalMilliseconds).Order().ToArray();
        return (Percentile(sorted, 0.5), Percentile(sorted, 0.99));
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
