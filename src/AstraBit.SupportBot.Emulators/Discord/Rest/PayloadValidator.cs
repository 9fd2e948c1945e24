using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AstraBit.SupportBot.Emulators.Discord;

/// <summary>Collects 50035 errors in Discord's nested <c>errors</c> shape.</summary>
internal sealed class FormErrors
{
    public JsonObject Tree { get; } = [];

    public bool Any => Tree.Count > 0;

    public void Add(string path, string code, string message)
    {
        var node = Tree;
        foreach (var part in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            if (node[part] is not JsonObject child)
            {
                child = [];
                node[part] = child;
            }

            node = child;
        }

        if (node["_errors"] is not JsonArray list)
        {
            list = [];
            node["_errors"] = list;
        }

        list.Add(new JsonObject { ["code"] = code, ["message"] = message });
    }

    public void MaxLength(string? value, int max, string path)
    {
        if (value is not null && value.Length > max)
        {
            Add(path, "BASE_TYPE_MAX_LENGTH", $"Must be {max} or fewer in length.");
        }
    }

    public void Length(string? value, int min, int max, string path)
    {
        if (value is null || value.Length < min || value.Length > max)
        {
            Add(path, "BASE_TYPE_BAD_LENGTH", $"Must be between {min} and {max} in length.");
        }
    }
}

/// <summary>Checks payloads against Discord's documented limits, as the real API does.</summary>
internal static partial class PayloadValidator
{
    [GeneratedRegex(@"^[-_'\p{L}\p{N}]{1,32}$")]
    private static partial Regex ChatInputName();

    public static string? Str(JsonNode? n, string name) => n is JsonObject o && o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static int? Int(JsonNode? n, string name) => n is JsonObject o && o[name] is JsonValue v && v.TryGetValue<int>(out var i) ? i : null;

    public static void Message(JsonObject body, FormErrors errors)
    {
        errors.MaxLength(Str(body, "content"), 2000, "content");
        if (body["nonce"] is JsonValue nonce && nonce.GetValueKind() == JsonValueKind.String)
        {
            errors.MaxLength(nonce.GetValue<string>(), 25, "nonce");
        }
        if (body["embeds"] is JsonArray embeds)
        {
            if (embeds.Count > 10)
            {
                errors.Add("embeds", "BASE_TYPE_MAX_LENGTH", "Must be 10 or fewer in length.");
            }

            var total = 0;
            for (var i = 0; i < embeds.Count; i++)
            {
                var e = embeds[i];
                var p = $"embeds.{i}";
                var title = Str(e, "title");
                var description = Str(e, "description");
                var footer = Str(e?["footer"], "text");
                var author = Str(e?["author"], "name");
                errors.MaxLength(title, 256, p + ".title");
                errors.MaxLength(description, 4096, p + ".description");
                errors.MaxLength(footer, 2048, p + ".footer.text");
                errors.MaxLength(author, 256, p + ".author.name");
                total += (title?.Length ?? 0) + (description?.Length ?? 0) + (footer?.Length ?? 0) + (author?.Length ?? 0);
                if (e?["fields"] is JsonArray fields)
                {
                    if (fields.Count > 25)
                    {
                        errors.Add(p + ".fields", "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.");
                    }

                    for (var f = 0; f < fields.Count; f++)
                    {
                        var name = Str(fields[f], "name");
                        var value = Str(fields[f], "value");
                        errors.Length(name, 1, 256, $"{p}.fields.{f}.name");
                        errors.Length(value, 1, 1024, $"{p}.fields.{f}.value");
                        total += (name?.Length ?? 0) + (value?.Length ?? 0);
                    }
                }
            }

            if (total > 6000)
            {
                errors.Add("embeds", "MAX_EMBED_SIZE_EXCEEDED", "Embed size exceeds maximum size of 6000");
            }
        }

        if (body["components"] is JsonArray rows && ((Int(body, "flags") ?? 0) & (1 << 15)) == 0)
        {
            if (rows.Count > 5)
            {
                errors.Add("components", "BASE_TYPE_MAX_LENGTH", "Must be 5 or fewer in length.");
            }

            for (var r = 0; r < rows.Count; r++)
            {
                MessageRow(rows[r], $"components.{r}", errors);
            }
        }
    }

    private static void MessageRow(JsonNode? row, string p, FormErrors errors)
    {
        if (Int(row, "type") != 1 || row?["components"] is not JsonArray items)
        {
            errors.Add(p, "COMPONENT_LAYOUT_INVALID", "Top-level components of a legacy message must be action rows.");
            return;
        }

        var selects = items.Count(c => Int(c, "type") is 3 or 5 or 6 or 7 or 8);
        if (selects > 0 && items.Count > 1)
        {
            errors.Add(p + ".components", "COMPONENT_LAYOUT_WIDTH_EXCEEDED", "A select must be alone in its action row.");
        }

        if (items.Count is 0 or > 5)
        {
            errors.Add(p + ".components", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 5 in length.");
        }

        for (var i = 0; i < items.Count; i++)
        {
            var c = items[i];
            var cp = $"{p}.components.{i}";
            switch (Int(c, "type"))
            {
                case 2:
                    errors.MaxLength(Str(c, "label"), 80, cp + ".label");
                    if (Int(c, "style") == 5)
                    {
                        errors.Length(Str(c, "url"), 1, 512, cp + ".url");
                    }
                    else
                    {
                        errors.Length(Str(c, "custom_id"), 1, 100, cp + ".custom_id");
                    }

                    break;
                case 3:
                    errors.Length(Str(c, "custom_id"), 1, 100, cp + ".custom_id");
                    errors.MaxLength(Str(c, "placeholder"), 150, cp + ".placeholder");
                    if (c?["options"] is not JsonArray options || options.Count is 0 or > 25)
                    {
                        errors.Add(cp + ".options", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 25 in length.");
                    }
                    else
                    {
                        for (var o = 0; o < options.Count; o++)
                        {
                            errors.Length(Str(options[o], "label"), 1, 100, $"{cp}.options.{o}.label");
                            errors.Length(Str(options[o], "value"), 1, 100, $"{cp}.options.{o}.value");
                            errors.MaxLength(Str(options[o], "description"), 100, $"{cp}.options.{o}.description");
                        }
                    }

                    break;
                default:
                    errors.Add(cp, "COMPONENT_TYPE_INVALID", "This component type is not allowed in a message action row.");
                    break;
            }
        }
    }

    public static void Modal(JsonObject? data, FormErrors errors)
    {
        errors.Length(Str(data, "custom_id"), 1, 100, "data.custom_id");
        errors.Length(Str(data, "title"), 1, 45, "data.title");
        if (data?["components"] is not JsonArray items || items.Count is 0 or > 5)
        {
            errors.Add("data.components", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 5 in length.");
            return;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var p = $"data.components.{i}";
            var top = items[i];
            switch (Int(top, "type"))
            {
                case 18:
                    errors.Length(Str(top, "label"), 1, 45, p + ".label");
                    errors.MaxLength(Str(top, "description"), 100, p + ".description");
                    if (Str(top?["component"], "label") is not null)
                    {
                        errors.Add(p + ".component.label", "COMPONENT_FIELD_NOT_ALLOWED", "label is not allowed on a text input inside a Label.");
                    }

                    TextInput(top?["component"], p + ".component", errors);
                    break;
                case 1 when (top?["components"]) is JsonArray { Count: 1 } row:
                    // Legacy layout: deprecated but still accepted.
                    errors.Length(Str(row[0], "label"), 1, 45, p + ".components.0.label");
                    TextInput(row[0], p + ".components.0", errors);
                    break;
                case 10:
                    break;
                default:
                    errors.Add(p, "COMPONENT_TYPE_INVALID", "Modal components must be Label, Text Display or a legacy action row with one text input.");
                    break;
            }
        }
    }

    private static void TextInput(JsonNode? c, string p, FormErrors errors)
    {
        if (Int(c, "type") != 4)
        {
            return;
        }

        errors.Length(Str(c, "custom_id"), 1, 100, p + ".custom_id");
        if (Int(c, "min_length") is < 0 or > 4000)
        {
            errors.Add(p + ".min_length", "NUMBER_TYPE_MAX", "Must be between 0 and 4000.");
        }

        if (Int(c, "max_length") is < 1 or > 4000)
        {
            errors.Add(p + ".max_length", "NUMBER_TYPE_MAX", "Must be between 1 and 4000.");
        }

        errors.MaxLength(Str(c, "placeholder"), 100, p + ".placeholder");
        errors.MaxLength(Str(c, "value"), 4000, p + ".value");
    }

    public static void Commands(JsonArray commands, FormErrors errors)
    {
        for (var i = 0; i < commands.Count; i++)
        {
            var c = commands[i];
            var type = Int(c, "type") ?? 1;
            var name = Str(c, "name");
            if (type == 1)
            {
                if (name is null || !ChatInputName().IsMatch(name) || name != name.ToLowerInvariant())
                {
                    errors.Add($"{i}.name", "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid");
                }

                errors.Length(Str(c, "description"), 1, 100, $"{i}.description");
                Localizations(c, $"{i}", chatInput: true, errors);
                Options(c?["options"] as JsonArray, $"{i}.options", errors);
            }
            else
            {
                errors.Length(name, 1, 32, $"{i}.name");
                Localizations(c, $"{i}", chatInput: false, errors);
                if (!string.IsNullOrEmpty(Str(c, "description")))
                {
                    errors.Add($"{i}.description", "APPLICATION_COMMAND_CONTEXT_MENU_DESCRIPTION", "Context menu commands cannot have description");
                }

                if (c?["options"] is JsonArray { Count: > 0 })
                {
                    errors.Add($"{i}.options", "APPLICATION_COMMAND_OPTIONS_NOT_ALLOWED", "Context menu commands cannot have options");
                }
            }

            if (c?["default_member_permissions"] is JsonValue perms && !perms.TryGetValue<string>(out _))
            {
                errors.Add($"{i}.default_member_permissions", "BASE_TYPE_STRING", "Must be a string.");
            }
        }
    }

    private static void Options(JsonArray? options, string p, FormErrors errors)
    {
        if (options is null)
        {
            return;
        }

        if (options.Count > 25)
        {
            errors.Add(p, "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.");
        }

        for (var i = 0; i < options.Count; i++)
        {
            var o = options[i];
            var name = Str(o, "name");
            if (name is null || !ChatInputName().IsMatch(name) || name != name.ToLowerInvariant())
            {
                errors.Add($"{p}.{i}.name", "APPLICATION_COMMAND_INVALID_NAME", "Option name is invalid");
            }

            errors.Length(Str(o, "description"), 1, 100, $"{p}.{i}.description");
            Localizations(o, $"{p}.{i}", chatInput: true, errors);
            Options(o?["options"] as JsonArray, $"{p}.{i}.options", errors);
        }
    }

    // Discord's locales; a localization under any other key is refused (reference/discord-api.md §13).
    private static readonly HashSet<string> Locales = new(
        ["id", "da", "de", "en-GB", "en-US", "es-ES", "es-419", "fr", "hr", "it", "lt", "hu", "nl", "no", "pl", "pt-BR",
         "ro", "fi", "sv-SE", "vi", "tr", "cs", "el", "bg", "ru", "uk", "hi", "th", "zh-CN", "ja", "zh-TW", "ko"],
        StringComparer.Ordinal);

    // name_localizations follow the name's rule (lowercase 1–32 for slash commands and options), description_localizations 1–100.
    private static void Localizations(JsonNode? c, string p, bool chatInput, FormErrors errors)
    {
        if (c?["name_localizations"] is JsonObject names)
        {
            foreach (var (locale, value) in names)
            {
                var name = value?.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
                if (!Locales.Contains(locale))
                {
                    errors.Add($"{p}.name_localizations.{locale}", "LOCALE_INVALID", "Invalid locale");
                }
                else if (chatInput ? name is null || !ChatInputName().IsMatch(name) || name != name.ToLowerInvariant() : name is not { Length: >= 1 and <= 32 })
                {
                    errors.Add($"{p}.name_localizations.{locale}", "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid");
                }
            }
        }

        if (c?["description_localizations"] is JsonObject descriptions)
        {
            foreach (var (locale, value) in descriptions)
            {
                if (!Locales.Contains(locale))
                {
                    errors.Add($"{p}.description_localizations.{locale}", "LOCALE_INVALID", "Invalid locale");
                }
                else
                {
                    errors.Length(value?.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null, 1, 100, $"{p}.description_localizations.{locale}");
                }
            }
        }
    }
}
