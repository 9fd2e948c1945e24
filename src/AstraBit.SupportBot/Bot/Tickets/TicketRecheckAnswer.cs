using AstraBit.SupportBot.Bot.KeyChecks;
using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.KeyChecks;
using AstraBit.SupportBot.Core.Limits;
using AstraBit.SupportBot.Discord.Models;

namespace AstraBit.SupportBot.Bot.Tickets;

/// <summary>The member's "Run the check again" in their ticket: the full result goes into the ticket, the member gets the verdict.</summary>
public sealed class TicketRecheckAnswer(int number) : KeyCheckAnswer
{
    public override string Name => "ticket";

    public override string TryAgain => "Press **Run the check again** in the ticket";

    public override KeyCheckOrigin Origin(KeyCheckContext context) => new KeyCheckOrigin.InTicket(number);

    public override Task<MessagePayload> RenderAsync(KeyCheckContext context, KeyCheckResult result, CheckTicketOutcome? ticket, CancellationToken cancellationToken)
    {
        var answer = result switch
        {
            KeyCheckResult.Completed completed => Verdict(completed.Report.Verdict)
                + ticket switch
                {
                    { Posted: true, Ticket: { IsClosed: true, Outcome: Core.Tickets.TicketCloseOutcome.ResolvedVerified } closed } => $" That proves the fix: ticket {closed.DisplayNumber} is closed as resolved — verified.",
                    { Posted: true } => " The full result is posted in your ticket for the support team.",
                    { Failed: true } => " I couldn't post the full result in your ticket just now; tell the team there, or run the check again in a few minutes.",
                    _ => " Your ticket is closed, so the result wasn't posted; `/ticket open` starts a new one.",
                }
                + (completed.KeyKeptFor is { } kept ? $" I'll keep your key in memory only, for {RetryWording.Duration(kept)}." : ""),
            KeyCheckResult.Refused refused => refused.Message + " Your key wasn't sent to Bybit this time.",
            _ => throw new InvalidOperationException($"Unexpected result {result.GetType().Name} for a typed key."),
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
