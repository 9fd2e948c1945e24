using System.Globalization;
using AstraBit.SupportBot.Core.Content;

namespace AstraBit.SupportBot.Core.Panel;

/// <summary>
/// Reads and validates config/panel.json at start, like the guide: every problem is "file: field what is wrong", and
/// every text is held to the Discord limit of the place it is shown, so a valid file can't make a panel Discord refuses.
/// </summary>
public static class PanelContentLoader
{
    private static readonly (string Field, PanelAction Action)[] ButtonFields =
    [
        ("connectBybit", PanelAction.ConnectBybit),
        ("checkKey", PanelAction.CheckKey),
        ("explainError", PanelAction.ExplainError),
        ("talkToSupport", PanelAction.TalkToSupport),
    ];

    /// <summary>Reads the panel from <paramref name="json"/>, holding every text to <paramref name="limits"/>.</summary>
    public static PanelContent Load(Stream json, string sourceName, ContentLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        using var document = ContentJson.Parse(json, sourceName, static (message, inner) => new PanelContentException(message, inner));
        return Read(ContentNode.Root(document, sourceName, static message => new PanelContentException(message)), limits);
    }

    /// <summary>Loads the file at <paramref name="path"/>, naming it as given in errors.</summary>
    public static PanelContent LoadFile(string path, ContentLimits limits)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        try
        {
            using var stream = File.OpenRead(path);
            return Load(stream, path, limits);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new PanelContentException($"{path}: can't be read: {exception.Message}", exception);
        }
    }

    private static PanelContent Read(ContentNode root, ContentLimits limits)
    {
        root.RequireObject();
        root.AllowOnly("title", "text", "footer", "buttons", "errorForm");

        var title = root.Property("title").Text(limits.Title);
        var text = root.Property("text").Text(limits.Text);
        var footer = root.Optional("footer")?.Text(limits.Footer);

        var buttonsNode = root.Property("buttons");
        buttonsNode.RequireObject();
        buttonsNode.AllowOnly(ButtonFields.Select(b => b.Field).ToArray());
        var buttons = new List<PanelButton>();
        foreach (var (field, action) in ButtonFields)
        {
            var node = buttonsNode.Property(field);
            var label = node.Text(limits.Button);
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
            formNode.Property("title").Text(limits.FormTitle),
            formNode.Property("label").Text(limits.InputLabel),
            formNode.Property("placeholder").Text(limits.InputPlaceholder));

        var total = title.Length + text.Length + (footer?.Length ?? 0);
        if (total > limits.PageTotal)
        {
            throw root.Fail($"title, text and footer make {total.ToString(CultureInfo.InvariantCulture)} characters; the panel holds {limits.PageTotal.ToString(CultureInfo.InvariantCulture)} so that it fits in one Discord message");
        }

        return new PanelContent(title, text, footer, buttons, form);
    }
}

/// <summary>Panel texts are plain: each is measured as written.</summary>
file static class PanelText
{
    public static string Text(this ContentNode node, TextLimit limit)
    {
        var text = node.String();
        if (text.Length > limit.Length)
        {
            throw node.Fail($"is {text.Length.ToString(CultureInfo.InvariantCulture)} characters long; the limit is {limit.Length.ToString(CultureInfo.InvariantCulture)} ({limit.Name})");
        }

        return text;
    }
}
