using System.Globalization;
using System.Text.Json;

namespace AstraBit.SupportBot.Discord.Models;

/// <summary>Tolerant readers for Discord JSON: snowflakes arrive as strings, optional fields may be absent or null.</summary>
internal static class JsonRead
{
    public static JsonElement? Prop(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v : null;

    public static string? Str(this JsonElement e, string name) =>
        e.Prop(name) is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;

    public static int? Int(this JsonElement e, string name) =>
        e.Prop(name) is { ValueKind: JsonValueKind.Number } v && v.TryGetInt32(out var i) ? i : null;

    public static bool? Bool(this JsonElement e, string name) =>
        e.Prop(name) is { } v && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : null;

    public static ulong? Snowflake(this JsonElement e, string name) => e.Prop(name) is { } v ? ToSnowflake(v) : null;

    public static ulong RequiredSnowflake(this JsonElement e, string name) =>
        e.Snowflake(name) ?? throw new JsonException($"Missing snowflake '{name}'.");

    public static ulong? ToSnowflake(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String when ulong.TryParse(v.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) => id,
        // Discord may echo ids we sent as numbers; accept them.
        JsonValueKind.Number when v.TryGetUInt64(out var id) => id,
        _ => null,
    };

    public static IReadOnlyList<ulong> Snowflakes(this JsonElement e, string name) =>
        e.Prop(name) is { ValueKind: JsonValueKind.Array } arr
            ? [.. arr.EnumerateArray().Select(ToSnowflake).Where(x => x.HasValue).Select(x => x!.Value)]
            : [];

    public static IEnumerable<JsonElement> Array(this JsonElement e, string name) =>
        e.Prop(name) is { ValueKind: JsonValueKind.Array } arr ? arr.EnumerateArray() : [];

    public static string Id(ulong id) => id.ToString(CultureInfo.InvariantCulture);
}
