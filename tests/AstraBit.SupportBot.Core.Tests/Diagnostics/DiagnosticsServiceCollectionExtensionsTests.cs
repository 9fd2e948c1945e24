using AstraBit.SupportBot.Core.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Core.Tests.Diagnostics;

public sealed class DiagnosticsServiceCollectionExtensionsTests
{
    [Fact]
    public void AddSupportDiagnostics_CalledTwice_RegistersEngineAndValidatorOnce()
    {
        var services = new ServiceCollection();

        services.AddSupportDiagnostics();
        services.AddSupportDiagnostics();

        Assert.Single(services, d => d.ServiceType == typeof(DiagnosticEngine));
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<DiagnosticsOptions>));
        // The clocks are the host's to name (AddBotClocks): a library registering one would decide by order which a class gets.
        Assert.DoesNotContain(services, d => d.ServiceType == typeof(TimeProvider));
    }

    [Fact]
    public void AddSupportDiagnostics_BadOptions_FailNamingKey()
    {
        var services = new ServiceCollection();
        services.AddSupportDiagnostics(o => o.MinimumBalanceUsd = -1m);
        services.AddSingleton<IBybitAccountReaderFactory>(new FakeAccountReader());
        services.AddLogging();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DiagnosticsOptions>>().Value);

        Assert.Contains("Diagnostics:MinimumBalanceUsd must be greater than 0", error.Message, StringComparison.Ordinal);
    }
}
