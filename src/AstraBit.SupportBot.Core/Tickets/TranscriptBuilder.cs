using System.Globalization;
using System.Text;
using AstraBit.SupportBot.Core.Text;

namespace AstraBit.SupportBot.Core.Tickets;

/// <summary>A message in the ticket's thread, as the transcript needs it. IsBot marks the bot's own messages.</summary>
public sealed record TranscriptMessage(string AuthorName, ulong AuthorId, bool IsStaff, DateTimeOffset At, string Content, bool IsBot = false)
{
    /// <summary>The names of the files attached to it (the files themselves are never copied).</summary>
    public IReadOnlyList<string> Attachments { get; init; } = [];

    /// <summary>What it shows besides its content: embeds, Components V2 content, forwarded messages.</summary>
    public IReadOnlyList<TranscriptBlock> Blocks { get; init; } = [];
}

/// <summary>What a <see cref="TranscriptBlock"/> stands for on Discord.</summary>
public enum TranscriptBlockKind
{
    /// <summary>A Text Display (V2), or an embed's description or field value: <see cref="TranscriptBlock.Text"/>.</summary>
    Text,

    /// <summary>A V2 Section: its texts as children, its accessory (a button or thumbnail) last.</summary>
    Section,

    /// <summary>A V2 Container, with its accent colour.</summary>
    Container,

    /// <summary>A V2 Separator.</summary>
    Separator,

    /// <summary>An image (Thumbnail, a Media Gallery item): its file name or description as <see cref="TranscriptBlock.Text"/>.</summary>
    Media,

    /// <summary>A V2 File component: its file name.</summary>
    File,

    /// <summary>A button or select, by its label: shown, never clickable.</summary>
    Control,

    /// <summary>An embed: title as <see cref="TranscriptBlock.Text"/>, description, fields and footer as children, its colour.</summary>
    Embed,

    /// <summary>An embed field: name as <see cref="TranscriptBlock.Text"/>, value as its child.</summary>
    Field,

    /// <summary>An embed's footer or author line.</summary>
    Note,

    /// <summary>A forwarded message's copy: its content as <see cref="TranscriptBlock.Text"/>, attachments as File children.</summary>
    Forwarded,
}

/// <summary>
/// A piece of a message's rich content, in words only: Core knows nothing of Discord's JSON, the desk translates it.
/// Rendered as text, never as markup; URLs are never kept as links.
/// </summary>
public sealed record TranscriptBlock(TranscriptBlockKind Kind, string Text = "")
{
    public IReadOnlyList<TranscriptBlock> Children { get; init; } = [];

    /// <summary>An embed's colour or a container's accent colour (0xRRGGBB).</summary>
    public int? Color { get; init; }
}

/// <summary>
/// The plain-text transcript posted to the log channel on close: a header, the diagnostic cards, then every message.
/// Each message starts with who wrote it as the bot knows it — "staff", "member", "bot" or "other", then the user
/// id — and only then the display name in quotes, so no name can make a member read as staff. Direction and
/// zero-width characters are taken out, anything that looks like a Bybit secret becomes "[hidden]" (members do
/// paste them, also split up), and full API keys are masked.
/// </summary>
public static class TranscriptBuilder
{
    // Discord display names are at most 32 characters; a longer one was not set by Discord.
    private const int MaxNameLength = 32;

    public static string Build(Ticket ticket, IEnumerable<TranscriptMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(messages);
        var text = new StringBuilder();
        Line(text, $"Ticket {ticket.DisplayNumber}");
        Line(text, $"Member: {ticket.MemberId}");
        Line(text, $"Opened: {Stamp(ticket.OpenedAt)} ({Origin(ticket.Origin)})");
        if (ticket.ReopenedAt is { } reopened)
        {
            Line(text, $"Reopened: {Stamp(reopened)}");
        }

        Line(text, $"Claimed by: {(ticket.ClaimedBy is { } claimer ? claimer.ToString(CultureInfo.InvariantCulture) : "nobody")}");
        Line(text, ticket.ClosedAt is { } closed ? $"Closed: {Stamp(closed)} by {ClosedBy(ticket)}" : "Closed: not yet");
        if (ticket.CloseReason is { } reason)
        {
            Line(text, $"Close reason: {reason}");
        }

        if (ticket.Outcome is { } outcome)
        {
            Line(text, $"Outcome: {outcome.Label()}");
        }

        Line(text, $"Rating: {(ticket.Rating is { } stars ? $"{stars}/5" : "not rated")}");

        var cards = ticket.AllCards.ToList();
        for (var i = 0; i < cards.Count; i++)
        {
            text.AppendLine();
            Card(text, cards[i], i == 0 && ticket.Card is not null ? "Diagnosis at opening" : "Check in the ticket");
        }

        text.AppendLine();
        Line(text, "Messages");
        foreach (var message in messages.OrderBy(m => m.At))
        {
            // Scrubbed before it is cut: a cut secret would no longer look like one.
            var name = SafeText.Fit(SecretGuard.Scrub(SafeText.Neutralize(message.AuthorName).ReplaceLineEndings(" ")).Replace('"', '\''), MaxNameLength);
            Line(text, $"[{Stamp(message.At)}] {Role(ticket, message)} {message.AuthorId.ToString(CultureInfo.InvariantCulture)} \"{name}\": {message.Content}");
        }

        // The transcript goes to the log channel only (staff); the member never receives it, so the notes belong here.
        if (ticket.Notes.Count > 0)
        {
            text.AppendLine();
            Line(text, "Staff notes (staff only)");
            foreach (var note in ticket.Notes)
            {
                Line(text, $"[{Stamp(note.At)}] {note.AuthorId.ToString(CultureInfo.InvariantCulture)}: {note.Text}");
            }
        }

        return text.ToString();
    }

    private static void Card(StringBuilder text, TicketCard card, string heading)
    {
        var when = card.CheckedAt is { } at ? $" ({Stamp(at)})" : string.Empty;
        Line(text, $"{heading}{when}: verdict {(card.Verdict?.ToString().ToLowerInvariant() ?? "no check")}");
        Line(text, $"  Account type: {card.AccountType ?? "unknown"} · Region: {card.Region ?? "unknown"} · Key: {card.MaskedKey ?? "none"}");
        if (card.StoppedAt is { } stopped)
        {
            Line(text, $"  Stopped at: {stopped}");
        }

        foreach (var check in card.Failing.Concat(card.Warnings))
        {
            var step = check.GuideStep is { } n ? $" (guide step {n})" : string.Empty;
            Line(text, $"  - {check.Status.ToString().ToLowerInvariant()} {check.Id}: {check.Title}. {check.Detail}");
            if (check.Fix is { } fix)
            {
                Line(text, $"    Fix{step}: {fix}");
            }
        }
    }

    private static string Role(Ticket ticket, TranscriptMessage message) => message switch
    {
        { IsBot: true } => "bot",
        { IsStaff: true } => "staff",
        _ when message.AuthorId == ticket.MemberId => "member",
        _ => "other",
    };

    private static string ClosedBy(Ticket ticket) => ticket.ClosedBy is { } staff ? staff.ToString(CultureInfo.InvariantCulture) : "the bot";

    private static string Origin(TicketOrigin origin) => origin switch
    {
        TicketOrigin.CheckFailed => "after a failed check",
        TicketOrigin.Stuck => "from \"I'm stuck\"",
        TicketOrigin.ModeratorRequest => "at a moderator's request",
        _ => "with /ticket open",
    };

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    // Every line goes through the scrubber, names and card text included: nothing reaches the log channel unchecked.
    // Invisible characters go first, so a secret split by them is whole again when the scrubber looks.
    private static void Line(StringBuilder text, string line) =>
        text.Append(SecretGuard.Scrub(SafeText.Neutralize(line).ReplaceLineEndings(" "))).Append('\n');
}
