using System.Globalization;

namespace AstraBit.SupportBot.Bot.MemberHelp;

/// <summary>What the key-leak guard says. None of it ever holds the leaked text: only ids and the masked key.</summary>
public static class KeyLeakMessages
{
    public static string Warning(string? maskedKey, bool deleted, bool inDm)
    {
        var key = maskedKey is null ? "the API key that secret belongs to" : $"the API key {maskedKey}";
        var what = deleted
            ? "You posted what looks like a Bybit API secret, so I deleted that message at once."
            : inDm
                ? "You sent me what looks like a Bybit API secret. I can't delete messages in DMs: please delete that message now (hover it, … → Delete Message)."
                : "You posted what looks like a Bybit API secret and I couldn't delete it: please delete that message now.";
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

    public static string AuditDetail(ulong channelId, string? maskedKey, bool inDm, bool deleted) =>
        $"API secret posted in {(inDm ? "a DM to the bot" : "channel " + Id(channelId))}; key {maskedKey ?? "not posted"}; "
        + (deleted ? "message deleted" : "member asked to delete it");

    public static string TicketNote(ulong memberId, ulong channelId, string? maskedKey, bool deleted) =>
        $"🔐 Note: <@{Id(memberId)}> posted an API secret{(maskedKey is null ? "" : $" (key {maskedKey})")} in <#{Id(channelId)}>. "
        + (deleted ? "The message was deleted" : "They were asked to delete the message")
        + " and told to delete the key on Bybit and create a new one. Don't use that key for anything.";

    private static string Id(ulong id) => id.ToString(CultureInfo.InvariantCulture);
}
