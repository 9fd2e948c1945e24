using AstraBit.SupportBot.Core.Diagnostics;

namespace AstraBit.SupportBot.Core.Tests.Diagnostics;

public sealed class ConcurrencyTests
{
    private static readonly string[] PhaseOne =
    [
        FakeAccountReader.KeyCall,
        FakeAccountReader.AccountCall,
        FakeAccountReader.FundingCall,
        FakeAccountReader.PositionsCall("BTCUSDT"),
        FakeAccountReader.PositionsCall("ETHUSDT"),
        FakeAccountReader.OpenPositionsCall,
        FakeAccountReader.MaintenanceCall,
    ];

    [Fact]
    public async Task RunAsync_PhaseOneReads_AreAllInFlightTogether()
    {
        var harness = new EngineHarness();
        var gates = PhaseOne.Select(harness.Reader.Hold).ToList();

        var run = harness.RunAsync();

        Assert.Equal(PhaseOne.Order(), harness.Reader.Started.Order());
        Assert.Empty(harness.Reader.Completed);
        Assert.False(run.IsCompleted);
        gates.ForEach(g => g.SetResult());
        var report = await run;
        Assert.Equal(Verdict.Pass, report.Verdict);
    }

    [Fact]
    public async Task RunAsync_AccountTypeKnown_ReadsWalletWhileOtherReadsArePending()
    {
        var harness = new EngineHarness();
        var account = harness.Reader.Hold(FakeAccountReader.AccountCall);
        var others = PhaseOne.Where(c => c != FakeAccountReader.AccountCall).Select(harness.Reader.Hold).ToList();

        var run = harness.RunAsync();
        Assert.DoesNotContain(FakeAccountReader.UnifiedWalletCall, harness.Reader.Started);
        account.SetResult();
        await harness.Reader.WhenStarted(FakeAccountReader.UnifiedWalletCall).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal([FakeAccountReader.AccountCall], harness.Reader.Completed.Where(c => c != FakeAccountReader.UnifiedWalletCall));
        others.ForEach(g => g.SetResult());
        await run;
    }

    [Fact]
    public async Task RunAsync_Reads_DurationMeasuredWithTimeProvider()
    {
        var harness = new EngineHarness();
        var gate = harness.Reader.Hold(FakeAccountReader.KeyCall);

        var run = harness.RunAsync();
        harness.Time.Advance(TimeSpan.FromMilliseconds(412));
        gate.SetResult();
        var report = await run;

        Assert.Equal(412, report.DurationMs);
        Assert.Equal(Facts.Now, report.CheckedAt);
    }

    [Fact]
    public async Task RunAsync_Cancelled_Throws()
    {
        var harness = new EngineHarness();
        harness.Reader.Hold(FakeAccountReader.KeyCall);
        using var cts = new CancellationTokenSource();

        var run = harness.CreateEngine().RunAsync(new DiagnosticRequest(Facts.ApiKey, Facts.ApiSecret, Facts.Host), cts.Token);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }

    [Fact]
    public async Task RunAsync_Request_CreatesReaderForKeySecretAndHost()
    {
        var harness = new EngineHarness();

        await harness.RunAsync();

        Assert.Equal((Facts.ApiKey, Facts.ApiSecret, Facts.Host), harness.Reader.CreatedWith);
    }
}
