using System.Globalization;
using AstraBit.SupportBot.Bot.Interactions;
using AstraBit.SupportBot.Core.Reminders;
using AstraBit.SupportBot.Discord.Models;
using AstraBit.SupportBot.Discord.Rest;

namespace AstraBit.SupportBot.Bot.MemberHelp;

/// <summary>
/// `/reminders` (the member's key-expiry reminders, each with a button to stop it) and the reminder buttons: "Remind me
/// before this key expires" under a check's result and "Stop reminders" under a reminder DM or the list. Answers privately.
/// </summary>
public sealed class RemindersHandler(KeyReminderService reminders, DiscordRestClient rest) : ICommandHandler, IComponentHandler
{
    /// <summary>Stop buttons in the list: Discord allows 5 rows of 5.</summary>
    public const int MaxListed = 25;

    public IReadOnlyList<string> Commands { get; } = [SupportCommands.Reminders];

    public string Prefix => ReminderIds.Prefix;

    public async Task HandleAsync(Interaction interaction, ApplicationCommandData command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        var list = await reminders.ListAsync(interaction.User.Id, cancellationToken);
        await rest.RespondAsync(interaction, List(list), cancellationToken);
    }

    public async Task HandleAsync(Interaction interaction, ComponentId id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        ArgumentNullException.ThrowIfNull(id);
        var memberId = interaction.User.Id;
        var text = (id.Action, id.Args.Count) switch
        {
            (ReminderIds.SubscribeAction, 3) when long.TryParse(id.Args[2], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds) =>
                (await reminders.SubscribeAsync(memberId, id.Args[1], DateTimeOffset.FromUnixTimeSeconds(seconds), id.Args[0], cancellationToken)).Message,
            (ReminderIds.StopAction, 2) => await reminders.CancelAsync(memberId, KeyReminder.IdOf(memberId, id.Args[0], id.Args[1]), cancellationToken)
                ? $"Done: no more reminders for key {id.Args[1]} ({id.Args[0]})."
                : $"There are no reminders for key {id.Args[1]} ({id.Args[0]}) any more.",
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
