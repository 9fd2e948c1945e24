using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Limits;
using AstraBit.SupportBot.Emulators.Bybit;
using AstraBit.SupportBot.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Tests.Cli;

/// <summary>The key check as the host wires it (engine, adapter, Bybit client) against the Bybit emulator over HTTP.</summary>
public sealed class DiagnosticEngineWireTests
{
    private static readonly string[] FirstRoundSignedPaths =
        ["/v5/user/query-api", "/v5/account/info", "/v5/asset/transfer/query-account-coins-balance", "/v5/position/list"];

    [Theory]
    [InlineData(10)]
    [InlineData(-10)]
    public async Task RunAsync_LocalClockTenSecondsOff_CorrectCheckWithExactlyOneRetryPerRequest(int skewSeconds)
    {
        await using var emulator = await BybitEmulator.StartAsync();
        await using var services = Services(emulator, [], new SkewedClock(TimeSpan.FromSeconds(skewSeconds)));
        var account = emulator.Scenario("healthy-unified");

        var report = await services.GetRequiredService<DiagnosticEngine>().RunAsync(
            new DiagnosticRequest(account.ApiKey, account.ApiSecret, emulator.BaseUrl), CancellationToken.None);

        Assert.Equal(Verdict.Pass, report.Verdict);
        Assert.Single(emulator.Requests, r => r.Path == "/v5/market/time");
        foreach (var path in FirstRoundSignedPaths)
        {
            var codes = emulator.Requests.Where(r => r.Path == path).Select(r => r.RetCode).ToList();
            // Each first-round request was rejected once for its timestamp and then answered on its merits (the
            // Funding read with 10005, as for any key without transfer permission), or, signed after the clock
            // measurement was back (a busy machine), answered at once. Never a second retry.
            Assert.NotEmpty(codes);
            Assert.True(codes.Count(c => c == 10002) * 2 <= codes.Count, $"{path}: {string.Join(",", codes)}");
        }

        Assert.Equal([(int?)10002, 0], emulator.Requests.Where(r => r.Path == "/v5/user/query-api").Select(r => r.RetCode));

        // The second round (the wallet waits for the account type) already signs with Bybit's clock.
        Assert.Equal([(int?)0], emulator.Requests.Where(r => r.Path == "/v5/account/wallet-balance").Select(r => r.RetCode));
    }

    [Fact]
    public async Task RunAsync_FortyConfiguredSymbols_SendsExactlyWhatTheBudgetCharges()
    {
        await using var emulator = await BybitEmulator.StartAsync();
        var symbols = Enumerable.Range(0, DiagnosticsOptions.MaxSymbols).Select(i => $"COIN{i}USDT").ToArray();
        await using var services = Services(emulator, symbols);
        var budget = new BybitRequestBudget(
            Options.Create(new LimitsOptions()), TimeProvider.System, services.GetRequiredService<IOptions<DiagnosticsOptions>>());
        var account = emulator.Scenario("healthy-unified");

        var cold = await services.GetRequiredService<DiagnosticEngine>().RunAsync(
            new DiagnosticRequest(account.ApiKey, account.ApiSecret, emulator.BaseUrl), CancellationToken.None);

        Assert.Equal(Verdict.Pass, cold.Verdict);
        Assert.Equal(47, budget.RequestsPerCheck);
        Assert.Equal(budget.RequestsPerCheck, emulator.Requests.Count);
        Assert.Equal(symbols.Length + 1, emulator.Requests.Count(r => r.Path == "/v5/position/list"));
    }

    private static ServiceProvider Services(BybitEmulator emulator, string[] symbols, TimeProvider? clock = null)
    {
        var settings = new Dictionary<string, string?> { ["Bybit:BaseUrl"] = emulator.BaseUrl.ToString() };
        for (var i = 0; i < symbols.Length; i++)
        {
            settings[$"Diagnostics:Symbols:{i}"] = symbols[i];
        }

        var services = new ServiceCollection().AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(Languages.ShippedTexts.Catalog);
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }

        services.AddDiagnosticsServices(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services.BuildServiceProvider(validateScopes: true);
    }

    /// <summary>A local clock that is wrong by a fixed amount; timers run as usual.</summary>
    private sealed class SkewedClock(TimeSpan skew) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + skew;
    }
}
