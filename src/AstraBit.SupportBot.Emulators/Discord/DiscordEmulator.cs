using System.Globalization;
using System.Text.Json.Nodes;

namespace AstraBit.SupportBot.Emulators.Discord;

/// <summary>Settings shared by the emulated gateway and REST API, so the bot sees one consistent Discord.</summary>
public sealed record DiscordEmulatorOptions
{
    /// <summary>The bot token both halves accept (it must look like a real token to pass the bot's own validation).</summary>
    public string Token { get; init; } = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.GzEmu1.emulator-token-for-local-use-only";

    public ulong ApplicationId { get; init; } = 1_100_000_000_000_000_002;

    public ulong BotUserId { get; init; } = 1_100_000_000_000_000_002;

    public ulong GuildId { get; init; } = 1_100_000_000_000_000_003;

    /// <summary>Port of the REST API on 127.0.0.1 (0 picks a free one).</summary>
    public int RestPort { get; init; }

    /// <summary>Port of the gateway on 127.0.0.1 (0 picks a free one).</summary>
    public int GatewayPort { get; init; }

    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromMilliseconds(41250);

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// Whether the Message Content intent is switched on for the app "in the Developer Portal". Off, IDENTIFY asking
    /// for it is closed with 4014 and REST hides other users' message content; on, the gateway still hides it from a
    /// session that didn't ask for it.
    /// </summary>
    public bool MessageContentIntent { get; init; } = true;

    /// <summary>How long after an interaction its first response is accepted (Discord: 3 seconds).</summary>
    public TimeSpan InteractionResponseDeadline { get; init; } = TimeSpan.FromSeconds(3);
}

/// <summary>
/// The Discord emulator as the bot sees it: a gateway and a REST API that agree on the token, the
/// application and the guild; and, for tests and the sandbox, a way to act as a member: every action
/// builds the INTERACTION_CREATE Discord would send, registers it with the REST side (for the 3-second
/// callback deadline) and dispatches it on the gateway.
/// </summary>
public sealed class DiscordEmulator : IAsyncDisposable
{
    private DiscordEmulator(DiscordEmulatorOptions options, DiscordGatewayEmulator gateway, DiscordRestEmulator rest)
    {
        Options = options;
        Gateway = gateway;
        Rest = rest;
    }

    public DiscordEmulatorOptions Options { get; }

    public DiscordGatewayEmulator Gateway { get; }

    public DiscordRestEmulator Rest { get; }

    public Uri ApiBaseUrl => Rest.ApiBaseUrl;

    public Uri GatewayUrl => Gateway.GatewayUrl;

    public static async Task<DiscordEmulator> StartAsync(DiscordEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new DiscordEmulatorOptions();
        var gateway = await DiscordGatewayEmulator.StartAsync(
            new DiscordGatewayEmulatorOptions
            {
                Token = options.Token,
                Port = options.GatewayPort,
                ApplicationId = options.ApplicationId.ToString(CultureInfo.InvariantCulture),
                BotUserId = options.BotUserId.ToString(CultureInfo.InvariantCulture),
                GuildIds = [options.GuildId.ToString(CultureInfo.InvariantCulture)],
                HeartbeatInterval = options.HeartbeatInterval,
                TimeProvider = options.TimeProvider,
                EnabledPrivilegedIntents = options.MessageContentIntent
                    ? DiscordGatewayEmulatorOptions.PrivilegedIntents
                    : DiscordGatewayEmulatorOptions.PrivilegedIntents & ~(1 << 15),
            },
            cancellationToken).ConfigureAwait(false);
        try
        {
            var rest = await DiscordRestEmulator.StartAsync(
                new DiscordRestEmulatorOptions
                {
                    Token = options.Token,
                    Port = options.RestPort,
                    ApplicationId = options.ApplicationId,
                    BotUserId = options.BotUserId,
                    GuildId = options.GuildId,
                    GatewayUrl = gateway.GatewayUrl,
                    TimeProvider = options.TimeProvider,
                    MessageContentIntent = options.MessageContentIntent,
                    InteractionResponseDeadline = options.InteractionResponseDeadline,
                },
                cancellationToken).ConfigureAwait(false);
            return new DiscordEmulator(options, gateway, rest);
        }
        catch
        {
            await gateway.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>A member runs a slash command; returns the interaction id to wait on.</summary>
    public Task<ulong> RunSlashCommandAsync(ulong userId, string name, IEnumerable<SlashOption>? options = null, ulong? channelId = null) =>
        DispatchAsync(Rest.CreateSlashCommand(userId, name, options, channelId));

    /// <summary>A member types into an autocomplete option of a slash command (interaction type 4).</summary>
    public Task<ulong> TypeAutocompleteAsync(ulong userId, string name, IEnumerable<SlashOption> options, ulong? channelId = null) =>
        DispatchAsync(Rest.CreateAutocomplete(userId, name, options, channelId));

    /// <summary>A moderator uses a user context-menu command on <paramref name="targetUserId"/>.</summary>
    public Task<ulong> RunUserCommandAsync(ulong userId, string name, ulong targetUserId, ulong? channelId = null) =>
        DispatchAsync(Rest.CreateUserCommand(userId, name, targetUserId, channelId));

    /// <summary>A member clicks a button on a message.</summary>
    public Task<ulong> ClickButtonAsync(ulong userId, string customId, ulong messageId, ulong? channelId = null, bool inDm = false) =>
        DispatchAsync(Rest.CreateButtonClick(userId, customId, messageId, channelId, inDm));

    /// <summary>A member picks options in a string select.</summary>
    public Task<ulong> SelectAsync(ulong userId, string customId, IEnumerable<string> values, ulong messageId, ulong? channelId = null, bool inDm = false) =>
        DispatchAsync(Rest.CreateSelect(userId, customId, values, messageId, channelId, inDm));

    /// <summary>A member submits modal <paramref name="modal"/> (the form the bot opened) with typed answers, files included.</summary>
    public Task<ulong> SubmitModalAsync(ulong userId, string customId, IReadOnlyList<ModalAnswer> answers, JsonObject? modal, ulong? channelId = null, bool inDm = false, ulong? messageId = null) =>
        DispatchAsync(Rest.CreateModalSubmit(userId, customId, answers, modal, channelId, inDm, messageId));

    /// <summary>A member submits a modal.</summary>
    public Task<ulong> SubmitModalAsync(ulong userId, string customId, IReadOnlyDictionary<string, string> values, ulong? channelId = null, bool inDm = false, ulong? messageId = null) =>
        DispatchAsync(Rest.CreateModalSubmit(userId, customId, values, channelId, inDm, messageId: messageId));

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Rest.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            await Gateway.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<ulong> DispatchAsync(JsonObject interaction)
    {
        var id = ulong.Parse(interaction["id"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        await Gateway.DispatchAsync("INTERACTION_CREATE", interaction).ConfigureAwait(false);
        return id;
    }
}
