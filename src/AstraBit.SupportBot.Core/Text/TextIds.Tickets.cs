namespace AstraBit.SupportBot.Core.Text;

// The ticket desk's texts: what the thread says to the member (their language), the card, staff notice and log channel
// (the staff language) and the private answers to staff (their own language). PRODUCT.md §12.
public static partial class TextIds
{
    /// <summary>The diagnosis card and the messages around it (staff language); it names the member's language.</summary>
    public static class TicketCard
    {
        public const string Title = "ticket.card.title";
        public const string Diagnosis = "ticket.card.diagnosis";
        public const string Stuck = "ticket.card.stuck";
        public const string NewResult = "ticket.card.newResult";
        public const string NoCheck = "ticket.card.noCheck";
        public const string MemberField = "ticket.card.member.field";
        public const string LanguageField = "ticket.card.language.field";
        public const string AccountTypeField = "ticket.card.accountType.field";
        public const string SiteField = "ticket.card.site.field";
        public const string ApiKeyField = "ticket.card.apiKey.field";
        public const string CheckedField = "ticket.card.checked.field";
        public const string StoppedAtField = "ticket.card.stoppedAt.field";
        public const string Unknown = "ticket.card.unknown";
        public const string NoKey = "ticket.card.noKey";
        public const string GuideStep = "ticket.card.guideStep";
        public const string Footer = "ticket.card.footer";
        public const string VerdictPass = "ticket.card.verdict.pass";
        public const string VerdictWarn = "ticket.card.verdict.warn";
        public const string VerdictFail = "ticket.card.verdict.fail";
        public const string VerdictError = "ticket.card.verdict.error";
        public const string Opening = "ticket.card.opening";
        public const string Appended = "ticket.card.appended";
        public const string CheckInTicket = "ticket.card.checkInTicket";
        public const string FromLastCheck = "ticket.card.fromLastCheck";
    }

    /// <summary>Why a ticket exists, in one line (staff language).</summary>
    public static class TicketWhy
    {
        public const string CheckFailedWith = "ticket.why.checkFailedWith";
        public const string CheckFailed = "ticket.why.checkFailed";
        public const string StuckAt = "ticket.why.stuckAt";
        public const string Stuck = "ticket.why.stuck";
        public const string RequestedBy = "ticket.why.requestedBy";
        public const string Requested = "ticket.why.requested";
        public const string Command = "ticket.why.command";
    }

    /// <summary>The thread's messages to the member, and the member's buttons (the member's language).</summary>
    public static class TicketThread
    {
        public const string Welcome = "ticket.thread.welcome";
        public const string RunAgainButton = "ticket.thread.runAgain.button";
        public const string OutsideHours = "ticket.thread.outsideHours";
        public const string Reminder = "ticket.thread.reminder";
        public const string Claimed = "ticket.thread.claimed";
        public const string Unclaimed = "ticket.thread.unclaimed";
        public const string Reopened = "ticket.thread.reopened";
        public const string IsItFixed = "ticket.thread.isItFixed";
        public const string RunCheckButton = "ticket.thread.runCheck.button";
        public const string ConfirmFixedButton = "ticket.thread.confirmFixed.button";
        public const string StillNeedHelpButton = "ticket.thread.stillNeedHelp.button";
        public const string Closed = "ticket.thread.closed";
        public const string NoReason = "ticket.thread.noReason";
        public const string TheBot = "ticket.thread.theBot";
        public const string RatingPrompt = "ticket.thread.ratingPrompt";
        public const string Rated = "ticket.thread.rated";
        public const string CheckWentInto = "ticket.thread.checkWentInto";
        public const string SupportChannel = "ticket.thread.supportChannel";
    }

    /// <summary>What the staff channel hears and the staff buttons (staff language).</summary>
    public static class TicketStaff
    {
        public const string Notice = "ticket.staff.notice";
        public const string Escalation = "ticket.staff.escalation";
        public const string StillNeedsHelp = "ticket.staff.stillNeedsHelp";
        public const string StillNeedsHelpUnclaimed = "ticket.staff.stillNeedsHelpUnclaimed";
        public const string ClaimButton = "ticket.staff.claim.button";
        public const string UnclaimButton = "ticket.staff.unclaim.button";
        public const string CloseButton = "ticket.staff.close.button";
        public const string JoinButton = "ticket.staff.join.button";
        public const string RatingLogged = "ticket.staff.ratingLogged";
    }

    /// <summary>The close summary in the log channel (staff language).</summary>
    public static class TicketLog
    {
        public const string Title = "ticket.log.title";
        public const string ClaimedByField = "ticket.log.claimedBy.field";
        public const string ClosedByField = "ticket.log.closedBy.field";
        public const string OpenedField = "ticket.log.opened.field";
        public const string ClosedField = "ticket.log.closed.field";
        public const string FirstReplyField = "ticket.log.firstReply.field";
        public const string OutcomeField = "ticket.log.outcome.field";
        public const string ReasonField = "ticket.log.reason.field";
        public const string FailingField = "ticket.log.failing.field";
        public const string TranscriptField = "ticket.log.transcript.field";
        public const string Nobody = "ticket.log.nobody";
        public const string NotYet = "ticket.log.notYet";
        public const string None = "ticket.log.none";
        public const string NoneGiven = "ticket.log.noneGiven";
        public const string AfterOpening = "ticket.log.afterOpening";
        public const string Footer = "ticket.log.footer";
        public const string FileDescription = "ticket.log.fileDescription";
        public const string Messages = "ticket.log.messages";
        public const string Checks = "ticket.log.checks";
        public const string StaffActions = "ticket.log.staffActions";
        public const string LeftOut = "ticket.log.leftOut";
    }

    /// <summary>How a ticket ended, and the reasons the bot gives itself (the reader's language).</summary>
    public static class TicketOutcomes
    {
        public const string ResolvedVerified = "ticket.outcome.resolvedVerified";
        public const string Resolved = "ticket.outcome.resolved";
        public const string ResolvedUnconfirmed = "ticket.outcome.resolvedUnconfirmed";
        public const string ClosedByStaff = "ticket.outcome.closedByStaff";
        public const string NoReply = "ticket.outcome.noReply";
        public const string MemberLeft = "ticket.outcome.memberLeft";
        public const string ReasonMemberLeft = "ticket.reason.memberLeft";
        public const string ReasonNoReply = "ticket.reason.noReply";
        public const string ReasonConfirmed = "ticket.reason.confirmed";
        public const string ReasonUnconfirmed = "ticket.reason.unconfirmed";
        public const string ReasonCheckPassed = "ticket.reason.checkPassed";
    }

    /// <summary>Private answers to the person who used /ticket or pressed a ticket button (their language).</summary>
    public static class TicketReply
    {
        public const string Opened = "ticket.reply.opened";
        public const string AlreadyOpen = "ticket.reply.alreadyOpen";
        public const string UseInThread = "ticket.reply.useInThread";
        public const string StatsDays = "ticket.reply.statsDays";
        public const string NoteSaved = "ticket.reply.noteSaved";
        public const string Reopened = "ticket.reply.reopened";
        public const string Asked = "ticket.reply.asked";
        public const string Claimed = "ticket.reply.claimed";
        public const string Closed = "ticket.reply.closed";
        public const string Unclaimed = "ticket.reply.unclaimed";
        public const string Joined = "ticket.reply.joined";
        public const string NoThreadYet = "ticket.reply.noThreadYet";
        public const string ClosedSeeTranscript = "ticket.reply.closedSeeTranscript";
        public const string ClosedRunDiagnose = "ticket.reply.closedRunDiagnose";
        public const string OnlyTheMemberChecks = "ticket.reply.onlyTheMemberChecks";
        public const string ConfirmedFixed = "ticket.reply.confirmedFixed";
        public const string StaysOpen = "ticket.reply.staysOpen";
        public const string Ended = "ticket.reply.ended";
        public const string CloseFormTitle = "ticket.closeForm.formTitle";
        public const string CloseReasonLabel = "ticket.closeForm.reason.label";
        public const string CloseReasonPlaceholder = "ticket.closeForm.reason.placeholder";
        public const string CloseReasonHint = "ticket.closeForm.reason.hint";
        public const string StaffOnly = "ticket.reply.staffOnly";
        public const string ActionClaim = "ticket.action.claim";
        public const string ActionUnclaim = "ticket.action.unclaim";
        public const string ActionJoin = "ticket.action.join";
        public const string ActionClose = "ticket.action.close";
        public const string ActionReopen = "ticket.action.reopen";
        public const string ActionList = "ticket.action.list";
        public const string ActionStats = "ticket.action.stats";
        public const string ActionAudit = "ticket.action.audit";
        public const string ActionNote = "ticket.action.note";
        public const string ActionView = "ticket.action.view";
        public const string ActionOther = "ticket.action.other";
    }

    /// <summary>Why a ticket step was refused (<c>TicketRefusal</c>), said to whoever tried (their language).</summary>
    public static class TicketRefusals
    {
        public const string NotFound = "ticket.refusal.notFound";
        public const string NoThread = "ticket.refusal.noThread";
        public const string Closed = "ticket.refusal.closed";
        public const string NotClosed = "ticket.refusal.notClosed";
        public const string AlreadyClaimedByYou = "ticket.refusal.alreadyClaimedByYou";
        public const string AlreadyClaimed = "ticket.refusal.alreadyClaimed";
        public const string NotClaimed = "ticket.refusal.notClaimed";
        public const string ReasonRequired = "ticket.refusal.reasonRequired";
        public const string ReasonTooLong = "ticket.refusal.reasonTooLong";
        public const string MemberHasAnotherOpenTicket = "ticket.refusal.memberHasAnother";
        public const string NotTheMember = "ticket.refusal.notTheMember";
        public const string AlreadyRated = "ticket.refusal.alreadyRated";
        public const string RatingOutOfRange = "ticket.refusal.ratingOutOfRange";
        public const string NotDue = "ticket.refusal.notDue";
        public const string NotAwaitingConfirmation = "ticket.refusal.notAwaiting";
        public const string AlreadyAwaitingConfirmation = "ticket.refusal.alreadyAwaiting";
        public const string NoteRequired = "ticket.refusal.noteRequired";
        public const string NoteTooLong = "ticket.refusal.noteTooLong";
        public const string Erased = "ticket.refusal.erased";
    }

    /// <summary>/ticket list, view, stats and audit (the staff member's language).</summary>
    public static class TicketDeskViews
    {
        public const string NoOpen = "ticket.list.noOpen";
        public const string ListTitle = "ticket.list.title";
        public const string ClaimedBy = "ticket.list.claimedBy";
        public const string Unclaimed = "ticket.list.unclaimed";
        public const string More = "ticket.list.more";
        public const string OpenedAgo = "ticket.list.openedAgo";
        public const string ReopenedAgo = "ticket.list.reopenedAgo";
        public const string WaitingForMember = "ticket.list.waitingForMember";
        public const string WaitingForStaff = "ticket.list.waitingForStaff";
        public const string InWorkingHours = "ticket.list.inWorkingHours";
        public const string Ago = "ticket.time.ago";
        public const string JustNow = "ticket.time.justNow";
        public const string LessThanAMinute = "ticket.time.lessThanAMinute";
        public const string ViewTitle = "ticket.view.title";
        public const string StateField = "ticket.view.state.field";
        public const string WhyField = "ticket.view.why.field";
        public const string NotesField = "ticket.view.notes.field";
        public const string StateClosed = "ticket.view.state.closed";
        public const string StateAwaiting = "ticket.view.state.awaiting";
        public const string StateClaimed = "ticket.view.state.claimed";
        public const string StateUnclaimed = "ticket.view.state.unclaimed";
        public const string StatsTitle = "ticket.stats.title";
        public const string AuditEmpty = "ticket.audit.empty";
        public const string AuditTitle = "ticket.audit.title";
        public const string AuditTheBot = "ticket.audit.theBot";
        public const string AuditAbout = "ticket.audit.about";
    }

    /// <summary>The moderator's "Ask to run Bybit check" and /diagnose-user: the moderator's replies, the member's DM, the staff notice.</summary>
    public static class Moderation
    {
        public const string Refused = "moderation.refused";
        public const string ActionAsk = "moderation.action.ask";
        public const string NoMember = "moderation.noMember";
        public const string TargetIsBot = "moderation.targetIsBot";
        public const string TargetIsSelf = "moderation.targetIsSelf";
        public const string Dm = "moderation.dm";
        public const string RunButton = "moderation.run.button";
        public const string Delivered = "moderation.delivered";
        public const string NotDelivered = "moderation.notDelivered";
        public const string NoChecks = "moderation.noChecks";
        public const string LastChecks = "moderation.lastChecks";
        public const string Failing = "moderation.failing";
        public const string Warnings = "moderation.warnings";
        public const string Key = "moderation.key";
        public const string Hidden = "moderation.hidden";
        public const string ResultAsked = "moderation.result.asked";
        public const string ResultUnasked = "moderation.result.unasked";
        public const string StaffNotice = "moderation.staffNotice";
        public const string NoOpenTicket = "moderation.noOpenTicket";
        public const string VerdictPass = "moderation.verdict.pass";
        public const string VerdictWarn = "moderation.verdict.warn";
        public const string VerdictFail = "moderation.verdict.fail";
        public const string VerdictError = "moderation.verdict.error";
    }
}

public static partial class TextIds
{
    /// <summary>The member's "Run the check again" in their ticket and "I'm stuck": their private answers.</summary>
    public static class TicketRecheck
    {
        public const string Pass = "ticket.recheck.pass";
        public const string Warn = "ticket.recheck.warn";
        public const string Fail = "ticket.recheck.fail";
        public const string Error = "ticket.recheck.error";
        public const string Verified = "ticket.recheck.verified";
        public const string Posted = "ticket.recheck.posted";
        public const string Failed = "ticket.recheck.failed";
        public const string Closed = "ticket.recheck.closed";
        public const string KeptFor = "ticket.recheck.keptFor";
        public const string StuckTold = "ticket.stuck.told";
    }
}
