using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Emulators.Bybit;
using AstraBit.SupportBot.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AstraBit.SupportBot.Benchmarks;

/// <summary>
/// One full key check against the Bybit emulator with 50 ms latency per request and 2 symbols.
/// Baseline, measured in the same run: the sum of the check's own request latencies, i.e. what the
/// check would take if it made its calls one after another. Target: wall time ≤ 0.35 × that sum.
/// </summary>
internal static class DiagnosticBenchmark
{
    private const int Warmup = 5;
    private const int Iterations = 40;
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(50);

    public static async Task<int> RunAsync()
    {
        await using var emulator = await EmulatorProcess.StartBybitAsync(Latency);
        var recorder = new RequestRecorder();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Diagnostics:Symbols:0"] = "BTCUSDT", ["Diagnostics:Symbols:1"] = "ETHUSDT" })
            .Build();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddDiagnosticsServices(configuration);
        services.ConfigureHttpClientDefaults(http => http.AddHttpMessageHandler(() => new TimingHandler(recorder)));
        await using var provider = services.BuildServiceProvider();
        var engine = provider.GetRequiredService<DiagnosticEngine>();
        var account = BybitScenarios.Find("healthy-unified", DateTimeOffset.UtcNow)!;
        var request = new DiagnosticRequest(account.ApiKey, account.ApiSecret, emulator.BaseUrl);

        var cold = await MeasureAsync(engine, request, recorder);
        for (var i = 0; i < Warmup; i++)
        {
            await MeasureAsync(engine, request, recorder);
        }

        var runs = new List<Run>();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < Iterations; i++)
        {
            runs.Add(await MeasureAsync(engine, request, recorder));
        }

        var allocatedPerCheck = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / Iterations;
        if (runs.Any(r => r.Verdict != Verdict.Pass))
        {
            Console.Error.WriteLine("A check did not pass; the figures would not describe a full check.");
            return 1;
        }

        var wall = Median(runs.Select(r => r.Wall.TotalMilliseconds));
        var sequential = Median(runs.Select(r => r.SumOfRequests.TotalMilliseconds));
        var ratio = Median(runs.Select(r => r.Wall.TotalMilliseconds / r.SumOfRequests.TotalMilliseconds));
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine("Diagnostic benchmark: full key check, emulator latency 50 ms per request, symbols BTCUSDT,ETHUSDT");
        Console.WriteLine(string.Create(inv, $"  requests per check           {runs[0].Requests}"));
        Console.WriteLine(string.Create(inv, $"  cold check (with time sync)  wall {cold.Wall.TotalMilliseconds:F0} ms, sum of requests {cold.SumOfRequests.TotalMilliseconds:F0} ms, {cold.Requests} requests"));
        Console.WriteLine(string.Create(inv, $"  median wall time             {wall:F1} ms"));
        Console.WriteLine(string.Create(inv, $"  median sum of latencies      {sequential:F1} ms   (sequential baseline)"));
        Console.WriteLine(string.Create(inv, $"  median ratio wall / baseline {ratio:F3}   (target <= 0.35)"));
        Console.WriteLine(string.Create(inv, $"  allocated per check          {allocatedPerCheck / 1024.0:F1} KiB"));
        Console.WriteLine(string.Create(inv, $"  iterations                   {Iterations} (after {Warmup} warm-up)"));
        return ratio <= 0.35 ? 0 : 1;
    }

    private static async Task<Run> MeasureAsync(DiagnosticEngine engine, DiagnosticRequest request, RequestRecorder recorder)
    {
        recorder.Reset();
        var watch = Stopwatch.StartNew();
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
            // The body is buffered here so the measured latency is the whole round trip, as the check sees it.
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            recorder.Add(Stopwatch.GetElapsedTime(started));
            return response;
        }
    }
}
