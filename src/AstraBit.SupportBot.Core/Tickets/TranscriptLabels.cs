using System.Globalization;
using AstraBit.SupportBot.Core.Audit;
using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Text;
using Ids = AstraBit.SupportBot.Core.Text.TextIds.Transcript;

namespace AstraBit.SupportBot.Core.Tickets;

/// <summary>
/// Every fixed word of the HTML transcript in one reader's language (the staff language, Support:StaffLocale: the log
/// channel is read by the whole team), from the catalogue's transcript.* texts. Nothing here is ever member-written.
/// </summary>
public sealed class TranscriptLabels(LocaleTexts texts)
{
    /// <summary>The shipped locale the words are in ("es-ES"), for the page's lang attribute.</summary>
    public string Locale => texts.Locale;

    /// <summary>A fixed word or sentence of <see cref="TextIds.Transcript"/>.</summary>
    public string this[string id] => texts.Get(id);

    public string Title(string displayNumber) => texts.Get(Ids.Title, ("ticket", displayNumber));

    public string Heading(string displayNumber) => texts.Get(Ids.Heading, ("ticket", displayNumber));

    public static string Stars(int stars) => stars.ToString(CultureInfo.InvariantCulture) + "/5";

    public string ClosedAt(string when, string by) => texts.Get(Ids.ClosedAt, ("when", when), ("by", by));

    public string User(ulong id) => texts.Get(Ids.User, ("id", id.ToString(CultureInfo.InvariantCulture)));

    public string Fix(string fix, int? guideStep) => guideStep is { } step
        ? texts.Get(Ids.FixAtStep, ("step", texts.Number(step)), ("fix", fix))
        : texts.Get(Ids.Fix, ("fix", fix));

    public string Trimmed(int left, int shown) =>
        texts.Get(Ids.Trimmed, ("left", texts.Count(Ids.MessageCount, left)), ("shown", texts.Count(Ids.MessageCount, shown)));

    public string Origin(TicketOrigin origin) => texts.Get(origin switch
    {
        TicketOrigin.CheckFailed => Ids.OriginCheckFailed,
        TicketOrigin.Stuck => Ids.OriginStuck,
        TicketOrigin.ModeratorRequest => Ids.OriginModerator,
        _ => Ids.OriginCommand,
    });

    /// <summary>The staff timeline's word for an audit action (the action's own name for one it doesn't know); the audit entry's recorded sentence follows it.</summary>
    public string Action(string action) => action switch
    {
        AuditActions.TicketOpened => texts.Get(Ids.ActionOpened),
        AuditActions.TicketClaimed => texts.Get(Ids.ActionClaimed),
        AuditActions.TicketUnclaimed => texts.Get(Ids.ActionUnclaimed),
        AuditActions.TicketClosed => texts.Get(Ids.ActionClosed),
        AuditActions.TicketReopened => texts.Get(Ids.ActionReopened),
        AuditActions.TicketEscalated => texts.Get(Ids.ActionEscalated),
        AuditActions.TicketReminded => texts.Get(Ids.ActionReminded),
        AuditActions.TicketCloseRequested => texts.Get(Ids.ActionCloseRequested),
        AuditActions.TicketCloseDeclined => texts.Get(Ids.ActionCloseDeclined),
        AuditActions.TicketNoteAdded => texts.Get(Ids.Note),
        "ticket.join" => texts.Get(Ids.ActionJoined),
        _ => action,
    };

    public string StatusWord(CheckStatus status) => texts.Get(status switch
    {
        CheckStatus.Pass => Ids.StatusPass,
        CheckStatus.Warn => Ids.StatusWarn,
        CheckStatus.Fail => Ids.StatusFail,
        _ => Ids.StatusSkip,
    });

    public string VerdictWord(Verdict? verdict) => texts.Get(verdict switch
    {
        null => Ids.NoCheck,
        Diagnostics.Verdict.Pass => Ids.VerdictPass,
        Diagnostics.Verdict.Warn => Ids.VerdictWarn,
        Diagnostics.Verdict.Fail => Ids.VerdictFail,
        _ => Ids.VerdictError,
    });

    public string Outcome(TicketCloseOutcome? outcome) => outcome is { } known ? texts.Get(TicketOutcomeTexts.Id(known)) : texts.Get(Ids.None);
}

/// <summary>Which text names how a ticket ended (<see cref="TextIds.TicketOutcomes"/>).</summary>
public static class TicketOutcomeTexts
{
    public static string Id(TicketCloseOutcome outcome) => outcome switch
    {
        TicketCloseOutcome.ResolvedVerified => TextIds.TicketOutcomes.ResolvedVerified,
        TicketCloseOutcome.Resolved => TextIds.TicketOutcomes.Resolved,
        TicketCloseOutcome.ResolvedUnconfirmed => TextIds.TicketOutcomes.ResolvedUnconfirmed,
        TicketCloseOutcome.ClosedByStaff => TextIds.TicketOutcomes.ClosedByStaff,
        TicketCloseOutcome.NoReply => TextIds.TicketOutcomes.NoReply,
        _ => TextIds.TicketOutcomes.MemberLeft,
    };
}
