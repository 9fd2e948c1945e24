using System.Text.Json.Nodes;

namespace AstraBit.SupportBot.Discord.Models;

/// <summary>
/// One question of a modal: a Label (component type 18) wrapping its input — a <see cref="TextInput"/>, a
/// <see cref="StringSelect"/>, a <see cref="RadioGroup"/> or a <see cref="FileUploadInput"/>, the layout Discord's modals use today.
/// </summary>
public sealed record ModalField(string Label, string? Description, MessageComponent Component);

/// <summary>A validated modal (interaction callback type 9). Build it with <see cref="ModalBuilder"/>.</summary>
public sealed record Modal
{
    internal Modal(string customId, string title, IReadOnlyList<ModalField> fields)
    {
        CustomId = customId;
        Title = title;
        Fields = fields;
    }

    public string CustomId { get; }

    public string Title { get; }

    public IReadOnlyList<ModalField> Fields { get; }

    internal JsonObject ToJson() => new()
    {
        ["custom_id"] = CustomId,
        ["title"] = Title,
        ["components"] = new JsonArray([.. Fields.Select(f =>
        {
            var label = new JsonObject { ["type"] = (int)ComponentType.Label, ["label"] = f.Label };
            if (f.Description is not null)
            {
                label["description"] = f.Description;
            }

            label["component"] = f.Component.ToJson();
            return (JsonNode)label;
        })]),
    };
}

/// <summary>
/// Builds a <see cref="Modal"/>, enforcing title ≤ 45, custom_id ≤ 100 and 1–5 components, each input inside a Label
/// (Discord refuses a select or an upload outside one).
/// </summary>
public sealed class ModalBuilder
{
    private readonly List<ModalField> _fields = [];
    private readonly string _customId;
    private readonly string _title;

    public ModalBuilder(string customId, string title)
    {
        MessageComponent.ValidateCustomId(customId);
        DiscordLimits.Length(title, 1, DiscordLimits.ModalTitle, "modal.title");
        _customId = customId;
        _title = title;
    }

    /// <summary>Adds a Label (≤ 45 characters, description ≤ 100) wrapping the text input.</summary>
    public ModalBuilder AddTextInput(string label, TextInput input, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Add(label, description, input, input.CustomId);
    }

    /// <summary>Adds a Label wrapping a string select; the select must say whether it is required.</summary>
    public ModalBuilder AddSelect(string label, StringSelect select, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(select);
        if (select.Required is null)
        {
            throw new ArgumentException("A modal select says whether it is required.", nameof(select));
        }

        return Add(label, description, select, select.CustomId);
    }

    /// <summary>Adds a Label wrapping a radio group.</summary>
    public ModalBuilder AddRadioGroup(string label, RadioGroup group, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(group);
        return Add(label, description, group, group.CustomId);
    }

    /// <summary>Adds a Label wrapping a file upload.</summary>
    public ModalBuilder AddFileUpload(string label, FileUploadInput upload, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(upload);
        return Add(label, description, upload, upload.CustomId);
    }

    public Modal Build()
    {
        if (_fields.Count == 0)
        {
            throw new ArgumentException("A modal needs 1–5 components.", "modal components");
        }

        return new Modal(_customId, _title, [.. _fields]);
    }

    private ModalBuilder Add(string label, string? description, MessageComponent component, string customId)
    {
        DiscordLimits.Length(label, 1, DiscordLimits.LabelText, "label.label");
        DiscordLimits.MaxLength(description, DiscordLimits.LabelDescription, "label.description");
        DiscordLimits.Count(_fields.Count + 1, DiscordLimits.ModalComponents, "modal components");
        if (_fields.Any(f => CustomIdOf(f.Component) == customId))
        {
            throw new ArgumentException($"custom_id '{customId}' is used twice in the modal.", nameof(component));
        }

        _fields.Add(new ModalField(label, description, component));
        return this;
    }

    private static string? CustomIdOf(MessageComponent component) => component switch
    {
        TextInput t => t.CustomId,
        StringSelect s => s.CustomId,
        RadioGroup r => r.CustomId,
        FileUploadInput u => u.CustomId,
        _ => null,
    };
}
