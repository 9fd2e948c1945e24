using System.Globalization;
using AstraBit.SupportBot.Core.Audit;

namespace AstraBit.SupportBot.Core.Tickets;

/// <summary>
/// Every fixed word of the HTML transcript, in one place so the language catalogue can take them over as they are.
/// Holes are named in the method's parameters; nothing here is ever member-written.
/// </summary>
public static class TranscriptLabels
{
    public const string Ticket = "Ticket";
    public const string Member = "Member";
    public const string Opened = "Opened";
    public const string Reopened = "Reopened";
    public const string ClaimedBy = "Claimed by";
    public const string Closed = "Closed";
    public const string CloseReason = "Close reason";
    public const string Outcome = "Outcome";
    public const string Rating = "Rating";
    public const string Nobody = "nobody";
    public const string NotYet = "not yet";
    public const string None = "none";
    public const string TheBot = "the bot";
    public const string Unknown = "unknown";
    public const string DiagnosisAtOpening = "Diagnosis at opening";
    public const string LaterCheck = "Check in the ticket";
    public const string Verdict = "Verdict";
    public const string NoCheck = "no check";
    public const string AccountType = "Account type";
    public const string Region = "Region";
    public const string Key = "Key";
    public const string StoppedAt = "Stopped at";
    public const string Fix = "Fix";
    public const string Diagnosis = "Diagnosis";
    public const string NoDiagnosis = "The ticket was opened without a key check, and none was run in it.";
    public const string Messages = "Messages";
    public const string NoMessages = "No messages.";
    public const string Timeline = "Staff timeline";
    public const string NoTimeline = "No staff actions recorded.";
    public const string Attachments = "Attachments";
    public const string Forwarded = "Forwarded message";
    public const string Footer = "Secrets are never in this file: anything that looks like an API secret is replaced with [hidden], and API keys are shown masked.";
    public const string RoleMember = "member";
    public const string RoleStaff = "staff";
    public const string RoleBot = "bot";
    public const string RoleOther = "other";
    public const string Image = "image";
    public const string File = "file";
    public const string Separator = "separator";
    public const string Note = "staff note";

    public static string Title(string displayNumber) => $"Ticket {displayNumber} — transcript";

    public static string NotRatedYet => "not rated yet (the member is asked when the ticket closes; the rating is posted to the log channel)";

    public static string Stars(int stars) => $"{stars.ToString(CultureInfo.InvariantCulture)}/5";

    public static string ClosedAt(string when, string by) => $"{when} by {by}";

    public static string GuideStep(int step) => $"guide step {step.ToString(CultureInfo.InvariantCulture)}";

    public static string User(ulong id) => $"user {id.ToString(CultureInfo.InvariantCulture)}";

    public static string Trimmed(int left, int shown) =>
        $"This transcript was over Discord's upload limit: the oldest {Count(left, "message")} are left out; the newest {Count(shown, "message")} are below.";

    public const string NotRead = "The thread held more messages than the bot reads for a transcript: the oldest are left out.";

    public static string Generated(string when) => $"Written {when}.";

    public static string Origin(TicketOrigin origin) => origin switch
    {
        TicketOrigin.CheckFailed => "after a failed check",
        TicketOrigin.Stuck => "from \"I'm stuck\"",
        TicketOrigin.ModeratorRequest => "at a moderator's request",
        _ => "with /ticket open",
    };

    /// <summary>The staff timeline's word for an audit action; the audit entry's own sentence follows it.</summary>
    public static string Action(string action) => action switch
    {
        AuditActions.TicketOpened => "opened",
        AuditActions.TicketClaimed => "claimed",
        AuditActions.TicketUnclaimed => "unclaimed",
        AuditActions.TicketClosed => "closed",
        AuditActions.TicketReopened => "reopened",
        AuditActions.TicketEscalated => "escalated",
        AuditActions.TicketReminded => "reminded the member",
        AuditActions.TicketCloseRequested => "asked \"Is it fixed?\"",
        AuditActions.TicketCloseDeclined => "member said not fixed",
        AuditActions.TicketNoteAdded => "note",
        "ticket.join" => "joined",
        _ => action,
    };

    /// <summary>"1 message", "3 messages", "no messages".</summary>
    public static string Count(int n, string noun) => n switch
    {
        0 => $"no {noun}s",
        1 => $"1 {noun}",
        _ => $"{n.ToString(CultureInfo.InvariantCulture)} {noun}s",
    };
}
