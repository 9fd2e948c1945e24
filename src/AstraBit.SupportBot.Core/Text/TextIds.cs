namespace AstraBit.SupportBot.Core.Text;

/// <summary>
/// The stable id of every catalogue text (config/texts/en-US.json holds exactly these; a test keeps the two equal).
/// An id's last part says where the text is shown and so its limit (<see cref="TextCatalogLoader.LimitFor"/>): button,
/// label, hint, placeholder, formTitle, title, footer, field; anything else is message text.
/// </summary>
public static partial class TextIds
{
    public static class Language
    {
        /// <summary>The language's name in itself ("Español"), for the card that names the member's language.</summary>
        public const string Name = "language.name";
    }

    public static class Format
    {
        public const string DecimalSeparator = "format.decimalSeparator";
        public const string GroupSeparator = "format.groupSeparator";

        /// <summary>A US dollar amount; {amount} is the number with this locale's separators.</summary>
        public const string Money = "format.money";

        /// <summary>The end of a list: {first} (the items before, comma-separated) and {last}.</summary>
        public const string ListLast = "format.listLast";
    }

    public static class Time
    {
        public const string Moment = "time.moment";
        public const string Separator = "time.separator";
        public const string Seconds = "time.seconds";
        public const string Minutes = "time.minutes";
        public const string Hours = "time.hours";
        public const string Days = "time.days";
        public const string Weeks = "time.weeks";
    }

    /// <summary>A key check's report (/diagnose, the walkthrough, the panel, moderator requests, the ticket card).</summary>
    public static class Report
    {
        public const string PassTitle = "report.pass.title";
        public const string WarnTitle = "report.warn.title";
        public const string FailTitle = "report.fail.title";
        public const string ErrorTitle = "report.error.title";
        public const string StepPassTitle = "report.stepPass.title";
        public const string Footer = "report.footer";
        public const string Fix = "report.fix";
        public const string FixAt = "report.fixAt";
        public const string Step = "report.step";
        public const string BeforeYouBegin = "report.beforeYouBegin";

        /// <summary>A check's name on the report, by its id (<c>check.&lt;id&gt;.name</c>).</summary>
        public static string CheckName(string checkId) => "check." + checkId + ".name";
    }

    /// <summary>The names of the checks (<see cref="Report.CheckName"/>), one per check id.</summary>
    public static class Checks
    {
        public const string Connectivity = "check.connectivity.name";
        public const string ApiKey = "check.api-key.name";
        public const string ReadWrite = "check.read-write.name";
        public const string ContractTrading = "check.contract-trading.name";
        public const string Withdrawal = "check.withdrawal.name";
        public const string Transfer = "check.transfer.name";
        public const string ExtraPermissions = "check.extra-permissions.name";
        public const string PositionMode = "check.position-mode.name";
        public const string Balance = "check.balance.name";
        public const string AccountType = "check.account-type.name";
        public const string KeyExpiry = "check.key-expiry.name";
    }

    /// <summary>What the member's own key check says around the report.</summary>
    public static class KeyCheck
    {
        public const string CouldNotRun = "keyCheck.couldNotRun";
        public const string NoUsableAnswer = "keyCheck.noUsableAnswer";
        public const string KeptFor = "keyCheck.keptFor";
        public const string OpenStepButton = "keyCheck.openStep.button";
        public const string ForgetKeyButton = "keyCheck.forgetKey.button";
        public const string Recovered = "keyCheck.recovered";
        public const string Interrupted = "keyCheck.interrupted";
        public const string Refused = "keyCheck.refused";
        public const string TryAgainCommand = "keyCheck.tryAgain.command";
        public const string TryAgainPanel = "keyCheck.tryAgain.panel";
        public const string TryAgainWalkthrough = "keyCheck.tryAgain.walkthrough";
        public const string TryAgainTicket = "keyCheck.tryAgain.ticket";
        public const string TryAgainRequested = "keyCheck.tryAgain.requested";
    }

    /// <summary>The form that asks for the key and secret.</summary>
    public static class KeyForm
    {
        public const string FormTitle = "keyForm.formTitle";
        public const string KeyLabel = "keyForm.key.label";
        public const string KeyPlaceholder = "keyForm.key.placeholder";
        public const string KeyHint = "keyForm.key.hint";
        public const string SecretLabel = "keyForm.secret.label";
        public const string SecretPlaceholder = "keyForm.secret.placeholder";
        public const string SecretHint = "keyForm.secret.hint";
        public const string Problems = "keyForm.problems";
        public const string Problem = "keyForm.problem";
        public const string ProblemsTryAgain = "keyForm.problems.tryAgain";
    }

    /// <summary>
    /// What Discord shows for a command, subcommand, option or choice in the reader's language, by its path
    /// ("ticket.close.reason"): its name (<c>command.&lt;path&gt;.name</c>; English's is PRODUCT.md §3's contract name,
    /// and every language's texts quote the names their readers see) and, for slash commands, its description
    /// (<c>command.&lt;path&gt;.summary</c>).
    /// </summary>
    public static class Commands
    {
        public const string Prefix = "command.";

        public static string Summary(string path) => Prefix + Key(path) + ".summary";

        public static string Name(string path) => Prefix + Key(path) + ".name";

        // "Ask to run Bybit check" → "ask-to-run-bybit-check".
        private static string Key(string path) => path.Replace(' ', '-').ToLowerInvariant();
    }
}
