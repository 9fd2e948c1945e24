using AstraBit.SupportBot.Bot.Interactions;
using AstraBit.SupportBot.Core.Privacy;
using AstraBit.SupportBot.Core.Tickets;
using AstraBit.SupportBot.Discord.Gateway;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

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
        services.AddSupportTickets();

        services.AddScoped<SupportRoles>();
        services.AddSingleton<TicketDeskLock>();
        services.AddScoped<ITicketDiscord, TicketDiscord>();
        services.AddScoped<TicketDesk>();
        services.AddScoped<ITicketDesk>(sp => sp.GetRequiredService<TicketDesk>());
        services.AddScoped<IClosedTicketEraser>(sp => sp.GetRequiredService<TicketDesk>());
        services.AddInteractionHandler<TicketCommandHandler>();
        services.AddScoped<TicketIntakeForm>();
        services.AddInteractionHandler<TicketIntakeHandler>();
        services.AddInteractionHandler<TicketInteractionHandler>();
        services.AddInteractionHandler<Privacy.MemberHistoryHandler>();
        services.AddInteractionHandler<Privacy.PrivacyHandler>();
        services.AddScoped<TicketGatewayHandler>();
        services.AddScoped<IGatewayEventHandler<MessageCreatedEvent>>(sp => sp.GetRequiredService<TicketGatewayHandler>());
        services.AddScoped<IGatewayEventHandler<GuildMemberRemovedEvent>>(sp => sp.GetRequiredService<TicketGatewayHandler>());
        services.AddHostedService<TicketTimerService>();
        services.AddHostedService<TicketOutboxService>();
        services.AddSingleton<MessageContentNotice.State>();
        services.AddScoped<IGatewayEventHandler<ReadyEvent>, MessageContentNotice>();
        return services;
    }
}
