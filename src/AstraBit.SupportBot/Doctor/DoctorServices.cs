using AstraBit.SupportBot.Discord.Gateway;
using Microsoft.Extensions.DependencyInjection;

namespace AstraBit.SupportBot.Doctor;

public static class DoctorServices
{
    /// <summary>The set-up checks, and the Discord half of them run once after READY (needs AddSupportBot's clients and options).</summary>
    public static IServiceCollection AddSupportDoctor(this IServiceCollection services)
    {
        services.AddTransient<DiscordSetupCheck>();
        services.AddTransient<BybitHostCheck>();
        services.AddTransient<DataFileCheck>();
        services.AddTransient<ContentCheck>();
        services.AddTransient<DoctorRunner>();
        services.AddSingleton<DoctorReadyState>();
        services.AddScoped<IGatewayEventHandler, DoctorReadyCheck>();
        return services;
    }
}
