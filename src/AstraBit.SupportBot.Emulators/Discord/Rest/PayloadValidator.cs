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

    /// <summary>Message flag IS_COMPONENTS_V2 (1 &lt;&lt; 15).</summary>
    public const int ComponentsV2Flag = 1 << 15;

    /// <summary>
    /// A message body; <paramref name="componentsV2"/> says the message is already a Components V2 one (an edit of it):
    /// its body is then judged by the V2 rules whether or not it repeats the flag.
    /// </summary>
    public static void Message(JsonObject body, FormErrors errors, bool componentsV2 = false)
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

        if (componentsV2 || ((Int(body, "flags") ?? 0) & ComponentsV2Flag) != 0)
        {
            ComponentsV2(body, errors);
            return;
        }

        if (body["components"] is JsonArray rows)
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

    /// <summary>
    /// An edit (PATCH of a message, of an interaction's original response or follow-up, or an UPDATE_MESSAGE callback)
    /// of <paramref name="existing"/>: IS_COMPONENTS_V2 cannot be removed once set (reference/discord-api.md §13;
    /// Discord answers MESSAGE_CANNOT_REMOVE_COMPONENTS_V2_FLAG), and a V2 message takes no content or embeds on edit
    /// either. Adding the flag to a legacy message upgrades it in place, but only when the message that results has no
    /// content, embeds, poll or stickers: the edit must clear what the message had (<c>content: null</c>,
    /// <c>embeds: null</c> or empty), as the discord.js guide's "Components V2" page (discordjs/guide#1620) and
    /// Discord.Net's v3.18 upgrade notes (discord-net/Discord.Net#3162) say; an edit that leaves them is refused naming
    /// the field. The emulator keeps no polls or stickers on a message, so only content and embeds can be left over.
    /// </summary>
    public static void Edit(JsonObject body, EmulatedMessage existing, FormErrors errors)
    {
        var wasV2 = existing.IsComponentsV2;
        var flags = Int(body, "flags");
        if (wasV2 && flags is { } kept && (kept & ComponentsV2Flag) == 0)
        {
            errors.Add("flags", "MESSAGE_CANNOT_REMOVE_COMPONENTS_V2_FLAG", "The IS_COMPONENTS_V2 flag cannot be removed from a message.");
        }

        if (!wasV2 && flags is { } added && (added & ComponentsV2Flag) != 0)
        {
            // A field the edit sends is judged by the V2 rules below; one it leaves out keeps what the message had.
            if (!body.ContainsKey("content") && existing.Content.Length > 0)
            {
                errors.Add("content", "MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2", "The 'content' field cannot be used when using MessageFlags.IS_COMPONENTS_V2; set it to null to upgrade the message");
            }

            if (!body.ContainsKey("embeds") && existing.Embeds.Count > 0)
            {
                errors.Add("embeds", "MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2", "The 'embeds' field cannot be used when using MessageFlags.IS_COMPONENTS_V2; set it to null to upgrade the message");
            }
        }

        Message(body, errors, componentsV2: wasV2);
    }

    // The code Discord gives a component whose type the place doesn't take: the place is a union of component types,
    // and the message names the ones it takes.
    private static void WrongType(FormErrors errors, string path, string allowed) =>
        errors.Add(path, "UNION_TYPE_CHOICES", $"Value of field \"type\" must be one of ({allowed}).");

    // With IS_COMPONENTS_V2 the components are the whole message: no content, embeds, stickers or poll, at most 40
    // components counting nested ones (reference/discord-api.md §13).
    private static void ComponentsV2(JsonObject body, FormErrors errors)
    {
        foreach (var legacy in (string[])["content", "embeds", "sticker_ids", "poll"])
        {
            var present = body[legacy] switch
            {
                null => false,
                JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>().Length > 0,
                JsonArray a => a.Count > 0,
                _ => true,
            };
            if (present)
            {
                errors.Add(legacy, "MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2", $"The '{legacy}' field cannot be used when using MessageFlags.IS_COMPONENTS_V2");
            }
        }

        if (body["components"] is not JsonArray top)
        {
            return;
        }

        var total = 0;
        for (var i = 0; i < top.Count; i++)
        {
            total += V2Component(top[i], $"components.{i}", inContainer: false, errors);
        }

        if (total > 40)
        {
            errors.Add("components", "BASE_TYPE_MAX_LENGTH", "Must be 40 or fewer in length.");
        }
    }

    // Checks one Components V2 component and returns how many components it counts for, nested ones included.
    private static int V2Component(JsonNode? c, string p, bool inContainer, FormErrors errors)
    {
        switch (Int(c, "type"))
        {
            case 1:
                MessageRow(c, p, errors);
                return 1 + ((c?["components"] as JsonArray)?.Count ?? 0);
            case 10:
                errors.Length(Str(c, "content"), 1, 4000, p + ".content");
                return 1;
            case 9:
                var texts = c?["components"] as JsonArray;
                if (texts is null || texts.Count is 0 or > 3 || texts.Any(t => Int(t, "type") != 10))
                {
                    errors.Add(p + ".components", "BASE_TYPE_BAD_LENGTH", "A section holds 1 to 3 text displays.");
                }

                var count = 1;
                foreach (var text in texts ?? [])
                {
                    errors.Length(Str(text, "content"), 1, 4000, p + ".components.content");
                    count++;
                }

                switch (Int(c?["accessory"], "type"))
                {
                    case 2:
                        var button = c!["accessory"]!;
                        errors.MaxLength(Str(button, "label"), 80, p + ".accessory.label");
                        if (Int(button, "style") != 5)
                        {
                            errors.Length(Str(button, "custom_id"), 1, 100, p + ".accessory.custom_id");
                        }

                        count++;
                        break;
                    case 11:
                        count++;
                        break;
                    case null when c is null || c["accessory"] is null:
                        errors.Add(p + ".accessory", "BASE_TYPE_REQUIRED", "This field is required");
                        break;
                    default:
                        WrongType(errors, p + ".accessory", "2, 11");
                        break;
                }

                return count;
            case 12:
                if (c?["items"] is not JsonArray { Count: >= 1 and <= 10 })
                {
                    errors.Add(p + ".items", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 10 in length.");
                }

                return 1;
            case 13 or 14:
                return 1;
            case 17 when !inContainer:
                var children = c?["components"] as JsonArray ?? [];
                if (children.Count is 0 or > 40)
                {
                    errors.Add(p + ".components", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 40 in length.");
                }

                var nested = 1;
                for (var i = 0; i < children.Count; i++)
                {
                    nested += V2Component(children[i], $"{p}.components.{i}", inContainer: true, errors);
                }

                if (c?["accent_color"] is JsonValue accent && (!accent.TryGetValue<int>(out var colour) || colour is < 0 or > 0xFFFFFF))
                {
                    errors.Add(p + ".accent_color", "NUMBER_TYPE_MAX", "Must be between 0 and 16777215.");
                }

                return nested;
            default:
                WrongType(errors, p, inContainer ? "1, 9, 10, 12, 13, 14" : "1, 9, 10, 12, 13, 14, 17");
                return 1;
        }
    }

    private static void MessageRow(JsonNode? row, string p, FormErrors errors)
    {
        if (Int(row, "type") != 1 || row?["components"] is not JsonArray items)
        {
            // Without IS_COMPONENTS_V2 a message's top level is action rows only; a container or section is refused
            // as a type the place doesn't take (what a V2 edit that lost the flag gets).
            WrongType(errors, p, "1");
            return;
        }

        var selects = items.Count(c => Int(c, "type") is 3 or 5 or 6 or 7 or 8);
        if (selects > 0 && items.Count > 1)
        {
            errors.Add(p + ".components", "COMPONENT_LAYOUT_WIDTH_EXCEEDED", "A select must be alone in its action row.");
        }

        if (items.Count == 0)
        {
            errors.Add(p + ".components", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 5 in length.");
        }

        // A row is 5 units wide: each item past the fifth is refused where it stands.
        for (var i = 5; i < items.Count; i++)
        {
            errors.Add($"{p}.components.{i}", "COMPONENT_LAYOUT_WIDTH_EXCEEDED", "The specified component exceeds the maximum width");
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
                    WrongType(errors, cp, "2, 3, 5, 6, 7, 8");
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

        var customIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var p = $"data.components.{i}";
            var top = items[i];
            switch (Int(top, "type"))
            {
                case 18:
                    errors.Length(Str(top, "label"), 1, 45, p + ".label");
                    errors.MaxLength(Str(top, "description"), 100, p + ".description");
                    if (top?["component"] is not JsonObject inner)
                    {
                        errors.Add(p + ".component", "BASE_TYPE_REQUIRED", "This field is required");
                        break;
                    }

                    if (Int(inner, "type") == 4 && Str(inner, "label") is not null)
                    {
                        errors.Add(p + ".component.label", "COMPONENT_FIELD_NOT_ALLOWED", "label is not allowed on a text input inside a Label.");
                    }

                    LabelledInput(inner, p + ".component", customIds, errors);
                    break;
                case 1 when (top?["components"]) is JsonArray { Count: 1 } row && Int(row[0], "type") == 4:
                    // Legacy layout: deprecated but still accepted, for a text input only.
                    errors.Length(Str(row[0], "label"), 1, 45, p + ".components.0.label");
                    TextInput(row[0], p + ".components.0", errors);
                    UniqueCustomId(row[0], p + ".components.0", customIds, errors);
                    break;
                case 10:
                    errors.Length(Str(top, "content"), 1, 4000, p + ".content");
                    break;
                default:
                    // A select, radio group, checkbox or upload straight in the modal or in an action row: Discord takes
                    // these only inside a Label.
                    WrongType(errors, p, "1, 10, 18");
                    break;
            }
        }
    }

    // What a Label may wrap in a modal: a text input, a select, a file upload, a radio group, a checkbox group or a checkbox.
    private static void LabelledInput(JsonObject c, string p, HashSet<string> customIds, FormErrors errors)
    {
        UniqueCustomId(c, p, customIds, errors);
        var required = c["required"] is JsonValue r && r.TryGetValue<bool>(out var req) ? req : true;
        switch (Int(c, "type"))
        {
            case 4:
                TextInput(c, p, errors);
                break;
            case 3:
                errors.Length(Str(c, "custom_id"), 1, 100, p + ".custom_id");
                errors.MaxLength(Str(c, "placeholder"), 150, p + ".placeholder");
                var count = Options(c, p, 1, 25, errors);
                MinMax(c, p, required, Math.Min(count, 25), errors);
                break;
            case 5 or 6 or 7 or 8:
                errors.Length(Str(c, "custom_id"), 1, 100, p + ".custom_id");
                MinMax(c, p, required, 25, errors);
                break;
            case 19:
                errors.Length(Str(c, "custom_id"), 1, 100, p + ".custom_id");
                MinMax(c, p, required, 10, errors);
                break;
            case 21:
                errors.Length(Str(c, "custom_id"), 1, 100, p + ".custom_id");
                Options(c, p, 2, 10, errors);
                if (c["options"] is JsonArray radio && radio.Count(o => o?["default"] is JsonValue d && d.TryGetValue<bool>(out var on) && on) > 1)
                {
                    errors.Add(p + ".options", "COMPONENT_RADIO_GROUP_MULTIPLE_DEFAULTS", "A radio group can have only one default option.");
                }

                break;
            case 22:
                errors.Length(Str(c, "custom_id"), 1, 100, p + ".custom_id");
                var boxes = Options(c, p, 1, 10, errors);
                MinMax(c, p, required, Math.Min(boxes, 10), errors);
                break;
            case 23:
                errors.Length(Str(c, "custom_id"), 1, 100, p + ".custom_id");
                break;
            default:
                WrongType(errors, p, "3, 4, 5, 6, 7, 8, 19, 21, 22, 23");
                break;
        }
    }

    private static void UniqueCustomId(JsonNode? c, string p, HashSet<string> customIds, FormErrors errors)
    {
        if (Str(c, "custom_id") is { Length: > 0 } id && !customIds.Add(id))
        {
            errors.Add(p + ".custom_id", "COMPONENT_CUSTOM_ID_DUPLICATED", "Component custom id cannot be duplicated");
        }
    }

    // options: min..max entries, each a label and a value of 1–100 characters and a description of at most 100; returns how many.
    private static int Options(JsonObject c, string p, int min, int max, FormErrors errors)
    {
        if (c["options"] is not JsonArray options || options.Count < min || options.Count > max)
        {
            errors.Add(p + ".options", "BASE_TYPE_BAD_LENGTH", $"Must be between {min} and {max} in length.");
            return (c["options"] as JsonArray)?.Count ?? 0;
        }

        for (var o = 0; o < options.Count; o++)
        {
            errors.Length(Str(options[o], "label"), 1, 100, $"{p}.options.{o}.label");
            errors.Length(Str(options[o], "value"), 1, 100, $"{p}.options.{o}.value");
            errors.MaxLength(Str(options[o], "description"), 100, $"{p}.options.{o}.description");
        }

        return options.Count;
    }

    // min_values 0..max and max_values 1..max with min ≤ max; a required input must not allow 0 (reference/discord-api.md §12).
    private static void MinMax(JsonObject c, string p, bool required, int max, FormErrors errors)
    {
        var min = Int(c, "min_values");
        var most = Int(c, "max_values");
        if (min is { } m && (m < 0 || m > max))
        {
            errors.Add(p + ".min_values", "NUMBER_TYPE_MAX", $"Must be between 0 and {max}.");
        }

        if (most is { } x && (x < 1 || x > max))
        {
            errors.Add(p + ".max_values", "NUMBER_TYPE_MAX", $"Must be between 1 and {max}.");
        }

        if (min is { } lo && most is { } hi && lo > hi)
        {
            errors.Add(p + ".min_values", "BASE_TYPE_BAD_INT", "min_values must not exceed max_values.");
        }

        if (required && min == 0)
        {
            errors.Add(p + ".min_values", "COMPONENT_REQUIRED_MIN_VALUES", "A required component must have min_values of at least 1.");
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

        // Commands of one type share no name, in the default or in any locale's name.
        foreach (var kind in commands.Select((c, i) => (Node: c, Index: i)).GroupBy(c => Int(c.Node, "type") ?? 1))
        {
            UniqueNames([.. kind], string.Empty, "APPLICATION_COMMANDS_DUPLICATE_NAME", "Application command names must be unique", errors);
        }
    }

    // Siblings whose name is the same in some locale (a locale without a name shows the default): Discord refuses the
    // later one at its own path. The top-level code is the one Discord answers; options use it too (their own inner
    // code is not documented).
    private static void UniqueNames(IReadOnlyList<(JsonNode? Node, int Index)> siblings, string p, string code, string message, FormErrors errors)
    {
        var locales = siblings.SelectMany(s => s.Node?["name_localizations"] is JsonObject names ? names.Select(n => n.Key) : []).Distinct(StringComparer.Ordinal).Prepend(string.Empty);
        var reported = new HashSet<int>();
        foreach (var locale in locales)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (node, index) in siblings)
            {
                var name = locale.Length > 0 && node?["name_localizations"]?[locale] is JsonValue localized && localized.TryGetValue<string>(out var text) ? text : Str(node, "name");
                if (name is not null && !seen.Add(name) && reported.Add(index))
                {
                    errors.Add(locale.Length == 0 ? $"{p}{index}.name" : $"{p}{index}.name_localizations.{locale}", code, message);
                }
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
            Choices(o?["choices"] as JsonArray, $"{p}.{i}.choices", errors);
            Options(o?["options"] as JsonArray, $"{p}.{i}.options", errors);
        }

        UniqueNames([.. options.Select((o, i) => (o, i))], p + ".", "APPLICATION_COMMANDS_DUPLICATE_NAME", "Application command option names must be unique", errors);
    }

    // At most 25 choices, each a name of 1–100 characters (per locale too) and a value.
    private static void Choices(JsonArray? choices, string p, FormErrors errors)
    {
        if (choices is null)
        {
            return;
        }

        if (choices.Count > 25)
        {
            errors.Add(p, "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.");
        }

        for (var i = 0; i < choices.Count; i++)
        {
            errors.Length(Str(choices[i], "name"), 1, 100, $"{p}.{i}.name");
            if (choices[i]?["value"] is null)
            {
                errors.Add($"{p}.{i}.value", "BASE_TYPE_REQUIRED", "This field is required");
            }

            if (choices[i]?["name_localizations"] is JsonObject names)
            {
                foreach (var (locale, value) in names)
                {
                    if (!Locales.Contains(locale))
                    {
                        errors.Add($"{p}.{i}.name_localizations.{locale}", "LOCALE_INVALID", "Invalid locale");
                    }
                    else
                    {
                        errors.Length(value?.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null, 1, 100, $"{p}.{i}.name_localizations.{locale}");
                    }
                }
            }
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
