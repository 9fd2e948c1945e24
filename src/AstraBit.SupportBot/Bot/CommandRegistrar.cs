using System.Text.Json;
using AstraBit.SupportBot.Discord.Gateway;
using AstraBit.SupportBot.Discord.Rest;
using AstraBit.SupportBot.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Bot;

/// <summary>
/// On the first READY of the process, replaces the guild's commands with <see cref="SupportCommands.All"/>
/// (bulk overwrite: commands removed from the code disappear from Discord too). Guild commands update at
/// once, unlike global ones.
/// </summary>
public sealed partial class CommandRegistrar(
    DiscordRestClient rest,
    IOptions<SupportDiscordOptions> support,
    RegistrationState state,
    ILogger<CommandRegistrar> logger) : IGatewayEventHandler
{
    public bool Handles(string eventName) => eventName == "READY";

    public async Task HandleAsync(GatewayEvent gatewayEvent, CancellationToken cancellationToken)
    {
        if (!state.TryBegin())
        {
            return;
        }

        try
        {
            var applicationId = ReadApplicationId(gatewayEvent.Data);
            var registered = await rest.BulkOverwriteGuildCommandsAsync(applicationId, support.Value.GuildId, SupportCommands.All, cancellationToken);
            LogRegistered(logger, registered.Count, support.Value.GuildId);
            state.Complete();
        }
        catch
        {
            // Let the next READY (after a reconnect) try again.
            state.Reset();
            throw;
        }
    }

    private static ulong ReadApplicationId(JsonElement ready) =>
        ready.TryGetProperty("application", out var app) && app.TryGetProperty("id", out var id) && ulong.TryParse(id.GetString(), out var value)
            ? value
            : throw new InvalidOperationException("READY carried no application id.");

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered {Count} commands in guild {GuildId}")]
    private static partial void LogRegistered(ILogger logger, int count, ulong guildId);
}

/// <summary>Process-wide: commands are registered once, not on every re-identify.</summary>
public sealed class RegistrationState
{
    private int _state;

    public bool IsRegistered => Volatile.Read(ref _state) == 2;

    public bool TryBegin() => Interlocked.CompareExchange(ref _state, 1, 0) == 0;

    public void Complete() => Volatile.Write(ref _state, 2);

    public void Reset() => Volatile.Write(ref _state, 0);
}
