using AstraBit.SupportBot.Bot.Interactions;
using AstraBit.SupportBot.Core.Reminders;
using AstraBit.SupportBot.Discord.Models;
using AstraBit.SupportBot.Discord.Rest;

namespace AstraBit.SupportBot.Bot.MemberHelp;

/// <summary>
/// `/reminders` (the member's key-expiry reminders, each with a button to stop it) and the reminder buttons: "Remind me
/// before this key expires" under a check's result and "Stop reminders" under a reminder DM or the list. Answers privately.
/// </summary>
public sealed class RemindersHandler(KeyReminderService reminders, DiscordRestClient rest) : ICommandHandler, IComponentHandler<ReminderId>
{
    /// <summary>Stop buttons in the list: Discord allows 5 rows of 5.</summary>
    public const int MaxListed = 25;

    public IReadOnlyList<string> Commands { get; } = [SupportCommands.Reminders];

    public async Task HandleAsync(Interaction interaction, ApplicationCommandData command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        var list = await reminders.ListAsync(interaction.User.Id, cancellationToken);
        await rest.RespondAsync(interaction, List(list), cancellationToken);
    }

    public async Task HandleAsync(Interaction interaction, ReminderId id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        ArgumentNullException.ThrowIfNull(id);
        var memberId = interaction.User.Id;
        var text = id switch
        {
            { Kind: ReminderIdKind.Subscribe, ExpiresAt: { } expiresAt } =>
                (await reminders.SubscribeAsync(memberId, id.MaskedKey, expiresAt, id.Site, cancellationToken)).Message,
            { Kind: ReminderIdKind.Stop } => await reminders.CancelAsync(memberId, KeyReminder.IdOf(memberId, id.Site, id.MaskedKey), cancellationToken)
                ? $"Done: no more reminders for key {id.MaskedKey} ({id.Site})."
                : $"There are no reminders for key {id.MaskedKey} ({id.Site}) any more.",
            _ => null,
        };
        await rest.RespondAsync(interaction, text is null ? Replies.NotHandled(interaction) : MessagePayload.Text(text, ephemeral: true), cancellationToken);
    }

    public static MessagePayload List(IReadOnlyList<KeyReminder> list)
    {
        ArgumentNullException.ThrowIfNull(list);
        if (list.Count == 0)
        {
            return MessagePayload.Text(
                "You have no key-expiry reminders. After `/diagnose` checks a key that expires, its result offers \"Remind me before this key expires\".",
                ephemeral: true);
        }

        var shown = list.OrderBy(r => r.ExpiresAt).Take(MaxListed).ToList();
        var message = new MessageBuilder()
            .WithContent("Your key-expiry reminders (a DM 14, 7 and 1 days before):\n" + string.Join('\n', shown.Select(r => "• " + ReminderTexts.Line(r))))
            .WithEphemeral();
        foreach (var row in shown.Chunk(5))
        {
            message.AddActionRow(row.Select(r => ReminderIds.Stop(r, $"Stop {r.MaskedKey}")));
        }

        return message.Build();
    }
}
