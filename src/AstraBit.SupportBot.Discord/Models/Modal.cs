using System.Text.Json.Nodes;

namespace AstraBit.SupportBot.Discord.Models;

/// <summary>A text input wrapped in a Label (component type 18), the current modal layout.</summary>
public sealed record ModalTextField(string Label, string? Description, TextInput Input);

/// <summary>A validated modal (interaction callback type 9). Build it with <see cref="ModalBuilder"/>.</summary>
public sealed record Modal
{
    internal Modal(string customId, string title, IReadOnlyList<ModalTextField> fields)
    {
        CustomId = customId;
        Title = title;
        Fields = fields;
    }

    public string CustomId { get; }

    public string Title { get; }

    public IReadOnlyList<ModalTextField> Fields { get; }

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

            label["component"] = f.Input.ToJson();
            return (JsonNode)label;
        })]),
    };
}

/// <summary>Builds a <see cref="Modal"/>, enforcing title ≤ 45, custom_id ≤ 100 and 1–5 components.</summary>
public sealed class ModalBuilder
{
    private readonly List<ModalTextField> _fields = [];
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
        DiscordLimits.Length(label, 1, DiscordLimits.LabelText, "label.label");
        DiscordLimits.MaxLength(description, DiscordLimits.LabelDescription, "label.description");
        DiscordLimits.Count(_fields.Count + 1, DiscordLimits.ModalComponents, "modal components");
        if (_fields.Any(f => f.Input.CustomId == input.CustomId))
        {
            throw new ArgumentException($"custom_id '{input.CustomId}' is used twice in the modal.", nameof(input));
        }

        _fields.Add(new ModalTextField(label, description, input));
        return this;
    }

    public Modal Build()
    {
        if (_fields.Count == 0)
        {
            throw new ArgumentException("A modal needs 1–5 components.", "modal components");
        }

        return new Modal(_customId, _title, [.. _fields]);
    }
}
