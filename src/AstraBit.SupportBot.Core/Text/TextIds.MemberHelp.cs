namespace AstraBit.SupportBot.Core.Text;

// What a member reads around the key check and their own data (issue 23): the shared refusals and apologies, /answer,
// /bybit-error and pasted errors, the key-leak warning, /reminders and the reminder DMs, /privacy and a member's history.
public static partial class TextIds
{
    /// <summary>The short private answers any handler may give (<c>Replies</c>).</summary>
    public static class Reply
    {
        public const string UnknownCommand = "reply.unknownCommand";
        public const string EndedButton = "reply.endedButton";
        public const string NotThisMessage = "reply.notThisMessage";
        public const string CannotSave = "reply.cannotSave";
        public const string SomethingWentWrong = "reply.somethingWentWrong";
    }

    /// <summary>What only staff (or moderators) may do, as the refusal's {action} names it.</summary>
    public static class StaffAction
    {
        public const string PostAnswers = "staffAction.postAnswers";
        public const string MemberHistory = "staffAction.memberHistory";
        public const string PostPanel = "staffAction.postPanel";
    }

    /// <summary>`/answer`: the staff member's private answers, and the line under an answer the member reads.</summary>
    public static class Answer
    {
        public const string NotInTicket = "answer.notInTicket";
        public const string TicketClosed = "answer.ticketClosed";
        public const string Unknown = "answer.unknown";
        public const string NoThread = "answer.noThread";
        public const string Posted = "answer.posted";
        public const string SentBy = "answer.sentBy";
    }

    /// <summary>An error's explanation (`/bybit-error`, the panel's "Explain an error", a pasted error).</summary>
    public static class ErrorExplanation
    {
        public const string Usage = "bybitError.usage";
        public const string WhatToDo = "bybitError.whatToDo.field";
        public const string GuideStep = "bybitError.guideStep.field";
        public const string GuideStepValue = "bybitError.guideStep.value";
        public const string Code = "bybitError.code.field";
        public const string Footer = "bybitError.footer";
        public const string PastedIntro = "bybitError.pasted";
        public const string CheckKeyButton = "bybitError.checkKey.button";
    }

    /// <summary>The key-leak guard: the member's private warning, the channel notice when DMs are closed, the ticket's note for staff.</summary>
    public static class KeyLeak
    {
        public const string Deleted = "keyLeak.deleted";
        public const string NotDeleted = "keyLeak.notDeleted";
        public const string InDm = "keyLeak.inDm";
        public const string EditDeleted = "keyLeak.edit.deleted";
        public const string EditNotDeleted = "keyLeak.edit.notDeleted";
        public const string EditInDm = "keyLeak.edit.inDm";
        public const string ForwardDeleted = "keyLeak.forward.deleted";
        public const string ForwardNotDeleted = "keyLeak.forward.notDeleted";
        public const string ForwardInDm = "keyLeak.forward.inDm";
        public const string AttachmentDeleted = "keyLeak.attachment.deleted";
        public const string AttachmentNotDeleted = "keyLeak.attachment.notDeleted";
        public const string AttachmentInDm = "keyLeak.attachment.inDm";
        public const string WhatToDo = "keyLeak.whatToDo";
        public const string TheKey = "keyLeak.theKey";
        public const string UnknownKey = "keyLeak.unknownKey";
        public const string ChannelNoticeDeleted = "keyLeak.channelNotice.deleted";
        public const string ChannelNotice = "keyLeak.channelNotice";
        public const string TicketNote = "keyLeak.ticketNote";
        public const string TicketNoteKey = "keyLeak.ticketNote.key";
        public const string TicketNoteDeleted = "keyLeak.ticketNote.deleted";
        public const string TicketNoteAsked = "keyLeak.ticketNote.asked";
        public const string WhereEdit = "keyLeak.where.edit";
        public const string WhereForward = "keyLeak.where.forward";
        public const string WhereAttachment = "keyLeak.where.attachment";
    }

    /// <summary>Key-expiry reminders: the offer under a check, /reminders, the DMs 14, 7 and 1 days before.</summary>
    public static class Reminder
    {
        public const string OfferButton = "reminder.offer.button";
        public const string StopButton = "reminder.stop.button";
        public const string StopKeyButton = "reminder.stopKey.button";
        public const string PreviousButton = "reminder.previous.button";
        public const string NextButton = "reminder.next.button";
        public const string Subscribed = "reminder.subscribed";
        public const string TooMany = "reminder.tooMany";
        public const string UnknownSite = "reminder.unknownSite";
        public const string AlreadyExpired = "reminder.alreadyExpired";
        public const string TooSoon = "reminder.tooSoon";
        public const string None = "reminder.none";
        public const string Heading = "reminder.heading";
        public const string HeadingPaged = "reminder.heading.paged";
        public const string Line = "reminder.line";
        public const string LineLast = "reminder.line.last";
        public const string Stopped = "reminder.stopped";
        public const string AlreadyGone = "reminder.alreadyGone";
        public const string DmInDays = "reminder.dm.inDays";
        public const string DmTomorrow = "reminder.dm.tomorrow";
        public const string DmHowTo = "reminder.dm.howTo";
    }

    /// <summary>`/privacy`: what the bot keeps, its export, and the deletion.</summary>
    public static class Privacy
    {
        public const string Heading = "privacy.heading";
        public const string Progress = "privacy.progress";
        public const string ProgressNone = "privacy.progress.none";
        public const string StepN = "privacy.progress.step";
        public const string SiteNotChosen = "privacy.progress.siteNotChosen";
        public const string AccountUnknown = "privacy.progress.accountUnknown";
        public const string Checks = "privacy.checks";
        public const string ChecksNone = "privacy.checks.none";
        public const string Tickets = "privacy.tickets";
        public const string TicketsNone = "privacy.tickets.none";
        public const string Audit = "privacy.audit";
        public const string AuditNone = "privacy.audit.none";
        public const string Reminders = "privacy.reminders";
        public const string RemindersNone = "privacy.reminders.none";
        public const string ReminderItem = "privacy.reminders.item";
        public const string Language = "privacy.language";
        public const string NeverKept = "privacy.neverKept";
        public const string Choices = "privacy.choices";
        public const string ExportButton = "privacy.export.button";
        public const string DeleteButton = "privacy.delete.button";
        public const string Confirm = "privacy.confirm";
        public const string ConfirmButton = "privacy.confirm.button";
        public const string CancelButton = "privacy.cancel.button";
        public const string Deleted = "privacy.deleted";
        public const string DeletedProgress = "privacy.deleted.progress";
        public const string DeletedNoProgress = "privacy.deleted.noProgress";
        public const string DeletedChecks = "privacy.deleted.checks";
        public const string DeletedReminders = "privacy.deleted.reminders";
        public const string DeletedTickets = "privacy.deleted.tickets";
        public const string KeptOpen = "privacy.deleted.keptOpen";
        public const string DeletedLanguage = "privacy.deleted.language";
        public const string Export = "privacy.export";
        public const string ExportFile = "privacy.export.file";
    }

    /// <summary>`/ticket history member:` (staff and moderators, privately).</summary>
    public static class MemberHistory
    {
        public const string Title = "history.title";
        public const string ChooseMember = "history.chooseMember";
        public const string Tickets = "history.tickets";
        public const string Checks = "history.checks";
        public const string Audit = "history.audit";
        public const string Reminders = "history.reminders";
        public const string Empty = "history.empty";
        public const string Footer = "history.footer";
        public const string PreviousButton = "history.previous.button";
        public const string NextButton = "history.next.button";
        public const string ExportButton = "history.export.button";
        public const string TicketLine = "history.line.ticket";
        public const string FailingLine = "history.line.failing";
        public const string CheckLine = "history.line.check";
        public const string AuditLine = "history.line.audit";
        public const string StateOpen = "history.state.open";
        public const string StateClaimed = "history.state.claimed";
        public const string StateConfirming = "history.state.confirming";
        public const string TheBot = "history.theBot";
    }

    /// <summary>Names of Bybit's transfer permissions as the key's page shows them.</summary>
    public static class BybitPermission
    {
        public const string AccountTransfer = "checkText.transfer.account";
        public const string SubaccountTransfer = "checkText.transfer.subaccount";
    }
}
