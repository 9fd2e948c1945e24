using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using AstraBit.SupportBot.Bybit;
using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Emulators.Bybit;
using AstraBit.SupportBot.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AstraBit.SupportBot.Benchmarks;

/// <summary>
/// Full key checks against the Bybit emulator (its own process) answering every request after 300 ms, with two
/// symbols. Baselines from the same run: one round trip (a lone GET /v5/market/time on a warm connection);
/// the sum of the check's own request latencies (its calls one after another); and "clock first", the cold
/// check as it ran before (measure Bybit's clock, then the two rounds). A cold check is one on a host whose
/// clock was never measured (a fresh process, as the command line always is). Targets: a cold check within
/// 2.3 round trips; a warm check within 0.35 of the sequential sum.
/// </summary>
internal static class DiagnosticBenchmark
{
    private const int ColdRuns = 7;
    private const int WarmRuns = 15;
    private const double ColdTarget = 2.3;
    private const double WarmTarget = 0.35;
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(300);

    public static async Task<int> RunAsync()
    {
        await using var emulator = await EmulatorProcess.StartBybitAsync(Latency);
        var account = BybitScenarios.Find("healthy-unified", DateTimeOffset.UtcNow)!;
        var request = new DiagnosticRequest(account.ApiKey, account.ApiSecret, emulator.BaseUrl);
        var recorder = new RequestRecorder();

        // One round trip, on a warm connection.
        await using (var probe = Services(recorder))
        {
            var client = probe.GetRequiredService<IBybitClientFactory>().Create(emulator.BaseUrl);
            await client.Market.GetServerTimeAsync();
            var trips = new List<double>();
            for (var i = 0; i < 5; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await client.Market.GetServerTimeAsync();
                trips.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            RoundTripMs = Median(trips);
        }

        // Cold: a fresh provider each time, so the host's clock is unknown, as in a new diagnose process.
        var cold = new List<Run>();
        var clockFirst = new List<Run>();
        for (var i = 0; i < ColdRuns; i++)
        {
            await using (var fresh = Services(recorder))
            {
                cold.Add(await MeasureAsync(fresh.GetRequiredService<DiagnosticEngine>(), request, recorder, clockFirstHost: null));
            }

            await using (var fresh = Services(recorder))
            {
                clockFirst.Add(await MeasureAsync(fresh.GetRequiredService<DiagnosticEngine>(), request, recorder, fresh.GetRequiredService<IBybitClientFactory>().Create(emulator.BaseUrl)));
            }
        }

        // Warm: one provider, clock measured by the first check.
        var warm = new List<Run>();
        long allocatedPerCheck;
        await using (var shared = Services(recorder))
        {
            var engine = shared.GetRequiredService<DiagnosticEngine>();
            await MeasureAsync(engine, request, recorder, clockFirstHost: null);
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            for (var i = 0; i < WarmRuns; i++)
            {
                warm.Add(await MeasureAsync(engine, request, recorder, clockFirstHost: null));
            }

            allocatedPerCheck = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / WarmRuns;
        }

        if (cold.Concat(clockFirst).Concat(warm).Any(r => r.Verdict != Verdict.Pass))
        {
            Console.Error.WriteLine("A check did not pass; the figures would not describe a full check.");
            return 1;
        }

        var coldTrips = Median(cold.Select(r => r.Wall.TotalMilliseconds)) / RoundTripMs;
        var clockFirstTrips = Median(clockFirst.Select(r => r.Wall.TotalMilliseconds)) / RoundTripMs;
        var warmRatio = Median(warm.Select(r => r.Wall.TotalMilliseconds / r.SumOfRequests.TotalMilliseconds));
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine("Diagnostic benchmark: full key check, emulator latency 300 ms per request, symbols BTCUSDT,ETHUSDT");
        Console.WriteLine(string.Create(inv, $"  one round trip (baseline)       {RoundTripMs:F1} ms median"));
        Console.WriteLine(string.Create(inv, $"  cold check                      {Median(cold.Select(r => r.Wall.TotalMilliseconds)):F1} ms median = {coldTrips:F2} round trips   (target <= {ColdTarget}), {cold[0].Requests} requests"));
        Console.WriteLine(string.Create(inv, $"  cold, clock first (as before)   {Median(clockFirst.Select(r => r.Wall.TotalMilliseconds)):F1} ms median = {clockFirstTrips:F2} round trips (baseline), {clockFirst[0].Requests} requests"));
        Console.WriteLine(string.Create(inv, $"  warm check                      {Median(warm.Select(r => r.Wall.TotalMilliseconds)):F1} ms median = {Median(warm.Select(r => r.Wall.TotalMilliseconds)) / RoundTripMs:F2} round trips, {warm[0].Requests} requests"));
        Console.WriteLine(string.Create(inv, $"  warm sum of request latencies   {Median(warm.Select(r => r.SumOfRequests.TotalMilliseconds)):F1} ms median   (sequential baseline)"));
        Console.WriteLine(string.Create(inv, $"  warm ratio wall / sequential    {warmRatio:F3}   (target <= {WarmTarget})"));
        Console.WriteLine(string.Create(inv, $"  allocated per warm check        {allocatedPerCheck / 1024.0:F1} KiB"));
        Console.WriteLine(string.Create(inv, $"  runs                            {ColdRuns} cold, {ColdRuns} clock-first, {WarmRuns} warm"));
        return coldTrips <= ColdTarget && warmRatio <= WarmTarget ? 0 : 1;
    }

    private static double RoundTripMs { get; set; }

    private static ServiceProvider Services(RequestRecorder recorder)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Diagnostics:Symbols:0"] = "BTCUSDT", ["Diagnostics:Symbols:1"] = "ETHUSDT" })
            .Build();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddDiagnosticsServices(configuration);
        // The check's texts, from the config/ folder the bot's build puts beside this benchmark.
        services.AddSingleton(AstraBit.SupportBot.Core.Text.TextCatalogLoader.LoadDirectory(
            Path.Combine(AppContext.BaseDirectory, "config", AstraBit.SupportBot.Core.Text.TextCatalogLoader.FolderName),
            AstraBit.SupportBot.Bot.DiscordContentLimits.Value));
        services.ConfigureHttpClientDefaults(http => http.AddHttpMessageHandler(() => new TimingHandler(recorder)));
        return services.BuildServiceProvider();
    }

    private static async Task<Run> MeasureAsync(DiagnosticEngine engine, DiagnosticRequest request, RequestRecorder recorder, BybitClient? clockFirstHost)
    {
        recorder.Reset();
        var watch = Stopwatch.StartNew();
        if (clockFirstHost is not null)
        {
            await clockFirstHost.Market.GetServerTimeAsync();
        }

        var report = await engine.RunAsync(request, CancellationToken.None);
        watch.Stop();
        var (count, sum) = recorder.Snapshot();
        return new Run(watch.Elapsed, sum, count, report.Verdict);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private sealed record Run(TimeSpan Wall, TimeSpan SumOfRequests, int Requests, Verdict Verdict);

    private sealed class RequestRecorder
    {
        private ConcurrentBag<TimeSpan> _durations = [];

        public void Add(TimeSpan duration) => _durations.Add(duration);

        public void Reset() => _durations = [];

        public (int Count, TimeSpan Sum) Snapshot()
        {
            var all = _durations.ToArray();
            return (all.Length, TimeSpan.FromTicks(all.Sum(d => d.Ticks)));
        }
    }

    private sealed class TimingHandler(RequestRecorder recorder) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var started = Stopwatch.GetTimestamp();
            var response = await base.SendAsync(request, cancellationToken);
            // The client reads the body inside the call already; this keeps the figure the whole round trip regardless.
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            recorder.Add(Stopwatch.GetElapsedTime(started));
            return response;
        }
    }
}
