using AstraBit.SupportBot.Core;
using AstraBit.SupportBot.Discord.Gateway;
using AstraBit.SupportBot.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Bot.Tickets;

/// <summary>
/// MESSAGE_CREATE in a ticket's thread feeds the stale and first-response times (staff by their roles, which guild
/// messages carry); GUILD_MEMBER_REMOVE closes the leaving member's ticket. Discord may deliver an event twice:
/// recording a message again changes nothing (it is recorded at its own time), and closing twice is refused by the ticket service.
/// </summary>
public sealed partial class TicketGatewayHandler(
    TicketDesk desk,
    SupportRoles roles,
    IOptions<SupportDiscordOptions> discord,
    [FromKeyedServices(SupportClock.Key)] TimeProvider clock,
    ILogger<TicketGatewayHandler> logger) : IGatewayEventHandler<MessageCreatedEvent>, IGatewayEventHandler<GuildMemberRemovedEvent>
{
    public async Task HandleAsync(MessageCreatedEvent gatewayEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gatewayEvent);
        if (gatewayEvent.Author.IsBot || gatewayEvent.FromWebhook)
        {
            return;
        }

        var ticket = await desk.FindByThreadAsync(gatewayEvent.ChannelId, cancellationToken);
        if (ticket is null || ticket.IsClosed)
        {
            return;
        }

        // The message's own time, not the time it arrived: an event delivered again (a resumed session replays some)
        // then records nothing new, instead of re-arming the reminder.
        var now = clock.GetUtcNow();
        var at = gatewayEvent.Timestamp is { } sent && sent < now ? sent : now;
        var authorId = gatewayEvent.Author.Id;
        var isStaff = authorId != ticket.MemberId && await IsStaffAsync(gatewayEvent, cancellationToken);
        await desk.RecordMessageAsync(ticket.Number, authorId, isStaff, at, cancellationToken);
    }

    public async Task HandleAsync(GuildMemberRemovedEvent gatewayEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gatewayEvent);
        if (gatewayEvent.GuildId != discord.Value.GuildId)
        {
            return;
        }

        var memberId = gatewayEvent.User.Id;
        var outcome = await desk.MemberLeftAsync(memberId, cancellationToken);
        if (outcome.Succeeded)
        {
            LogMemberLeft(logger, memberId, outcome.Ticket.Number);
        }
    }

    private async Task<bool> IsStaffAsync(MessageCreatedEvent message, CancellationToken cancellationToken) =>
        message.MemberRoles is { } memberRoles
            ? memberRoles.Any(discord.Value.SupportRoleIds.Contains)
            : (await roles.OfUserAsync(message.Author.Id, cancellationToken)).IsStaff;

    [LoggerMessage(Level = LogLevel.Information, Message = "Member {MemberId} left the server; ticket {Number} closes")]
    private static partial void LogMemberLeft(ILogger logger, ulong memberId, int number);
}
