using System.Globalization;
using System.Net.Mime;
using System.Text;
using AstraBit.SupportBot.Core.Audit;
using AstraBit.SupportBot.Core.Text;
using Ids = AstraBit.SupportBot.Core.Text.TextIds.Transcript;

namespace AstraBit.SupportBot.Core.Tickets;

/// <summary>A ticket's transcript as the log channel receives it, with the counts its summary names.</summary>
/// <param name="FileName">"ticket-0042.html".</param>
/// <param name="Content">The UTF-8 HTML document.</param>
/// <param name="MessageCount">Messages in the file.</param>
/// <param name="MessagesLeftOut">The oldest messages left out to stay under the upload limit.</param>
/// <param name="CheckCount">Diagnosis cards in the file (the opening one and every later check).</param>
/// <param name="TimelineCount">Staff timeline entries in the file.</param>
public sealed record HtmlTranscript(string FileName, byte[] Content, int MessageCount, int MessagesLeftOut, int CheckCount, int TimelineCount)
{
    public const string ContentType = MediaTypeNames.Text.Html + "; charset=utf-8";
}

/// <summary>
/// The transcript as one self-contained HTML page (PRODUCT.md §6): the header, every diagnosis, the staff timeline
/// and every message with its author, role, time, rich content and attachment names. Nothing in it can run or
/// fetch anything: no script, no link to a resource, only an inline style sheet, and a Content-Security-Policy that
/// would forbid both anyway. Every piece of text — names, messages, cards, audit sentences — is neutralized,
/// scrubbed of secrets (<see cref="SecretGuard.Scrub"/>) and HTML-escaped one character at a time; only this class
/// writes markup. Over <see cref="UploadLimit"/> the oldest messages are left out and the file says how many.
/// </summary>
public static class HtmlTranscriptBuilder
{
    /// <summary>Discord's default upload limit per file, 10 MiB (reference/discord-api.md §12).</summary>
    public const int UploadLimit = 10 * 1024 * 1024;

    // Discord display names are at most 32 characters; a longer one was not set by Discord.
    private const int MaxNameLength = 32;

    // Discord nests components at most a few levels deep; anything deeper is shown flat rather than recursed into.
    private const int MaxDepth = 8;


    /// <summary>
    /// The transcript of <paramref name="ticket"/>. <paramref name="timeline"/> is the audit log's entries for this
    /// ticket (any order, others are ignored); <paramref name="olderNotRead"/> says the thread had more messages than
    /// were read, so the file says its oldest are missing. The page's words are in <paramref name="texts"/>' language
    /// (the staff language), which its lang attribute names; what people wrote stays as written.
    /// </summary>
    public static HtmlTranscript Build(
        Ticket ticket,
        IReadOnlyList<TranscriptMessage> messages,
        IReadOnlyList<AuditEntry> timeline,
        LocaleTexts texts,
        bool olderNotRead = false,
        int maxBytes = UploadLimit)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(texts);
        var words = new TranscriptLabels(texts);
        var ordered = messages.OrderBy(m => m.At).ToList();
        var names = new Dictionary<ulong, string>();
        foreach (var message in ordered)
        {
            names[message.AuthorId] = message.AuthorName;
        }

        var head = new StringBuilder(16 * 1024);
        head.Append("<!DOCTYPE html>\n<html lang=\"").Append(words.Locale).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
            .Append("<meta name=\"referrer\" content=\"no-referrer\">\n<title>");
        Text(head, words.Title(ticket.DisplayNumber));
        head.Append("</title>\n<style>").Append(TranscriptStyle.Sheet).Append("</style>\n</head>\n<body>\n<main>\n");
        Header(head, ticket, names, words);
        var cards = ticket.AllCards.ToList();
        Diagnosis(head, ticket, cards, words);
        var timelineCount = Timeline(head, ticket, timeline, names, words);
        head.Append("<section id=\"messages\">\n<h2>");
        Text(head, words[TextIds.Transcript.Messages]);
        head.Append("</h2>\n");

        var footer = new StringBuilder("</ol>\n</section>\n<footer>");
        Text(footer, words[TextIds.Transcript.Footer]);
        var tail = footer.Append("</footer>\n</main>\n</body>\n</html>\n").ToString();
        var rendered = new string[ordered.Count];
        var sizes = new long[ordered.Count];
        var item = new StringBuilder(1024);
        long total = Encoding.UTF8.GetByteCount(head.ToString()) + Encoding.UTF8.GetByteCount(tail) + 64;
        for (var i = 0; i < ordered.Count; i++)
        {
            item.Clear();
            Message(item, ticket, ordered[i], i + 1, words);
            rendered[i] = item.ToString();
            sizes[i] = Encoding.UTF8.GetByteCount(rendered[i]);
            total += sizes[i];
        }

        // Leave out the oldest until the rest fits, keeping room for the notice that says so.
        var first = 0;
        if (total > maxBytes)
        {
            total += Encoding.UTF8.GetByteCount(Notice(words.Trimmed(ordered.Count, ordered.Count)));
            while (first < ordered.Count && total > maxBytes)
            {
                total -= sizes[first];
                first++;
            }
        }

        var html = new StringBuilder(checked((int)Math.Min(total + 1024, int.MaxValue)));
        html.Append(head);
        if (olderNotRead)
        {
            html.Append(Notice(words[TextIds.Transcript.NotRead]));
        }

        if (first > 0)
        {
            html.Append(Notice(words.Trimmed(first, ordered.Count - first)));
        }

        if (ordered.Count == 0)
        {
            html.Append("<p>");
            Text(html, words[TextIds.Transcript.NoMessages]);
            html.Append("</p>\n");
        }

        html.Append("<ol class=\"messages\">\n");
        for (var i = first; i < rendered.Length; i++)
        {
            html.Append(rendered[i]);
        }

        html.Append(tail);
        var number = ticket.Number.ToString("0000", CultureInfo.InvariantCulture);
        return new HtmlTranscript($"ticket-{number}.html", Encoding.UTF8.GetBytes(html.ToString()), ordered.Count - first, first, cards.Count, timelineCount);
    }

    private static void Header(StringBuilder html, Ticket ticket, Dictionary<ulong, string> names, TranscriptLabels words)
    {
        html.Append("<header>\n<h1>");
        Text(html, words.Heading(ticket.DisplayNumber));
        html.Append("</h1>\n<dl class=\"facts\">\n");
        Fact(html, words[Ids.MemberField], Person(ticket.MemberId, names, words));
        Fact(html, words[Ids.OpenedField], $"{Stamp(ticket.OpenedAt)} ({words.Origin(ticket.Origin)})");
        if (ticket.ReopenedAt is { } reopened)
        {
            Fact(html, words[Ids.ReopenedField], Stamp(reopened));
        }

        Fact(html, words[Ids.ClaimedByField], ticket.ClaimedBy is { } claimer ? Person(claimer, names, words) : words[Ids.Nobody]);
        Fact(html, words[Ids.ClosedField], ticket.ClosedAt is { } closed
            ? words.ClosedAt(Stamp(closed), ticket.ClosedBy is { } by ? Person(by, names, words) : words[Ids.TheBot])
            : words[Ids.NotYet]);
        Fact(html, words[Ids.OutcomeField], words.Outcome(ticket.Outcome));

        // Staff's own words stay as written (the reasons the bot gives itself are stored in English).
        Fact(html, words[Ids.CloseReasonField], ticket.CloseReason ?? words[Ids.None]);

        // The rating is asked for when the ticket closes, so it is rarely known yet when this file is written.
        Fact(html, words[Ids.RatingField], ticket.Rating is { } stars ? TranscriptLabels.Stars(stars) : words[Ids.NotRatedYet]);
        html.Append("</dl>\n</header>\n");
    }

    private static void Diagnosis(StringBuilder html, Ticket ticket, List<TicketCard> cards, TranscriptLabels words)
    {
        html.Append("<section id=\"diagnosis\">\n<h2>");
        Text(html, words[Ids.Diagnosis]);
        html.Append("</h2>\n");
        if (cards.Count == 0)
        {
            html.Append("<p>");
            Text(html, words[Ids.NoDiagnosis]);
            html.Append("</p>\n");
        }

        for (var i = 0; i < cards.Count; i++)
        {
            var card = cards[i];
            var heading = words[i == 0 && ticket.Card is not null ? Ids.DiagnosisAtOpening : Ids.LaterCheck];
            var verdict = card.Verdict?.ToString().ToLowerInvariant();
            html.Append("<article class=\"card verdict-").Append(verdict ?? "none").Append("\">\n<h3>");
            Text(html, card.CheckedAt is { } at ? $"{heading} · {Stamp(at)}" : heading);
            html.Append("</h3>\n<dl class=\"facts\">\n");
            Fact(html, words[Ids.VerdictField], words.VerdictWord(card.Verdict));
            Fact(html, words[Ids.AccountTypeField], card.AccountType ?? words[Ids.Unknown]);
            Fact(html, words[Ids.RegionField], card.Region ?? words[Ids.Unknown]);
            Fact(html, words[Ids.KeyField], card.MaskedKey ?? words[Ids.None]);
            if (card.StoppedAt is { } stopped)
            {
                Fact(html, words[Ids.StoppedAtField], stopped);
            }

            html.Append("</dl>\n");
            var checks = card.Failing.Concat(card.Warnings).ToList();
            if (checks.Count > 0)
            {
                html.Append("<ul>\n");
                foreach (var check in checks)
                {
                    html.Append("<li><b>");
                    Text(html, $"{words.StatusWord(check.Status)} · {check.Title}");
                    html.Append("</b> <code>");
                    Text(html, check.Id);
                    html.Append("</code><br>");
                    Text(html, check.Detail);
                    if (check.Fix is { } fix)
                    {
                        html.Append("<div class=\"fix\">");
                        Text(html, words.Fix(fix, check.GuideStep));
                        html.Append("</div>");
                    }

                    html.Append("</li>\n");
                }

                html.Append("</ul>\n");
            }

            html.Append("</article>\n");
        }

        html.Append("</section>\n");
    }

    private static int Timeline(StringBuilder html, Ticket ticket, IReadOnlyList<AuditEntry> audit, Dictionary<ulong, string> names, TranscriptLabels words)
    {
        // The audit log says a note was added; the ticket keeps the note's text (staff only, and so is this file).
        var entries = audit
            .Where(e => e.TicketNumber == ticket.Number && e.Action != AuditActions.TicketNoteAdded)
            .Select(e => (e.At, Who: e.ActorId, What: words.Action(e.Action), e.Detail))
            .Concat(ticket.Notes.Select(n => (n.At, Who: (ulong?)n.AuthorId, What: words[Ids.Note], Detail: n.Text)))
            .OrderBy(e => e.At)
            .ToList();
        html.Append("<section id=\"timeline\">\n<h2>");
        Text(html, words[Ids.Timeline]);
        html.Append("</h2>\n");
        if (entries.Count == 0)
        {
            html.Append("<p>");
            Text(html, words[Ids.NoTimeline]);
            html.Append("</p>\n</section>\n");
            return 0;
        }

        html.Append("<ol class=\"timeline\">\n");
        foreach (var (at, who, what, detail) in entries)
        {
            html.Append("<li>");
            Time(html, at);
            html.Append(" <b>");
            Text(html, what);
            html.Append("</b> · ");
            Text(html, who is { } id ? Person(id, names, words) : words[Ids.TheBot]);
            if (detail.Length > 0)
            {
                html.Append(" · ");
                Text(html, detail);
            }

            html.Append("</li>\n");
        }

        html.Append("</ol>\n</section>\n");
        return entries.Count;
    }

    private static void Message(StringBuilder html, Ticket ticket, TranscriptMessage message, int index, TranscriptLabels words)
    {
        var role = Role(ticket, message);
        html.Append("<li class=\"msg role-").Append(role).Append("\" id=\"m").Append(index.ToString(CultureInfo.InvariantCulture)).Append("\">\n<div class=\"meta\"><span class=\"author\">");
        Text(html, SafeText.Fit(SafeText.Neutralize(message.AuthorName).ReplaceLineEndings(" "), MaxNameLength));
        html.Append("</span> <span class=\"role\">");
        Text(html, words[RoleWord(role)]);
        html.Append("</span> <span class=\"uid\">");
        Text(html, message.AuthorId.ToString(CultureInfo.InvariantCulture));
        html.Append("</span> ");
        Time(html, message.At);
        html.Append("</div>\n");
        if (message.Content.Length > 0)
        {
            html.Append("<div class=\"content\">");
            Text(html, message.Content);
            html.Append("</div>\n");
        }

        foreach (var block in message.Blocks)
        {
            Block(html, block, 0, words);
        }

        Files(html, message.Attachments, words);
        html.Append("</li>\n");
    }

    private static void Block(StringBuilder html, TranscriptBlock block, int depth, TranscriptLabels words)
    {
        switch (block.Kind)
        {
            case TranscriptBlockKind.Text:
                Wrapped(html, "div", "text", block.Text);
                return;
            case TranscriptBlockKind.Separator:
                html.Append("<hr>\n");
                return;
            case TranscriptBlockKind.Media:
                Wrapped(html, "div", "media", $"[{words[Ids.Image]}: {block.Text}]");
                return;
            case TranscriptBlockKind.File:
                Wrapped(html, "div", "file", $"[{words[Ids.File]}: {block.Text}]");
                return;
            case TranscriptBlockKind.Control:
                Wrapped(html, "span", "control", block.Text);
                return;
            case TranscriptBlockKind.Note:
                Wrapped(html, "div", "note", block.Text);
                return;
            case TranscriptBlockKind.Embed:
                Open(html, "div", "embed", block.Color);
                if (block.Text.Length > 0)
                {
                    Wrapped(html, "div", "embed-title", block.Text);
                }

                break;
            case TranscriptBlockKind.Container:
                Open(html, "div", "container", block.Color);
                break;
            case TranscriptBlockKind.Field:
                Open(html, "div", "field", null);
                Wrapped(html, "div", "field-name", block.Text);
                break;
            case TranscriptBlockKind.Forwarded:
                Open(html, "blockquote", "forward", null);
                Wrapped(html, "div", "forward-label", words[Ids.Forwarded]);
                if (block.Text.Length > 0)
                {
                    Wrapped(html, "div", "content", block.Text);
                }

                break;
            default:
                Open(html, "div", "section", null);
                if (block.Text.Length > 0)
                {
                    Wrapped(html, "div", "text", block.Text);
                }

                break;
        }

        foreach (var child in block.Children)
        {
            if (depth < MaxDepth)
            {
                Block(html, child, depth + 1, words);
            }
            else if (child.Text.Length > 0)
            {
                Wrapped(html, "div", "text", child.Text);
            }
        }

        html.Append(block.Kind == TranscriptBlockKind.Forwarded ? "</blockquote>\n" : "</div>\n");
    }

    private static void Files(StringBuilder html, IReadOnlyList<string> files, TranscriptLabels words)
    {
        if (files.Count == 0)
        {
            return;
        }

        html.Append("<ul class=\"files\" aria-label=\"");
        Text(html, words[Ids.Attachments]);
        html.Append("\">");
        foreach (var file in files)
        {
            html.Append("<li>");
            Text(html, file);
            html.Append("</li>");
        }

        html.Append("</ul>\n");
    }

    private static void Open(StringBuilder html, string element, string cssClass, int? color)
    {
        html.Append('<').Append(element).Append(" class=\"").Append(cssClass).Append('"');
        if (color is { } rgb)
        {
            // Six hex digits from a number: nothing a member wrote reaches a style.
            html.Append(" style=\"border-left-color:#").Append((rgb & 0xFFFFFF).ToString("x6", CultureInfo.InvariantCulture)).Append('"');
        }

        html.Append('>');
    }

    private static void Wrapped(StringBuilder html, string element, string cssClass, string text)
    {
        html.Append('<').Append(element).Append(" class=\"").Append(cssClass).Append("\">");
        Text(html, text);
        html.Append("</").Append(element).Append(">\n");
    }

    private static void Fact(StringBuilder html, string label, string value)
    {
        html.Append("<div><dt>");
        Text(html, label);
        html.Append("</dt><dd>");
        Text(html, value);
        html.Append("</dd></div>\n");
    }

    // Moments in UTC, written the same way in every language (ISO date, 24-hour time).
    private static void Time(StringBuilder html, DateTimeOffset at) =>
        html.Append("<time datetime=\"").Append(at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)).Append("\">")
            .Append(Date(at)).Append(' ').Append(at.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture)).Append(" UTC</time>");

    private static string Notice(string text)
    {
        var html = new StringBuilder("<p class=\"notice\" role=\"note\">");
        Text(html, text);
        return html.Append("</p>\n").ToString();
    }

    // The role's CSS class (role-member, role-staff, …); the reader sees its word (RoleWord).
    private static string Role(Ticket ticket, TranscriptMessage message) => message switch
    {
        { IsBot: true } => "bot",
        { IsStaff: true } => "staff",
        _ when message.AuthorId == ticket.MemberId => "member",
        _ => "other",
    };

    private static string RoleWord(string role) => role switch
    {
        "bot" => Ids.RoleBot,
        "staff" => Ids.RoleStaff,
        "member" => Ids.RoleMember,
        _ => Ids.RoleOther,
    };

    private static string Person(ulong id, Dictionary<ulong, string> names, TranscriptLabels words) =>
        names.TryGetValue(id, out var name)
            ? $"{SafeText.Fit(SafeText.Neutralize(name).ReplaceLineEndings(" "), MaxNameLength)} ({words.User(id)})"
            : words.User(id);

    private static string Stamp(DateTimeOffset at) => $"{Date(at)} {at.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture)} UTC";

    private static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// The only way text enters the page: invisible characters out (so a secret split by them is whole again), secrets
    /// hidden and keys masked, then every character that could mean markup escaped.
    /// </summary>
    private static void Text(StringBuilder html, string text)
    {
        var clean = SecretGuard.Scrub(SafeText.Neutralize(text));

        // The scrubber reads a secret split over lines as lines; read flat, such a secret is whole, so hide it flat.
        var flat = clean.ReplaceLineEndings(" ");
        if (!string.Equals(flat, clean, StringComparison.Ordinal) && SecretGuard.LooksLikeSecret(flat))
        {
            clean = SecretGuard.Scrub(flat);
        }

        foreach (var c in clean)
        {
            switch (c)
            {
                case '&':
                    html.Append("&amp;");
                    break;
                case '<':
                    html.Append("&lt;");
                    break;
                case '>':
                    html.Append("&gt;");
                    break;
                case '"':
                    html.Append("&quot;");
                    break;
                case '\'':
                    html.Append("&#39;");
                    break;
                case '\n' or '\t':
                    html.Append(c);
                    break;
                case '\r':
                    break;
                case < ' ' or '\u007F':
                    // Control characters are not allowed in HTML text; show that something was there.
                    html.Append('\uFFFD');
                    break;
                default:
                    html.Append(c);
                    break;
            }
        }
    }
}
