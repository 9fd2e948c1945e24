using AstraBit.SupportBot.Bot.Interactions;
using AstraBit.SupportBot.Bot.KeyChecks;
using AstraBit.SupportBot.Core.KeyChecks;
using AstraBit.SupportBot.Discord.Models;

namespace AstraBit.SupportBot.Bot.Diagnose;

/// <summary>`/diagnose` opens the key form; its submit is the member's own check, answered privately (<see cref="KeyFormHandler"/>).</summary>
public sealed class DiagnoseHandler(KeyCheckFlow flow) : ICommandHandler
{
    public IReadOnlyList<string> Commands { get; } = [SupportCommands.Diagnose];

    public Task HandleAsync(Interaction interaction, ApplicationCommandData command, CancellationToken cancellationToken) =>
        flow.OpenFormAsync(interaction, new KeyCheckOrigin.Command(), cancellationToken);
}
