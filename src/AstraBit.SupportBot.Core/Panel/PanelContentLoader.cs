using System.Globalization;
using System.Text.Json;
using AstraBit.SupportBot.Core.Guide;

namespace AstraBit.SupportBot.Core.Panel;

/// <summary>
/// Reads and validates config/panel.json at start, like the guide: every problem is "file: field what is wrong", and
/// every text is held to the Discord limit of the place it is shown, so a valid file can't make a panel Discord refuses.
/// </summary>
public static class PanelContentLoader
{
    // Discord's limits (reference/discord-api.md §4–§5) for what the guide doesn't use: the footer and the modal.
    public const int MaxFooterLength = 2048;
    public const int MaxModalTitleLength = 45;
    public const int MaxInputLabelLength = 45;
    public const int MaxInputPlaceholderLength = 100;

    private static readonly (string Field, PanelAction Action)[] ButtonFields =
    [
        ("connectBybit", PanelAction.ConnectBybit),
        ("checkKey", PanelAction.CheckKey),
        ("explainError", PanelAction.ExplainError),
        ("talkToSupport", PanelAction.TalkToSupport),
    ];

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    public static PanelContent Load(Stream json, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceName);

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException exception)
        {
            var line = (exception.LineNumber ?? 0) + 1;
            throw new PanelContentException(
                $"{sourceName}: is not valid JSON near line {line.ToString(CultureInfo.InvariantCulture)}: {exception.Message}",
                exception);
        }

        using (document)
        {
            return Read(new Node(document.RootElement, string.Empty, sourceName));
        }
    }

    /// <summary>Loads the file at <paramref name="path"/>, naming it as given in errors.</summary>
    public static PanelContent LoadFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        try
        {
            using var stream = File.OpenRead(path);
            return Load(stream, path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new PanelContentException($"{path}: can't be read: {exception.Message}", exception);
        }
    }

    private static PanelContent Read(Node root)
    {
        root.RequireObject();
        root.AllowOnly("title", "text", "footer", "buttons", "errorForm");

        var title = root.Property("title").Text(GuideContentLoader.MaxTitleLength, "Discord embed title limit");
        var text = root.Property("text").Text(GuideContentLoader.MaxDescriptionLength, "Discord embed description limit");
        var footer = root.Optional("footer")?.Text(MaxFooterLength, "Discord embed footer limit");

        var buttonsNode = root.Property("buttons");
        buttonsNode.RequireObject();
        buttonsNode.AllowOnly(ButtonFields.Select(b => b.Field).ToArray());
        var buttons = new List<PanelButton>();
        foreach (var (field, action) in ButtonFields)
        {
            var node = buttonsNode.Property(field);
            var label = node.Text(GuideContentLoader.MaxButtonLabelLength, "Discord button label limit");
            if (buttons.FirstOrDefault(b => string.Equals(b.Label, label, StringComparison.OrdinalIgnoreCase)) is { } same)
            {
                throw node.Fail($"('{label}') is the same as another button's label; members tell the buttons apart by it");
            }

            buttons.Add(new PanelButton(action, label));
        }

        var formNode = root.Property("errorForm");
        formNode.RequireObject();
        formNode.AllowOnly("title", "label", "placeholder");
        var form = new PanelErrorForm(
            formNode.Property("title").Text(MaxModalTitleLength, "Discord modal title limit"),
            formNode.Property("label").Text(MaxInputLabelLength, "Discord text input label limit"),
            formNode.Property("placeholder").Text(MaxInputPlaceholderLength, "Discord text input placeholder limit"));

        var total = title.Length + text.Length + (footer?.Length ?? 0);
        if (total > GuideContentLoader.MaxEmbedTotal)
        {
            throw root.Fail($"title, text and footer make {total.ToString(CultureInfo.InvariantCulture)} characters; Discord allows {GuideContentLoader.MaxEmbedTotal} in one message");
        }

        return new PanelContent(title, text, footer, buttons, form);
    }

    private readonly record struct Node(JsonElement Element, string Path, string Source)
    {
        public PanelContentException Fail(string problem) =>
            new(Path.Length == 0 ? $"{Source}: {problem}" : $"{Source}: {Path} {problem}");

        public void RequireObject()
        {
            if (Element.ValueKind != JsonValueKind.Object)
            {
                throw Fail("must be an object in curly braces: { ... }");
            }
        }

        public void AllowOnly(params string[] names)
        {
            foreach (var property in Element.EnumerateObject())
            {
                if (!names.Contains(property.Name, StringComparer.Ordinal))
                {
                    throw Fail($"has an unknown field '{property.Name}' (the fields are: {string.Join(", ", names)})");
                }
            }
        }

        public Node Property(string name)
        {
            var path = Path.Length == 0 ? name : $"{Path}.{name}";
            if (!Element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                throw new PanelContentException($"{Source}: {path} is missing");
            }

            return new Node(value, path, Source);
        }

        public Node? Optional(string name) =>
            Element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
                ? new Node(value, Path.Length == 0 ? name : $"{Path}.{name}", Source)
                : null;

        public string Text(int maxLength, string limitName)
        {
            if (Element.ValueKind != JsonValueKind.String)
            {
                throw Fail("must be text in double quotes");
            }

            var text = Element.GetString()!.Trim();
            if (text.Length == 0)
            {
                throw Fail("is empty");
            }

            if (text.Length > maxLength)
            {
                throw Fail($"is {text.Length.ToString(CultureInfo.InvariantCulture)} characters long; the limit is {maxLength.ToString(CultureInfo.InvariantCulture)} ({limitName})");
            }

            return text;
        }
    }
}
