using System.Globalization;
using System.Text;
using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Core.Text;
using AstraBit.SupportBot.Core.Walkthrough;
using AstraBit.SupportBot.Discord.Models;

namespace AstraBit.SupportBot.Bot.Walkthrough;

/// <summary>
/// The walkthrough as Discord shows it: one Components V2 message (PRODUCT.md §4, §13). A short notice on top, then the
/// page in a container in the brand's colour — the "Part 2 of 3 · Step 5 of 6" header, the step's title and
/// instructions and its fields in a section with "Check it now" as the section's accessory when the step has one —
/// and the other buttons and the selects the view asks for in action rows below. After a check its result is a
/// container of its own in the verdict's colour. Within Discord's limits: 40 components counting nested ones and 4,000
/// characters of text displays in all, so a long report shortens the page, never the other way round. An edit with
/// this message upgrades an old embed page in place (the client's V2 edits clear content and embeds). Decides
/// nothing: what to show comes from <see cref="WalkthroughView"/>.
/// </summary>
public static class WalkthroughMessages
{
    private const string UncheckedBox = "☐ ";
    private const string CheckedBox = "✅ ";

    // The most a notice above the page may take of the message's text.
    private const int NoticeRoom = 1000;

    // What a page's markup adds to its texts: "-# " and "### ", a line break, and per field "**name**\n" and a blank line.
    private const int MarkupRoom = 8 + (7 * DiscordLimits.EmbedFields);

    /// <summary>
    /// The characters a guide page's own texts may take (header, title, text, fields' names and values): what is left of
    /// a V2 message's 4,000 beside the longest notice and the page's markup, so a page the guide file's check lets
    /// through is always shown whole.
    /// </summary>
    public const int PageRoom = DiscordLimits.ComponentsV2Text - NoticeRoom - MarkupRoom;

    // What a page keeps however long the report beside it: its header, its title and the start of its text.
    private const int PageLeast = 400;

    /// <summary>The walkthrough message: the page, and <paramref name="notice"/> above it when there is one.</summary>
    /// <remarks>Only the V2 flag is set: a new DM message needs no other, and an edit keeps the message ephemeral or not as it was posted.</remarks>
    public static MessagePayload Walkthrough(WalkthroughView view, string? notice = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        var top = Notice(notice);
        return Compose(view, top, [PageBox(view, view.Page, Replies.BrandColor, DiscordLimits.ComponentsV2Text - (top?.TextLength ?? 0), live: true)]);
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
        var top = Notice(Outcome(verdict, checkedAt, report, CheckButton(view), texts) + (keyNote is null ? "" : "\n" + keyNote));
        var left = DiscordLimits.ComponentsV2Text - (top?.TextLength ?? 0);
        var result = ResultBox(DiagnosticMessages.Render(report, guide, texts, checkIds), left - PageLeast);
        left -= result.TextLength;
        if (checklist is not null)
        {
            var ticked = checklist with { Description = checklist.Description.Replace(UncheckedBox, CheckedBox, StringComparison.Ordinal) };
            var next = PageBox(view, view.Page, Replies.BrandColor, left, live: true);

            // The checklist goes first when a long report leaves no room for it.
            return PageLength(ticked) + next.TextLength <= left
                ? Compose(view, top, [PageBox(view, ticked, Replies.GoodColor, left - next.TextLength, live: false), result, next])
                : Compose(view, top, [result, next]);
        }

        return Compose(view, top, [PageBox(view, view.Page, Replies.BrandColor, left, live: true), result]);
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

    private static MessagePayload Compose(WalkthroughView view, TextDisplay? notice, IEnumerable<Container> boxes)
    {
        var message = new MessageBuilder().WithComponentsV2();
        if (notice is not null)
        {
            message.AddComponent(notice);
        }

        foreach (var box in boxes)
        {
            message.AddComponent(box);
        }

        // "Check it now" sits beside the step's text; Back, Next, "I'm stuck" and the rest go in the row below the page.
        var buttons = view.Buttons.Where(b => b.Action.Kind != WalkthroughActionKind.CheckNow).ToList();
        if (buttons.Count > 0)
        {
            message.AddActionRow(buttons.Select(b => (MessageComponent)Button.Create(Style(b.Style), WalkthroughIds.Encode(b.Action), b.Label)));
        }

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

    private static TextDisplay? Notice(string? notice) =>
        string.IsNullOrWhiteSpace(notice) ? null : new TextDisplay(SafeText.Fit(notice.Trim(), NoticeRoom));

    // A page in a container: its header as small print, its title and text, its fields; the live page's "Check it
    // now" as the accessory of the section holding them. Shortened to room: the fields go first, then the text is cut.
    private static Container PageBox(WalkthroughView view, GuidePage page, int color, int room, bool live)
    {
        var header = new TextDisplay("-# " + page.Header);
        var titleLine = "### " + page.Title;
        var fields = Fields(page);
        List<TextDisplay> texts = [header];
        if (PageLength(page) <= room)
        {
            texts.Add(new TextDisplay(page.Description.Length == 0 ? titleLine : titleLine + "\n" + page.Description));
            if (fields.Length > 0)
            {
                texts.Add(new TextDisplay(fields));
            }
        }
        else
        {
            var left = Math.Max(SafeText.Ellipsis.Length, room - header.TextLength - titleLine.Length - 1);
            texts.Add(new TextDisplay(titleLine + "\n" + SafeText.Fit(page.Description.Length == 0 ? fields : page.Description, left)));
        }

        var check = live ? view.Button(WalkthroughActionKind.CheckNow) : null;
        return check is null
            ? new Container(texts, color)
            : new Container([new Section(texts, Button.Create(Style(check.Style), WalkthroughIds.Encode(check.Action), check.Label))], color);
    }

    // The characters a page takes as text displays: "-# header", "### title" and the text, its fields.
    private static int PageLength(GuidePage page)
    {
        var fields = Fields(page);
        return 3 + page.Header.Length + 4 + page.Title.Length + (page.Description.Length == 0 ? 0 : 1 + page.Description.Length) + fields.Length;
    }

    private static string Fields(GuidePage page) =>
        string.Join("\n\n", page.Fields.Select(f => $"**{f.Name}**\n{f.Value}"));

    // A check's result (what /diagnose shows as an embed) as a container in the verdict's colour: its headline, one line
    // per check, each problem with its fix, and the key and host as small print; cut to room.
    private static Container ResultBox(Embed result, int room)
    {
        var text = new StringBuilder();
        if (result.Title is { Length: > 0 } title)
        {
            text.Append("### ").Append(title).Append('\n');
        }

        text.Append(result.Description?.TrimEnd());
        foreach (var field in result.Fields)
        {
            text.Append("\n\n**").Append(field.Name).Append("**\n").Append(field.Value);
        }

        if (result.Footer is { Length: > 0 } footer)
        {
            text.Append("\n-# ").Append(footer);
        }

        return new Container([new TextDisplay(SafeText.Fit(text.ToString().Trim(), Math.Max(SafeText.Ellipsis.Length, room)))], result.Color);
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
