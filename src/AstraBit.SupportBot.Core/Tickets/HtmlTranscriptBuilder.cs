using System.Globalization;
using System.Text;
using AstraBit.SupportBot.Core.Audit;
using AstraBit.SupportBot.Core.Text;

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
    public const string ContentType = "text/html; charset=utf-8";
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

    private const string Style =
        ":root{color-scheme:light dark;--bg:#fff;--fg:#1e1f22;--muted:#5c5e66;--line:#dcdde1;--card:#f4f5f7;--member:#2563eb;--staff:#15803d;--bot:#7c3aed}" +
        "@media (prefers-color-scheme:dark){:root{--bg:#1e1f22;--fg:#e3e5e8;--muted:#a0a3ab;--line:#3a3c42;--card:#2b2d31;--member:#7aa7ff;--staff:#4ade80;--bot:#c4a5ff}}" +
        "*{box-sizing:border-box}body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif}" +
        "main{max-width:56rem;margin:0 auto;padding:1rem}h1{font-size:1.4rem;margin:.2rem 0 .8rem}h2{font-size:1.1rem;margin:1.6rem 0 .6rem;border-bottom:1px solid var(--line);padding-bottom:.2rem}" +
        "dl.facts{display:grid;grid-template-columns:repeat(auto-fill,minmax(14rem,1fr));gap:.4rem 1rem;margin:0}dl.facts div{min-width:0}dt{color:var(--muted);font-size:.8rem}dd{margin:0;overflow-wrap:anywhere}" +
        ".notice{border:1px solid #d97706;background:rgba(217,119,6,.12);padding:.6rem .8rem;border-radius:6px;margin:1rem 0}" +
        ".card,.embed,.container{background:var(--card);border-left:4px solid var(--line);border-radius:6px;padding:.6rem .8rem;margin:.5rem 0}" +
        ".verdict-pass{border-left-color:#16a34a}.verdict-warn{border-left-color:#d97706}.verdict-fail,.verdict-error{border-left-color:#dc2626}" +
        ".card h3{font-size:1rem;margin:0 0 .4rem}.card ul{margin:.4rem 0 0;padding-left:1.2rem}.fix{color:var(--muted)}" +
        "ol{list-style:none;margin:0;padding:0}.timeline li{padding:.3rem 0;border-bottom:1px solid var(--line);overflow-wrap:anywhere}" +
        ".msg{padding:.55rem 0;border-bottom:1px solid var(--line)}.meta{display:flex;flex-wrap:wrap;gap:.15rem .5rem;align-items:baseline}" +
        ".author{font-weight:600}.role{font-size:.75rem;padding:0 .35rem;border-radius:4px;border:1px solid currentColor}" +
        ".role-member .role{color:var(--member)}.role-staff .role{color:var(--staff)}.role-bot .role{color:var(--bot)}.role-other .role{color:var(--muted)}" +
        ".uid,time{color:var(--muted);font-size:.8rem}.content,.text,.field,.note{white-space:pre-wrap;overflow-wrap:anywhere}" +
        ".embed-title,.field-name{font-weight:600}.note{color:var(--muted);font-size:.85rem}.section{margin:.3rem 0}" +
        ".control{display:inline-block;border:1px solid var(--line);border-radius:4px;padding:0 .4rem;margin:.2rem .3rem 0 0;font-size:.85rem}" +
        ".media,.file,.files{color:var(--muted);font-size:.85rem}.files{margin:.3rem 0 0;padding-left:1.2rem;list-style:disc}" +
        "blockquote.forward{margin:.4rem 0;padding-left:.7rem;border-left:3px solid var(--line)}.forward-label{color:var(--muted);font-size:.8rem}" +
        "hr{border:0;border-top:1px solid var(--line)}footer{color:var(--muted);font-size:.8rem;margin:2rem 0 1rem}" +
        "@media (max-width:600px){main{padding:.6rem}body{font-size:14px}dl.facts{grid-template-columns:1fr 1fr}}";

    /// <summary>
    /// The transcript of <paramref name="ticket"/>. <paramref name="timeline"/> is the audit log's entries for this
    /// ticket (any order, others are ignored); <paramref name="olderNotRead"/> says the thread had more messages than
    /// were read, so the file says its oldest are missing.
    /// </summary>
    public static HtmlTranscript Build(
        Ticket ticket,
        IReadOnlyList<TranscriptMessage> messages,
        IReadOnlyList<AuditEntry> timeline,
        bool olderNotRead = false,
        int maxBytes = UploadLimit)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(timeline);
        var ordered = messages.OrderBy(m => m.At).ToList();
        var names = new Dictionary<ulong, string>();
        foreach (var message in ordered)
        {
            names[message.AuthorId] = message.AuthorName;
        }

        var head = new StringBuilder(16 * 1024);
        head.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
            .Append("<meta name=\"referrer\" content=\"no-referrer\">\n<title>");
        Text(head, TranscriptLabels.Title(ticket.DisplayNumber));
        head.Append("</title>\n<style>").Append(Style).Append("</style>\n</head>\n<body>\n<main>\n");
        Header(head, ticket, names);
        var cards = ticket.AllCards.ToList();
        Diagnosis(head, ticket, cards);
        var timelineCount = Timeline(head, ticket, timeline, names);
        head.Append("<section id=\"messages\">\n<h2>");
        Text(head, TranscriptLabels.Messages);
        head.Append("</h2>\n");

        var footer = new StringBuilder("</ol>\n</section>\n<footer>");
        Text(footer, TranscriptLabels.Footer);
        var tail = footer.Append("</footer>\n</main>\n</body>\n</html>\n").ToString();
        var rendered = new string[ordered.Count];
        var sizes = new long[ordered.Count];
        var item = new StringBuilder(1024);
        long total = Encoding.UTF8.GetByteCount(head.ToString()) + Encoding.UTF8.GetByteCount(tail) + 64;
        for (var i = 0; i < ordered.Count; i++)
        {
            item.Clear();
            Message(item, ticket, ordered[i], i + 1);
            rendered[i] = item.ToString();
            sizes[i] = Encoding.UTF8.GetByteCount(rendered[i]);
            total += sizes[i];
        }

        // Leave out the oldest until the rest fits, keeping room for the notice that says so.
        var first = 0;
        if (total > maxBytes)
        {
            total += Encoding.UTF8.GetByteCount(Notice(TranscriptLabels.Trimmed(ordered.Count, ordered.Count)));
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
            html.Append(Notice(TranscriptLabels.NotRead));
        }

        if (first > 0)
        {
            html.Append(Notice(TranscriptLabels.Trimmed(first, ordered.Count - first)));
        }

        if (ordered.Count == 0)
        {
            html.Append("<p>");
            Text(html, TranscriptLabels.NoMessages);
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

    private static void Header(StringBuilder html, Ticket ticket, Dictionary<ulong, string> names)
    {
        html.Append("<header>\n<h1>");
        Text(html, $"{TranscriptLabels.Ticket} {ticket.DisplayNumber}");
        html.Append("</h1>\n<dl class=\"facts\">\n");
        Fact(html, TranscriptLabels.Member, Person(ticket.MemberId, names));
        Fact(html, TranscriptLabels.Opened, $"{Stamp(ticket.OpenedAt)} ({TranscriptLabels.Origin(ticket.Origin)})");
        if (ticket.ReopenedAt is { } reopened)
        {
            Fact(html, TranscriptLabels.Reopened, Stamp(reopened));
        }

        Fact(html, TranscriptLabels.ClaimedBy, ticket.ClaimedBy is { } claimer ? Person(claimer, names) : TranscriptLabels.Nobody);
        Fact(html, TranscriptLabels.Closed, ticket.ClosedAt is { } closed
            ? TranscriptLabels.ClosedAt(Stamp(closed), ticket.ClosedBy is { } by ? Person(by, names) : TranscriptLabels.TheBot)
            : TranscriptLabels.NotYet);
        Fact(html, TranscriptLabels.Outcome, ticket.Outcome?.Label() ?? TranscriptLabels.None);
        Fact(html, TranscriptLabels.CloseReason, ticket.CloseReason ?? TranscriptLabels.None);

        // The rating is asked for when the ticket closes, so it is rarely known yet when this file is written.
        Fact(html, TranscriptLabels.Rating, ticket.Rating is { } stars ? TranscriptLabels.Stars(stars) : TranscriptLabels.NotRatedYet);
        html.Append("</dl>\n</header>\n");
    }

    private static void Diagnosis(StringBuilder html, Ticket ticket, List<TicketCard> cards)
    {
        html.Append("<section id=\"diagnosis\">\n<h2>");
        Text(html, TranscriptLabels.Diagnosis);
        html.Append("</h2>\n");
        if (cards.Count == 0)
        {
            html.Append("<p>");
            Text(html, TranscriptLabels.NoDiagnosis);
            html.Append("</p>\n");
        }

        for (var i = 0; i < cards.Count; i++)
        {
            var card = cards[i];
            var heading = i == 0 && ticket.Card is not null ? TranscriptLabels.DiagnosisAtOpening : TranscriptLabels.LaterCheck;
            var verdict = card.Verdict?.ToString().ToLowerInvariant();
            html.Append("<article class=\"card verdict-").Append(verdict ?? "none").Append("\">\n<h3>");
            Text(html, card.CheckedAt is { } at ? $"{heading} · {Stamp(at)}" : heading);
            html.Append("</h3>\n<dl class=\"facts\">\n");
            Fact(html, TranscriptLabels.Verdict, verdict ?? TranscriptLabels.NoCheck);
            Fact(html, TranscriptLabels.AccountType, card.AccountType ?? TranscriptLabels.Unknown);
            Fact(html, TranscriptLabels.Region, card.Region ?? TranscriptLabels.Unknown);
            Fact(html, TranscriptLabels.Key, card.MaskedKey ?? TranscriptLabels.None);
            if (card.StoppedAt is { } stopped)
            {
                Fact(html, TranscriptLabels.StoppedAt, stopped);
            }

            html.Append("</dl>\n");
            var checks = card.Failing.Concat(card.Warnings).ToList();
            if (checks.Count > 0)
            {
                html.Append("<ul>\n");
                foreach (var check in checks)
                {
                    html.Append("<li><b>");
                    Text(html, $"{check.Status.ToString().ToLowerInvariant()} · {check.Title}");
                    html.Append("</b> <code>");
                    Text(html, check.Id);
                    html.Append("</code><br>");
                    Text(html, check.Detail);
                    if (check.Fix is { } fix)
                    {
                        html.Append("<div class=\"fix\">");
                        var step = check.GuideStep is { } n ? $" ({TranscriptLabels.GuideStep(n)})" : string.Empty;
                        Text(html, $"{TranscriptLabels.Fix}{step}: {fix}");
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

    private static int Timeline(StringBuilder html, Ticket ticket, IReadOnlyList<AuditEntry> audit, Dictionary<ulong, string> names)
    {
        // The audit log says a note was added; the ticket keeps the note's text (staff only, and so is this file).
        var entries = audit
            .Where(e => e.TicketNumber == ticket.Number && e.Action != AuditActions.TicketNoteAdded)
            .Select(e => (e.At, Who: e.ActorId, What: TranscriptLabels.Action(e.Action), e.Detail))
            .Concat(ticket.Notes.Select(n => (n.At, Who: (ulong?)n.AuthorId, What: TranscriptLabels.Note, Detail: n.Text)))
            .OrderBy(e => e.At)
            .ToList();
        html.Append("<section id=\"timeline\">\n<h2>");
        Text(html, TranscriptLabels.Timeline);
        html.Append("</h2>\n");
        if (entries.Count == 0)
        {
            html.Append("<p>");
            Text(html, TranscriptLabels.NoTimeline);
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
            Text(html, who is { } id ? Person(id, names) : TranscriptLabels.TheBot);
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

    private static void Message(StringBuilder html, Ticket ticket, TranscriptMessage message, int index)
    {
        var role = Role(ticket, message);
        html.Append("<li class=\"msg role-").Append(role).Append("\" id=\"m").Append(index.ToString(CultureInfo.InvariantCulture)).Append("\">\n<div class=\"meta\"><span class=\"author\">");
        Text(html, SafeText.Fit(SafeText.Neutralize(message.AuthorName).ReplaceLineEndings(" "), MaxNameLength));
        html.Append("</span> <span class=\"role\">");
        Text(html, role);
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
            Block(html, block, 0);
        }

        Files(html, message.Attachments);
        html.Append("</li>\n");
    }

    private static void Block(StringBuilder html, TranscriptBlock block, int depth)
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
                Wrapped(html, "div", "media", $"[{TranscriptLabels.Image}: {block.Text}]");
                return;
            case TranscriptBlockKind.File:
                Wrapped(html, "div", "file", $"[{TranscriptLabels.File}: {block.Text}]");
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
                Wrapped(html, "div", "forward-label", TranscriptLabels.Forwarded);
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
                Block(html, child, depth + 1);
            }
            else if (child.Text.Length > 0)
            {
                Wrapped(html, "div", "text", child.Text);
            }
        }

        html.Append(block.Kind == TranscriptBlockKind.Forwarded ? "</blockquote>\n" : "</div>\n");
    }

    private static void Files(StringBuilder html, IReadOnlyList<string> files)
    {
        if (files.Count == 0)
        {
            return;
        }

        html.Append("<ul class=\"files\" aria-label=\"");
        Text(html, TranscriptLabels.Attachments);
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

    private static void Time(StringBuilder html, DateTimeOffset at) =>
        html.Append("<time datetime=\"").Append(at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)).Append("\">")
            .Append(at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)).Append("</time>");

    private static string Notice(string text)
    {
        var html = new StringBuilder("<p class=\"notice\" role=\"note\">");
        Text(html, text);
        return html.Append("</p>\n").ToString();
    }

    private static string Role(Ticket ticket, TranscriptMessage message) => message switch
    {
        { IsBot: true } => TranscriptLabels.RoleBot,
        { IsStaff: true } => TranscriptLabels.RoleStaff,
        _ when message.AuthorId == ticket.MemberId => TranscriptLabels.RoleMember,
        _ => TranscriptLabels.RoleOther,
    };

    private static string Person(ulong id, Dictionary<ulong, string> names) =>
        names.TryGetValue(id, out var name)
            ? $"{SafeText.Fit(SafeText.Neutralize(name).ReplaceLineEndings(" "), MaxNameLength)} ({TranscriptLabels.User(id)})"
            : TranscriptLabels.User(id);

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

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
