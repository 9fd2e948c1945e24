using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Security.Cryptography;

namespace AstraBit.SupportBot.Emulators.Bybit;

/// <summary>The <c>bybit</c> verb: runs the emulator on 127.0.0.1 until Ctrl+C, or lists the scenarios.</summary>
public static class BybitEmulatorCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 (0 picks a free one).", DefaultValueFactory = _ => 5080 };
        var scenario = new Option<string>("--scenario") { Description = "Scenario whose key and secret to print.", DefaultValueFactory = _ => "healthy-unified" };
        var latency = new Option<TimeSpan>("--latency")
        {
            Description = "Latency added to every request, e.g. 50ms, 2s or 00:00:00.250.",
            CustomParser = ParseDuration,
        };
        var list = new Option<bool>("--list") { Description = "List the scenarios and exit." };
        var demo = new Option<bool>("--demo") { Description = "Behave like Bybit's demo-trading host: the asset (Funding) endpoints answer 10032." };
        var slowBody = new Option<TimeSpan>("--slow-body")
        {
            Description = "Slow-loris answers: headers at once, then the body one byte per this interval, e.g. 2s.",
            CustomParser = ParseDuration,
        };
        var maintenance = new Option<TimeSpan>("--maintenance")
        {
            Description = "Start with a Bybit maintenance under way for this long (GET /v5/system/status lists it; private endpoints answer 503), e.g. 00:30:00.",
            CustomParser = ParseDuration,
        };
        var clones = new Option<int>("--clones")
        {
            Description = "Also register this many copies of healthy-unified, each with its own generated key, secret and UID (for load tests: Bybit limits per UID), and print them.",
        };

        var command = new Command("bybit", "Run the loopback Bybit V5 REST emulator with every built-in scenario loaded.")
        {
            port, scenario, latency, list, clones, demo, slowBody, maintenance,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(list))
            {
                PrintList(DateTimeOffset.UtcNow);
                return 0;
            }

            var chosen = BybitScenarios.Find(parse.GetValue(scenario) ?? "", DateTimeOffset.UtcNow);
            if (chosen is null)
            {
                await Console.Error.WriteLineAsync(
                    $"Unknown scenario '{parse.GetValue(scenario)}'. Valid: {string.Join(", ", BybitScenarios.Names)}.").ConfigureAwait(false);
                return 2;
            }

            var cloneCount = parse.GetValue(clones);
            if (cloneCount is < 0 or > MaxClones)
            {
                await Console.Error.WriteLineAsync($"--clones must be between 0 and {MaxClones}.").ConfigureAwait(false);
                return 2;
            }

            var now = DateTimeOffset.UtcNow;
            var copies = Clones(BybitScenarios.Find("healthy-unified", now)!, cloneCount);
            await using var emulator = await BybitEmulator.StartAsync(
                new BybitEmulatorOptions
                {
                    Port = parse.GetValue(port),
                    Latency = parse.GetValue(latency),
                    ThrowOnDisposeIfViolations = false,
                    Demo = parse.GetValue(demo),
                    Accounts = cloneCount == 0 ? null : [.. BybitScenarios.All(now), .. copies],
                },
                cancellationToken).ConfigureAwait(false);
            emulator.Faults.SlowBody = parse.GetValue(slowBody);
            if (parse.GetValue(maintenance) is { } lasting && lasting > TimeSpan.Zero)
            {
                emulator.Faults.Maintenance = [new EmulatedMaintenance("Scheduled system upgrade", emulator.Now, emulator.Now + lasting)];
            }

            Console.WriteLine($"Bybit emulator listening on {emulator.BaseUrl}  (scenario {chosen.Name}: {chosen.Description})");
            Console.WriteLine($"export Bybit__BaseUrl={emulator.BaseUrl.AbsoluteUri.TrimEnd('/')}");
            Console.WriteLine($"export BYBIT_API_KEY={chosen.ApiKey}");
            Console.WriteLine($"export BYBIT_API_SECRET={chosen.ApiSecret}");
            Console.WriteLine($"Every scenario's key works: {string.Join(", ", BybitScenarios.Names)} (bybit --list for keys).");
            foreach (var copy in copies)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"clone {copy.Name} {copy.ApiKey} {copy.ApiSecret} {copy.Uid}"));
            }

            Console.WriteLine("Type \"stats\" and Enter for request counts and the peak per IP-limit window.");
            Console.WriteLine("Press Ctrl+C to stop.");
            _ = AnswerStatsAsync(emulator, cancellationToken);
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }

            foreach (var violation in emulator.Violations)
            {
                await Console.Error.WriteLineAsync($"VIOLATION: {violation.Method} {violation.Path}").ConfigureAwait(false);
            }

            return emulator.Violations.Count == 0 ? 0 : 1;
        });
        return command;
    }

    private const int MaxClones = 100_000;
    private const string KeyAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>Copies of <paramref name="template"/> with fresh keys (18 characters), secrets (36) and UIDs, as Bybit issues them.</summary>
    public static IReadOnlyList<BybitAccountScenario> Clones(BybitAccountScenario template, int count)
    {
        ArgumentNullException.ThrowIfNull(template);
        return [.. Enumerable.Range(1, count).Select(i => template with
        {
            Name = string.Create(CultureInfo.InvariantCulture, $"{template.Name}-clone-{i}"),
            Description = $"Copy {i} of {template.Name}",
            ApiKey = new string(RandomNumberGenerator.GetItems<char>(KeyAlphabet, 18)),
            ApiSecret = new string(RandomNumberGenerator.GetItems<char>(KeyAlphabet, 36)),
            Uid = 200_000_000 + i,
        })];
    }

    /// <summary>One line per "stats" typed on standard input (a load test's parent process asks this way); stops at end of input.</summary>
    private static async Task AnswerStatsAsync(BybitEmulator emulator, CancellationToken cancellationToken)
    {
        try
        {
            while (await Console.In.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                if (string.Equals(line.Trim(), "stats", StringComparison.OrdinalIgnoreCase))
                {
                    var requests = emulator.Requests;
                    Console.WriteLine(string.Create(
                        CultureInfo.InvariantCulture,
                        $"stats requests={requests.Count} peak-ip-requests-per-window={emulator.PeakIpRequests} http-403={requests.Count(r => r.StatusCode == 403)} retcode-10006={requests.Count(r => r.RetCode == 10006)} violations={emulator.Violations.Count}"));
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static void PrintList(DateTimeOffset now)
    {
        foreach (var s in BybitScenarios.All(now))
        {
            Console.WriteLine($"{s.Name,-20} {s.ApiKey}  {s.Description}");
        }
    }

    private static TimeSpan ParseDuration(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value.Trim() : "";
        var (number, unit) = text.EndsWith("ms", StringComparison.OrdinalIgnoreCase) ? (text[..^2], 1.0)
            : text.EndsWith('s') ? (text[..^1], 1000.0)
            : (text, double.NaN);
        if (!double.IsNaN(unit) && double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0)
        {
            return TimeSpan.FromMilliseconds(value * unit);
        }

        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && span >= TimeSpan.Zero)
        {
            return span;
        }

        result.AddError($"'{text}' is not a duration (use e.g. 50ms, 2s or 00:00:00.250).");
        return TimeSpan.Zero;
    }
}
