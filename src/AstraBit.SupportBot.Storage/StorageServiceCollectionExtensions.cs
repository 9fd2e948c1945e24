using AstraBit.SupportBot.Core.Audit;
using AstraBit.SupportBot.Core.KeyChecks;
using AstraBit.SupportBot.Core.Privacy;
using AstraBit.SupportBot.Core.Stats;
using AstraBit.SupportBot.Core.Panel;
using AstraBit.SupportBot.Core.Text;
using AstraBit.SupportBot.Storage.Languages;
using AstraBit.SupportBot.Core.Reminders;
using AstraBit.SupportBot.Core.Tickets;
using AstraBit.SupportBot.Core.Walkthrough;
using AstraBit.SupportBot.Storage.MemberHelp;
using AstraBit.SupportBot.Storage.Tickets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AstraBit.SupportBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>Registers the LiteDB data file at <paramref name="path"/> (Storage:Path) and the stores on it. The file opens, and migrates, on first use.</summary>
    public static IServiceCollection AddSupportStorage(this IServiceCollection services, string path)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        services.TryAddSingleton(_ => SupportDatabase.OpenForServing(path));
        services.TryAddSingleton<IWalkthroughStore>(sp => new LiteWalkthroughStore(sp.GetRequiredService<SupportDatabase>()));
        services.TryAddSingleton<ICheckHistoryStore>(sp => new LiteCheckHistoryStore(sp.GetRequiredService<SupportDatabase>()));
        services.TryAddSingleton<ITicketStore>(sp => new LiteTicketStore(sp.GetRequiredService<SupportDatabase>()));
        services.TryAddSingleton<ITicketOutbox>(sp => new LiteTicketOutbox(sp.GetRequiredService<SupportDatabase>()));
        services.TryAddSingleton<IAuditLog>(sp => new LiteAuditLog(sp.GetRequiredService<SupportDatabase>()));
        services.TryAddSingleton(sp => new LiteSupportData(sp.GetRequiredService<SupportDatabase>()));
        services.TryAddSingleton<IMemberDataStore>(sp => sp.GetRequiredService<LiteSupportData>());
        services.TryAddSingleton<ISupportStatsSource>(sp => sp.GetRequiredService<LiteSupportData>());
        services.TryAddSingleton<IPanelLocationStore>(sp => new LitePanelStore(sp.GetRequiredService<SupportDatabase>()));
        services.TryAddSingleton<IKeyReminderStore>(sp => new LiteKeyReminderStore(sp.GetRequiredService<SupportDatabase>()));
        services.TryAddSingleton<IInFlightCheckStore>(sp => new LiteInFlightCheckStore(sp.GetRequiredService<SupportDatabase>()));
        services.TryAddSingleton<IMemberLocaleStore>(sp => new LiteMemberLocaleStore(sp.GetRequiredService<SupportDatabase>()));
        return services;
    }
}
