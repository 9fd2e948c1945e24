using AstraBit.SupportBot.Benchmarks;
using AstraBit.SupportBot.Benchmarks.BusyYear;

// dotnet run -c Release --project tests/AstraBit.SupportBot.Benchmarks -- [diagnostic|interactions [--baseline <dir>]|checks|busy-year [--seed <n>] [--data <path>] [--reuse] [--small] [--startup-only <rounds> [--unsealed]]|figures-profile --data <copy> [--rounds <n>] [--delete]|leak-guard|transcript|soak [--compressed] [--gcdump <dir>]]
var which = args.Length > 0 ? args[0] : "diagnostic";
return which switch
{
    "diagnostic" => await DiagnosticBenchmark.RunAsync(),
    "interactions" => await InteractionBenchmark.RunAsync(args[1..]),
    "checks" => await CheckBurstBenchmark.RunAsync(),
    "busy-year" => await BusyYearBenchmark.RunAsync(args[1..]),
    "figures-profile" => await FiguresProfile.RunAsync(args[1..]),
    "leak-guard" => LeakGuardBenchmark.Run(),
    "transcript" => TranscriptBenchmark.Run(),
    "soak" => await SoakBenchmark.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: AstraBit.SupportBot.Benchmarks [diagnostic|interactions [--baseline <published dir>] [--current <published dir> | docker:<image>] [--rounds <n>] [--warmup <bursts of 100>] [--mappings]|checks|busy-year [--seed <n>] [--data <path>] [--reuse] [--small] [--startup-only <rounds> [--unsealed]]|leak-guard|transcript|soak [--compressed] [--gcdump <dir>]]");
    return 2;
}
