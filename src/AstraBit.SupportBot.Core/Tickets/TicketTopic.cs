using System.Globalization;
using System.Text.RegularExpressions;

namespace AstraBit.SupportBot.Core.Tickets;

/// <summary>
/// One topic of the intake form (Tickets:Topics): its key (what the form sends back and what stats name), its label
/// for topics the operator adds (the five default topics read theirs from the texts, in the member's language), and the
/// staff role the staff notice pings for it, if any.
/// </summary>
public sealed class TicketTopic
{
    /// <summary>The key of the topic whose tickets start with the key check when the member's key is remembered.</summary>
    public const string Connection = "connection";

    public string Key { get; set; } = "";

    public string? Label { get; set; }

    public ulong? RoleId { get; set; }

    /// <summary>Connection, balance and transfers, strategies and bots, billing, other: the topics when none are configured.</summary>
    public static IReadOnlyList<TicketTopic> Defaults { get; } =
        [new() { Key = Connection }, new() { Key = "balance" }, new() { Key = "strategies" }, new() { Key = "billing" }, new() { Key = "other" }];

    /// <summary>The keys whose labels are in the texts (<see cref="Text.TextIds.Intake.Topic"/>).</summary>
    public static bool HasTranslatedLabel(string key) => Text.TextIds.Intake.Topic(key) is not null;
}

/// <summary>The checks Tickets:Topics must pass at start; one line per problem naming the key.</summary>
public static partial class TicketTopics
{
    /// <summary>Discord's limit on a select's options.</summary>
    public const int MaxTopics = 25;

    [GeneratedRegex("^[a-z0-9-]{1,40}$")]
    private static partial Regex KeyPattern();

    /// <summary>The configured topics, or <see cref="TicketTopic.Defaults"/> when none are.</summary>
    public static IReadOnlyList<TicketTopic> Effective(IReadOnlyList<TicketTopic>? configured) =>
        configured is { Count: > 0 } ? configured : TicketTopic.Defaults;

    public static IEnumerable<string> Validate(IReadOnlyList<TicketTopic>? topics, string key)
    {
        if (topics is null || topics.Count == 0)
        {
            yield break;
        }

        if (topics.Count > MaxTopics)
        {
            yield return $"{key} has {topics.Count.ToString(CultureInfo.InvariantCulture)} topics; Discord's select holds at most {MaxTopics.ToString(CultureInfo.InvariantCulture)}";
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < topics.Count; i++)
        {
            var topic = topics[i];
            var at = $"{key}:{i.ToString(CultureInfo.InvariantCulture)}";
            if (!KeyPattern().IsMatch(topic.Key ?? ""))
            {
                yield return $"{at}:Key must be 1–40 lowercase letters, digits or '-' (was \"{topic.Key}\")";
            }
            else if (!seen.Add(topic.Key!))
            {
                yield return $"{at}:Key \"{topic.Key}\" is used by two topics";
            }

            if (topic.Label is { } label && (label.Trim().Length == 0 || label.Length > 100))
            {
                yield return $"{at}:Label must be 1–100 characters";
            }
            else if (topic.Label is null && KeyPattern().IsMatch(topic.Key ?? "") && !TicketTopic.HasTranslatedLabel(topic.Key!))
            {
                yield return $"{at}:Label is required for a topic other than connection, balance, strategies, billing or other";
            }

            if (topic.RoleId == 0)
            {
                yield return $"{at}:RoleId must be a Discord role id";
            }
        }
    }
}

/// <summary>
/// What the member wrote in the intake form, as the ticket card keeps it: the topic (key and the label staff read), the
/// description (never a secret: a secret in it is removed before it is kept), and the screenshots' file names (the files
/// themselves are posted into the thread; Discord's form uploads are temporary).
/// </summary>
public sealed record TicketIntake(string TopicKey, string TopicLabel, string Description, IReadOnlyList<string> Screenshots)
{
    public string Description { get; init => field = SecretGuard.Scrub(value); } = SecretGuard.Scrub(Description);

    /// <summary>Files the member attached that were not kept (not an image, or too large), by name.</summary>
    public IReadOnlyList<string> Skipped { get; init; } = [];
}
