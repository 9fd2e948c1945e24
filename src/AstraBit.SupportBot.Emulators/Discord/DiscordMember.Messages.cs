using System.Globalization;
using System.Text.Json.Nodes;

namespace AstraBit.SupportBot.Emulators.Discord;

/// <summary>What a member does with messages besides writing one: attach files, edit, forward.</summary>
public sealed partial class DiscordMember
{
    /// <summary>
    /// Writes a message with <paramref name="files"/> attached (served from the emulator's own host); the bot gets
    /// MESSAGE_CREATE with the attachments' sizes and URLs. Returns the message id.
    /// </summary>
    public Task<ulong> SayAsync(ulong channelId, string content, IReadOnlyList<MemberFile> files) =>
        DispatchAsync("MESSAGE_CREATE", emulator.Rest.PostMemberMessage(userId, channelId, content, files));

    /// <summary>Edits one of the member's messages; the bot gets MESSAGE_UPDATE with the whole message, as Discord sends for a content edit.</summary>
    /// <exception cref="ArgumentException">The message is not the member's.</exception>
    public Task EditAsync(ulong messageId, string content) =>
        DispatchAsync("MESSAGE_UPDATE", emulator.Rest.EditMemberMessage(userId, messageId, content));

    /// <summary>
    /// Forwards a message to <paramref name="toChannelId"/>; the bot gets MESSAGE_CREATE with empty content,
    /// <c>message_reference.type</c> 1 and the forwarded message in <c>message_snapshots</c>. Returns the forward's id.
    /// </summary>
    public Task<ulong> ForwardAsync(ulong messageId, ulong toChannelId) =>
        DispatchAsync("MESSAGE_CREATE", emulator.Rest.ForwardMemberMessage(userId, messageId, toChannelId));

    private async Task<ulong> DispatchAsync(string eventName, JsonObject message)
    {
        await emulator.Gateway.DispatchAsync(eventName, message).ConfigureAwait(false);
        return ulong.Parse(message["id"]!.GetValue<string>(), CultureInfo.InvariantCulture);
    }
}
