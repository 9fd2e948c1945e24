using AstraBit.SupportBot.Bot.Interactions;
using AstraBit.SupportBot.Bot.Languages;
using AstraBit.SupportBot.Core.Privacy;
using AstraBit.SupportBot.Discord.Models;
using AstraBit.SupportBot.Discord.Rest;
using Humanizer;

namespace AstraBit.SupportBot.Bot.Privacy;

/// <summary>
/// `/privacy` (everyone): what the bot keeps about you, privately, with "Export" and "Delete what isn't needed"; the
/// deletion asks to confirm first (<see cref="PrivacyId"/>). The buttons act only on whoever presses them, so nobody can touch another
/// member's data. Open tickets and the audit log stay (MemberDataService).
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
        await rest.RespondAsync(interaction, Overview(export), cancellationToken);
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

        switch (id.Kind)
        {
            case PrivacyIdKind.Export:
                await rest.RespondAsync(interaction, MemberHistoryHandler.Export(await memberData.ExportAsync(memberId, cancellationToken)), cancellationToken);
                break;
            case PrivacyIdKind.Delete:
                await rest.UpdateMessageAsync(interaction, Confirm(), cancellationToken);
                break;
            case PrivacyIdKind.ConfirmDelete:
                // Acknowledged before the deletion: a member with years of checks and tickets is erased in one
                // flushed write, which on a busy machine can take longer than Discord's 3 seconds.
                await rest.DeferUpdateAsync(interaction, cancellationToken);
                await languages.ForgetAsync(memberId, cancellationToken);
                var deletion = await memberData.DeleteAsync(memberId, memberId, cancellationToken);
                await rest.EditOriginalResponseAsync(interaction, Deleted(deletion), cancellationToken);
                break;
            default:
                await rest.UpdateMessageAsync(interaction, Overview(await memberData.ExportAsync(memberId, cancellationToken)), cancellationToken);
                break;
        }
    }

    public static MessagePayload Overview(MemberDataExport export)
    {
        ArgumentNullException.ThrowIfNull(export);
        return new MessageBuilder()
            .WithContent("**What the bot keeps about you**\n" + string.Join("\n", export.Summary().Select(l => "• " + l)) +
                "\n\nYou can download it, or delete everything that no open ticket and no audit record needs.")
            .AddActionRow(
                Button.Create(ButtonStyle.Secondary, new PrivacyId(PrivacyIdKind.Export).Build(), "Export my data"),
                Button.Create(ButtonStyle.Danger, new PrivacyId(PrivacyIdKind.Delete).Build(), "Delete what isn't needed"))
            .WithEphemeral()
            .WithAllowedMentions(AllowedMentions.None)
            .Build();
    }

    private static MessagePayload Confirm() =>
        new MessageBuilder()
            .WithContent("**Delete your data?** This removes your walkthrough progress, every stored key check, your key-expiry reminders and, from closed tickets, " +
                "the diagnostic cards and later checks. An open ticket stays whole (the team is working on it), and the audit log of " +
                "staff actions stays. This can't be undone.")
            .AddActionRow(
                Button.Create(ButtonStyle.Danger, new PrivacyId(PrivacyIdKind.ConfirmDelete).Build(), "Yes, delete"),
                Button.Create(ButtonStyle.Secondary, new PrivacyId(PrivacyIdKind.CancelDelete).Build(), "Cancel"))
            .WithAllowedMentions(AllowedMentions.None)
            .Build();

    private static MessagePayload Deleted(MemberDataDeletion deletion)
    {
        var kept = deletion.OpenTicketsKept.Count == 0
            ? ""
            : $" Kept: your open ticket {string.Join(", ", deletion.OpenTicketsKept.Select(Core.Tickets.Ticket.Format))}, which the team still needs.";
        return new MessageBuilder()
            .WithContent($"Deleted: walkthrough progress {(deletion.WalkthroughDeleted ? "(yes)" : "(there was none)")}, {"key check".ToQuantity(deletion.ChecksDeleted)}, {"key-expiry reminder".ToQuantity(deletion.RemindersDeleted)}, " +
                $"the details of {"closed ticket".ToQuantity(deletion.ClosedTicketsErased)}.{kept}{(deletion.LocaleDeleted ? " Your Discord language as last seen is deleted too." : "")} The audit log keeps its record, including this deletion.")
            .ClearComponents()
            .WithAllowedMentions(AllowedMentions.None)
            .Build();
    }
}
