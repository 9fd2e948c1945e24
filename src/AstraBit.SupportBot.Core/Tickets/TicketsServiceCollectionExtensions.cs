using AstraBit.SupportBot.Core.Audit;
using AstraBit.SupportBot.Core.Privacy;
using AstraBit.SupportBot.Core.Stats;
using AstraBit.SupportBot.Core.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Core.Tickets;

public static class TicketsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="TicketLedger"/> (for the ticket desk alone) and the validation of its options. The host binds
    /// the "Tickets" section, registers an <see cref="ITicketStore"/> and an <see cref="IAuditLog"/> (AddSupportStorage
    /// does) and the desk, which is also the <see cref="IClosedTicketEraser"/> a deletion goes through.
    /// </summary>
    public static IServiceCollection AddSupportTickets(this IServiceCollection services, Action<TicketOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = services.AddOptions<TicketOptions>().ValidateOnStart();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TicketOptions>, TicketOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSupportMetrics();
        services.TryAddSingleton<TicketLedger>();

        // The desk's reads over the same stores; the host's storage registers IMemberDataStore and ISupportStatsSource.
        services.TryAddSingleton<MemberHistoryService>();
        // Scoped: it erases closed tickets through the desk, which is scoped like the REST client it uses.
        services.TryAddScoped<MemberDataService>();
        services.TryAddSingleton<SupportStatsService>();
        return services;
    }
}
