using System.Text;
using AstraBit.SupportBot.Bot.Walkthrough;
using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Core.Limits;
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
    /// <param name="lead">A line above everything else the result says, when there is one.</param>
    public static MessagePayload Result(DiagnosticReport report, GuideContent guide, TimeSpan? keptFor, MessageComponent? reminderOffer = null, string? lead = null)
    {
        var message = new MessageBuilder()
            .AddEmbed(DiagnosticMessages.Render(report, guide))
            .WithEphemeral();

        var content = new StringBuilder(lead);
        if (content.Length > 0 && report.Verdict == Verdict.Error)
        {
            content.AppendLine();
        }

        if (report.Verdict == Verdict.Error)
        {
            var why = report.Find(CheckIds.Connectivity)?.Detail;
            content.Append("I couldn't run the check: ");
            content.Append(string.IsNullOrWhiteSpace(why) ? "Bybit didn't give a usable answer." : why.Trim());
            content.Append(" Please try again in a few minutes; if it keeps happening, tell the support team.");
        }

        if (keptFor is { } kept)
        {
            if (content.Length > 0)
            {
                content.AppendLine();
            }

            content.Append("I'll keep your key in memory only, for ").Append(RetryWording.Duration(kept))
                .Append(", so the guide's check buttons don't ask for it again. \"Forget my key\" wipes it now.");
        }

        if (content.Length > 0)
        {
            message.WithContent(content.ToString());
        }

        var buttons = new List<MessageComponent>();
        foreach (var step in DiagnosticMessages.StepsToFix(report).Take(MaxStepButtons))
        {
            buttons.Add(Button.Create(ButtonStyle.Primary, WalkthroughIds.GoTo(GuidePositions.FromStep(step)), $"Open the guide at step {step}"));
        }

        if (keptFor is not null)
        {
            buttons.Add(Button.Create(ButtonStyle.Danger, WalkthroughIds.ForgetKey, "Forget my key"));
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
    public static MessagePayload Recovered(DiagnosticReport report, GuideContent guide)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Result(report, guide, keptFor: null, lead: "The bot restarted just before it could show you this result of your key check.");
    }

    /// <summary>After a restart: the check was still running when the bot stopped; nothing reached Bybit's account settings.</summary>
    /// <param name="tryAgain">How to run it again from where it came from (<see cref="KeyCheckEntry.TryAgain"/>).</param>
    public static MessagePayload Interrupted(string tryAgain) => MessagePayload.Text(
        "⚠️ The bot restarted while it was checking your key, so the check didn't finish and I have no result to show you. "
        + "Nothing was changed on your Bybit account. " + tryAgain + " to check your key.",
        ephemeral: true);

    /// <summary>The check didn't run (cooldown, Bybit budget, unknown site); the reason says when to come back, in words.</summary>
    public static MessagePayload Refused(string reason) =>
        new MessageBuilder()
            .WithContent(reason + " Your key wasn't sent to Bybit this time.")
            .WithEphemeral()
            .ClearComponents()
            .Build();
}
