using System.Globalization;
using System.Text;
using AstraBit.SupportBot.Bot.KeyChecks;
using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Core.KeyChecks;
using AstraBit.SupportBot.Core.Text;
using AstraBit.SupportBot.Discord.Models;

namespace AstraBit.SupportBot.Bot.Moderation;

/// <summary>
/// What the moderator tools say to the moderator, the member and staff. The moderator and staff only ever get
/// a report's verdict, statuses and masked key; nothing here receives the secret.
/// </summary>
public static class ModerationMessages
{
    /// <summary>How many of the member's latest checks the moderator sees.</summary>
    public const int RecentChecks = 3;

    /// <summary>Only moderators and staff may ask: the refusal, in the reader's language.</summary>
    public static MessagePayload Refused(LocaleTexts reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return MessagePayload.Text(reader.Get(TextIds.Moderation.Refused, ("action", reader.Get(TextIds.Moderation.ActionAsk))), ephemeral: true);
    }

    public static MessagePayload NoMember(LocaleTexts reader) => MessagePayload.Text(Texts(reader).Get(TextIds.Moderation.NoMember), ephemeral: true);

    public static MessagePayload TargetIsBot(DiscordUser target, LocaleTexts reader)
    {
        ArgumentNullException.ThrowIfNull(target);
        return MessagePayload.Text(Texts(reader).Get(TextIds.Moderation.TargetIsBot, ("member", target.Mention)), ephemeral: true);
    }

    public static MessagePayload TargetIsSelf(LocaleTexts reader) => MessagePayload.Text(Texts(reader).Get(TextIds.Moderation.TargetIsSelf), ephemeral: true);

    /// <summary>The private prompt in the member's DMs, in the member's language as last seen.</summary>
    public static MessagePayload Prompt(string moderatorName, LocaleTexts member)
    {
        ArgumentNullException.ThrowIfNull(member);
        var run = member.Get(TextIds.Moderation.RunButton);
        return new MessageBuilder()
            .WithContent(member.Get(TextIds.Moderation.Dm, ("moderator", Plain(moderatorName)), ("button", run)))
            .AddActionRow(Button.Create(ButtonStyle.Primary, ModerationId.Run.Build(), run))
            .Build();
    }

    /// <summary>The moderator's private answer, in their language: whether the prompt reached the member, and the member's latest checks.</summary>
    public static MessagePayload Requested(DiscordUser member, bool delivered, IReadOnlyList<CheckHistoryEntry> recent, LocaleTexts reader)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(recent);
        ArgumentNullException.ThrowIfNull(reader);
        var text = new StringBuilder();
        text.AppendLine(reader.Get(delivered ? TextIds.Moderation.Delivered : TextIds.Moderation.NotDelivered, ("member", member.Mention)));
        text.AppendLine();
        if (recent.Count == 0)
        {
            text.Append(reader.Get(TextIds.Moderation.NoChecks));
        }
        else
        {
            text.AppendLine(reader.Count(TextIds.Moderation.LastChecks, recent.Count));
            foreach (var entry in recent)
            {
                text.Append("• ").AppendLine(Describe(entry, reader));
            }
        }

        return MessagePayload.Text(text.ToString().TrimEnd(), ephemeral: true);
    }

    /// <summary>One history entry in a line: verdict, failing and warning checks, masked key, site, when (a Discord timestamp, shown in the reader's language).</summary>
    public static string Describe(CheckHistoryEntry entry, LocaleTexts reader)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(reader);
        var parts = new List<string> { VerdictText(entry.Verdict, reader) };
        AddChecks(parts, entry.Checks.Where(c => c.Value == CheckStatus.Fail).Select(c => c.Key).ToList(), TextIds.Moderation.Failing, reader);
        AddChecks(parts, entry.Checks.Where(c => c.Value == CheckStatus.Warn).Select(c => c.Key).ToList(), TextIds.Moderation.Warnings, reader);

        // The store only ever holds masked keys; a value that isn't one is not shown at all.
        parts.Add(reader.Get(TextIds.Moderation.Key, ("key", CheckHistoryEntry.IsMasked(entry.MaskedKey) ? entry.MaskedKey : reader.Get(TextIds.Moderation.Hidden))));
        parts.Add(entry.RegionKey ?? KeyCheckService.DefaultRegion);
        parts.Add(string.Create(CultureInfo.InvariantCulture, $"<t:{entry.CheckedAt.ToUnixTimeSeconds()}:R>"));
        return string.Join(" · ", parts);
    }

    private static void AddChecks(List<string> parts, List<string> ids, string textId, LocaleTexts reader)
    {
        if (ids.Count > 0)
        {
            parts.Add(reader.Get(textId, ("checks", string.Join(", ", ids))));
        }
    }

    private static LocaleTexts Texts(LocaleTexts reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader;
    }

    /// <summary>The member's result, with who asked for it.</summary>
    public static MessagePayload Result(DiagnosticReport report, GuideContent guide, CheckRequest? request, TimeSpan? keptFor, LocaleTexts texts)
    {
        ArgumentNullException.ThrowIfNull(report);
        var result = KeyCheckMessages.Result(report, guide, keptFor, texts);
        var content = new StringBuilder();
        ArgumentNullException.ThrowIfNull(texts);
        content.Append(request is null
            ? texts.Get(TextIds.Moderation.ResultUnasked)
            : texts.Get(TextIds.Moderation.ResultAsked, ("moderator", Plain(request.ModeratorName))));
        if (!string.IsNullOrEmpty(result.Content))
        {
            content.AppendLine().Append(result.Content);
        }

        var message = new MessageBuilder().WithContent(content.ToString()).WithEphemeral();
        foreach (var embed in result.Embeds)
        {
            message.AddEmbed(embed);
        }

        if (result.Components is { Count: > 0 } rows)
        {
            foreach (var row in rows)
            {
                message.AddComponent(row);
            }
        }
        else
        {
            message.ClearComponents();
        }

        return message.Build();
    }

    /// <summary>The staff channel notice when the member has no open ticket, in the staff language. Names people with mentions that ping nobody.</summary>
    public static MessagePayload StaffNotice(ulong memberId, ulong moderatorId, DiagnosticReport report, string regionKey, GuideContent guide, LocaleTexts staff)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(staff);
        var parts = new List<string>
        {
            staff.Get(
                TextIds.Moderation.StaffNotice,
                ("member", string.Create(CultureInfo.InvariantCulture, $"<@{memberId}>")),
                ("moderator", string.Create(CultureInfo.InvariantCulture, $"<@{moderatorId}>")),
                ("verdict", VerdictText(report.Verdict, staff))),
        };
        AddChecks(parts, report.Checks.Where(c => c.Status == CheckStatus.Fail).Select(c => c.Id).ToList(), TextIds.Moderation.Failing, staff);
        AddChecks(parts, report.Checks.Where(c => c.Status == CheckStatus.Warn).Select(c => c.Id).ToList(), TextIds.Moderation.Warnings, staff);
        parts.Add(staff.Get(TextIds.Moderation.Key, ("key", report.ApiKey)));
        parts.Add(regionKey);
        var text = string.Join(" · ", parts) + ".\n" + staff.Get(TextIds.Moderation.NoOpenTicket);
        return new MessageBuilder()
            .WithContent(text)
            .AddEmbed(DiagnosticMessages.Render(report, guide, staff))
            .WithAllowedMentions(AllowedMentions.None)
            .Build();
    }

    public static string VerdictText(Verdict verdict, LocaleTexts texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return texts.Get(verdict switch
        {
            Verdict.Pass => TextIds.Moderation.VerdictPass,
            Verdict.Warn => TextIds.Moderation.VerdictWarn,
            Verdict.Fail => TextIds.Moderation.VerdictFail,
            _ => TextIds.Moderation.VerdictError,
        });
    }

    /// <summary>A display name shown in bold: Discord markdown characters are escaped so a name can't restyle the message.</summary>
    public static string Plain(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = new StringBuilder(name.Length);
        foreach (var c in name.Where(c => !char.IsControl(c)))
        {
            if (c is '\\' or '*' or '_' or '~' or '`' or '|' or '>' or '[' or ']')
            {
                text.Append('\\');
            }

            text.Append(c);
        }

        return text.ToString();
    }
}
