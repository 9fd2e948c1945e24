namespace AstraBit.SupportBot.Core.Text;

// The key form's site question and the ticket intake form (issue 24): what the member fills in, in their language, and
// what the ticket card shows staff, in the staff language.
public static partial class TextIds
{
    public static class KeyFormSite
    {
        public const string Label = "keyForm.site.label";
        public const string Hint = "keyForm.site.hint";
    }

    public static class Intake
    {
        public const string FormTitle = "intake.formTitle";
        public const string TopicLabel = "intake.topic.label";
        public const string TopicPlaceholder = "intake.topic.placeholder";
        public const string TopicConnection = "intake.topic.connection.choice";
        public const string TopicBalance = "intake.topic.balance.choice";
        public const string TopicStrategies = "intake.topic.strategies.choice";
        public const string TopicBilling = "intake.topic.billing.choice";
        public const string TopicOther = "intake.topic.other.choice";
        public const string DescriptionLabel = "intake.description.label";
        public const string DescriptionPlaceholder = "intake.description.placeholder";
        public const string DescriptionHint = "intake.description.hint";
        public const string ScreenshotsLabel = "intake.screenshots.label";
        public const string ScreenshotsHint = "intake.screenshots.hint";
        public const string CardTitle = "intake.card.title";
        public const string CardTopic = "intake.card.topic.field";
        public const string CardDescription = "intake.card.description.field";
        public const string CardScreenshots = "intake.card.screenshots.field";
        public const string CardScreenshotsNone = "intake.card.screenshotsNone";
        public const string CardSkipped = "intake.card.skipped";
        public const string ScreenshotsPosted = "intake.screenshotsPosted";

        /// <summary>The catalogue text of a default topic (<see cref="Tickets.TicketTopic.Defaults"/>), null for a topic the operator added.</summary>
        public static string? Topic(string key) => key switch
        {
            "connection" => TopicConnection,
            "balance" => TopicBalance,
            "strategies" => TopicStrategies,
            "billing" => TopicBilling,
            "other" => TopicOther,
            _ => null,
        };
    }
}
