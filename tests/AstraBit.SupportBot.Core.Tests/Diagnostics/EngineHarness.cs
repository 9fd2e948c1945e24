using AstraBit.SupportBot.Core.Diagnostics;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace AstraBit.SupportBot.Core.Tests.Diagnostics;

/// <summary>An engine wired to the fake reader, a fake clock and a fake logger.</summary>
internal sealed class EngineHarness
{
    public FakeAccountReader Reader { get; } = new();

    public FakeTimeProvider Time { get; } = new(Facts.Now);

    public FakeLogger<DiagnosticEngine> Logger { get; } = new();

    public DiagnosticsOptions Options { get; } = new();

    public DiagnosticEngine CreateEngine() => new(Reader, Microsoft.Extensions.Options.Options.Create(Options), Guide.ShippedGuide.Texts, Time, Logger);

    /// <summary>The check's English texts, as the engine writes them for a reader without a locale.</summary>
    public static CheckTexts Texts { get; } = new(Guide.ShippedGuide.English);

    public Task<DiagnosticReport> RunAsync(IReadOnlyList<string>? symbols = null) =>
        CreateEngine().RunAsync(new DiagnosticRequest(Facts.ApiKey, Facts.ApiSecret, Facts.Host, symbols), CancellationToken.None);

    public static CheckResult Check(DiagnosticReport report, string id) =>
        report.Find(id) ?? throw new InvalidOperationException($"The report has no check '{id}'.");
}
