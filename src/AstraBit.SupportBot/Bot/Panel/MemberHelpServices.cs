using AstraBit.SupportBot.Bot.Interactions;
using AstraBit.SupportBot.Bot.MemberHelp;
using AstraBit.SupportBot.Core.Panel;
using AstraBit.SupportBot.Discord.Gateway;
using AstraBit.SupportBot.Discord.Rest;
using Microsoft.Extensions.DependencyInjection;

namespace AstraBit.SupportBot.Bot.Panel;

public static class MemberHelpServices
{
    /// <summary>
    /// Meeting members where they are (PRODUCT.md §9) in Discord: the support panel and its buttons, the key-leak guard, answers to pasted errors. Expects storage,
    /// the walkthrough and the ticket desk to be registered.
    /// </summary>
    public static IServiceCollection AddSupportMemberHelpBot(this IServiceCollection services, string panelPath)
    {
        // Reminders run on the bot's one clock (the ticket clock, which tests replace with a fake one).
        services.AddSupportMemberHelp(panelPath);
        // The panel's buttons run the commands' own code; these are the same handlers the router holds, resolved apart.
        services.AddInteractionHandler<SupportPanelCommand>();
        services.AddInteractionHandler<PanelButtonsHandler>();

        // Reading members' messages: the key-leak guard and answers to pasted errors (both need Message Content).
        services.AddHostedService<LeakGuardOffNotice>();
        services.AddDiscordAttachments();
        services.AddSingleton<KeyLeakClaims>();
        services.AddScoped<KeyLeakGuard>();
        services.AddScoped<IGatewayEventHandler<MessageCreatedEvent>>(sp => sp.GetRequiredService<KeyLeakGuard>());
        services.AddScoped<IGatewayEventHandler<MessageUpdatedEvent>>(sp => sp.GetRequiredService<KeyLeakGuard>());
        services.AddScoped<IGatewayEventHandler<MessageCreatedEvent>, PastedErrorResponder>();

        // Key-expiry reminders: /reminders, the Remind me / Stop buttons, the DMs.
        services.AddInteractionHandler<RemindersHandler>();
        services.AddHostedService<KeyReminderTimerService>();
        return services;
    }
}
