using AstraBit.SupportBot.Core.Diagnostics;
using Microsoft.Extensions.Logging;

namespace AstraBit.SupportBot.Core.Tests.Diagnostics;

public sealed class SecretHygieneTests
{
    public static TheoryData<string, Action<FakeAccountReader>> Scenarios => new()
    {
        { "healthy", _ => { } },
        { "bad signature", r => r.Key = ReadResult<ApiKeyFacts>.Fail(Facts.Failure(ReadFailureKind.SignatureRejected, 10004)) },
        { "unreachable", r => r.Key = ReadResult<ApiKeyFacts>.Fail(Facts.Failure(ReadFailureKind.Unreachable)) },
        { "positions denied", r => r.OpenPositions = ReadResult<IReadOnlyList<PositionRow>>.Fail(Facts.Failure(ReadFailureKind.PermissionDenied, 10005)) },
    };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task RunAsync_AnyOutcome_SecretNeverInLogsOrJson(string scenario, Action<FakeAccountReader> arrange)
    {
        var harness = new EngineHarness();
        harness.Logger.ControlLevel(LogLevel.Trace, true);
        arrange(harness.Reader);

        var report = await harness.RunAsync();
        var json = DiagnosticReportJson.Serialize(report);

        var logs = harness.Logger.Collector.GetSnapshot();
        Assert.NotEmpty(logs);
        foreach (var record in logs)
        {
            Assert.DoesNotContain(Facts.ApiSecret, record.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(Facts.ApiKey, record.Message, StringComparison.Ordinal);
            Assert.All(record.StructuredState ?? [], kv => Assert.DoesNotContain(Facts.ApiSecret, kv.Value ?? string.Empty, StringComparison.Ordinal));
        }

        Assert.DoesNotContain(Facts.ApiSecret, json, StringComparison.Ordinal);
        Assert.DoesNotContain(Facts.ApiKey, json, StringComparison.Ordinal);
        Assert.DoesNotContain(Facts.ApiSecret, report.ToString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(scenario));
    }

    [Fact]
    public async Task RunAsync_Finished_LogsMaskedKeyHostVerdictAndDuration()
    {
        var harness = new EngineHarness();

        await harness.RunAsync();

        var finished = harness.Logger.Collector.LatestRecord;
        var state = finished.StructuredState!.ToDictionary(kv => kv.Key, kv => kv.Value);
        Assert.Equal("…Xy12", state["MaskedKey"]);
        Assert.Equal("https://api.bybit.com", state["Host"]);
        Assert.Equal("Pass", state["Verdict"]);
        Assert.True(state.ContainsKey("DurationMs"));
    }

    [Fact]
    public void DiagnosticRequest_ToString_NeverShowsSecret()
    {
        var request = new DiagnosticRequest(Facts.ApiKey, Facts.ApiSecret, Facts.Host);

        var text = request.ToString();

        Assert.DoesNotContain(Facts.ApiSecret, text, StringComparison.Ordinal);
    }
}
