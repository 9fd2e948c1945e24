namespace AstraBit.SupportBot.Core.Text;

// What staff read beside the ticket desk: the HTML transcript (staff language), the /ticket stats table (the reader's
// language; the stats verb's too), the CLI's terminal report, and the staff channel's Message Content heads-up.
public static partial class TextIds
{
    /// <summary>The HTML transcript's fixed words, in Support:StaffLocale (its &lt;html lang&gt; says which).</summary>
    public static class Transcript
    {
        public const string Title = "transcript.title";
        public const string Heading = "transcript.heading";
        public const string MemberField = "transcript.member.field";
        public const string OpenedField = "transcript.opened.field";
        public const string ReopenedField = "transcript.reopened.field";
        public const string ClaimedByField = "transcript.claimedBy.field";
        public const string ClosedField = "transcript.closed.field";
        public const string CloseReasonField = "transcript.closeReason.field";
        public const string OutcomeField = "transcript.outcome.field";
        public const string RatingField = "transcript.rating.field";
        public const string Nobody = "transcript.nobody";
        public const string NotYet = "transcript.notYet";
        public const string None = "transcript.none";
        public const string TheBot = "transcript.theBot";
        public const string Unknown = "transcript.unknown";
        public const string Diagnosis = "transcript.diagnosis";
        public const string DiagnosisAtOpening = "transcript.diagnosisAtOpening";
        public const string LaterCheck = "transcript.laterCheck";
        public const string VerdictField = "transcript.verdict.field";
        public const string NoCheck = "transcript.noCheck";
        public const string AccountTypeField = "transcript.accountType.field";
        public const string RegionField = "transcript.region.field";
        public const string KeyField = "transcript.key.field";
        public const string StoppedAtField = "transcript.stoppedAt.field";
        public const string Fix = "transcript.fix";
        public const string FixAtStep = "transcript.fixAtStep";
        public const string NoDiagnosis = "transcript.noDiagnosis";
        public const string Messages = "transcript.messages";
        public const string NoMessages = "transcript.noMessages";
        public const string Timeline = "transcript.timeline";
        public const string NoTimeline = "transcript.noTimeline";
        public const string Attachments = "transcript.attachments";
        public const string Forwarded = "transcript.forwarded";
        public const string Footer = "transcript.footer";
        public const string RoleMember = "transcript.role.member";
        public const string RoleStaff = "transcript.role.staff";
        public const string RoleBot = "transcript.role.bot";
        public const string RoleOther = "transcript.role.other";
        public const string Image = "transcript.image";
        public const string File = "transcript.file";
        public const string Note = "transcript.note";
        public const string NotRatedYet = "transcript.notRatedYet";
        public const string ClosedAt = "transcript.closedAt";
        public const string User = "transcript.user";
        public const string Trimmed = "transcript.trimmed";
        public const string MessageCount = "transcript.messageCount";
        public const string NotRead = "transcript.notRead";
        public const string OriginCheckFailed = "transcript.origin.checkFailed";
        public const string OriginStuck = "transcript.origin.stuck";
        public const string OriginModerator = "transcript.origin.moderator";
        public const string OriginCommand = "transcript.origin.command";
        public const string ActionOpened = "transcript.action.opened";
        public const string ActionClaimed = "transcript.action.claimed";
        public const string ActionUnclaimed = "transcript.action.unclaimed";
        public const string ActionClosed = "transcript.action.closed";
        public const string ActionReopened = "transcript.action.reopened";
        public const string ActionEscalated = "transcript.action.escalated";
        public const string ActionReminded = "transcript.action.reminded";
        public const string ActionCloseRequested = "transcript.action.closeRequested";
        public const string ActionCloseDeclined = "transcript.action.closeDeclined";
        public const string ActionJoined = "transcript.action.joined";
        public const string StatusPass = "transcript.status.pass";
        public const string StatusWarn = "transcript.status.warn";
        public const string StatusFail = "transcript.status.fail";
        public const string StatusSkip = "transcript.status.skip";
        public const string VerdictPass = "transcript.verdict.pass";
        public const string VerdictWarn = "transcript.verdict.warn";
        public const string VerdictFail = "transcript.verdict.fail";
        public const string VerdictError = "transcript.verdict.error";
        public const string BotName = "transcript.botName";
    }

    /// <summary>The support figures' table: /ticket stats in the reader's language, the stats verb in English or --locale.</summary>
    public static class Stats
    {
        public const string Heading = "stats.heading";
        public const string Tickets = "stats.tickets";
        public const string OpenNow = "stats.openNow";
        public const string OpenNowValue = "stats.openNowValue";
        public const string Funnel = "stats.funnel";
        public const string Started = "stats.started";
        public const string ReachedStep = "stats.reachedStep";
        public const string ReachedFinalCheck = "stats.reachedFinalCheck";
        public const string PassedFinalCheck = "stats.passedFinalCheck";
        public const string Checks = "stats.checks";
        public const string ChecksRun = "stats.checksRun";
        public const string NewMembers = "stats.newMembers";
        public const string PassedFirstTime = "stats.passedFirstTime";
        public const string PassedAfterFix = "stats.passedAfterFix";
        public const string NotPassedYet = "stats.notPassedYet";
        public const string SelfService = "stats.selfService";
        public const string Rate = "stats.rate";
        public const string RateValue = "stats.rateValue";
        public const string ByCheck = "stats.byCheck";
        public const string TicketsOpened = "stats.ticketsOpened";
        public const string NoOpeningCheckFailed = "stats.noOpeningCheckFailed";
        public const string Outcomes = "stats.outcomes";
        public const string TicketsClosed = "stats.ticketsClosed";
        public const string AverageRating = "stats.averageRating";
        public const string RatingValue = "stats.ratingValue";
        public const string Ratings = "stats.ratings";
        public const string Times = "stats.times";
        public const string WorkingTime = "stats.workingTime";
        public const string WallClock = "stats.wallClock";
        public const string MedianFirstResponse = "stats.medianFirstResponse";
        public const string MedianResolution = "stats.medianResolution";
        public const string Staff = "stats.staff";
        public const string StaffValue = "stats.staffValue";
        public const string StaffActivity = "stats.staffActivity";
        public const string None = "stats.none";
        public const string Percent = "stats.percent";
    }

    /// <summary>`diagnose`'s report in a terminal (the JSON's fields stay English: they are a contract).</summary>
    public static class Cli
    {
        public const string Heading = "cli.heading";
        public const string Account = "cli.account";
        public const string Unified = "cli.unified";
        public const string Classic = "cli.classic";
        public const string Main = "cli.main";
        public const string Sub = "cli.sub";
        public const string Fix = "cli.fix";
        public const string FixAtStep = "cli.fixAtStep";
        public const string Verdict = "cli.verdict";
        public const string VerdictPass = "cli.verdict.pass";
        public const string VerdictWarn = "cli.verdict.warn";
        public const string VerdictFail = "cli.verdict.fail";
        public const string VerdictError = "cli.verdict.error";
        public const string Problems = "cli.problems";
        public const string Warnings = "cli.warnings";
        public const string CheckedIn = "cli.checkedIn";
        public const string Legend = "cli.legend";
    }

    /// <summary>What the staff channel is told about the bot's own set-up (staff language).</summary>
    public static class StaffNotices
    {
        public const string MessageContent = "staff.messageContent";
    }
}
