using AstraBit.SupportBot.Adapters;
using AstraBit.SupportBot.Bybit;
using AstraBit.SupportBot.Core.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AstraBit.SupportBot.Hosting;

public static class DiagnosticsServices
{
    /// <summary>The key check: Bybit client ("Bybit" section), the engine ("Diagnostics" section) and the adapter between them.</summary>
    public static IServiceCollection AddDiagnosticsServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddBybitClient(configuration.GetSection("Bybit"));
        services.AddOptions<DiagnosticsOptions>().Bind(configuration.GetSection(DiagnosticsOptions.SectionName));
        services.AddSupportDiagnostics();
        services.AddSingleton<IBybitAccountReaderFactory, BybitAccountReaderFactory>();
        return services;
    }
}
