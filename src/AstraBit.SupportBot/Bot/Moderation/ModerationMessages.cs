using System.Globalization;
using System.Text;
using AstraBit.SupportBot.Bot.KeyChecks;
using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Core.KeyChecks;
using AstraBit.SupportBot.Core.Text;
using AstraBit.SupportBot.Discord.Models;
using Humanizer;

namespace AstraBit.SupportBot.Bot.Moderation;

/// <summary>
/// What the moderator tools say to the moderator, the member and staff. The moderator and staff only ever get
/// a report's verdict, statuses and masked key; nothing here receives the secret.
/// </summary>
public static class ModerationMessages
{
    /// <summary>How many of the member's latest checks the moderator sees.</summary>
    public const int RecentChecks = 3;

    public const string RefusedAction = "ask a member to run the Bybit check";

    public static MessagePayload NoMember() => MessagePayload.Text(
        "I couldn't tell which member you meant. Pick a member of this server in the `member` option.", ephemeral: true);

    public static MessagePayload TargetIsBot(DiscordUser target) => MessagePayload.Text(
        $"{target.Mention} is a bot: bots have no Bybit account to check. Pick the member who needs help.", ephemeral: true);

    public static MessagePayload TargetIsSelf() => MessagePayload.Text(
        "That's you. To check your own key, run `/diagnose`: the result stays private to you.", ephemeral: true);

    /// <summary>The private prompt in the member's DMs.</summary>
    public static MessagePayload Prompt(string moderatorName) =>
        new MessageBuilder()
            .WithContent(
                $"**{Plain(moderatorName)}** from the AstraBit team asked you to run the Bybit key check. Nobody sees your secret — not even them.\n" +
                "Press **Run the check** and enter your API key and secret in the private form. The result comes back to you here; " +
                "the team sees the verdict and your key masked (last 4 characters) so they can help. Never send your secret in a message, to anyone.")
            .AddActionRow(Button.Create(ButtonStyle.Primary, ModerationId.Run.Build(), "Run the check"))
            .Build();

    /// <summary>The moderator's private answer: whether the prompt reached the member, and the member's latest checks.</summary>
    public static MessagePayload Requested(DiscordUser member, bool delivered, IReadOnlyList<CheckHistoryEntry> recent, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(recent);
        var text = new StringBuilder();
        if (delivered)
        {
            text.Append("I've sent ").Append(member.Mention).Append(" a private prompt to run the Bybit key check. ")
                .Append("When they run it, they get the result and the team gets the verdict, in their open ticket or in the staff channel. ")
                .AppendLine("You'll never see their secret; the key is shown masked.");
        }
        else
        {
            text.Append(member.Mention).Append(" has closed their DMs, so I couldn't send them the prompt. ")
                .AppendLine("Ask them to run `/diagnose` themselves (the result stays private to them), or to open their DMs from this server and ask again.");
        }

        text.AppendLine();
        if (recent.Count == 0)
        {
            text.Append("They haven't run a check yet.");
        }
        else
        {
            text.Append("Their last ").Append(recent.Count == 1 ? "check" : $"{recent.Count.ToString(CultureInfo.InvariantCulture)} checks").AppendLine(", newest first:");
            foreach (var entry in recent)
            {
                text.Append("• ").AppendLine(Describe(entry, now));
            }
        }

        return MessagePayload.Text(text.ToString().TrimEnd(), ephemeral: true);
    }

    /// <summary>One history entry in a line: verdict, failing and warning checks, masked key, site, when.</summary>
    public static string Describe(CheckHistoryEntry entry, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var text = new StringBuilder(VerdictText(entry.Verdict));
        var failing = entry.Checks.Where(c => c.Value == CheckStatus.Fail).Select(c => c.Key).ToList();
        var warnings = entry.Checks.Where(c => c.Value == CheckStatus.Warn).Select(c => c.Key).ToList();
        if (failing.Count > 0)
        {
            text.Append(" · failing: ").Append(string.Join(", ", failing));
        }

        if (warnings.Count > 0)
        {
            text.Append(" · warnings: ").Append(string.Join(", ", warnings));
        }

        // The store only ever holds masked keys; a value that isn't one is not shown at all.
        text.Append(" · key ").Append(CheckHistoryEntry.IsMasked(entry.MaskedKey) ? entry.MaskedKey : "(hidden)")
            .Append(" · ").Append(entry.RegionKey ?? KeyCheckService.DefaultRegion)
            .Append(" · ").Append(entry.CheckedAt.Humanize(now, culture: CultureInfo.InvariantCulture));
        return text.ToString();
    }

    /// <summary>The member's result, with who asked for it.</summary>
    public static MessagePayload Result(DiagnosticReport report, GuideContent guide, CheckRequest? request, TimeSpan? keptFor, LocaleTexts texts)
    {
        ArgumentNullException.ThrowIfNull(report);
        var result = KeyCheckMessages.Result(report, guide, keptFor, texts);
        var content = new StringBuilder();
        content.Append(request is null
            ? "Here is the result of the check. Nobody asked for it any more, so it stays with you."
            : $"**{Plain(request.ModeratorName)}** from the AstraBit team asked for this check: the team sees the verdict and your key masked, never your secret.");
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
                message.AddActionRow(row);
            }
        }
        else
        {
            message.ClearComponents();
        }

        return message.Build();
    }

    /// <summary>The staff channel notice when the member has no open ticket. Names people with mentions that ping nobody.</summary>
    public static MessagePayload StaffNotice(ulong memberId, ulong moderatorId, DiagnosticReport report, string regionKey, GuideContent guide, LocaleTexts staff)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder(string.Create(
            CultureInfo.InvariantCulture,
            $"<@{memberId}> ran the check you asked for, <@{moderatorId}>: verdict **{VerdictText(report.Verdict)}**"));
        var failing = report.Checks.Where(c => c.Status == CheckStatus.Fail).Select(c => c.Id).ToList();
        var warnings = report.Checks.Where(c => c.Status == CheckStatus.Warn).Select(c => c.Id).ToList();
        if (failing.Count > 0)
        {
            text.Append(" · failing: ").Append(string.Join(", ", failing));
        }

        if (warnings.Count > 0)
        {
            text.Append(" · warnings: ").Append(string.Join(", ", warnings));
        }

        text.Append(" · key ").Append(report.ApiKey).Append(" · ").Append(regionKey).Append('.');
        text.AppendLine().Append("They have no open ticket; the full result is below.");
        return new MessageBuilder()
            .WithContent(text.ToString())
            .AddEmbed(DiagnosticMessages.Render(report, guide, staff))
            .WithAllowedMentions(AllowedMentions.None)
            .Build();
    }

    public static string VerdictText(Verdict verdict) => verdict switch
    {
        Verdict.Pass => "✅ pass",
        Verdict.Warn => "⚠️ warn",
        Verdict.Fail => "❌ fail",
        _ => "⚠️ could not run",
    };

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
