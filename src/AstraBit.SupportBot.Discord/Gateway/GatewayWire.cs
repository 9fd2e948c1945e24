using System.Text.Json.Serialization;

namespace AstraBit.SupportBot.Discord.Gateway;

internal sealed record IdentifyData(
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("intents")] int Intents,
    [property: JsonPropertyName("properties")] IdentifyProperties Properties);

internal sealed record IdentifyProperties(
    [property: JsonPropertyName("os")] string Os,
    [property: JsonPropertyName("browser")] string Browser,
    [property: JsonPropertyName("device")] string Device);

internal sealed record ResumeData(
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("session_id")] string SessionId,
    [property: JsonPropertyName("seq")] int Sequence);

[JsonSerializable(typeof(IdentifyData))]
[JsonSerializable(typeof(ResumeData))]
internal sealed partial class GatewayWireContext : JsonSerializerContext;
