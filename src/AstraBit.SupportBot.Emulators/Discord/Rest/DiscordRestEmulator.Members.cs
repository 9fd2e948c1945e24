using System.Text.Json.Nodes;

namespace AstraBit.SupportBot.Emulators.Discord;

public sealed partial class DiscordRestEmulator
{
    /// <summary>
    /// A member writes <paramref name="content"/> in a channel or thread: the message is kept (GET messages returns it,
    /// as Discord does) and the MESSAGE_CREATE payload Discord would send is returned for the gateway to dispatch, with
    /// <c>guild_id</c> and the author's <c>member</c> (roles) as guild messages carry them; in a DM channel without
    /// either, as DM messages arrive. The payload is whole: the gateway hides the content from a session without the
    /// Message Content intent.
    /// </summary>
    public JsonObject PostMemberMessage(ulong userId, ulong channelId, string content)
    {
        lock (_lock)
        {
            var inDm = _channels.GetValueOrDefault(channelId)?.Type == 1;
            var message = new EmulatedMessage(NextId(), channelId, userId, _clock.GetUtcNow()) { Content = content, InDirectMessage = inDm };
            _messages.Add(message);
            var json = MessageJson(message);
            if (!inDm)
            {
                json["guild_id"] = Id(_options.GuildId);
                json["member"] = MemberJson(userId, withUser: false);
            }

            return json;
        }
    }

    /// <summary>A member leaves (or is removed from) the guild; returns the GUILD_MEMBER_REMOVE payload to dispatch.</summary>
    public JsonObject RemoveMember(ulong userId)
    {
        lock (_lock)
        {
            _members.Remove(userId);
            return new JsonObject { ["guild_id"] = Id(_options.GuildId), ["user"] = UserJson(userId) };
        }
    }
}
