using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AstraBit.SupportBot.Emulators.Discord;

public sealed partial class DiscordRestEmulator
{
    /// <summary>
    /// DELETE /channels/{channel.id}/messages/{message.id}: 204. A bot may delete its own messages anywhere and other
    /// users' in guild channels (the emulated bot has Manage Messages), but never another user's in a DM: Discord
    /// answers 403 with 50003 "Cannot execute action on a DM channel".
    /// </summary>
    private Reply DeleteMessage(Match m)
    {
        if (Channel(m) is not { } channel)
        {
            return Error(404, 10003, "Unknown Channel");
        }

        var message = ulong.TryParse(m.Args["message_id"], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? _messages.FirstOrDefault(x => x.Id == id && x.ChannelId == channel.Id) : null;
        if (message is null)
        {
            return Error(404, 10008, "Unknown Message");
        }

        if (message.AuthorId != _options.BotUserId && channel.Type == 1)
        {
            return Error(403, 50003, "Cannot execute action on a DM channel");
        }

        _messages.Remove(message);
        _deletedMessages.Add(message);
        return new Reply(204, null);
    }

    /// <summary>Messages deleted through the API, in the order they were deleted.</summary>
    public IReadOnlyList<EmulatedMessage> DeletedMessages
    {
        get
        {
            lock (_lock)
            {
                return [.. _deletedMessages];
            }
        }
    }

    // The Message Content rule (discord-api.md §1.10): without the intent, another user's guild message that doesn't
    // mention the app reaches it with empty content, embeds, attachments and components, and no poll.
    internal static bool ContentHidden(bool hasIntent, ulong botUserId, ulong authorId, bool inDm, string content) =>
        !hasIntent && authorId != botUserId && !inDm && !Mentions(content, botUserId);

    internal static void Blank(JsonObject message)
    {
        message["content"] = "";
        message["embeds"] = new JsonArray();
        message["attachments"] = new JsonArray();
        message["components"] = new JsonArray();
        message.Remove("poll");

        // A forward's copy of the forwarded message is content too.
        foreach (var snapshot in (message["message_snapshots"] as JsonArray)?.OfType<JsonObject>() ?? [])
        {
            if (snapshot["message"] is JsonObject forwarded)
            {
                Blank(forwarded);
            }
        }
    }

    internal static bool Mentions(string content, ulong userId) =>
        UserMention().Matches(content).Any(x => x.Groups["id"].Value == userId.ToString(CultureInfo.InvariantCulture));

    internal static IEnumerable<ulong> MentionedUsers(string content) =>
        UserMention().Matches(content).Select(x => ulong.Parse(x.Groups["id"].Value, CultureInfo.InvariantCulture)).Distinct();

    private JsonObject ForReader(JsonObject json, EmulatedMessage message, EmulatedChannel channel)
    {
        if (ContentHidden(_options.MessageContentIntent, _options.BotUserId, message.AuthorId, channel.Type == 1, message.Content))
        {
            Blank(json);
        }

        return json;
    }

    [GeneratedRegex(@"<@!?(?<id>\d{1,20})>")]
    private static partial Regex UserMention();
}
