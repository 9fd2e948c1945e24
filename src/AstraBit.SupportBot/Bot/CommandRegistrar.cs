using AstraBit.SupportBot.Bot.Languages;
using AstraBit.SupportBot.Discord.Gateway;
using AstraBit.SupportBot.Discord.Rest;
using AstraBit.SupportBot.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Bot;

/// <summary>
/// On the first READY of the process, replaces the guild's commands with <see cref="SupportCommands"/>, named and described in every shipped language (<see cref="LocalizedCommands"/>)
/// (bulk overwrite: commands removed from the code disappear from Discord too). Guild commands update at
/// once, unlike global ones.
/// </summary>
public sealed partial class CommandRegistrar(
    DiscordRestClient rest,
    IOptions<SupportDiscordOptions> support,
    RegistrationState state,
    LocalizedCommands commands,
    ILogger<CommandRegistrar> logger) : IGatewayEventHandler<ReadyEvent>
{
    public async Task HandleAsync(ReadyEvent gatewayEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gatewayEvent);
        if (!state.TryBegin())
        {
            return;
        }

        try
        {
            var registered = await rest.BulkOverwriteGuildCommandsAsync(gatewayEvent.ApplicationId, support.Value.GuildId, commands.All, cancellationToken);
            LogRegistered(logger, registered.Count, support.Value.GuildId);
        }
        catch
        {
            // Let the next READY (after a reconnect) try again.
            state.Reset();
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered {Count} commands in guild {GuildId}")]
    private static partial void LogRegistered(ILogger logger, int count, ulong guildId);
}

/// <summary>Process-wide: commands are registered once, not on every re-identify.</summary>
public sealed class RegistrationState
{
    private int _state;

    public bool TryBegin() => Interlocked.CompareExchange(ref _state, 1, 0) == 0;

    public void Reset() => Volatile.Write(ref _state, 0);
}
