using AstraBit.SupportBot.Bot.Languages;
using AstraBit.SupportBot.Bot.Walkthrough;
using AstraBit.SupportBot.Core.Text;
using AstraBit.SupportBot.Core.Tickets;
using AstraBit.SupportBot.Core.Walkthrough;

namespace AstraBit.SupportBot.Bot.Tickets;

/// <summary>"I'm stuck" opens the member's ticket (or adds to the open one) with where they stopped and their last check.</summary>
public sealed class TicketStuckEscalation(ITicketDesk desk, SupportLanguages languages) : IStuckEscalation
{
    public async Task<string> EscalateAsync(StuckContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var ticket = await desk.OpenOrAppendAsync(context.UserId, TicketOrigin.Stuck, TicketCard.FromStuck(context), requestedBy: null, cancellationToken);

        // The member just pressed the button: their language is the one last seen.
        var member = await languages.ForMemberAsync(context.UserId, cancellationToken);
        var where = ticket.ThreadId is { } thread ? TicketMessages.Channel(thread) : member.Get(TextIds.TicketThread.SupportChannel);
        return member.Get(TextIds.TicketRecheck.StuckTold, ("ticket", ticket.DisplayNumber), ("where", where));
    }
}
