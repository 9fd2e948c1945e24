using AstraBit.SupportBot.Discord.Gateway;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AstraBit.SupportBot.Doctor;

public static class DoctorServices
{
    /// <summary>The set-up checks, and the Discord half of them run once after READY (needs AddSupportBot's clients and options).</summary>
    public static IServiceCollection AddSupportDoctor(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddTransient<DiscordSetupCheck>();
        services.TryAddTransient<BybitHostCheck>();
        services.TryAddTransient<DataFileCheck>();
        services.TryAddTransient<ContentCheck>();
        services.TryAddTransient<DoctorRunner>();
        services.TryAddSingleton<DoctorReadyState>();
        services.AddScoped<IGatewayEventHandler, DoctorReadyCheck>();
        return services;
    }
}
