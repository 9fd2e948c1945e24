using System.Globalization;
using System.Text;
using AstraBit.SupportBot.Bot.Interactions;
using AstraBit.SupportBot.Bot.Languages;
using AstraBit.SupportBot.Bot.Tickets;
using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Privacy;
using AstraBit.SupportBot.Core.Tickets;
using AstraBit.SupportBot.Core.Text;
using AstraBit.SupportBot.Discord.Models;
using AstraBit.SupportBot.Discord.Rest;

namespace AstraBit.SupportBot.Bot.Privacy;

/// <summary>
/// `/ticket history member:` (staff and moderators) as one ephemeral view in pages: Previous / Next edit it in place,
/// Export answers privately with the member's data as a JSON file. Rights are checked on
/// every use, the buttons included. The view's words are in the language of whoever asks; each line's own text is the
/// record's (MemberHistory).
/// </summary>
public sealed class MemberHistoryHandler(
    MemberHistoryService history,
    MemberDataService memberData,
    SupportRoles roles,
    SupportLanguages languages,
    DiscordRestClient rest) : IComponentHandler<MemberHistoryId>
{
    /// <summary>/ticket history member: — called by the /ticket command handler.</summary>
    public async Task ShowAsync(Interaction interaction, ulong? memberId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        var reader = languages.For(interaction);
        if (!(await roles.OfAsync(interaction, cancellationToken)).CanModerate)
        {
            await rest.RespondAsync(interaction, SupportRoles.ModeratorRefusal(reader, TextIds.StaffAction.MemberHistory), cancellationToken);
            return;
        }

        if (memberId is not { } member)
        {
            await rest.RespondAsync(interaction, TicketMessages.Private(reader.Get(TextIds.MemberHistory.ChooseMember)), cancellationToken);
            return;
        }

        await rest.RespondAsync(interaction, View(await history.GetPageAsync(member, 1, cancellationToken: cancellationToken), reader), cancellationToken);
    }

    public async Task HandleAsync(Interaction interaction, MemberHistoryId id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        ArgumentNullException.ThrowIfNull(id);
        var reader = languages.For(interaction);
        if (!(await roles.OfAsync(interaction, cancellationToken)).CanModerate)
        {
            await rest.RespondAsync(interaction, SupportRoles.ModeratorRefusal(reader, TextIds.StaffAction.MemberHistory), cancellationToken);
            return;
        }

        if (id.Page is { } page)
        {
            await rest.UpdateMessageAsync(interaction, View(await history.GetPageAsync(id.MemberId, page, cancellationToken: cancellationToken), reader), cancellationToken);
        }
        else
        {
            await rest.RespondAsync(interaction, Export(await memberData.ExportAsync(id.MemberId, cancellationToken), reader), cancellationToken);
        }
    }

    /// <summary>One page: totals, the lines (newest first) and the page buttons.</summary>
    public static MessagePayload View(MemberHistoryPage page, LocaleTexts texts)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(texts);
        var member = TicketMessages.Mention(page.MemberId);
        var lines = new StringBuilder();
        foreach (var item in page.Items)
        {
            var link = item.ThreadId is { } thread ? $" · {TicketMessages.Channel(thread)}" : "";
            lines.Append(CultureInfo.InvariantCulture, $"<t:{item.At.ToUnixTimeSeconds()}:d> {Icon(item.Kind)} {Line(item, texts)}{link}\n");
        }

        var embed = new EmbedBuilder()
            .WithTitle(texts.Get(TextIds.MemberHistory.Title))
            .WithColor(Replies.BrandColor)
            .WithDescription(Shorten(
                member + ": " + string.Join(
                    " · ",
                    texts.Count(TextIds.MemberHistory.Tickets, page.Tickets),
                    texts.Count(TextIds.MemberHistory.Checks, page.Checks),
                    texts.Count(TextIds.MemberHistory.Audit, page.AuditEntries),
                    texts.Count(TextIds.MemberHistory.Reminders, page.Reminders))
                + "\n\n" + (page.IsEmpty ? texts.Get(TextIds.MemberHistory.Empty) : lines.ToString()),
                4000))
            .WithFooter(texts.Get(TextIds.MemberHistory.Footer, ("page", texts.Number(page.Page)), ("pages", texts.Number(page.PageCount))))
            .Build();
        return new MessageBuilder()
            .AddEmbed(embed)
            .AddActionRow(
                Button.Create(ButtonStyle.Secondary, new MemberHistoryId(page.MemberId, page.Page - 1).Build(), texts.Get(TextIds.MemberHistory.PreviousButton), disabled: page.Page <= 1),
                Button.Create(ButtonStyle.Secondary, new MemberHistoryId(page.MemberId, page.Page + 1).Build(), texts.Get(TextIds.MemberHistory.NextButton), disabled: page.Page >= page.PageCount),
                Button.Create(ButtonStyle.Primary, new MemberHistoryId(page.MemberId, null).Build(), texts.Get(TextIds.MemberHistory.ExportButton)))
            .WithEphemeral()
            .WithAllowedMentions(AllowedMentions.None)
            .Build();
    }

    /// <summary>Everything kept about the member as a JSON file, privately (no staff notes: it is what the member may receive).</summary>
    public static MessagePayload Export(MemberDataExport export, LocaleTexts texts)
    {
        ArgumentNullException.ThrowIfNull(export);
        ArgumentNullException.ThrowIfNull(texts);
        var id = export.MemberId.ToString(CultureInfo.InvariantCulture);
        return new MessageBuilder()
            .WithContent(texts.Get(TextIds.Privacy.Export, ("member", TicketMessages.Mention(export.MemberId))))
            .AddFile(new FileUpload($"member-{id}-data.json", Encoding.UTF8.GetBytes(export.ToJson()), texts.Get(TextIds.Privacy.ExportFile, ("id", id)), "application/json"))
            .WithEphemeral()
            .WithAllowedMentions(AllowedMentions.None)
            .Build();
    }

    /// <summary>One record in the reader's words: check ids, masked keys, sites and audit details stay as recorded.</summary>
    public static string Line(MemberHistoryItem item, LocaleTexts texts)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(texts);
        var parts = new List<string>();
        if (item.Ticket is { } ticket)
        {
            var state = ticket.Outcome is { } outcome ? TicketMessages.OutcomeLabel(outcome, texts)
                : ticket.AwaitingConfirmation ? texts.Get(TextIds.MemberHistory.StateConfirming)
                : ticket.State == TicketState.Claimed ? texts.Get(TextIds.MemberHistory.StateClaimed)
                : texts.Get(TextIds.MemberHistory.StateOpen);
            parts.Add(texts.Get(TextIds.MemberHistory.TicketLine, ("ticket", ticket.DisplayNumber), ("state", state)));
            if (ticket.Rating is { } stars)
            {
                parts.Add(new string('★', stars) + new string('☆', 5 - stars));
            }

            if (ticket.Card?.Failing.Select(c => c.Id).ToList() is { Count: > 0 } failing)
            {
                parts.Add(texts.Get(TextIds.MemberHistory.FailingLine, ("checks", string.Join(", ", failing))));
            }
        }
        else if (item.Check is { } check)
        {
            var verdict = texts.Get(check.Verdict switch
            {
                Verdict.Pass => TextIds.Moderation.VerdictPass,
                Verdict.Warn => TextIds.Moderation.VerdictWarn,
                Verdict.Fail => TextIds.Moderation.VerdictFail,
                _ => TextIds.Moderation.VerdictError,
            });
            parts.Add(texts.Get(TextIds.MemberHistory.CheckLine, ("verdict", verdict), ("key", check.MaskedKey)));
            if (check.Checks.Where(c => c.Value == CheckStatus.Fail).Select(c => c.Key).ToList() is { Count: > 0 } failing)
            {
                parts.Add(texts.Get(TextIds.MemberHistory.FailingLine, ("checks", string.Join(", ", failing))));
            }

            if (check.RegionKey is { } region)
            {
                parts.Add(region);
            }
        }
        else if (item.Entry is { } entry)
        {
            var actor = entry.ActorId is { } id ? TicketMessages.Mention(id) : texts.Get(TextIds.MemberHistory.TheBot);
            parts.Add(texts.Get(TextIds.MemberHistory.AuditLine, ("action", entry.Action), ("actor", actor), ("detail", entry.Detail)));
        }

        return string.Join(" · ", parts);
    }

    private static string Icon(MemberHistoryKind kind) => kind switch
    {
        MemberHistoryKind.Ticket => "🎫",
        MemberHistoryKind.Check => "🔑",
        _ => "📝",
    };

    private static string Shorten(string value, int max) => value.Length <= max ? value : value[..(max - 1)] + "…";
}
