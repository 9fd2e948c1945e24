using System.Text.Json;

namespace AstraBit.SupportBot.Discord.Gateway;

/// <summary>One gateway DISPATCH (op 0).</summary>
/// <param name="Name">The event name (<c>t</c>), for example <c>MESSAGE_CREATE</c>.</param>
/// <param name="Sequence">The sequence number (<c>s</c>) within the session.</param>
/// <param name="Data">The event data (<c>d</c>); a cloned element that outlives the receive buffer.</param>
public sealed record GatewayEvent(string Name, int Sequence, JsonElement Data);
