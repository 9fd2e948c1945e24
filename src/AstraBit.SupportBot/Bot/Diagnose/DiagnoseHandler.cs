using AstraBit.SupportBot.Bot.Interactions;
using AstraBit.SupportBot.Bot.KeyChecks;
using AstraBit.SupportBot.Core.KeyChecks;
using AstraBit.SupportBot.Discord.Models;
using AstraBit.SupportBot.Discord.Rest;

namespace AstraBit.SupportBot.Bot.Diagnose;

/// <summary>`/diagnose` opens the key form ("dx:key"); its submit is the member's own check, answered privately (<see cref="KeyCheckFlow"/>).</summary>
public sealed class DiagnoseHandler(KeyCheckFlow flow, DiscordRestClient rest) : ICommandHandler, IComponentHandler
{
    public IReadOnlyList<string> Commands { get; } = [SupportCommands.Diagnose];

    public string Prefix => KeyCheckForms.CommandPrefix;

    public Task HandleAsync(Interaction interaction, ApplicationCommandData command, CancellationToken cancellationToken) =>
        flow.OpenFormAsync(interaction, new KeyCheckOrigin.Command(), cancellationToken);

    public Task HandleAsync(Interaction interaction, ComponentId id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        ArgumentNullException.ThrowIfNull(id);
        return id.Action == KeyCheckForms.Action && interaction.Modal is not null
            ? flow.SubmitAsync(interaction, PrivateResultAnswer.Command, cancellationToken)
            : rest.RespondAsync(interaction, Replies.NotHandled(interaction), cancellationToken);
    }
}
