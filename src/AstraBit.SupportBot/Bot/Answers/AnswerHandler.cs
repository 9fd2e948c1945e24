using AstraBit.SupportBot.Core;
using AstraBit.SupportBot.Bot.Interactions;
using AstraBit.SupportBot.Bot.Languages;
using AstraBit.SupportBot.Bot.Tickets;
using AstraBit.SupportBot.Core.Answers;
using AstraBit.SupportBot.Core.Content;
using AstraBit.SupportBot.Core.Text;
using AstraBit.SupportBot.Core.Tickets;
using AstraBit.SupportBot.Discord.Models;
using AstraBit.SupportBot.Discord.Rest;
using Microsoft.Extensions.DependencyInjection;

namespace AstraBit.SupportBot.Bot.Answers;

/// <summary>
/// `/answer name:` (staff, in a ticket thread): posts a saved answer from config/answers.json into the thread as the
/// bot, naming the staff member, with its holes filled; the name option is autocompleted from the catalog. The answer
/// and the line under it are in the ticket's member's language as last seen (answers.es-ES.json, …; English where there
/// is none); what the staff member reads privately, and the suggestions, in the staff member's own.
/// </summary>
public sealed class AnswerHandler(
    LocalizedContent<AnswerCatalog> catalogs,
    SupportLanguages languages,
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
        var reader = languages.For(interaction);
        if (!(await roles.OfAsync(interaction, cancellationToken)).IsStaff)
        {
            await rest.RespondAsync(interaction, SupportRoles.Refusal(reader, TextIds.StaffAction.PostAnswers), cancellationToken);
            return;
        }

        var ticket = interaction.ChannelId is { } channel ? await desk.FindByThreadAsync(channel, cancellationToken) : null;
        var typed = command.GetOption(NameOption)?.AsString();
        var staffAnswer = catalogs.For(reader.Locale).Get(typed);
        var refusal = (ticket, staffAnswer) switch
        {
            (null, _) => reader.Get(TextIds.Answer.NotInTicket),
            ({ IsClosed: true }, _) => reader.Get(TextIds.Answer.TicketClosed, ("ticket", ticket.DisplayNumber)),
            (_, null) => reader.Get(TextIds.Answer.Unknown, ("name", typed ?? "")),
            _ => null,
        };
        if (refusal is not null || ticket?.ThreadId is not { } thread || staffAnswer is null)
        {
            await rest.RespondAsync(interaction, TicketMessages.Private(refusal ?? reader.Get(TextIds.Answer.NoThread)), cancellationToken);
            return;
        }

        var staffId = interaction.User.Id;
        await rest.DeferAsync(interaction, ephemeral: true, cancellationToken);
        var member = await languages.ForMemberAsync(ticket.MemberId, cancellationToken);
        var memberCatalog = catalogs.For(member.Locale);
        var answer = memberCatalog.Get(staffAnswer.Name) ?? staffAnswer;
        await rest.CreateMessageAsync(thread, AnswerMessage(ticket, answer, memberCatalog.Render(answer, ticket.MemberId), staffId, member), cancellationToken);

        // A saved answer is staff answering: it counts for the first response and the stale timer like a typed message.
        await desk.RecordMessageAsync(ticket.Number, staffId, isStaff: true, clock.GetUtcNow(), cancellationToken);
        await rest.EditOriginalResponseAsync(
            interaction,
            TicketMessages.Private(reader.Get(TextIds.Answer.Posted, ("title", staffAnswer.Title), ("ticket", ticket.DisplayNumber))),
            cancellationToken);
    }

    public async Task AutocompleteAsync(Interaction interaction, ApplicationCommandData command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        ArgumentNullException.ThrowIfNull(command);

        // Only staff see the list; anyone else gets no suggestions (and a refusal when they send the command).
        var choices = (await roles.OfAsync(interaction, cancellationToken)).IsStaff
            ? catalogs.For(languages.LocaleOf(interaction)).Find(command.LeafOptions.FirstOrDefault(o => o.Focused)?.AsString(), DiscordLimits.CommandChoices).Select(Choice).ToList()
            : [];
        await rest.AutocompleteAsync(interaction, choices, cancellationToken);
    }

    /// <summary>The answer as posted: the text (holes filled) and who sent it, in the member's language; it pings the member only.</summary>
    public static MessagePayload AnswerMessage(Ticket ticket, SavedAnswer answer, string text, ulong staffId, LocaleTexts member)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(member);
        return new MessageBuilder()
            .WithContent(text + "\n-# " + member.Get(TextIds.Answer.SentBy, ("title", answer.Title), ("staff", TicketMessages.Mention(staffId))))
            .WithAllowedMentions(AllowedMentions.ForUsers(ticket.MemberId))
            .Build();
    }

    private static CommandChoice Choice(SavedAnswer answer)
    {
        var label = $"{answer.Name} — {answer.Title}";
        return new CommandChoice(label.Length <= 100 ? label : label[..99] + "…", answer.Name);
    }
}
