using AstraBit.SupportBot.Bot.Languages;
using AstraBit.SupportBot.Core.Text;
using AstraBit.SupportBot.Discord;
using AstraBit.SupportBot.Discord.Gateway;
using AstraBit.SupportBot.Discord.Models;
using AstraBit.SupportBot.Discord.Rest;
using AstraBit.SupportBot.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Bot.Tickets;

/// <summary>
/// Without the Message Content intent Discord hands the bot other people's messages blank (gateway and REST alike),
/// so a ticket's transcript holds only the bot's own messages. On the first READY of the process, when
/// <c>Discord:Intents</c> lacks it, staff are told so once in the staff channel, with how to fix it, in the staff
/// language (Support:StaffLocale).
/// </summary>
public sealed partial class MessageContentNotice(
    DiscordRestClient rest,
    IOptions<DiscordClientOptions> client,
    IOptions<SupportDiscordOptions> support,
    SupportLanguages languages,
    MessageContentNotice.State state,
    ILogger<MessageContentNotice> logger) : IGatewayEventHandler<ReadyEvent>
{
    /// <summary>MESSAGE_CONTENT, a privileged intent.</summary>
    public const int MessageContentIntent = 1 << 15;

    public async Task HandleAsync(ReadyEvent gatewayEvent, CancellationToken cancellationToken)
    {
        if ((client.Value.Intents & MessageContentIntent) != 0 || !state.TryBegin())
        {
            return;
        }

        try
        {
            await rest.CreateMessageAsync(support.Value.StaffChannelId, new MessageBuilder().WithContent(languages.Staff.Get(TextIds.StaffNotices.MessageContent)).WithAllowedMentions(AllowedMentions.None).Build(), cancellationToken);
            LogTold(logger, support.Value.StaffChannelId);
        }
        catch
        {
            // Let the next READY (after a reconnect) try again.
            state.Reset();
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord:Intents lacks Message Content: transcripts will hold only the bot's own messages; staff told in channel {ChannelId}")]
    private static partial void LogTold(ILogger logger, ulong channelId);

    /// <summary>Whether staff were told in this process (a singleton).</summary>
    public sealed class State
    {
        private int told;

        public bool TryBegin() => Interlocked.CompareExchange(ref told, 1, 0) == 0;

        public void Reset() => Volatile.Write(ref told, 0);
    }
}
