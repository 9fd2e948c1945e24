using System.Text.Json.Nodes;

namespace AstraBit.SupportBot.Discord.Models;

/// <summary>Component types.</summary>
public enum ComponentType
{
    ActionRow = 1,
    Button = 2,
    StringSelect = 3,
    TextInput = 4,
    UserSelect = 5,
    RoleSelect = 6,
    MentionableSelect = 7,
    ChannelSelect = 8,
    Section = 9,
    TextDisplay = 10,
    Thumbnail = 11,
    MediaGallery = 12,
    File = 13,
    Separator = 14,
    Container = 17,
    Label = 18,
    FileUpload = 19,
    RadioGroup = 21,
    CheckboxGroup = 22,
    Checkbox = 23,
}

/// <summary>Button styles. <see cref="Link"/> buttons carry a URL and send no interaction.</summary>
public enum ButtonStyle
{
    Primary = 1,
    Secondary = 2,
    Success = 3,
    Danger = 4,
    Link = 5,
}

/// <summary>Text input styles.</summary>
public enum TextInputStyle
{
    Short = 1,
    Paragraph = 2,
}

/// <summary>A message component. Instances are validated when created.</summary>
public abstract record MessageComponent
{
    private protected MessageComponent()
    {
    }

    internal abstract JsonObject ToJson();

    internal static void ValidateCustomId(string customId) => DiscordLimits.Length(customId, 1, DiscordLimits.CustomId, "custom_id");
}

/// <summary>A button (inside an <see cref="ActionRow"/>).</summary>
public sealed record Button : MessageComponent
{
    private Button(ButtonStyle style, string? customId, Uri? url, string label, bool disabled)
    {
        DiscordLimits.Length(label, 1, DiscordLimits.ButtonLabel, "button.label");
        Style = style;
        CustomId = customId;
        Url = url;
        Label = label;
        Disabled = disabled;
    }

    public ButtonStyle Style { get; }

    public string? CustomId { get; }

    public Uri? Url { get; }

    public string Label { get; }

    public bool Disabled { get; }

    /// <summary>An interactive button (any style but <see cref="ButtonStyle.Link"/>).</summary>
    public static Button Create(ButtonStyle style, string customId, string label, bool disabled = false)
    {
        if (style == ButtonStyle.Link)
        {
            throw new ArgumentException("Link buttons take a URL; use Button.Link.", nameof(style));
        }

        ValidateCustomId(customId);
        return new Button(style, customId, null, label, disabled);
    }

    /// <summary>A link button.</summary>
    public static Button Link(Uri url, string label)
    {
        ArgumentNullException.ThrowIfNull(url);
        DiscordLimits.MaxLength(url.AbsoluteUri, 512, "button.url");
        return new Button(ButtonStyle.Link, null, url, label, false);
    }

    internal override JsonObject ToJson()
    {
        var o = new JsonObject { ["type"] = (int)ComponentType.Button, ["style"] = (int)Style, ["label"] = Label };
        if (CustomId is not null)
        {
            o["custom_id"] = CustomId;
        }

        if (Url is not null)
        {
            o["url"] = Url.AbsoluteUri;
        }

        if (Disabled)
        {
            o["disabled"] = true;
        }

        return o;
    }
}

/// <summary>An option of a <see cref="StringSelect"/>, or a choice of a <see cref="RadioGroup"/> (the same fields and limits).</summary>
public sealed record SelectOption
{
    public SelectOption(string label, string value, string? description = null, bool isDefault = false)
    {
        DiscordLimits.Length(label, 1, DiscordLimits.SelectOptionText, "select.option.label");
        DiscordLimits.Length(value, 1, DiscordLimits.SelectOptionText, "select.option.value");
        DiscordLimits.MaxLength(description, DiscordLimits.SelectOptionText, "select.option.description");
        Label = label;
        Value = value;
        Description = description;
        IsDefault = isDefault;
    }

    public string Label { get; }

    public string Value { get; }

    public string? Description { get; }

    public bool IsDefault { get; }
}

/// <summary>
/// A string select: alone in its <see cref="ActionRow"/> on a message, or inside a Label in a modal
/// (<see cref="ModalBuilder.AddSelect"/>), where it may be optional (<see cref="Required"/> false, then min_values may be 0).
/// </summary>
public sealed record StringSelect : MessageComponent
{
    public StringSelect(string customId, IEnumerable<SelectOption> options, string? placeholder = null, int minValues = 1, int maxValues = 1, bool disabled = false, bool? required = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ValidateCustomId(customId);
        IReadOnlyList<SelectOption> list = [.. options];
        if (list.Count == 0)
        {
            throw new ArgumentException("A select needs at least one option.", nameof(options));
        }

        DiscordLimits.Count(list.Count, DiscordLimits.SelectOptions, "select.options");
        DiscordLimits.MaxLength(placeholder, DiscordLimits.SelectPlaceholder, "select.placeholder");
        if (minValues < 0 || maxValues < 1 || minValues > maxValues || maxValues > list.Count)
        {
            throw new ArgumentException($"select min_values/max_values must satisfy 0 ≤ min ≤ max ≤ options ({list.Count}).", nameof(maxValues));
        }

        // A required select in a modal must ask for at least one value (reference/discord-api.md §12).
        if (required is true && minValues == 0)
        {
            throw new ArgumentException("A required modal select needs min_values ≥ 1.", nameof(minValues));
        }

        CustomId = customId;
        Options = list;
        Placeholder = placeholder;
        MinValues = minValues;
        MaxValues = maxValues;
        Disabled = disabled;
        Required = required;
    }

    /// <summary>In a modal: whether an answer is needed (Discord's default is true); null sends no <c>required</c> (messages).</summary>
    public bool? Required { get; }

    public string CustomId { get; }

    public IReadOnlyList<SelectOption> Options { get; }

    public string? Placeholder { get; }

    public int MinValues { get; }

    public int MaxValues { get; }

    public bool Disabled { get; }

    internal override JsonObject ToJson()
    {
        var o = new JsonObject
        {
            ["type"] = (int)ComponentType.StringSelect,
            ["custom_id"] = CustomId,
            ["options"] = new JsonArray([.. Options.Select(x =>
            {
                var opt = new JsonObject { ["label"] = x.Label, ["value"] = x.Value };
                if (x.Description is not null)
                {
                    opt["description"] = x.Description;
                }

                if (x.IsDefault)
                {
                    opt["default"] = true;
                }

                return (JsonNode)opt;
            })]),
            ["min_values"] = MinValues,
            ["max_values"] = MaxValues,
        };
        if (Placeholder is not null)
        {
            o["placeholder"] = Placeholder;
        }

        if (Disabled)
        {
            o["disabled"] = true;
        }

        if (Required is { } required)
        {
            o["required"] = required;
        }

        return o;
    }
}

/// <summary>A radio group (type 21): one of 2–10 choices, only inside a Label in a modal (<see cref="ModalBuilder.AddRadioGroup"/>).</summary>
public sealed record RadioGroup : MessageComponent
{
    public RadioGroup(string customId, IEnumerable<SelectOption> options, bool required = true)
    {
        ArgumentNullException.ThrowIfNull(options);
        ValidateCustomId(customId);
        IReadOnlyList<SelectOption> list = [.. options];
        if (list.Count is < DiscordLimits.RadioOptionsMin or > DiscordLimits.RadioOptionsMax)
        {
            throw new ArgumentException($"A radio group needs {DiscordLimits.RadioOptionsMin}–{DiscordLimits.RadioOptionsMax} options (was {list.Count}).", nameof(options));
        }

        if (list.Count(o => o.IsDefault) > 1)
        {
            throw new ArgumentException("A radio group has at most one default option.", nameof(options));
        }

        CustomId = customId;
        Options = list;
        Required = required;
    }

    public string CustomId { get; }

    /// <summary>The choices: a radio option has a select option's fields (label, value, description, default).</summary>
    public IReadOnlyList<SelectOption> Options { get; }

    public bool Required { get; }

    internal override JsonObject ToJson() => new()
    {
        ["type"] = (int)ComponentType.RadioGroup,
        ["custom_id"] = CustomId,
        ["options"] = new JsonArray([.. Options.Select(x =>
        {
            var opt = new JsonObject { ["value"] = x.Value, ["label"] = x.Label };
            if (x.Description is not null)
            {
                opt["description"] = x.Description;
            }

            if (x.IsDefault)
            {
                opt["default"] = true;
            }

            return (JsonNode)opt;
        })]),
        ["required"] = Required,
    };
}

/// <summary>
/// A file upload (type 19): 0–10 files the member attaches in a modal, only inside a Label
/// (<see cref="ModalBuilder.AddFileUpload"/>). The files arrive as temporary attachments in the submit's <c>resolved</c>.
/// </summary>
public sealed record FileUploadInput : MessageComponent
{
    public FileUploadInput(string customId, int minValues = 1, int maxValues = 1, bool required = true)
    {
        ValidateCustomId(customId);
        if (minValues < 0 || maxValues < 1 || minValues > maxValues || maxValues > DiscordLimits.UploadFiles)
        {
            throw new ArgumentException($"file upload min_values/max_values must satisfy 0 ≤ min ≤ max ≤ {DiscordLimits.UploadFiles}.", nameof(maxValues));
        }

        if (required && minValues == 0)
        {
            throw new ArgumentException("A required file upload needs min_values ≥ 1.", nameof(minValues));
        }

        CustomId = customId;
        MinValues = minValues;
        MaxValues = maxValues;
        Required = required;
    }

    public string CustomId { get; }

    public int MinValues { get; }

    public int MaxValues { get; }

    public bool Required { get; }

    internal override JsonObject ToJson() => new()
    {
        ["type"] = (int)ComponentType.FileUpload,
        ["custom_id"] = CustomId,
        ["min_values"] = MinValues,
        ["max_values"] = MaxValues,
        ["required"] = Required,
    };
}

/// <summary>A row of up to 5 buttons, or exactly one select.</summary>
public sealed record ActionRow : MessageComponent
{
    public ActionRow(params IEnumerable<MessageComponent> components)
    {
        ArgumentNullException.ThrowIfNull(components);
        IReadOnlyList<MessageComponent> list = [.. components];
        if (list.Count == 0)
        {
            throw new ArgumentException("An action row needs at least one component.", nameof(components));
        }

        if (list.Any(c => c is StringSelect) && list.Count > 1)
        {
            throw new ArgumentException("A select must be alone in its action row.", nameof(components));
        }

        if (list.Any(c => c is ActionRow or TextInput or RadioGroup or FileUploadInput or LayoutComponent))
        {
            throw new ArgumentException("A message action row holds buttons or one select.", nameof(components));
        }

        DiscordLimits.Count(list.Count, DiscordLimits.ButtonsPerRow, "buttons per action row");
        Components = list;
    }

    public IReadOnlyList<MessageComponent> Components { get; }

    internal override JsonObject ToJson() => new()
    {
        ["type"] = (int)ComponentType.ActionRow,
        ["components"] = new JsonArray([.. Components.Select(c => (JsonNode)c.ToJson())]),
    };
}

/// <summary>A text input for a modal; wrap it in a Label with <see cref="ModalBuilder.AddTextInput"/>.</summary>
public sealed record TextInput : MessageComponent
{
    public TextInput(string customId, TextInputStyle style = TextInputStyle.Short, int? minLength = null, int? maxLength = null, bool required = true, string? value = null, string? placeholder = null)
    {
        ValidateCustomId(customId);
        if (minLength is < 0 or > DiscordLimits.TextInputLength)
        {
            throw new ArgumentException($"text_input.min_length must be 0–{DiscordLimits.TextInputLength}.", nameof(minLength));
        }

        if (maxLength is < 1 or > DiscordLimits.TextInputLength)
        {
            throw new ArgumentException($"text_input.max_length must be 1–{DiscordLimits.TextInputLength}.", nameof(maxLength));
        }

        if (minLength is { } min && maxLength is { } max && min > max)
        {
            throw new ArgumentException("text_input.min_length must not exceed max_length.", nameof(minLength));
        }

        DiscordLimits.MaxLength(value, maxLength ?? DiscordLimits.TextInputLength, "text_input.value");
        DiscordLimits.MaxLength(placeholder, DiscordLimits.TextInputPlaceholder, "text_input.placeholder");
        CustomId = customId;
        Style = style;
        MinLength = minLength;
        MaxLength = maxLength;
        Required = required;
        Value = value;
        Placeholder = placeholder;
    }

    public string CustomId { get; }

    public TextInputStyle Style { get; }

    public int? MinLength { get; }

    public int? MaxLength { get; }

    public bool Required { get; }

    public string? Value { get; }

    public string? Placeholder { get; }

    internal override JsonObject ToJson()
    {
        var o = new JsonObject
        {
            ["type"] = (int)ComponentType.TextInput,
            ["custom_id"] = CustomId,
            ["style"] = (int)Style,
            ["required"] = Required,
        };
        if (MinLength is { } min)
        {
            o["min_length"] = min;
        }

        if (MaxLength is { } max)
        {
            o["max_length"] = max;
        }

        if (Value is not null)
        {
            o["value"] = Value;
        }

        if (Placeholder is not null)
        {
            o["placeholder"] = Placeholder;
        }

        return o;
    }
}
