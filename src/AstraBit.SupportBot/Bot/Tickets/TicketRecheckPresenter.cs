using AstraBit.SupportBot.Bot.KeyChecks;
using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.KeyChecks;
using AstraBit.SupportBot.Core.Limits;
using AstraBit.SupportBot.Discord.Models;
using AstraBit.SupportBot.Discord.Rest;

namespace AstraBit.SupportBot.Bot.Tickets;

/// <summary>The member's "Run the check again" in their ticket: the full result goes into the ticket, the member gets the verdict.</summary>
public sealed class TicketRecheckPresenter(DiscordRestClient rest) : KeyCheckPresenter<KeyCheckOrigin.InTicket>(rest)
{
    public override KeyCheckEntry Entry => KeyCheckEntry.Ticket;

    public override Task<MessagePayload> RenderAsync(KeyCheckOutcome<KeyCheckOrigin.InTicket> outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var answer = outcome.Result switch
        {
            KeyCheckResult.Completed completed => Verdict(completed.Report.Verdict)
                + outcome.Ticket switch
                {
                    { Posted: true, Ticket: { IsClosed: true, Outcome: Core.Tickets.TicketCloseOutcome.ResolvedVerified } closed } => $" That proves the fix: ticket {closed.DisplayNumber} is closed as resolved — verified.",
                    { Posted: true } => " The full result is posted in your ticket for the support team.",
                    { Failed: true } => " I couldn't post the full result in your ticket just now; tell the team there, or run the check again in a few minutes.",
                    _ => " Your ticket is closed, so the result wasn't posted; `/ticket open` starts a new one.",
                }
                + (completed.KeyKeptFor is { } kept ? $" I'll keep your key in memory only, for {RetryWording.Duration(kept)}." : ""),
            KeyCheckResult.Refused refused => refused.Message + " Your key wasn't sent to Bybit this time.",
            var other => throw new InvalidOperationException($"Unexpected result {other.GetType().Name} for a typed key."),
        };
        return Task.FromResult(TicketMessages.Private(answer));
    }

    private static string Verdict(Verdict verdict) => verdict switch
    {
        Core.Diagnostics.Verdict.Pass => "✅ Your key passes every check.",
        Core.Diagnostics.Verdict.Warn => "⚠️ Your key works, with things to look at.",
        Core.Diagnostics.Verdict.Fail => "❌ The check still finds problems.",
        _ => "⚠️ The check couldn't run right now.",
    };
}
