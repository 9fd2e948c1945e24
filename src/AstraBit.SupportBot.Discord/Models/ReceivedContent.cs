using System.Text.Json;

namespace AstraBit.SupportBot.Discord.Models;

/// <summary>An embed on a received message, in words: what a reader sees of it (partial: no images, no URLs).</summary>
public sealed record ReceivedEmbed(string? Title, string? Description, IReadOnlyList<EmbedField> Fields, string? Footer, string? Author, int? Color)
{
    internal static ReceivedEmbed Parse(JsonElement e) =>
        new(
            e.Str("title"),
            e.Str("description"),
            [.. e.Array("fields").Select(f => new EmbedField(f.Str("name") ?? "", f.Str("value") ?? "", f.Bool("inline") ?? false))],
            e.Prop("footer")?.Str("text"),
            e.Prop("author")?.Str("name"),
            e.Int("color"));
}

/// <summary>
/// A component on a received message, any kind (action rows and buttons, or Components V2: sections, text displays,
/// containers, media, files, separators), as a tree. <see cref="Text"/> is what a reader sees of the component itself:
/// a text display's content, a button's label, a select's placeholder, a media item's description, or a file's name
/// (from its <c>attachment://</c> reference or the URL's last segment). A section's accessory is its last child.
/// </summary>
public sealed record ReceivedComponent(int Type, string? Text, IReadOnlyList<ReceivedComponent> Children)
{
    public const int ActionRowType = 1;
    public const int ButtonType = 2;
    public const int SectionType = 9;
    public const int TextDisplayType = 10;
    public const int ThumbnailType = 11;
    public const int MediaGalleryType = 12;
    public const int FileType = 13;
    public const int SeparatorType = 14;
    public const int ContainerType = 17;

    // Discord nests V2 components a few levels at most; a deeper payload is cut, not followed.
    private const int MaxDepth = 10;

    /// <summary>A container's <c>accent_color</c> (0xRRGGBB).</summary>
    public int? AccentColor { get; init; }

    internal static IReadOnlyList<ReceivedComponent> ParseAll(JsonElement message) => ParseList(message.Array("components"), 0);

    private static List<ReceivedComponent> ParseList(IEnumerable<JsonElement> components, int depth) =>
        depth > MaxDepth ? [] : [.. components.Where(c => c.ValueKind == JsonValueKind.Object).Select(c => Parse(c, depth))];

    private static ReceivedComponent Parse(JsonElement e, int depth)
    {
        var type = e.Int("type") ?? 0;
        var children = ParseList(e.Array("components"), depth + 1);
        if (e.Prop("accessory") is { ValueKind: JsonValueKind.Object } accessory && depth < MaxDepth)
        {
            children.Add(Parse(accessory, depth + 1));
        }

        // Media gallery items are not components; each is shown like a thumbnail.
        children.AddRange(e.Array("items").Where(i => i.ValueKind == JsonValueKind.Object)
            .Select(i => new ReceivedComponent(ThumbnailType, i.Str("description") ?? FileName(i.Prop("media")?.Str("url")), [])));
        var text = type switch
        {
            ThumbnailType => e.Str("description") ?? FileName(e.Prop("media")?.Str("url")),
            FileType => FileName(e.Prop("file")?.Str("url")),
            _ => e.Str("content") ?? e.Str("label") ?? e.Str("placeholder"),
        };
        return new ReceivedComponent(type, text, children) { AccentColor = e.Int("accent_color") };
    }

    private static string? FileName(string? url)
    {
        const string attachment = "attachment://";
        if (url is null)
        {
            return null;
        }

        if (url.StartsWith(attachment, StringComparison.Ordinal))
        {
            return url[attachment.Length..];
        }

        return Uri.TryCreate(url, UriKind.Absolute, out var uri) ? Uri.UnescapeDataString(uri.Segments[^1]) : url;
    }
}
