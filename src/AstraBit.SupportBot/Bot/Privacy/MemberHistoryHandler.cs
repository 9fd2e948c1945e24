using System.Globalization;
using System.Text;
using AstraBit.SupportBot.Bot.Interactions;
using AstraBit.SupportBot.Bot.Tickets;
using AstraBit.SupportBot.Core.Privacy;
using AstraBit.SupportBot.Discord.Models;
using AstraBit.SupportBot.Discord.Rest;
using Humanizer;

namespace AstraBit.SupportBot.Bot.Privacy;

/// <summary>
/// `/ticket history member:` (staff and moderators) as one ephemeral view in pages: Previous / Next edit it in place,
/// Export answers privately with the member's data as a JSON file. Rights are checked on
/// every use, the buttons included.
/// </summary>
public sealed class MemberHistoryHandler(
    MemberHistoryService history,
    MemberDataService memberData,
    SupportRoles roles,
    DiscordRestClient rest) : IComponentHandler<MemberHistoryId>
{
    /// <summary>/ticket history member: — called by the /ticket command handler.</summary>
    public async Task ShowAsync(Interaction interaction, ulong? memberId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        if (!(await roles.OfAsync(interaction, cancellationToken)).CanModerate)
        {
            await rest.RespondAsync(interaction, SupportRoles.ModeratorRefusal("see a member's history"), cancellationToken);
            return;
        }

        if (memberId is not { } member)
        {
            await rest.RespondAsync(interaction, TicketMessages.Private("Choose the member: `/ticket history member:@someone`."), cancellationToken);
            return;
        }

        await rest.RespondAsync(interaction, View(await history.GetPageAsync(member, 1, cancellationToken: cancellationToken)), cancellationToken);
    }

    public async Task HandleAsync(Interaction interaction, MemberHistoryId id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        ArgumentNullException.ThrowIfNull(id);
        if (!(await roles.OfAsync(interaction, cancellationToken)).CanModerate)
        {
            await rest.RespondAsync(interaction, SupportRoles.ModeratorRefusal("see a member's history"), cancellationToken);
            return;
        }

        if (id.Page is { } page)
        {
            await rest.UpdateMessageAsync(interaction, View(await history.GetPageAsync(id.MemberId, page, cancellationToken: cancellationToken)), cancellationToken);
        }
        else
        {
            await rest.RespondAsync(interaction, Export(await memberData.ExportAsync(id.MemberId, cancellationToken)), cancellationToken);
        }
    }

    /// <summary>One page: totals, the lines (newest first) and the page buttons.</summary>
    public static MessagePayload View(MemberHistoryPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var member = TicketMessages.Mention(page.MemberId);
        var lines = new StringBuilder();
        foreach (var item in page.Items)
        {
            var link = item.ThreadId is { } thread ? $" · {TicketMessages.Channel(thread)}" : "";
            lines.Append(CultureInfo.InvariantCulture, $"<t:{item.At.ToUnixTimeSeconds()}:d> {Icon(item.Kind)} {item.Text}{link}\n");
        }

        var embed = new EmbedBuilder()
            .WithTitle("Member history")
            .WithColor(Replies.BrandColor)
            .WithDescription(Shorten($"{member}: {"ticket".ToQuantity(page.Tickets)} · {"check".ToQuantity(page.Checks)} · {"audit entry".ToQuantity(page.AuditEntries)} · {"key-expiry reminder".ToQuantity(page.Reminders)}\n\n"
                + (page.IsEmpty ? "Nothing stored about this member." : lines.ToString()), 4000))
            .WithFooter($"Page {page.Page} of {page.PageCount}, newest first")
            .Build();
        return new MessageBuilder()
            .AddEmbed(embed)
            .AddActionRow(
                Button.Create(ButtonStyle.Secondary, new MemberHistoryId(page.MemberId, page.Page - 1).Build(), "Previous", disabled: page.Page <= 1),
                Button.Create(ButtonStyle.Secondary, new MemberHistoryId(page.MemberId, page.Page + 1).Build(), "Next", disabled: page.Page >= page.PageCount),
                Button.Create(ButtonStyle.Primary, new MemberHistoryId(page.MemberId, null).Build(), "Export as a file"))
            .WithEphemeral()
            .WithAllowedMentions(AllowedMentions.None)
            .Build();
    }

    /// <summary>Everything kept about the member as a JSON file, privately (no staff notes: it is what the member may receive).</summary>
    public static MessagePayload Export(MemberDataExport export)
    {
        ArgumentNullException.ThrowIfNull(export);
        var id = export.MemberId.ToString(CultureInfo.InvariantCulture);
        return new MessageBuilder()
            .WithContent($"What the bot keeps about {TicketMessages.Mention(export.MemberId)}, as JSON (never a secret; keys masked; no staff notes).")
            .AddFile(new FileUpload($"member-{id}-data.json", Encoding.UTF8.GetBytes(export.ToJson()), $"Data kept about member {id}", "application/json"))
            .WithEphemeral()
            .WithAllowedMentions(AllowedMentions.None)
            .Build();
    }

    private static string Icon(MemberHistoryKind kind) => kind switch
    {
        MemberHistoryKind.Ticket => "🎫",
        MemberHistoryKind.Check => "🔑",
        _ => "📝",
    };

    private static string Shorten(string value, int max) => value.Length <= max ? value : value[..(max - 1)] + "…";
}
