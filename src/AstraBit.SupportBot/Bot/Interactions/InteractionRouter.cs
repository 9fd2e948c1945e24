using AstraBit.SupportBot.Bot.Languages;
using AstraBit.SupportBot.Discord.Gateway;
using AstraBit.SupportBot.Discord.Models;
using AstraBit.SupportBot.Discord.Rest;
using AstraBit.SupportBot.Hosting;
using Microsoft.Extensions.Logging;

namespace AstraBit.SupportBot.Bot.Interactions;

/// <summary>The bot's answer to one or more application commands (slash or context-menu), by name.</summary>
public interface ICommandHandler
{
    IReadOnlyList<string> Commands { get; }

    Task HandleAsync(Interaction interaction, ApplicationCommandData command, CancellationToken cancellationToken);
}

/// <summary>
/// The router's view of a component handler: the routes it owns (a custom_id prefix, or "prefix:action" for ids an older
/// version sent under another prefix), how it reads its ids, and the call with one it read. Handlers implement
/// <see cref="IComponentHandler{TId}"/>, which fills all three in from their typed id.
/// </summary>
public interface IComponentHandler
{
    /// <summary>What this handler owns: its prefix ("tk"), and any legacy "prefix:action" routes.</summary>
    IReadOnlyList<string> Routes { get; }

    /// <summary>The typed id <paramref name="id"/> stands for, or null when it is none of this handler's.</summary>
    ICustomId? Read(ComponentId id);

    /// <summary>A click, a select or a form submit whose id this handler read (and the router let through).</summary>
    Task HandleAsync(Interaction interaction, ICustomId id, CancellationToken cancellationToken);
}

/// <summary>The bot's answer to the buttons, selects and forms whose custom_id is a <typeparamref name="TId"/>.</summary>
public interface IComponentHandler<TId> : IComponentHandler
    where TId : class, ICustomId<TId>
{
    IReadOnlyList<string> IComponentHandler.Routes => [TId.Prefix, .. TId.LegacyRoutes];

    ICustomId? IComponentHandler.Read(ComponentId id) => TId.TryParse(id);

    Task IComponentHandler.HandleAsync(Interaction interaction, ICustomId id, CancellationToken cancellationToken) =>
        HandleAsync(interaction, (TId)id, cancellationToken);

    /// <summary>A click, a select or a form submit; <paramref name="id"/> is what was clicked, typed.</summary>
    Task HandleAsync(Interaction interaction, TId id, CancellationToken cancellationToken);
}

/// <summary>A command handler whose options are autocompleted: answers APPLICATION_COMMAND_AUTOCOMPLETE (type 4) with at most 25 choices.</summary>
public interface IAutocompleteHandler
{
    Task AutocompleteAsync(Interaction interaction, ApplicationCommandData command, CancellationToken cancellationToken);
}

/// <summary>
/// Turns INTERACTION_CREATE into a call on the one handler that owns it: commands by name, components and forms by
/// the prefix of their custom_id (<see cref="InteractionHandlerMap"/>), read into the handler's typed id. Only that
/// handler is built, in the event's scope. An id that edits its message in place (<see cref="IdSurface.OwnMessage"/>)
/// is refused, privately and changing nothing, on a message that isn't its own. Every interaction gets an answer: one
/// nobody owns is told so, and a handler that fails leaves the member an apology rather than Discord's "The
/// application did not respond".
/// </summary>
public sealed partial class InteractionRouter(
    InteractionHandlerMap handlers,
    IServiceProvider services,
    DiscordRestClient rest,
    DataFileHealth dataFile,
    SupportLanguages languages,
    ILogger<InteractionRouter> logger)
    : IGatewayEventHandler<InteractionCreatedEvent>
{
    public async Task HandleAsync(InteractionCreatedEvent gatewayEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gatewayEvent);
        var interaction = gatewayEvent.Interaction;
        try
        {
            // First, so whatever this interaction sends the member later without one (a ticket's welcome) is in their
            // language; a new or changed locale is stored beside the answer, batched with others (SupportLanguages).
            languages.Note(interaction);
            var routed = interaction.Data switch
            {
                ApplicationCommandData typing when interaction.Type == InteractionType.ApplicationCommandAutocomplete =>
                    handlers.Command(services, typing.Name) is IAutocompleteHandler suggester
                        ? suggester.AutocompleteAsync(interaction, typing, cancellationToken)
                        : rest.AutocompleteAsync(interaction, [], cancellationToken),
                ApplicationCommandData command when handlers.Command(services, command.Name) is { } handler => handler.HandleAsync(interaction, command, cancellationToken),
                ComponentInteractionData component => RouteComponent(interaction, component.CustomId, cancellationToken),
                ModalSubmitData modal => RouteComponent(interaction, modal.CustomId, cancellationToken),
                _ => null,
            };

            await (routed ?? rest.RespondAsync(interaction, Replies.NotHandled(interaction, languages.For(interaction)), cancellationToken));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A data file that takes no writes is logged once by DataFileHealth, not once per member who meets it.
            var unsaved = dataFile.Explains(ex);
            if (unsaved)
            {
                LogNotSaved(logger, interaction.Id, Describe(interaction));
            }
            else
            {
                LogFailed(logger, interaction.Id, Describe(interaction), ex);
            }

            await TryApologiseAsync(interaction, unsaved ? Replies.CannotSaveNow(languages.For(interaction)) : Replies.SomethingWentWrong(languages.For(interaction)), cancellationToken);
        }
    }

    internal static string Describe(Interaction interaction) => interaction.Data switch
    {
        ApplicationCommandData command => "/" + command.Name + (command.SubcommandName is { } sub ? " " + sub : ""),
        ComponentInteractionData component => "component " + component.CustomId,
        ModalSubmitData modal => "modal " + modal.CustomId,
        _ => interaction.Type.ToString(),
    };

    /// <summary>
    /// Whether an id that edits its message in place may act on the interaction's message: one only the clicker sees
    /// (ephemeral, or in their DM with the bot), one the bot put this very id on, or none (a form opened by a command).
    /// </summary>
    internal static bool IsItsMessage(Interaction interaction, string customId) =>
        interaction.IsInDirectMessage
        || interaction.Message is not { } message
        || message.IsEphemeral
        || message.Carries(customId);

    private Task? RouteComponent(Interaction interaction, string? customId, CancellationToken cancellationToken)
    {
        if (ComponentId.Parse(customId) is not { } raw || handlers.Component(services, raw) is not { } handler || handler.Read(raw) is not { } id)
        {
            return null;
        }

        if (id.Surface == IdSurface.OwnMessage && !IsItsMessage(interaction, raw.ToString()))
        {
            LogForeignMessage(logger, interaction.Id, interaction.User.Id, raw.ToString(), interaction.MessageId ?? 0);
            return rest.RespondAsync(interaction, Replies.NotThisMessage(languages.For(interaction)), cancellationToken);
        }

        return handler.HandleAsync(interaction, id, cancellationToken);
    }

    private async Task TryApologiseAsync(Interaction interaction, MessagePayload apology, CancellationToken cancellationToken)
    {
        try
        {
            await rest.RespondAsync(interaction, apology, cancellationToken);
        }
        catch (DiscordRestException ex) when (ex.Code == DiscordErrorCodes.InteractionAlreadyAcknowledged)
        {
            // Already acknowledged (deferred): the apology goes in as a follow-up instead.
            await rest.CreateFollowupAsync(interaction, apology, cancellationToken);
        }
        catch (DiscordRestException ex)
        {
            LogApologyFailed(logger, interaction.Id, ex.Code, ex.HttpStatus);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Interaction {InteractionId} ({Action}) failed")]
    private static partial void LogFailed(ILogger logger, ulong interactionId, string action, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Interaction {InteractionId}: member {UserId} used {CustomId} on message {MessageId}, which is not that button's message; refused, nothing changed")]
    private static partial void LogForeignMessage(ILogger logger, ulong interactionId, ulong userId, string customId, ulong messageId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Interaction {InteractionId} ({Action}) was not saved: the data file takes no writes")]
    private static partial void LogNotSaved(ILogger logger, ulong interactionId, string action);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the member about the failure of interaction {InteractionId}: Discord code {Code}, HTTP {Status}")]
    private static partial void LogApologyFailed(ILogger logger, ulong interactionId, int code, System.Net.HttpStatusCode status);
}
