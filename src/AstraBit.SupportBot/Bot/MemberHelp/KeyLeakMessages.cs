using System.Globalization;

namespace AstraBit.SupportBot.Bot.MemberHelp;

/// <summary>How a secret reached the channel; the guard names it to the member and in the audit log, never the text.</summary>
public enum LeakSource
{
    /// <summary>A new message's text.</summary>
    Message,

    /// <summary>An edit that put the secret into a message (MESSAGE_UPDATE).</summary>
    Edit,

    /// <summary>A forwarded message's text (message_snapshots).</summary>
    Forward,

    /// <summary>A small text file attached to the message (or to the message it forwards).</summary>
    Attachment,
}

/// <summary>What the key-leak guard says. None of it ever holds the leaked text: only ids and the masked key.</summary>
public static class KeyLeakMessages
{
    public static string Warning(string? maskedKey, bool deleted, bool inDm, LeakSource source = LeakSource.Message)
    {
        var key = maskedKey is null ? "the API key that secret belongs to" : $"the API key {maskedKey}";
        var what = source switch
        {
            LeakSource.Message => deleted
                ? "You posted what looks like a Bybit API secret, so I deleted that message at once."
                : inDm
                    ? "You sent me what looks like a Bybit API secret. I can't delete messages in DMs: please delete that message now (hover it, … → Delete Message)."
                    : "You posted what looks like a Bybit API secret and I couldn't delete it: please delete that message now.",
            _ => $"You {Posted(source)}{(inDm ? " here" : "")}, "
                + (deleted
                    ? "so I deleted that message at once."
                    : inDm
                        ? "and I can't delete messages in DMs: please delete that message now (hover it, … → Delete Message)."
                        : "and I couldn't delete it: please delete that message now."),
        };
        return what + "\n\n"
            + $"**Delete {key} on Bybit now** (API Management → Delete) and create a new one; `/connect-bybit` walks you through it.\n"
            + "Why: whoever has the key and its secret can trade on your account, and a message can be read, copied or logged by others "
            + "before it is deleted. Deleting the message doesn't make the secret safe again; deleting the key does.\n"
            + "The support team never needs your secret: `/diagnose` asks for it in a private form that nobody else sees.";
    }

    public static string ChannelNotice(ulong memberId, bool deleted) =>
        $"<@{Id(memberId)}> {(deleted ? "I deleted your message: it" : "Your message")} held what looks like a Bybit API secret. "
        + "Delete that API key on Bybit now and create a new one (`/connect-bybit`). Open your DMs to the server to get the details. "
        + "This notice disappears in a minute.";

    public static string AuditDetail(ulong channelId, string? maskedKey, bool inDm, bool deleted, LeakSource source = LeakSource.Message) =>
        $"API secret posted in {(inDm ? "a DM to the bot" : "channel " + Id(channelId))}; key {maskedKey ?? "not posted"}; "
        + (deleted ? "message deleted" : "member asked to delete it")
        + (source == LeakSource.Message ? "" : "; " + Where(source));

    public static string TicketNote(ulong memberId, ulong channelId, string? maskedKey, bool deleted, LeakSource source = LeakSource.Message) =>
        $"🔐 Note: <@{Id(memberId)}> posted an API secret{(source == LeakSource.Message ? "" : " " + Where(source))}{(maskedKey is null ? "" : $" (key {maskedKey})")} in <#{Id(channelId)}>. "
        + (deleted ? "The message was deleted" : "They were asked to delete the message")
        + " and told to delete the key on Bybit and create a new one. Don't use that key for anything.";

    private static string Posted(LeakSource source) => source switch
    {
        LeakSource.Edit => "edited a message so that it holds what looks like a Bybit API secret",
        LeakSource.Forward => "forwarded a message holding what looks like a Bybit API secret",
        _ => "attached a file holding what looks like a Bybit API secret",
    };

    private static string Where(LeakSource source) => source switch
    {
        LeakSource.Edit => "in an edit",
        LeakSource.Forward => "in a forwarded message",
        _ => "in an attached file",
    };

    private static string Id(ulong id) => id.ToString(CultureInfo.InvariantCulture);
}
