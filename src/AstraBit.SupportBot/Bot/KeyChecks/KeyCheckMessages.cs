using System.Text;
using AstraBit.SupportBot.Bot.Walkthrough;
using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Core.Text;
using AstraBit.SupportBot.Discord.Models;

namespace AstraBit.SupportBot.Bot.KeyChecks;

/// <summary>
/// What a key check says to the member who ran it (/diagnose, the panel; the other origins build on it). Nothing here ever receives the secret: input problems arrive as
/// <see cref="CredentialProblem"/> (which names the field, never the value) and results as a report with the key masked.
/// </summary>
public static class KeyCheckMessages
{
    /// <summary>"Open the guide at step N" buttons shown under a result, at most.</summary>
    public const int MaxStepButtons = 3;

    /// <summary>The check's report as an embed, with buttons to the guide steps that fix its problems and, when the key is kept, "Forget my key".</summary>
    /// <param name="report">The completed check.</param>
    /// <param name="guide">For the names of the steps.</param>
    /// <param name="keptFor">How long the key is kept in memory for "Check it now"; null when it isn't kept.</param>
    /// <param name="reminderOffer">"Remind me before this key expires" (<see cref="MemberHelp.ReminderIds.OfferFor"/>), when the result offers it.</param>
    /// <param name="texts">The member's language.</param>
    /// <param name="lead">A line above everything else the result says, when there is one.</param>
    public static MessagePayload Result(DiagnosticReport report, GuideContent guide, TimeSpan? keptFor, LocaleTexts texts, MessageComponent? reminderOffer = null, string? lead = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(texts);
        var message = new MessageBuilder()
            .AddEmbed(DiagnosticMessages.Render(report, guide, texts))
            .WithEphemeral();

        var content = new StringBuilder(lead);
        if (content.Length > 0 && report.Verdict == Verdict.Error)
        {
            content.AppendLine();
        }

        if (report.Verdict == Verdict.Error)
        {
            var why = report.Find(CheckIds.Connectivity)?.Detail;
            content.Append(texts.Get(TextIds.KeyCheck.CouldNotRun, ("why", string.IsNullOrWhiteSpace(why) ? texts.Get(TextIds.KeyCheck.NoUsableAnswer) : why.Trim())));
        }

        if (keptFor is { } kept)
        {
            if (content.Length > 0)
            {
                content.AppendLine();
            }

            content.Append(texts.Get(TextIds.KeyCheck.KeptFor, ("duration", texts.Duration(kept))));
        }

        if (content.Length > 0)
        {
            message.WithContent(content.ToString());
        }

        var buttons = new List<MessageComponent>();
        foreach (var step in DiagnosticMessages.StepsToFix(report).Take(MaxStepButtons))
        {
            buttons.Add(Button.Create(ButtonStyle.Primary, WalkthroughIds.GoTo(GuidePositions.FromStep(step)),
                texts.Get(TextIds.KeyCheck.OpenStepButton, ("step", texts.Number(step)))));
        }

        if (keptFor is not null)
        {
            buttons.Add(Button.Create(ButtonStyle.Danger, WalkthroughIds.ForgetKey, texts.Get(TextIds.KeyCheck.ForgetKeyButton)));
        }

        if (reminderOffer is not null)
        {
            buttons.Add(reminderOffer);
        }

        if (buttons.Count > 0)
        {
            message.AddActionRow(buttons);
        }
        else
        {
            message.ClearComponents();
        }

        return message.Build();
    }

    /// <summary>After a restart: the result of a check that completed just before the bot stopped, before the member saw it.</summary>
    public static MessagePayload Recovered(DiagnosticReport report, GuideContent guide, LocaleTexts texts)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(texts);
        return Result(report, guide, keptFor: null, texts, lead: texts.Get(TextIds.KeyCheck.Recovered));
    }

    /// <summary>After a restart: the check was still running when the bot stopped; nothing reached Bybit's account settings.</summary>
    /// <param name="entry">Where it came from, to say how to run it again.</param>
    /// <param name="texts">The member's language.</param>
    public static MessagePayload Interrupted(KeyCheckEntry entry, LocaleTexts texts)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(texts);
        return MessagePayload.Text(texts.Get(TextIds.KeyCheck.Interrupted, ("tryAgain", texts.Get(entry.TryAgainId))), ephemeral: true);
    }

    /// <summary>The check didn't run (cooldown, Bybit budget, unknown site); the reason says when to come back, in words.</summary>
    public static MessagePayload Refused(string reason, LocaleTexts texts) =>
        new MessageBuilder()
            .WithContent(texts.Get(TextIds.KeyCheck.Refused, ("reason", reason)))
            .WithEphemeral()
            .ClearComponents()
            .Build();
}
