using AstraBit.SupportBot.Core;
using AstraBit.SupportBot.Bot.Interactions;
using AstraBit.SupportBot.Bot.Tickets;
using AstraBit.SupportBot.Core.Answers;
using AstraBit.SupportBot.Core.Tickets;
using AstraBit.SupportBot.Discord.Models;
using AstraBit.SupportBot.Discord.Rest;
using Microsoft.Extensions.DependencyInjection;

namespace AstraBit.SupportBot.Bot.Answers;

/// <summary>
/// `/answer name:` (staff, in a ticket thread): posts a saved answer from config/answers.json into the thread as the
/// bot, naming the staff member, with its holes filled; the name option is autocompleted from the catalog.
/// </summary>
public sealed class AnswerHandler(
    AnswerCatalog catalog,
    TicketDesk desk,
    SupportRoles roles,
    DiscordRestClient rest,
    [FromKeyedServices(SupportClock.Key)] TimeProvider clock) : ICommandHandler, IAutocompleteHandler
{
    public const string NameOption = "name";

    public IReadOnlyList<string> Commands { get; } = [SupportCommands.Answer];

    public async Task HandleAsync(Interaction interaction, ApplicationCommandData command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        ArgumentNullException.ThrowIfNull(command);
        if (!(await roles.OfAsync(interaction, cancellationToken)).IsStaff)
        {
            await rest.RespondAsync(interaction, SupportRoles.Refusal("post saved answers"), cancellationToken);
            return;
        }

        var ticket = interaction.ChannelId is { } channel ? await desk.FindByThreadAsync(channel, cancellationToken) : null;
        var typed = command.GetOption(NameOption)?.AsString();
        var answer = catalog.Get(typed);
        var refusal = (ticket, answer) switch
        {
            (null, _) => "Use `/answer` inside a ticket's thread: the answer goes to that ticket's member.",
            ({ IsClosed: true }, _) => $"Ticket {ticket.DisplayNumber} is closed; reopen it first.",
            (_, null) => $"There is no saved answer named \"{typed}\". Start typing after `/answer name:` to pick one.",
            _ => null,
        };
        if (refusal is not null || ticket?.ThreadId is not { } thread || answer is null)
        {
            await rest.RespondAsync(interaction, TicketMessages.Private(refusal ?? "That ticket has no thread yet."), cancellationToken);
            return;
        }

        var staffId = interaction.User.Id;
        await rest.DeferAsync(interaction, ephemeral: true, cancellationToken);
        await rest.CreateMessageAsync(thread, AnswerMessage(ticket, answer, catalog.Render(answer, ticket.MemberId), staffId), cancellationToken);

        // A saved answer is staff answering: it counts for the first response and the stale timer like a typed message.
        await desk.RecordMessageAsync(ticket.Number, staffId, isStaff: true, clock.GetUtcNow(), cancellationToken);
        await rest.EditOriginalResponseAsync(interaction, TicketMessages.Private($"Posted \"{answer.Title}\" in ticket {ticket.DisplayNumber}."), cancellationToken);
    }

    public async Task AutocompleteAsync(Interaction interaction, ApplicationCommandData command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        ArgumentNullException.ThrowIfNull(command);

        // Only staff see the list; anyone else gets no suggestions (and a refusal when they send the command).
        var choices = (await roles.OfAsync(interaction, cancellationToken)).IsStaff
            ? catalog.Find(command.LeafOptions.FirstOrDefault(o => o.Focused)?.AsString(), DiscordLimits.CommandChoices).Select(Choice).ToList()
            : [];
        await rest.AutocompleteAsync(interaction, choices, cancellationToken);
    }

    /// <summary>The answer as posted: the text (holes filled) and who sent it; it pings the member only.</summary>
    public static MessagePayload AnswerMessage(Ticket ticket, SavedAnswer answer, string text, ulong staffId)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(answer);
        return new MessageBuilder()
            .WithContent($"{text}\n-# {answer.Title} · sent by {TicketMessages.Mention(staffId)}")
            .WithAllowedMentions(AllowedMentions.ForUsers(ticket.MemberId))
            .Build();
    }

    private static CommandChoice Choice(SavedAnswer answer)
    {
        var label = $"{answer.Name} — {answer.Title}";
        return new CommandChoice(label.Length <= 100 ? label : label[..99] + "…", answer.Name);
    }
}
