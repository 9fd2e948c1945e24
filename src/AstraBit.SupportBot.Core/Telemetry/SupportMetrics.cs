using System.Diagnostics.Metrics;
using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Tickets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AstraBit.SupportBot.Core.Telemetry;

/// <summary>
/// The support side's instruments, on the meter <see cref="MeterName"/>: key checks, tickets and key-expiry reminders.
/// Labels come from fixed vocabularies only (verdicts, check ids, ticket origins and outcomes, reminder stages):
/// never a key, a user id or text someone typed.
/// </summary>
public sealed class SupportMetrics
{
    public const string MeterName = "AstraBit.SupportBot.Core";

    private readonly Counter<long> _checks;
    private readonly Counter<long> _failedChecks;
    private readonly Histogram<double> _checkDuration;
    private readonly Counter<long> _ticketsOpened;
    private readonly Counter<long> _ticketsClosed;
    private readonly Counter<long> _remindersSent;
    private Func<int?> _openTickets = static () => null;

    public SupportMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _checks = meter.CreateCounter<long>("support.checks", "{check}", "Key checks run, by verdict (pass, warn, fail, error).");
        _failedChecks = meter.CreateCounter<long>("support.check.failures", "{failure}", "Failed items of key checks, by check id (e.g. position-mode).");
        _checkDuration = meter.CreateHistogram<double>("support.check.duration", "s", "How long a key check took, by verdict.");
        _ticketsOpened = meter.CreateCounter<long>("support.tickets.opened", "{ticket}", "Tickets opened, by origin (check-failed, stuck, command, moderator-request).");
        _ticketsClosed = meter.CreateCounter<long>("support.tickets.closed", "{ticket}", "Tickets closed, by outcome (resolved-verified, resolved, resolved-unconfirmed, closed-by-staff, no-reply, member-left).");
        meter.CreateObservableGauge("support.tickets.open", ObserveOpenTickets, "{ticket}", "Tickets open now (reported once the ticket service has read the store).");
        _remindersSent = meter.CreateCounter<long>("support.reminders.sent", "{reminder}", "Key-expiry reminders sent, by stage (days before expiry).");
    }

    /// <summary>The lowercase word PRODUCT.md's report uses: pass, warn, fail, error.</summary>
    public static string VerdictName(Verdict verdict) => verdict.ToString().ToLowerInvariant();

    /// <summary>The stable label of a ticket's origin.</summary>
    public static string OriginName(TicketOrigin origin) => origin switch
    {
        TicketOrigin.CheckFailed => "check-failed",
        TicketOrigin.Stuck => "stuck",
        TicketOrigin.Command => "command",
        TicketOrigin.ModeratorRequest => "moderator-request",
        _ => "other",
    };

    internal void CheckFinished(Verdict verdict, IEnumerable<CheckResult> checks, TimeSpan duration)
    {
        var verdictTag = new KeyValuePair<string, object?>("support.verdict", VerdictName(verdict));
        _checks.Add(1, verdictTag);
        _checkDuration.Record(duration.TotalSeconds, verdictTag);
        foreach (var check in checks)
        {
            // Only the ids of PRODUCT.md §5: nothing else can become a label.
            if (check.Status == CheckStatus.Fail && CheckIds.All.Contains(check.Id))
            {
                _failedChecks.Add(1, new KeyValuePair<string, object?>("support.check_id", check.Id));
            }
        }
    }

    internal void TicketOpened(TicketOrigin origin) =>
        _ticketsOpened.Add(1, new KeyValuePair<string, object?>("support.ticket.origin", OriginName(origin)));

    internal void TicketClosed(TicketCloseOutcome? outcome) =>
        _ticketsClosed.Add(1, new KeyValuePair<string, object?>("support.ticket.outcome", outcome is { } o ? o.Key() : "unknown"));

    /// <summary>The ticket service reports its count of open tickets through <paramref name="source"/> (null: not known yet).</summary>
    internal void ObserveOpenTicketsFrom(Func<int?> source) => _openTickets = source;

    internal void ReminderSent(int daysBefore) =>
        _remindersSent.Add(1, new KeyValuePair<string, object?>("support.reminder.days_before", daysBefore));

    private IEnumerable<Measurement<int>> ObserveOpenTickets() =>
        _openTickets() is { } open ? [new Measurement<int>(open)] : [];
}

/// <summary>Registration of <see cref="SupportMetrics"/> (and the host's IMeterFactory it needs).</summary>
public static class SupportMetricsServiceCollectionExtensions
{
    public static IServiceCollection AddSupportMetrics(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddMetrics();
        services.TryAddSingleton<SupportMetrics>();
        return services;
    }
}
