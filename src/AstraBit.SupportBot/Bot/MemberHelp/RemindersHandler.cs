using AstraBit.SupportBot.Bot.Interactions;
using AstraBit.SupportBot.Bot.Languages;
using AstraBit.SupportBot.Core.KeyChecks;
using AstraBit.SupportBot.Core.Reminders;
using AstraBit.SupportBot.Core.Text;
using AstraBit.SupportBot.Core.Tickets;
using AstraBit.SupportBot.Discord.Models;
using AstraBit.SupportBot.Discord.Rest;

namespace AstraBit.SupportBot.Bot.MemberHelp;

/// <summary>
/// `/reminders` (the member's key-expiry reminders, a page at a time, each with a button to stop it) and the reminder
/// buttons: "Remind me before this key expires" under a check's result, "Stop reminders" under a reminder DM or the
/// list, and the list's "Previous" / "Next". Answers privately; the list's buttons change the list in place.
/// </summary>
public sealed class RemindersHandler(KeyReminderService reminders, IBybitSites sites, SupportLanguages languages, DiscordRestClient rest) : ICommandHandler, IComponentHandler<ReminderId>
{
    /// <summary>
    /// Reminders on one page: each line is under 100 characters (a masked key, a site name, two dates), so ten stay well
    /// inside Discord's 2,000 characters, and their Stop buttons take two of the five rows, leaving one for paging.
    /// </summary>
    public const int PageSize = 10;

    public IReadOnlyList<string> Commands { get; } = [SupportCommands.Reminders];

    public async Task HandleAsync(Interaction interaction, ApplicationCommandData command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        var list = await reminders.ListAsync(interaction.User.Id, cancellationToken);
        await rest.RespondAsync(interaction, List(list, languages.For(interaction)), cancellationToken);
    }

    public async Task HandleAsync(Interaction interaction, ReminderId id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        ArgumentNullException.ThrowIfNull(id);
        var memberId = interaction.User.Id;
        var texts = languages.For(interaction);
        switch (id)
        {
            case { Kind: ReminderIdKind.Subscribe, ExpiresAt: { } expiresAt }:
                var subscribed = await SubscribeAsync(memberId, id, expiresAt, texts, cancellationToken);
                await rest.RespondAsync(interaction, subscribed is null ? Replies.NotHandled(interaction, texts) : MessagePayload.Text(subscribed, ephemeral: true), cancellationToken);
                return;
            case { Kind: ReminderIdKind.Stop, ListPage: { } page }:
                // Stopped from the list: the list shows again in place, on the same page, with what was done above it.
                var done = await StopAsync(memberId, id, texts, cancellationToken);
                await rest.UpdateMessageAsync(interaction, List(await reminders.ListAsync(memberId, cancellationToken), texts, page, done), cancellationToken);
                return;
            case { Kind: ReminderIdKind.Stop }:
                await rest.RespondAsync(interaction, MessagePayload.Text(await StopAsync(memberId, id, texts, cancellationToken), ephemeral: true), cancellationToken);
                return;
            case { Kind: ReminderIdKind.Page, ListPage: { } shown }:
                await rest.UpdateMessageAsync(interaction, List(await reminders.ListAsync(memberId, cancellationToken), texts, shown), cancellationToken);
                return;
            default:
                await rest.RespondAsync(interaction, Replies.NotHandled(interaction, texts), cancellationToken);
                return;
        }
    }

    /// <summary>
    /// Page <paramref name="page"/> (1-based; past the end shows the last) of the member's reminders, soonest expiry first:
    /// each with its Stop button, and Previous / Next when there is more than one page. <paramref name="notice"/> goes first.
    /// </summary>
    public static MessagePayload List(IReadOnlyList<KeyReminder> list, LocaleTexts texts, int page = 1, string? notice = null)
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(texts);
        var prefix = notice is null ? "" : notice + "\n\n";
        if (list.Count == 0)
        {
            return MessagePayload.Text(prefix + ReminderMessages.None(texts), ephemeral: true);
        }

        var pages = (list.Count + PageSize - 1) / PageSize;
        var current = Math.Clamp(page, 1, pages);
        var shown = list.OrderBy(r => r.ExpiresAt).ThenBy(r => r.Id, StringComparer.Ordinal).Skip((current - 1) * PageSize).Take(PageSize).ToList();
        var message = new MessageBuilder()
            .WithContent(prefix + ReminderMessages.Heading(list.Count, current, pages, texts) + "\n" + string.Join('\n', shown.Select(r => "• " + ReminderMessages.Line(r, texts))))
            .WithEphemeral();
        foreach (var row in shown.Chunk(5))
        {
            message.AddActionRow(row.Select(r => ReminderIds.Stop(r, texts.Get(TextIds.Reminder.StopKeyButton, ("key", r.MaskedKey)), current)));
        }

        if (pages > 1)
        {
            message.AddActionRow(
                ReminderIds.Page(Math.Max(1, current - 1), texts.Get(TextIds.Reminder.PreviousButton), disabled: current == 1),
                ReminderIds.Page(Math.Min(pages, current + 1), texts.Get(TextIds.Reminder.NextButton), disabled: current == pages));
        }

        return message.Build();
    }

    private async Task<string?> SubscribeAsync(ulong memberId, ReminderId id, DateTimeOffset expiresAt, LocaleTexts texts, CancellationToken cancellationToken)
    {
        if (!SecretGuard.IsMaskedKey(id.MaskedKey) || id.MaskedKey.Length < 2)
        {
            return null;
        }

        // The site comes from the button, so it is checked against the configured sites like any other input.
        return sites.TryResolve(id.Site, out _)
            ? ReminderMessages.Subscribed(await reminders.SubscribeAsync(memberId, id.MaskedKey, expiresAt, id.Site, cancellationToken), texts)
            : ReminderMessages.UnknownSite(id.Site, texts);
    }

    private async Task<string> StopAsync(ulong memberId, ReminderId id, LocaleTexts texts, CancellationToken cancellationToken) =>
        await reminders.CancelAsync(memberId, KeyReminder.IdOf(memberId, id.Site, id.MaskedKey), cancellationToken)
            ? ReminderMessages.Stopped(id.MaskedKey, id.Site, texts)
            : ReminderMessages.AlreadyGone(id.MaskedKey, id.Site, texts);
}
