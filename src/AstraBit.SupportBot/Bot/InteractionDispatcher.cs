using System.Text.Json;
using AstraBit.SupportBot.Discord.Gateway;
using AstraBit.SupportBot.Discord.Models;
using AstraBit.SupportBot.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace AstraBit.SupportBot.Bot;

/// <summary>One kind of member action (a command, a button, a modal) the bot answers.</summary>
public interface IInteractionHandler
{
    bool CanHandle(Interaction interaction);

    Task HandleAsync(Interaction interaction, CancellationToken cancellationToken);
}

/// <summary>
/// Turns INTERACTION_CREATE into a call on the handler that wants it. Every interaction gets an answer:
/// one nobody handles is told so, and a handler that fails leaves the member an apology rather than
/// Discord's "The application did not respond".
/// </summary>
public sealed partial class InteractionDispatcher(
    IEnumerable<IInteractionHandler> handlers,
    DiscordRestClient rest,
    ILogger<InteractionDispatcher> logger) : IGatewayEventHandler
{
    public bool Handles(string eventName) => eventName == "INTERACTION_CREATE";

    public async Task HandleAsync(GatewayEvent gatewayEvent, CancellationToken cancellationToken)
    {
        Interaction interaction;
        try
        {
            interaction = Interaction.Parse(gatewayEvent.Data);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            LogUnreadable(logger, gatewayEvent.Sequence, ex);
            return;
        }

        var handler = handlers.FirstOrDefault(h => h.CanHandle(interaction));
        try
        {
            if (handler is null)
            {
                await rest.RespondAsync(interaction, Replies.NotHandled(interaction), cancellationToken);
                return;
            }

            await handler.HandleAsync(interaction, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, interaction.Id, Describe(interaction), ex);
            await TryApologiseAsync(interaction, cancellationToken);
        }
    }

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

    internal static string Describe(Interaction interaction) => interaction.Data switch
    {
        ApplicationCommandData command => "/" + command.Name + (command.SubcommandName is { } sub ? " " + sub : ""),
        ComponentInteractionData component => "component " + component.CustomId,
        ModalSubmitData modal => "modal " + modal.CustomId,
        _ => interaction.Type.ToString(),
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unreadable INTERACTION_CREATE at seq {Sequence}")]
    private static partial void LogUnreadable(ILogger logger, int sequence, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Interaction {InteractionId} ({Action}) failed")]
    private static partial void LogFailed(ILogger logger, ulong interactionId, string action, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the member about the failure of interaction {InteractionId}: Discord code {Code}, HTTP {Status}")]
    private static partial void LogApologyFailed(ILogger logger, ulong interactionId, int code, System.Net.HttpStatusCode status);
}
