using AstraBit.SupportBot.Core.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Core.Diagnostics;

public static class DiagnosticsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the key check and the validation of its options. The host binds the "Diagnostics" section
    /// and registers an <see cref="IBybitAccountReaderFactory"/>.
    /// </summary>
    public static IServiceCollection AddSupportDiagnostics(this IServiceCollection services, Action<DiagnosticsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = services.AddOptions<DiagnosticsOptions>().ValidateOnStart();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiagnosticsOptions>, DiagnosticsOptionsValidator>());
        services.AddSupportMetrics();
        services.TryAddSingleton<DiagnosticEngine>();
        return services;
    }
}
