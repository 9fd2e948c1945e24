using AstraBit.SupportBot.Bot.Interactions;
using AstraBit.SupportBot.Core.Audit;
using AstraBit.SupportBot.Core.Tickets;
using AstraBit.SupportBot.Discord.Gateway;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Bot.Tickets;

public static class TicketServices
{
    /// <summary>
    /// Tickets in Discord: the "Tickets" section, <see cref="TicketService"/> on the ticket clock, the desk, the
    /// /ticket command, the ticket buttons, the thread and member-left events, the timers.
    /// Expects storage (ITicketStore, IAuditLog) to be registered.
    /// </summary>
    public static IServiceCollection AddSupportTicketDesk(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TicketOptions>().Bind(configuration.GetSection(TicketOptions.SectionName));
        services.TryAddKeyedSingleton(TicketClock.Key, (sp, _) => sp.GetRequiredService<TimeProvider>());
        services.TryAddSingleton(sp => new TicketService(
            sp.GetRequiredService<ITicketStore>(),
            sp.GetRequiredService<IAuditLog>(),
            sp.GetRequiredKeyedService<TimeProvider>(TicketClock.Key),
            sp.GetRequiredService<IOptions<TicketOptions>>(), sp.GetService<AstraBit.SupportBot.Core.Telemetry.SupportMetrics>()));
        services.AddSupportTickets();

        services.TryAddScoped<SupportRoles>();
        services.TryAddSingleton<TicketDeskLock>();
        services.TryAddScoped<TicketDesk>();
        services.TryAddScoped<ITicketDesk>(sp => sp.GetRequiredService<TicketDesk>());
        services.AddScoped<ICommandHandler, TicketCommandHandler>();
        services.AddScoped<IComponentHandler, TicketInteractionHandler>();
        services.TryAddScoped<TicketGatewayHandler>();
        services.AddScoped<IGatewayEventHandler<MessageCreatedEvent>>(sp => sp.GetRequiredService<TicketGatewayHandler>());
        services.AddScoped<IGatewayEventHandler<GuildMemberRemovedEvent>>(sp => sp.GetRequiredService<TicketGatewayHandler>());
        services.AddHostedService<TicketTimerService>();
        return services;
    }
}
