using System.Diagnostics.CodeAnalysis;
using AstraBit.SupportBot.Bot.Moderation;
using AstraBit.SupportBot.Bot.Tickets;
using AstraBit.SupportBot.Bot.Walkthrough;
using AstraBit.SupportBot.Core.KeyChecks;
using Microsoft.Extensions.DependencyInjection;

namespace AstraBit.SupportBot.Bot.KeyChecks;

public static class KeyCheckServices
{
    /// <summary>
    /// The key check from Discord: Core's use case (<see cref="KeyCheckServiceCollectionExtensions.AddSupportKeyChecks"/>)
    /// on the configured Bybit sites, the background runner, the restart answer for in-flight checks, and one presenter
    /// per way in. The handlers, the walkthrough's progress updater, the ticket desk and the check requests are the host's.
    /// </summary>
    public static IServiceCollection AddSupportKeyCheckFlow(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<IBybitSites, BybitSites>();
        services.AddSupportKeyChecks();
        services.AddSingleton<BackgroundChecks>();
        services.AddHostedService(sp => sp.GetRequiredService<BackgroundChecks>());
        services.AddHostedService<InFlightCheckRecovery>();
        services.AddScoped<KeyCheckFlow>();

        services.AddKeyCheckPresenter<KeyCheckOrigin.Command, DiagnosePresenter>();
        services.AddKeyCheckPresenter<KeyCheckOrigin.Panel, PanelCheckPresenter>();
        services.AddKeyCheckPresenter<KeyCheckOrigin.WalkthroughStep, WalkthroughCheckPresenter>();
        services.AddKeyCheckPresenter<KeyCheckOrigin.InTicket, TicketRecheckPresenter>();
        services.AddKeyCheckPresenter<KeyCheckOrigin.ModeratorRequest, RequestedCheckPresenter>();
        return services;
    }

    /// <summary>
    /// A way into the key check: its presenter, its start (<see cref="KeyCheckStart{TOrigin}"/>, what the key form's
    /// handler calls) and its run in the background (<see cref="KeyCheckRun{TOrigin}"/>), all scoped to an interaction or a background check.
    /// </summary>
    public static IServiceCollection AddKeyCheckPresenter<TOrigin, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TPresenter>(this IServiceCollection services)
        where TOrigin : KeyCheckOrigin
        where TPresenter : KeyCheckPresenter<TOrigin>
    {
        services.AddScoped<KeyCheckPresenter<TOrigin>, TPresenter>();
        services.AddScoped<KeyCheckStart<TOrigin>>();
        services.AddScoped<KeyCheckRun<TOrigin>>();
        return services;
    }
}
