using System.Globalization;
using System.Text.Json;
using AstraBit.SupportBot.Core.Tickets;
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
    TicketService tickets,
    TicketDesk desk,
    SupportRoles roles,
    IOptions<SupportDiscordOptions> discord,
    [FromKeyedServices(TicketClock.Key)] TimeProvider clock,
    ILogger<TicketGatewayHandler> logger) : IGatewayEventHandler
{
    public bool Handles(string eventName) => eventName is "MESSAGE_CREATE" or "GUILD_MEMBER_REMOVE";

    public Task HandleAsync(GatewayEvent gatewayEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gatewayEvent);
        return gatewayEvent.Name == "MESSAGE_CREATE"
            ? MessageAsync(gatewayEvent.Data, cancellationToken)
            : MemberLeftAsync(gatewayEvent.Data, cancellationToken);
    }

    private async Task MessageAsync(JsonElement data, CancellationToken cancellationToken)
    {
        if (Snowflake(data, "channel_id") is not { } channel
            || !data.TryGetProperty("author", out var author)
            || Snowflake(author, "id") is not { } authorId
            || (author.TryGetProperty("bot", out var bot) && bot.ValueKind == JsonValueKind.True)
            || data.TryGetProperty("webhook_id", out _))
        {
            return;
        }

        var ticket = await tickets.FindByThreadAsync(channel, cancellationToken);
        if (ticket is null || ticket.IsClosed)
        {
            return;
        }

        // The message's own time, not the time it arrived: an event delivered again (a resumed session replays some)
        // then records nothing new, instead of re-arming the reminder.
        var now = clock.GetUtcNow();
        var at = data.TryGetProperty("timestamp", out var stamp) && stamp.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(stamp.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var sent) && sent < now
                ? sent
                : now;
        var isStaff = authorId != ticket.MemberId && await IsStaffAsync(data, authorId, cancellationToken);
        await tickets.RecordMessageAsync(ticket.Number, authorId, isStaff, at, cancellationToken);
    }

    private async Task MemberLeftAsync(JsonElement data, CancellationToken cancellationToken)
    {
        if (Snowflake(data, "guild_id") != discord.Value.GuildId
            || !data.TryGetProperty("user", out var user)
            || Snowflake(user, "id") is not { } memberId)
        {
            return;
        }

        var outcome = await tickets.MemberLeftAsync(memberId, cancellationToken);
        if (outcome.Succeeded)
        {
            LogMemberLeft(logger, memberId, outcome.Ticket!.Number);

            // Nobody to ask for a rating: the member has left.
            await desk.FinishCloseAsync(outcome.Ticket!, askForRating: false, cancellationToken);
        }
    }

    private async Task<bool> IsStaffAsync(JsonElement data, ulong authorId, CancellationToken cancellationToken)
    {
        if (data.TryGetProperty("member", out var member) && member.TryGetProperty("roles", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            var staffRoles = discord.Value.SupportRoleIds;
            return list.EnumerateArray().Any(r => r.ValueKind == JsonValueKind.String
                && ulong.TryParse(r.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                && staffRoles.Contains(id));
        }

        return (await roles.OfUserAsync(authorId, cancellationToken)).IsStaff;
    }

    private static ulong? Snowflake(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
        && ulong.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Member {MemberId} left the server; ticket {Number} closes")]
    private static partial void LogMemberLeft(ILogger logger, ulong memberId, int number);
}
