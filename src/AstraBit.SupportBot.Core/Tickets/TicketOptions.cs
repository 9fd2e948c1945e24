using AstraBit.SupportBot.Core.WorkingHours;
using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Core.Tickets;

/// <summary>The "Tickets" configuration section: the timers of PRODUCT.md §6.</summary>
public sealed class TicketOptions
{
    public const string SectionName = "Tickets";

    /// <summary>An unclaimed ticket this old pings the support role again (once).</summary>
    public TimeSpan EscalateAfter { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>After staff spoke, this long without a member reply sends the member a reminder (once).</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromDays(1);

    /// <summary>This long after the reminder without a member reply closes the ticket.</summary>
    public TimeSpan AutoCloseAfter { get; set; } = TimeSpan.FromDays(2);

    /// <summary>After staff asked "Is it fixed?", this long without an answer closes the ticket as resolved — unconfirmed.</summary>
    public TimeSpan CloseConfirmAfter { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// Tickets:WorkingHours: "TimeZone" (IANA, e.g. "Europe/London") and weekday names with "09:00-18:00" (several ranges
    /// separated by commas; "" closed). Absent: always open. The escalation, reminder and auto-close timers count only
    /// working time.
    /// </summary>
    public Dictionary<string, string?>? WorkingHours { get; set; }

    /// <summary>
    /// Tickets:Topics: the intake form's topics, in order, each a Key, an optional Label (required for topics other than
    /// the five defaults) and an optional RoleId the staff notice pings. Absent or empty: <see cref="TicketTopic.Defaults"/>.
    /// A list, not a default value, because configuration binding appends to a list that already has items.
    /// </summary>
    public List<TicketTopic>? Topics { get; set; }

    /// <summary>The topics the intake form offers.</summary>
    public IReadOnlyList<TicketTopic> EffectiveTopics => TicketTopics.Effective(Topics);

    /// <summary>The working hours as a calendar; throws <see cref="FormatException"/> when invalid (the validator reports that at start).</summary>
    public WorkingCalendar Calendar() => WorkingCalendar.From(WorkingHours, $"{SectionName}:{nameof(WorkingHours)}");
}

/// <summary>Rejects ticket timers that can't work, naming the configuration key.</summary>
public sealed class TicketOptionsValidator : IValidateOptions<TicketOptions>
{
    private const string Section = TicketOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, TicketOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        Positive(options.EscalateAfter, nameof(TicketOptions.EscalateAfter), failures);
        Positive(options.StaleAfter, nameof(TicketOptions.StaleAfter), failures);
        Positive(options.AutoCloseAfter, nameof(TicketOptions.AutoCloseAfter), failures);
        Positive(options.CloseConfirmAfter, nameof(TicketOptions.CloseConfirmAfter), failures);
        failures.AddRange(WorkingCalendar.Validate(options.WorkingHours, $"{Section}:{nameof(TicketOptions.WorkingHours)}"));
        failures.AddRange(TicketTopics.Validate(options.Topics, $"{Section}:{nameof(TicketOptions.Topics)}"));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Positive(TimeSpan value, string key, List<string> failures)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{Section}:{key} must be greater than 00:00:00");
        }
    }
}
