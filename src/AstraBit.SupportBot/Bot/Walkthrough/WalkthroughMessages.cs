using System.Globalization;
using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Core.Text;
using AstraBit.SupportBot.Core.Walkthrough;
using AstraBit.SupportBot.Discord.Models;

namespace AstraBit.SupportBot.Bot.Walkthrough;

/// <summary>
/// The walkthrough as Discord shows it: one message with the page as an embed (the "Part 2 of 3 · Step 5 of 6"
/// header as the embed's author line), a row of buttons and the selects the view asks for, optionally a check
/// result as a second embed and a short notice as the content. Decides nothing: what to show comes from
/// <see cref="WalkthroughView"/>.
/// </summary>
public static class WalkthroughMessages
{
    private const string UncheckedBox = "☐ ";
    private const string CheckedBox = "✅ ";

    /// <summary>The walkthrough message. The content is always sent (empty when there is no notice) so an edit clears the previous notice.</summary>
    /// <remarks>No message flags are set: a new DM message needs none, and an edit keeps the message ephemeral or not as it was posted.</remarks>
    public static MessagePayload Walkthrough(WalkthroughView view, string? notice = null, IEnumerable<Embed>? extraEmbeds = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        return Compose(view, notice, [PageEmbed(view.Page, Replies.BrandColor), .. extraEmbeds ?? []]);
    }

    /// <summary>
    /// The message after "Check it now": the page again, the check's result under it and a line saying what next.
    /// After a passing final check (<paramref name="checklist"/> set, the view on the Done page) it is the ticked
    /// checklist, the result, then the next step.
    /// </summary>
    public static MessagePayload AfterCheck(WalkthroughView view, DiagnosticReport report, GuideContent guide, LocaleTexts texts, GuidePosition checkedAt, IReadOnlyCollection<string>? checkIds, string? keyNote, GuidePage? checklist = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(guide);
        ArgumentNullException.ThrowIfNull(texts);
        var verdict = CheckSummary.From(report, null, checkedAt, checkIds).Verdict;
        var result = DiagnosticMessages.Render(report, guide, texts, checkIds);
        var notice = Outcome(verdict, checkedAt, report, CheckButton(view), texts) + (keyNote is null ? "" : "\n" + keyNote);
        if (checklist is not null)
        {
            var ticked = checklist with { Description = checklist.Description.Replace(UncheckedBox, CheckedBox, StringComparison.Ordinal) };
            Embed[] embeds = [PageEmbed(ticked, Replies.GoodColor), result, PageEmbed(view.Page, Replies.BrandColor)];

            // Discord allows 6000 characters over all embeds; a long report drops the checklist before anything else.
            return embeds.Sum(e => e.TotalLength) <= DiscordLimits.EmbedTotal
                ? Compose(view, notice, embeds)
                : Compose(view, notice, [result, Fit(view.Page, DiscordLimits.EmbedTotal - result.TotalLength)]);
        }

        return Compose(view, notice, [Fit(view.Page, DiscordLimits.EmbedTotal - result.TotalLength), result]);
    }

    /// <summary>Whether a check's verdict lets the member move on (warnings don't stop anyone).</summary>
    public static bool Passed(DiagnosticReport report, GuidePosition checkedAt, IReadOnlyCollection<string>? checkIds) =>
        CheckSummary.From(report, null, checkedAt, checkIds).Verdict is Verdict.Pass or Verdict.Warn;

    /// <summary>The ephemeral answer to /connect-bybit when the guide went to the member's DMs.</summary>
    public static MessagePayload SentToDm(ulong channelId, ulong messageId, bool resumed, LocaleTexts texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var link = string.Create(CultureInfo.InvariantCulture, $"https://discord.com/channels/@me/{channelId}/{messageId}");
        return MessagePayload.Text(texts.Get(resumed ? TextIds.Walkthrough.SentToDmResumed : TextIds.Walkthrough.SentToDm, ("link", link)), ephemeral: true);
    }

    /// <summary>A line for the member who comes back to the guide part-way through; <paramref name="where"/> names the page in their language.</summary>
    public static string? WelcomeBack(WalkthroughProgress? existing, StuckContext? where, LocaleTexts texts) =>
        existing is { Position: not (GuidePosition.BeforeYouBegin or GuidePosition.Done) } && where is not null
            ? texts.Get(TextIds.Walkthrough.WelcomeBack, ("where", where.Where))
            : null;

    public static string KeyKept(TimeSpan keptFor, LocaleTexts texts) =>
        texts.Get(TextIds.KeyCheck.KeptFor, ("duration", texts.Duration(keptFor)));

    public static string Refused(string reason, LocaleTexts texts) => texts.Get(TextIds.Walkthrough.Refused, ("reason", reason));

    /// <summary>The key was wiped before a check could use it; <paramref name="view"/> is the page shown with this notice.</summary>
    public static string KeyGone(WalkthroughView view, LocaleTexts texts) =>
        CheckButton(view) is { } label
            ? texts.Get(TextIds.Walkthrough.KeyGone, ("button", label))
            : texts.Get(TextIds.Walkthrough.KeyGoneNoButton);

    public static string Forgot(bool hadKey, LocaleTexts texts) =>
        texts.Get(hadKey ? TextIds.Walkthrough.Forgot : TextIds.Walkthrough.ForgotNothing);

    private static string Outcome(Verdict verdict, GuidePosition checkedAt, DiagnosticReport report, string? checkButton, LocaleTexts texts) => (verdict, checkedAt) switch
    {
        (Verdict.Pass or Verdict.Warn, GuidePosition.FinalCheck) => texts.Get(TextIds.Walkthrough.AllChecksOut),
        (Verdict.Pass, _) => texts.Get(TextIds.Walkthrough.StepChecksOut),
        (Verdict.Warn, _) => texts.Get(TextIds.Walkthrough.StepWorksWithWarning),
        (Verdict.Error, _) => CouldNotRun(report, checkButton, texts),
        _ => checkButton is null ? texts.Get(TextIds.Walkthrough.FixThenCheckNoButton) : texts.Get(TextIds.Walkthrough.FixThenCheck, ("button", checkButton)),
    };

    // Why the check couldn't run as the connectivity check says it (maintenance with its end, rate limit, …), as /diagnose shows it.
    private static string CouldNotRun(DiagnosticReport report, string? checkButton, LocaleTexts texts)
    {
        if (report.Find(CheckIds.Connectivity)?.Detail is { } why && !string.IsNullOrWhiteSpace(why))
        {
            return checkButton is null
                ? texts.Get(TextIds.Walkthrough.CouldNotRunNoButton, ("why", why.Trim()))
                : texts.Get(TextIds.Walkthrough.CouldNotRun, ("why", why.Trim()), ("button", checkButton));
        }

        return checkButton is null
            ? texts.Get(TextIds.Walkthrough.UnreachableNoButton)
            : texts.Get(TextIds.Walkthrough.Unreachable, ("button", checkButton));
    }

    // The check button as the member sees it on this page ("Check my position mode", "Run the full check"): the text
    // names the button by its label, never by a name the member can't find.
    private static string? CheckButton(WalkthroughView view) =>
        view.Buttons.FirstOrDefault(b => b.Action.Kind == WalkthroughActionKind.CheckNow)?.Label;


    private static MessagePayload Compose(WalkthroughView view, string? notice, IEnumerable<Embed> embeds)
    {
        var message = new MessageBuilder().WithContent(notice ?? "");
        foreach (var embed in embeds)
        {
            message.AddEmbed(embed);
        }

        message.AddActionRow(view.Buttons.Select(b => (MessageComponent)Button.Create(Style(b.Style), WalkthroughIds.Encode(b.Action), b.Label)));
        if (view.AccountTypeSelect is { } accountType)
        {
            message.AddActionRow(Select(accountType));
        }

        if (view.RegionSelect is { } region)
        {
            message.AddActionRow(Select(region));
        }

        return message.Build();
    }

    // The page shortened to what is left of the message's embed characters: header and title always, then as much of the text as fits.
    private static Embed Fit(GuidePage page, int room)
    {
        if (page.TotalLength <= room)
        {
            return PageEmbed(page, Replies.BrandColor);
        }

        var left = Math.Max(0, room - page.Header.Length - page.Title.Length - 1);
        var description = SafeText.Fit(page.Description, left + SafeText.Ellipsis.Length);
        return PageEmbed(page with { Description = description, Fields = [] }, Replies.BrandColor);
    }

    private static Embed PageEmbed(GuidePage page, int color)
    {
        var embed = new EmbedBuilder()
            .WithAuthor(page.Header)
            .WithTitle(page.Title)
            .WithDescription(page.Description)
            .WithColor(color);
        foreach (var field in page.Fields)
        {
            embed.AddField(field.Name, field.Value);
        }

        return embed.Build();
    }

    private static StringSelect Select(WalkthroughSelect select) =>
        new(WalkthroughIds.Encode(select.Action), select.Options.Select(o => new SelectOption(o.Label, o.Value, o.Description, o.IsDefault)), select.Placeholder);

    private static ButtonStyle Style(WalkthroughButtonStyle style) => style switch
    {
        WalkthroughButtonStyle.Primary => ButtonStyle.Primary,
        WalkthroughButtonStyle.Success => ButtonStyle.Success,
        WalkthroughButtonStyle.Danger => ButtonStyle.Danger,
        _ => ButtonStyle.Secondary,
    };
}
