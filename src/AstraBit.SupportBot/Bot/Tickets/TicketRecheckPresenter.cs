using AstraBit.SupportBot.Bot.KeyChecks;
using AstraBit.SupportBot.Bot.Languages;
using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.KeyChecks;
using AstraBit.SupportBot.Core.Text;
using AstraBit.SupportBot.Discord.Models;
using AstraBit.SupportBot.Discord.Rest;

namespace AstraBit.SupportBot.Bot.Tickets;

/// <summary>The member's "Run the check again" in their ticket: the full result goes into the ticket, the member gets the verdict in their language.</summary>
public sealed class TicketRecheckPresenter(DiscordRestClient rest, SupportLanguages languages) : KeyCheckPresenter<KeyCheckOrigin.InTicket>(rest)
{
    public override KeyCheckEntry Entry => KeyCheckEntry.Ticket;

    public override Task<MessagePayload> RenderAsync(KeyCheckOutcome<KeyCheckOrigin.InTicket> outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var texts = languages.For(outcome.Interaction);
        var answer = outcome.Result switch
        {
            KeyCheckResult.Completed completed => string.Join(' ', [
                Verdict(completed.Report.Verdict, texts),
                outcome.Ticket switch
                {
                    { Posted: true, Ticket: { IsClosed: true, Outcome: Core.Tickets.TicketCloseOutcome.ResolvedVerified } closed } => texts.Get(TextIds.TicketRecheck.Verified, ("ticket", closed.DisplayNumber)),
                    { Posted: true } => texts.Get(TextIds.TicketRecheck.Posted),
                    { Failed: true } => texts.Get(TextIds.TicketRecheck.Failed),
                    _ => texts.Get(TextIds.TicketRecheck.Closed),
                },
                .. completed.KeyKeptFor is { } kept ? [texts.Get(TextIds.TicketRecheck.KeptFor, ("duration", texts.Duration(kept)))] : Array.Empty<string>(),
            ]),
            KeyCheckResult.Refused refused => texts.Get(TextIds.KeyCheck.Refused, ("reason", refused.Message)),
            var other => throw new InvalidOperationException($"Unexpected result {other.GetType().Name} for a typed key."),
        };
        return Task.FromResult(TicketMessages.Private(answer));
    }

    private static string Verdict(Verdict verdict, LocaleTexts texts) => texts.Get(verdict switch
    {
        Core.Diagnostics.Verdict.Pass => TextIds.TicketRecheck.Pass,
        Core.Diagnostics.Verdict.Warn => TextIds.TicketRecheck.Warn,
        Core.Diagnostics.Verdict.Fail => TextIds.TicketRecheck.Fail,
        _ => TextIds.TicketRecheck.Error,
    });
}
