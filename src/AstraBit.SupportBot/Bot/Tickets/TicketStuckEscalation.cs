using AstraBit.SupportBot.Bot.Walkthrough;
using AstraBit.SupportBot.Core.Tickets;
using AstraBit.SupportBot.Core.Walkthrough;

namespace AstraBit.SupportBot.Bot.Tickets;

/// <summary>"I'm stuck" opens the member's ticket (or adds to the open one) with where they stopped and their last check.</summary>
public sealed class TicketStuckEscalation(ITicketDesk desk) : IStuckEscalation
{
    public async Task<string> EscalateAsync(StuckContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var ticket = await desk.OpenOrAppendAsync(context.UserId, TicketOrigin.Stuck, TicketCard.FromStuck(context), requestedBy: null, cancellationToken);
        var where = ticket.ThreadId is { } thread ? TicketMessages.Channel(thread) : "the support channel";
        return $"I've told the support team where you are in the guide and what I know so far, in your private ticket {ticket.DisplayNumber}: {where}. " +
            "Someone will answer you there. Please never send your API secret to anyone, staff included: nobody needs it to help you.";
    }
}
