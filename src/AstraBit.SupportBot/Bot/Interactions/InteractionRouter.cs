using AstraBit.SupportBot.Discord.Gateway;
using AstraBit.SupportBot.Discord.Models;
using AstraBit.SupportBot.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace AstraBit.SupportBot.Bot.Interactions;

/// <summary>The bot's answer to one or more application commands (slash or context-menu), by name.</summary>
public interface ICommandHandler
{
    IReadOnlyList<string> Commands { get; }

    Task HandleAsync(Interaction interaction, ApplicationCommandData command, CancellationToken cancellationToken);
}

/// <summary>The bot's answer to the buttons, selects and forms whose custom_id starts with <see cref="Prefix"/>.</summary>
public interface IComponentHandler
{
    /// <summary>The first part of the custom_ids this handler owns (<see cref="ComponentId"/>), e.g. "tk".</summary>
    string Prefix { get; }

    /// <summary>A click, a select or a form submit; <paramref name="id"/> is its parsed custom_id.</summary>
    Task HandleAsync(Interaction interaction, ComponentId id, CancellationToken cancellationToken);
}

/// <summary>A command handler whose options are autocompleted: answers APPLICATION_COMMAND_AUTOCOMPLETE (type 4) with at most 25 choices.</summary>
public interface IAutocompleteHandler
{
    Task AutocompleteAsync(Interaction interaction, ApplicationCommandData command, CancellationToken cancellationToken);
}

/// <summary>
/// Turns INTERACTION_CREATE into a call on the one handler that owns it: commands by name, components and forms by
/// the prefix of their custom_id (<see cref="InteractionHandlerMap"/>). Only that handler is built, in the event's
/// scope. Every interaction gets an answer: one nobody owns is told so, and a handler that fails leaves the member an
/// apology rather than Discord's "The application did not respond".
/// </summary>
public sealed partial class InteractionRouter(InteractionHandlerMap handlers, IServiceProvider services, DiscordRestClient rest, ILogger<InteractionRouter> logger)
    : IGatewayEventHandler<InteractionCreatedEvent>
{
    public async Task HandleAsync(InteractionCreatedEvent gatewayEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gatewayEvent);
        var interaction = gatewayEvent.Interaction;
        try
        {
            var routed = interaction.Data switch
            {
                ApplicationCommandData typing when interaction.Type == InteractionType.ApplicationCommandAutocomplete =>
                    handlers.Command(services, typing.Name) is IAutocompleteHandler suggester
                        ? suggester.AutocompleteAsync(interaction, typing, cancellationToken)
                        : rest.AutocompleteAsync(interaction, [], cancellationToken),
                ApplicationCommandData command when handlers.Command(services, command.Name) is { } handler => handler.HandleAsync(interaction, command, cancellationToken),
                ComponentInteractionData component when Owner(component.CustomId) is { } owner => owner.Handler.HandleAsync(interaction, owner.Id, cancellationToken),
                ModalSubmitData modal when Owner(modal.CustomId) is { } owner => owner.Handler.HandleAsync(interaction, owner.Id, cancellationToken),
                _ => null,
            };

            await (routed ?? rest.RespondAsync(interaction, Replies.NotHandled(interaction), cancellationToken));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, interaction.Id, Describe(interaction), ex);
            await TryApologiseAsync(interaction, cancellationToken);
        }
    }

    internal static string Describe(Interaction interaction) => interaction.Data switch
    {
        ApplicationCommandData command => "/" + command.Name + (command.SubcommandName is { } sub ? " " + sub : ""),
        ComponentInteractionData component => "component " + component.CustomId,
        ModalSubmitData modal => "modal " + modal.CustomId,
        _ => interaction.Type.ToString(),
    };

    private (IComponentHandler Handler, ComponentId Id)? Owner(string? customId) =>
        ComponentId.Parse(customId) is { } id && handlers.Component(services, id.Prefix) is { } handler ? (handler, id) : null;

    private async Task TryApologiseAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        try
        {
            await rest.RespondAsync(interaction, Replies.SomethingWentWrong(), cancellationToken);
        }
        catch (DiscordRestException ex) when (ex.Code == DiscordErrorCodes.InteractionAlreadyAcknowledged)
        {
            // Already acknowledged (deferred): the apology goes in as a follow-up instead.
            await rest.CreateFollowupAsync(interaction, Replies.SomethingWentWrong(), cancellationToken);
        }
        catch (DiscordRestException ex)
        {
            LogApologyFailed(logger, interaction.Id, ex.Code, ex.HttpStatus);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Interaction {InteractionId} ({Action}) failed")]
    private static partial void LogFailed(ILogger logger, ulong interactionId, string action, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the member about the failure of interaction {InteractionId}: Discord code {Code}, HTTP {Status}")]
    private static partial void LogApologyFailed(ILogger logger, ulong interactionId, int code, System.Net.HttpStatusCode status);
}
