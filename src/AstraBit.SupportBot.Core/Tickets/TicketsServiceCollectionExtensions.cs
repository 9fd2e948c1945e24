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
    /// does) the desk, which is also the <see cref="IClosedTicketEraser"/> a deletion goes through, and the support clock
    /// (<see cref="SupportClock.Key"/>) the ledger and the figures run on.
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
        services.AddSupportMetrics();
        // On the support clock (ticket timers and waits are the desk's time); the host registers the clocks.
        services.TryAddSingleton(sp => new TicketLedger(
            sp.GetRequiredService<ITicketStore>(),
            sp.GetRequiredService<IAuditLog>(),
            SupportClock.Of(sp),
            sp.GetRequiredService<IOptions<TicketOptions>>(),
            sp.GetService<SupportMetrics>()));

        // The desk's reads over the same stores; the host's storage registers IMemberDataStore and ISupportStatsSource.
        services.TryAddSingleton<MemberHistoryService>();
        // Scoped: it erases closed tickets through the desk, which is scoped like the REST client it uses.
        services.TryAddScoped<MemberDataService>();
        services.TryAddSingleton(sp => new SupportStatsService(
            sp.GetRequiredService<ISupportStatsSource>(),
            SupportClock.Of(sp),
            sp.GetRequiredService<IOptions<TicketOptions>>()));
        return services;
    }
}
