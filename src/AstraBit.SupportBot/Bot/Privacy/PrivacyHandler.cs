using System.Globalization;
using AstraBit.SupportBot.Bot.Interactions;
using AstraBit.SupportBot.Bot.Languages;
using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Core.Privacy;
using AstraBit.SupportBot.Core.Text;
using AstraBit.SupportBot.Discord.Models;
using AstraBit.SupportBot.Discord.Rest;

namespace AstraBit.SupportBot.Bot.Privacy;

/// <summary>
/// `/privacy` (everyone): what the bot keeps about you, privately, with "Export" and "Delete what isn't needed"; the
/// deletion asks to confirm first (<see cref="PrivacyId"/>). The buttons act only on whoever presses them, so nobody can touch another
/// member's data. Open tickets and the audit log stay (MemberDataService). Everything is in the language of the member who
/// asks; moments are Discord timestamps.
/// </summary>
public sealed class PrivacyHandler(MemberDataService memberData, DiscordRestClient rest, SupportLanguages languages) : ICommandHandler, IComponentHandler<PrivacyId>
{
    public IReadOnlyList<string> Commands { get; } = [SupportCommands.Privacy];

    public async Task HandleAsync(Interaction interaction, ApplicationCommandData command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        // What the bot keeps includes the language this very interaction carries.
        await languages.SeenAsync(interaction, cancellationToken);
        var export = await memberData.ExportAsync(interaction.User.Id, cancellationToken);
        await rest.RespondAsync(interaction, Overview(export, languages.For(interaction)), cancellationToken);
    }

    public async Task HandleAsync(Interaction interaction, PrivacyId id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        ArgumentNullException.ThrowIfNull(id);
        var memberId = interaction.User.Id;
        if (id.Kind != PrivacyIdKind.ConfirmDelete)
        {
            await languages.SeenAsync(interaction, cancellationToken);
        }

        var texts = languages.For(interaction);
        switch (id.Kind)
        {
            case PrivacyIdKind.Export:
                await rest.RespondAsync(interaction, MemberHistoryHandler.Export(await memberData.ExportAsync(memberId, cancellationToken), texts), cancellationToken);
                break;
            case PrivacyIdKind.Delete:
                await rest.UpdateMessageAsync(interaction, Confirm(texts), cancellationToken);
                break;
            case PrivacyIdKind.ConfirmDelete:
                // Acknowledged before the deletion: a member with years of checks and tickets is erased in one
                // flushed write, which on a busy machine can take longer than Discord's 3 seconds.
                await rest.DeferUpdateAsync(interaction, cancellationToken);
                await languages.ForgetAsync(memberId, cancellationToken);
                var deletion = await memberData.DeleteAsync(memberId, memberId, cancellationToken);
                await rest.EditOriginalResponseAsync(interaction, Deleted(deletion, texts), cancellationToken);
                break;
            default:
                await rest.UpdateMessageAsync(interaction, Overview(await memberData.ExportAsync(memberId, cancellationToken), texts), cancellationToken);
                break;
        }
    }

    public static MessagePayload Overview(MemberDataExport export, LocaleTexts texts)
    {
        ArgumentNullException.ThrowIfNull(export);
        ArgumentNullException.ThrowIfNull(texts);
        return new MessageBuilder()
            .WithContent(texts.Get(TextIds.Privacy.Heading) + "\n" + string.Join("\n", Summary(export, texts).Select(l => "• " + l)) +
                "\n\n" + texts.Get(TextIds.Privacy.Choices))
            .AddActionRow(
                Button.Create(ButtonStyle.Secondary, new PrivacyId(PrivacyIdKind.Export).Build(), texts.Get(TextIds.Privacy.ExportButton)),
                Button.Create(ButtonStyle.Danger, new PrivacyId(PrivacyIdKind.Delete).Build(), texts.Get(TextIds.Privacy.DeleteButton)))
            .WithEphemeral()
            .WithAllowedMentions(AllowedMentions.None)
            .Build();
    }

    /// <summary>One line per kind of data kept, in the reader's language.</summary>
    public static IReadOnlyList<string> Summary(MemberDataExport export, LocaleTexts texts)
    {
        ArgumentNullException.ThrowIfNull(export);
        ArgumentNullException.ThrowIfNull(texts);
        var lines = new List<string>
        {
            export.Progress is { } p
                ? texts.Get(
                    TextIds.Privacy.Progress,
                    ("where", Where(p.Position, texts)),
                    ("date", Moment(p.StartedAt, 'D')),
                    ("account", p.AccountType switch
                    {
                        AccountType.Standard => texts.Get(TextIds.CheckText.AccountStandard),
                        AccountType.Unified => texts.Get(TextIds.CheckText.AccountUnified),
                        _ => texts.Get(TextIds.Privacy.AccountUnknown),
                    }),
                    ("site", p.RegionKey ?? texts.Get(TextIds.Privacy.SiteNotChosen)))
                : texts.Get(TextIds.Privacy.ProgressNone),
            export.Checks.Count == 0
                ? texts.Get(TextIds.Privacy.ChecksNone)
                : texts.Get(TextIds.Privacy.Checks, ("count", texts.Number(export.Checks.Count)), ("date", Moment(export.Checks[0].CheckedAt, 'f'))),
            export.Tickets.Count == 0
                ? texts.Get(TextIds.Privacy.TicketsNone)
                : texts.Get(TextIds.Privacy.Tickets, ("count", texts.Number(export.Tickets.Count)), ("open", texts.Number(export.Tickets.Count(t => !t.IsClosed)))),
            export.AuditEntries.Count == 0
                ? texts.Get(TextIds.Privacy.AuditNone)
                : texts.Get(TextIds.Privacy.Audit, ("count", texts.Number(export.AuditEntries.Count))),
            export.Reminders.Count == 0
                ? texts.Get(TextIds.Privacy.RemindersNone)
                : texts.Get(
                    TextIds.Privacy.Reminders,
                    ("count", texts.Number(export.Reminders.Count)),
                    ("reminders", string.Join("; ", export.Reminders.Select(r =>
                        texts.Get(TextIds.Privacy.ReminderItem, ("key", r.MaskedKey), ("site", r.Site), ("date", Moment(r.ExpiresAt, 'D'))))))),
        };
        if (export.Locale is { } locale)
        {
            lines.Add(texts.Get(TextIds.Privacy.Language, ("language", TextIds.LocaleNames.Describe(locale, texts))));
        }

        lines.Add(texts.Get(TextIds.Privacy.NeverKept));
        return lines;
    }

    private static MessagePayload Confirm(LocaleTexts texts) =>
        new MessageBuilder()
            .WithContent(texts.Get(TextIds.Privacy.Confirm))
            .AddActionRow(
                Button.Create(ButtonStyle.Danger, new PrivacyId(PrivacyIdKind.ConfirmDelete).Build(), texts.Get(TextIds.Privacy.ConfirmButton)),
                Button.Create(ButtonStyle.Secondary, new PrivacyId(PrivacyIdKind.CancelDelete).Build(), texts.Get(TextIds.Privacy.CancelButton)))
            .WithAllowedMentions(AllowedMentions.None)
            .Build();

    private static MessagePayload Deleted(MemberDataDeletion deletion, LocaleTexts texts)
    {
        var kept = deletion.OpenTicketsKept.Count == 0
            ? ""
            : texts.Count(TextIds.Privacy.KeptOpen, deletion.OpenTicketsKept.Count, ("tickets", texts.List([.. deletion.OpenTicketsKept.Select(Core.Tickets.Ticket.Format)])));
        return new MessageBuilder()
            .WithContent(texts.Get(
                TextIds.Privacy.Deleted,
                ("progress", texts.Get(deletion.WalkthroughDeleted ? TextIds.Privacy.DeletedProgress : TextIds.Privacy.DeletedNoProgress)),
                ("checks", texts.Count(TextIds.Privacy.DeletedChecks, deletion.ChecksDeleted)),
                ("reminders", texts.Count(TextIds.Privacy.DeletedReminders, deletion.RemindersDeleted)),
                ("tickets", texts.Count(TextIds.Privacy.DeletedTickets, deletion.ClosedTicketsErased)),
                ("kept", kept),
                ("language", deletion.LocaleDeleted ? texts.Get(TextIds.Privacy.DeletedLanguage) : "")))
            .ClearComponents()
            .WithAllowedMentions(AllowedMentions.None)
            .Build();
    }

    // Where the member is in the guide, as the guide's own pages name it.
    private static string Where(GuidePosition position, LocaleTexts texts) => position switch
    {
        GuidePosition.BeforeYouBegin => texts.Get(TextIds.Report.BeforeYouBegin),
        GuidePosition.FinalCheck => texts.Get(TextIds.GuidePage.FinalCheckHeader),
        GuidePosition.Done => texts.Get(TextIds.GuidePage.DoneHeader),
        _ => texts.Get(TextIds.Privacy.StepN, ("number", texts.Number(position.StepNumber() ?? 0))),
    };

    // A moment as a Discord timestamp: each client writes it in its reader's language and time zone.
    private static string Moment(DateTimeOffset at, char style) =>
        string.Create(CultureInfo.InvariantCulture, $"<t:{at.ToUnixTimeSeconds()}:{style}>");
}
