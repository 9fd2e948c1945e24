using System.Text;
using System.Text.Json.Nodes;

namespace AstraBit.SupportBot.Emulators.Discord;

/// <summary>
/// What a reader sees of a message as words, whichever shape it was sent in: the content, each embed's author, title,
/// description, fields and footer, and the text displays of a Components V2 message (in containers and sections) —
/// so a test or the sandbox looks for text once, not per shape. Buttons are not text; <see cref="Buttons"/> lists them
/// wherever they sit (action rows, containers, a section's accessory).
/// </summary>
public static class MessageText
{
    /// <summary>The visible text of a message body (a stored message's fields, or a callback's or request's <c>data</c>).</summary>
    public static string Of(JsonObject? message) =>
        message is null ? "" : Of(Str(message["content"]), message["embeds"] as JsonArray, message["components"] as JsonArray);

    public static string Of(string? content, JsonArray? embeds, JsonArray? components)
    {
        var text = new StringBuilder();
        Line(text, content);
        foreach (var embed in embeds?.OfType<JsonObject>() ?? [])
        {
            Line(text, Str(embed["author"]?["name"]));
            Line(text, Str(embed["title"]));
            Line(text, Str(embed["description"]));
            foreach (var field in embed["fields"]?.AsArray().OfType<JsonObject>() ?? [])
            {
                Line(text, Str(field["name"]));
                Line(text, Str(field["value"]));
            }

            Line(text, Str(embed["footer"]?["text"]));
        }

        foreach (var display in Walk(components).Where(c => Type(c) == 10))
        {
            Line(text, Str(display["content"]));
        }

        return text.ToString();
    }

    /// <summary>Every button of a message as (custom id, label), in reading order, wherever it sits.</summary>
    public static IReadOnlyList<(string CustomId, string Label)> Buttons(JsonArray? components) =>
        [.. Walk(components).Where(c => Type(c) == 2).Select(c => (Str(c["custom_id"]) ?? "", Str(c["label"]) ?? ""))];

    /// <summary>Every component of a tree in reading order: a container's or row's children, a section's texts, then its accessory.</summary>
    public static IEnumerable<JsonObject> Walk(JsonArray? components)
    {
        foreach (var c in components?.OfType<JsonObject>() ?? [])
        {
            yield return c;
            foreach (var inner in Walk(c["components"] as JsonArray))
            {
                yield return inner;
            }

            if (c["accessory"] is JsonObject accessory)
            {
                yield return accessory;
            }
        }
    }

    private static int? Type(JsonObject c) => c["type"] is JsonValue v && v.TryGetValue<int>(out var t) ? t : null;

    private static string? Str(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static void Line(StringBuilder text, string? line)
    {
        if (!string.IsNullOrEmpty(line))
        {
            text.AppendLine(line);
        }
    }
}
