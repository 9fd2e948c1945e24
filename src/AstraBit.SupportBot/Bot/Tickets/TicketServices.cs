using AstraBit.SupportBot.Core;
using AstraBit.SupportBot.Bot.Interactions;
using AstraBit.SupportBot.Core.Audit;
using AstraBit.SupportBot.Core.Privacy;
using AstraBit.SupportBot.Core.Stats;
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
    /// Tickets in Discord: the "Tickets" section, the desk's <see cref="TicketLedger"/> on the ticket clock, the desk, the
    /// /ticket command, the ticket buttons, the thread and member-left events, the timers.
    /// Expects storage (ITicketStore, IAuditLog) to be registered.
    /// </summary>
    public static IServiceCollection AddSupportTicketDesk(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TicketOptions>().Bind(configuration.GetSection(TicketOptions.SectionName));
        services.AddSupportClock();
        services.TryAddSingleton(sp => new TicketLedger(
            sp.GetRequiredService<ITicketStore>(),
            sp.GetRequiredService<IAuditLog>(),
            SupportClock.Of(sp),
            sp.GetRequiredService<IOptions<TicketOptions>>(),
            sp.GetService<AstraBit.SupportBot.Core.Telemetry.SupportMetrics>()));
        // The desk's figures on the ticket clock too (before AddSupportTickets, whose TryAdd then keeps this one).
        services.TryAddSingleton(sp => new SupportStatsService(
            sp.GetRequiredService<ISupportStatsSource>(),
            sp.GetRequiredKeyedService<TimeProvider>(SupportClock.Key),
            sp.GetRequiredService<IOptions<TicketOptions>>()));
        services.AddSupportTickets();

        services.TryAddScoped<SupportRoles>();
        services.TryAddSingleton<TicketDeskLock>();
        services.TryAddScoped<ITicketDiscord, TicketDiscord>();
        services.TryAddScoped<TicketDesk>();
        services.TryAddScoped<ITicketDesk>(sp => sp.GetRequiredService<TicketDesk>());
        services.TryAddScoped<IClosedTicketEraser>(sp => sp.GetRequiredService<TicketDesk>());
        services.AddInteractionHandler<TicketCommandHandler>();
        services.AddInteractionHandler<TicketInteractionHandler>();
        services.AddInteractionHandler<Privacy.MemberHistoryHandler>();
        services.AddInteractionHandler<Privacy.PrivacyHandler>();
        services.TryAddScoped<TicketGatewayHandler>();
        services.AddScoped<IGatewayEventHandler<MessageCreatedEvent>>(sp => sp.GetRequiredService<TicketGatewayHandler>());
        services.AddScoped<IGatewayEventHandler<GuildMemberRemovedEvent>>(sp => sp.GetRequiredService<TicketGatewayHandler>());
        services.AddHostedService<TicketTimerService>();
        services.AddHostedService<TicketOutboxService>();
        services.TryAddSingleton<MessageContentNotice.State>();
        services.AddScoped<IGatewayEventHandler<ReadyEvent>, MessageContentNotice>();
        return services;
    }
}
