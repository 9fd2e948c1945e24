using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Core.Tickets;
using Microsoft.Extensions.DependencyInjection;

namespace AstraBit.SupportBot.Bot.Tickets;

/// <summary>
/// The hook the check flows call after a check: a failed one opens the member's ticket, or adds its card to the open
/// one, so a human gets the case already diagnosed. Passing, warning and "could not run" checks open nothing.
/// </summary>
public static class FailedCheckTickets
{
    /// <summary>Returns the ticket the failure went into, or null when the check didn't fail.</summary>
    public static async Task<Ticket?> OpenIfFailedAsync(IServiceProvider services, ulong memberId, DiagnosticReport report, string? regionKey, string? stoppedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(report);
        if (report.Verdict != Verdict.Fail)
        {
            return null;
        }

        return await OpenIfFailedAsync(services.GetRequiredService<ITicketDesk>(), services.GetRequiredService<GuideContent>(), memberId, report, regionKey, stoppedAt, cancellationToken);
    }

    /// <summary>As above, with the desk and guide at hand.</summary>
    public static async Task<Ticket?> OpenIfFailedAsync(ITicketDesk desk, GuideContent guide, ulong memberId, DiagnosticReport report, string? regionKey, string? stoppedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(desk);
        ArgumentNullException.ThrowIfNull(guide);
        ArgumentNullException.ThrowIfNull(report);
        if (report.Verdict != Verdict.Fail)
        {
            return null;
        }

        var region = regionKey is null ? null : guide.FindRegion(regionKey)?.Label ?? regionKey;
        var card = TicketCard.FromReport(report, region, stoppedAt);
        return await desk.OpenOrAppendAsync(memberId, TicketOrigin.CheckFailed, card, requestedBy: null, cancellationToken);
    }

    /// <summary>What the member is told about the ticket their failed check went into.</summary>
    public static string Told(Ticket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var where = ticket.ThreadId is { } thread ? TicketMessages.Channel(thread) : "the support channel";
        return $"I've put this result in your private support ticket {ticket.DisplayNumber} ({where}), so the team sees what's wrong without asking you for anything.";
    }
}
