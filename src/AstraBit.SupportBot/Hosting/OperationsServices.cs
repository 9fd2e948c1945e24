using AstraBit.SupportBot.Discord.Gateway;
using AstraBit.SupportBot.Discord.Rest;
using AstraBit.SupportBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Hosting;

/// <summary>Whether the bot stopped because it could no longer serve members (data file gone, handlers unresolvable).</summary>
public sealed class ServeStatus
{
    private string? failure;

    public string? Failure => Volatile.Read(ref failure);

    public void Fail(string reason) => Interlocked.CompareExchange(ref failure, reason, null);
}

public static class OperationsServices
{
    /// <summary>
    /// The operator's side of the bot process: Logging and Storage options validated at start, liveness recorded
    /// for `health` (taps on the gateway transport and the Discord REST client), the stop when the data file is
    /// gone, the watch on writes to it (<see cref="DataFileHealth"/>), and the daily backup. Call after the Discord client is registered.
    /// </summary>
    public static IServiceCollection AddSupportOperations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LoggingOptions>().Bind(configuration.GetSection(LoggingOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LoggingOptions>, LoggingOptionsValidator>());
        services.AddOptions<StorageOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());

        services.AddSingleton(sp => new BotLiveness(
            sp.GetRequiredKeyedService<TimeProvider>(LivenessClock.Key),
            BotLiveness.FileFor(sp.GetRequiredService<IOptions<StorageOptions>>().Value.Path)));
        services.AddSingleton<ServeStatus>();
        DecorateGatewayTransport(services);
        services.AddHttpClient(nameof(DiscordRestClient)).AddHttpMessageHandler(sp => new RestLivenessHandler(sp.GetRequiredService<BotLiveness>()));
        services.AddHostedService<ServeWatch>();
        services.AddSingleton(sp => new DataFileHealth(
            sp.GetRequiredService<SupportDatabase>(),
            sp.GetRequiredService<BotLiveness>(),
            sp.GetRequiredKeyedService<TimeProvider>(LivenessClock.Key),
            sp.GetRequiredService<DiscordRestClient>(),
            sp.GetRequiredService<IOptions<SupportDiscordOptions>>(),
            sp.GetRequiredService<ILogger<DataFileHealth>>()));
        services.AddHostedService(sp => sp.GetRequiredService<DataFileHealth>());
        services.AddHostedService<DailyBackupService>();
        services.AddHostedService<DataCompactionService>();
        return services;
    }

    private static void DecorateGatewayTransport(IServiceCollection services)
    {
        var original = services.LastOrDefault(d => d.ServiceType == typeof(IGatewayTransport) && !d.IsKeyedService);
        if (original is null)
        {
            return;
        }

        services.Remove(original);
        services.AddSingleton<IGatewayTransport>(sp => new LivenessGatewayTransport(Create(sp, original), sp.GetRequiredService<BotLiveness>()));
    }

    private static IGatewayTransport Create(IServiceProvider services, ServiceDescriptor descriptor) =>
        (IGatewayTransport)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));
}

/// <summary>
/// Marks the bot's start and stop in the health file and, at each liveness pulse, checks that the data file is
/// still there: a bot whose data file was deleted or whose volume went away would answer members and keep nothing,
/// so it says so in one line and stops with a non-zero exit code, to be restarted by its supervisor.
/// </summary>
internal sealed partial class ServeWatch(
    BotLiveness liveness,
    SupportDatabase database,
    ServeStatus status,
    IHostApplicationLifetime lifetime,
    ILogger<ServeWatch> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        liveness.Pulse += Check;
        liveness.Started();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        liveness.Pulse -= Check;
        liveness.Stopped();
        return Task.CompletedTask;
    }

    private void Check()
    {
        if (File.Exists(database.Path) || status.Failure is not null)
        {
            return;
        }

        var reason = $"the data file {database.Path} is gone (deleted, moved, or its volume unmounted), so nothing members do could be kept";
        status.Fail(reason);
        LogCannotServe(logger, reason);
        lifetime.StopApplication();
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "The bot can't serve and stops: {Reason}")]
    private static partial void LogCannotServe(ILogger logger, string reason);
}
