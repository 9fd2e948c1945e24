using System.Text;
using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Text;
using AstraBit.SupportBot.Core.Tickets;
using AstraBit.SupportBot.Discord.Models;
using Ids = AstraBit.SupportBot.Core.Text.TextIds;

namespace AstraBit.SupportBot.Bot.Tickets;

/// <summary>
/// The diagnosis card as a Components V2 message (PRODUCT.md §13): a container in the verdict's accent colour with the
/// facts (member, language, account type, site, masked key, when, where the member stopped), one section per failing or
/// warning check with its fix and, in the thread, "Run the check again" beside it, and the intake form's answers; the
/// message's own line above it and its buttons below. Words are in the staff language; the button, addressed to the
/// member, in theirs. Within Discord's limits: 40 components counting nested ones and 4,000 characters of text in all —
/// a check that doesn't fit as a section is listed by name, and long texts are cut with "…".
/// </summary>
public static class TicketCardLayout
{
    // Room kept for what follows the checks: the separators, the intake, the footer and two rows of buttons.
    private const int ReservedComponents = 12;

    // Characters kept for the footer, the intake and the line naming checks that didn't fit.
    private const int IntakeText = 900;

    /// <param name="line">The message's first line (who and why), outside the container.</param>
    /// <param name="ticket">The ticket the card belongs to.</param>
    /// <param name="card">The diagnosis; null or one without a check shows "no check yet".</param>
    /// <param name="heading">"Diagnosis", "New check result", …</param>
    /// <param name="staff">The staff language.</param>
    /// <param name="member">The member's language (their button, their language's name).</param>
    /// <param name="runAgain">Whether each check gets "Run the check again" beside it (in the thread, where the member is).</param>
    /// <param name="rows">Buttons below the card.</param>
    /// <param name="mentions">Who the message may ping.</param>
    public static MessagePayload Build(
        string line,
        Ticket ticket,
        TicketCard? card,
        string heading,
        LocaleTexts staff,
        LocaleTexts member,
        bool runAgain,
        IReadOnlyList<ActionRow> rows,
        AllowedMentions mentions)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(staff);
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(rows);
        var budget = new TextBudget(DiscordLimits.ComponentsV2Text);
        var top = new TextDisplay(budget.Take(line, 600));
        var inside = new List<MessageComponent>();
        var runAgainLabel = member.Get(Ids.TicketThread.RunAgainButton);
        var title = $"### {staff.Get(Ids.TicketCard.Title, ("heading", heading), ("ticket", ticket.DisplayNumber))}";
        var hasCheck = card is { HasCheck: true };
        var headline = hasCheck ? Verdict(card!.Verdict, staff) : staff.Get(Ids.TicketCard.NoCheck, ("button", runAgainLabel));
        inside.Add(new TextDisplay(budget.Take(title + "\n" + headline, 700)));
        inside.Add(new TextDisplay(budget.Take(Facts(ticket, hasCheck ? card : null, staff, member), 900)));

        var checks = hasCheck ? card!.Failing.Concat(card.Warnings).ToList() : [];
        if (checks.Count > 0)
        {
            inside.Add(new Separator());
            var left = DiscordLimits.ComponentsV2Total - ReservedComponents - 2 - inside.Sum(ComponentsV2.CountOf) - rows.Sum(ComponentsV2.CountOf);
            var share = Math.Max(120, (budget.Left - IntakeText) / checks.Count);
            var notShown = new List<string>();
            for (var i = 0; i < checks.Count; i++)
            {
                var check = checks[i];
                var cost = runAgain ? 3 : 1;
                if (left < cost || budget.Left - IntakeText < 120)
                {
                    notShown.Add($"`{check.Id}`");
                    continue;
                }

                var text = new TextDisplay(budget.Take(Check(check, staff), share));
                inside.Add(runAgain
                    ? new Section([text], Button.Create(ButtonStyle.Primary, TicketIds.RunCheck(ticket.Number, i + 1), runAgainLabel))
                    : text);
                left -= cost;
            }

            if (notShown.Count > 0)
            {
                inside.Add(new TextDisplay(budget.Take(staff.Get(Ids.TicketCardV2.NotShown, ("checks", string.Join(", ", notShown))), 300)));
            }
        }

        if (card?.Intake is { } intake)
        {
            inside.Add(new Separator());
            inside.Add(new TextDisplay(budget.Take(Intake(intake, staff), Math.Max(200, budget.Left - 120))));
        }

        inside.Add(new TextDisplay(budget.Take("-# " + staff.Get(Ids.TicketCard.Footer), 200)));
        var builder = new MessageBuilder()
            .WithComponentsV2()
            .AddComponent(top)
            .AddComponent(new Container(inside, AccentColor(hasCheck ? card!.Verdict : null)))
            .WithAllowedMentions(mentions);
        foreach (var row in rows)
        {
            builder.AddComponent(row);
        }

        return builder.Build();
    }

    /// <summary>The container's colour: green for a pass, amber for warnings, red for a failure or a check that couldn't run, the brand's without a check.</summary>
    public static int AccentColor(Verdict? verdict) => verdict switch
    {
        Core.Diagnostics.Verdict.Pass => Replies.GoodColor,
        Core.Diagnostics.Verdict.Warn => Replies.WarningColor,
        null => Replies.BrandColor,
        _ => Replies.ProblemColor,
    };

    private static string Facts(Ticket ticket, TicketCard? card, LocaleTexts staff, LocaleTexts member)
    {
        var facts = new StringBuilder()
            .Append("**").Append(staff.Get(Ids.TicketCard.MemberField)).Append("** ").Append(TicketMessages.Mention(ticket.MemberId))
            .Append(" · **").Append(staff.Get(Ids.TicketCard.LanguageField)).Append("** ").Append(member.LanguageName);
        if (card is null)
        {
            return facts.ToString();
        }

        var unknown = staff.Get(Ids.TicketCard.Unknown);
        facts.Append('\n')
            .Append("**").Append(staff.Get(Ids.TicketCard.AccountTypeField)).Append("** ").Append(card.AccountType ?? unknown)
            .Append(" · **").Append(staff.Get(Ids.TicketCard.SiteField)).Append("** ").Append(card.Region ?? unknown)
            .Append(" · **").Append(staff.Get(Ids.TicketCard.ApiKeyField)).Append("** ").Append(card.MaskedKey ?? staff.Get(Ids.TicketCard.NoKey));
        if (card.CheckedAt is { } at)
        {
            facts.Append('\n').Append("**").Append(staff.Get(Ids.TicketCard.CheckedField)).Append("** ").Append(TicketMessages.Timestamp(at, "R"));
        }

        if (card.StoppedAt is { } stopped)
        {
            facts.Append('\n').Append("**").Append(staff.Get(Ids.TicketCard.StoppedAtField)).Append("** ").Append(stopped);
        }

        return facts.ToString();
    }

    // The check's name in the staff language when the catalogue knows its id, what was found and the fix.
    private static string Check(TicketCheck check, LocaleTexts staff)
    {
        var title = staff.Has(Ids.Report.CheckName(check.Id)) ? staff.Get(Ids.Report.CheckName(check.Id)) : check.Title;
        var name = title == check.Id ? check.Id : $"{title} (`{check.Id}`)";
        var text = new StringBuilder("**").Append(DiagnosticMessages.Icon(check.Status)).Append(' ').Append(name).Append("**\n").Append(check.Detail);
        if (check.Fix is { } fix)
        {
            var label = check.GuideStep is { } step
                ? staff.Get(Ids.Report.FixAt, ("step", staff.Get(Ids.TicketCard.GuideStep, ("number", staff.Number(step)))))
                : staff.Get(Ids.Report.Fix);
            text.Append('\n').Append(label).Append(' ').Append(fix);
        }

        return text.ToString();
    }

    // What the member wrote, quoted so their markdown stays inside the quote.
    private static string Intake(TicketIntake intake, LocaleTexts staff)
    {
        var shots = intake.Screenshots.Count == 0 ? staff.Get(Ids.Intake.CardScreenshotsNone) : string.Join(", ", intake.Screenshots);
        foreach (var skipped in intake.Skipped)
        {
            shots += "; " + staff.Get(Ids.Intake.CardSkipped, ("file", skipped));
        }

        var description = intake.Description.Length == 0 ? "—" : SafeText.Fit(intake.Description, 600);
        return new StringBuilder("**").Append(staff.Get(Ids.Intake.CardTitle)).Append("**\n")
            .Append("**").Append(staff.Get(Ids.Intake.CardTopic)).Append("** ").Append(SafeText.Fit(intake.TopicLabel, 200)).Append('\n')
            .Append("**").Append(staff.Get(Ids.Intake.CardScreenshots)).Append("** ").Append(SafeText.Fit(shots, 400)).Append('\n')
            .Append("**").Append(staff.Get(Ids.Intake.CardDescription)).Append("**\n")
            .Append(string.Join('\n', description.Split('\n').Select(l => "> " + l)))
            .ToString();
    }

    private static string Verdict(Verdict? verdict, LocaleTexts staff) => staff.Get(verdict switch
    {
        Core.Diagnostics.Verdict.Pass => Ids.TicketCard.VerdictPass,
        Core.Diagnostics.Verdict.Warn => Ids.TicketCard.VerdictWarn,
        Core.Diagnostics.Verdict.Fail => Ids.TicketCard.VerdictFail,
        _ => Ids.TicketCard.VerdictError,
    });

    /// <summary>What is left of a message's 4,000 characters of text displays, handed out piece by piece (never empty: a text display needs one character).</summary>
    private sealed class TextBudget(int total)
    {
        public int Left { get; private set; } = total;

        public string Take(string text, int most)
        {
            var fitted = SafeText.Fit(text.Length == 0 ? "—" : text, Math.Max(1, Math.Min(most, Left)));
            Left -= fitted.Length;
            return fitted;
        }
    }
}
