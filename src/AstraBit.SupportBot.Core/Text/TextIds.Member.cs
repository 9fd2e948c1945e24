namespace AstraBit.SupportBot.Core.Text;

public static partial class TextIds
{
    /// <summary>The words a guide page adds around the guide's own texts (guide.json and its translations).</summary>
    public static class GuidePage
    {
        public const string BeforeYouBeginHeader = "guide.beforeYouBegin.title";
        public const string FinalCheckHeader = "guide.finalCheck.title";
        public const string DoneHeader = "guide.done.title";

        /// <summary>"Part {part} of {parts} · Step {step} of {steps}".</summary>
        public const string StepHeader = "guide.step.title";
        public const string Tips = "guide.tips.title";

        /// <summary>The permissions to tick on step 3, {permissions} a list.</summary>
        public const string TurnOn = "guide.turnOn";
        public const string LeaveOff = "guide.leaveOff";
    }

    /// <summary>What the walkthrough says around its pages (/connect-bybit, the panel's button, the DM).</summary>
    public static class Walkthrough
    {
        public const string DmsClosed = "walkthrough.dmsClosed";
        public const string DmFailed = "walkthrough.dmFailed";
        public const string SentToDm = "walkthrough.sentToDm";
        public const string SentToDmResumed = "walkthrough.sentToDm.resumed";
        public const string WelcomeBack = "walkthrough.welcomeBack";
        public const string Refused = "walkthrough.refused";
        public const string KeyGone = "walkthrough.keyGone";
        public const string KeyGoneNoButton = "walkthrough.keyGone.noButton";
        public const string Forgot = "walkthrough.forgot";
        public const string ForgotNothing = "walkthrough.forgot.nothing";
        public const string MovedHere = "walkthrough.movedHere";
        public const string ChoiceGone = "walkthrough.choiceGone";
        public const string AllChecksOut = "walkthrough.allChecksOut";
        public const string StepChecksOut = "walkthrough.stepChecksOut";
        public const string StepWorksWithWarning = "walkthrough.stepWorksWithWarning";
        public const string FixThenCheck = "walkthrough.fixThenCheck";
        public const string FixThenCheckNoButton = "walkthrough.fixThenCheck.noButton";
        public const string CouldNotRun = "walkthrough.couldNotRun";
        public const string CouldNotRunNoButton = "walkthrough.couldNotRun.noButton";
        public const string Unreachable = "walkthrough.unreachable";
        public const string UnreachableNoButton = "walkthrough.unreachable.noButton";
        public const string StuckFailed = "walkthrough.stuckFailed";
    }
}
