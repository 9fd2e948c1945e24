using System.Text.Json.Nodes;

namespace AstraBit.SupportBot.Emulators.Discord;

/// <summary>
/// The body fields Discord's OpenAPI description defines for the requests the bot sends, so the emulator can
/// flag a field Discord would silently ignore (a typo such as <c>alowed_mentions</c> makes no error at Discord,
/// it just doesn't do what was meant). Hand-copied field lists, not the spec itself.
/// Source: discord/discord-api-spec, specs/openapi.json at 74fda0fad044407ea280043a03ffc9bc64c4e49e
/// (2026-07-18); each shape is named after its schema in components/schemas. The radio group, checkbox group and
/// checkbox shapes (2026-02) and file_types (2026-08-05) follow the component reference (reference/discord-api.md §13).
/// </summary>
internal static class DiscordSchema
{
    private const string MessageComponent = "<message component>";
    private const string ModalComponent = "<modal component>";
    private const string CommandOption = "<command option>";

    private static readonly string[] OptionBase = ["type", "name", "name_localizations", "description", "description_localizations", "required"];

    private static readonly Dictionary<string, Shape> Shapes = new(StringComparer.Ordinal)
    {
        ["MessageCreateRequest"] = new(["content", "embeds", "allowed_mentions", "sticker_ids", "components", "flags", "attachments", "poll", "shared_client_theme", "message_reference", "nonce", "enforce_nonce", "tts"], MessageNested()),
        ["MessageEditRequestPartial"] = new(["content", "embeds", "flags", "allowed_mentions", "sticker_ids", "components", "attachments"], MessageNested()),
        ["IncomingWebhookRequestPartial"] = new(["content", "embeds", "allowed_mentions", "components", "attachments", "poll", "tts", "flags", "username", "avatar_url", "thread_name", "applied_tags"], MessageNested()),
        ["IncomingWebhookUpdateRequestPartial"] = new(["content", "embeds", "allowed_mentions", "components", "attachments", "poll", "flags"], MessageNested()),
        ["IncomingWebhookInteractionRequest"] = new(["content", "embeds", "allowed_mentions", "components", "attachments", "poll", "tts", "flags"], MessageNested()),
        ["IncomingWebhookUpdateForInteractionCallbackRequestPartial"] = new(["content", "embeds", "flags", "allowed_mentions", "components", "attachments"], MessageNested()),
        ["CreateMessageInteractionCallbackRequest"] = new(["type", "data"], new() { ["data"] = "IncomingWebhookInteractionRequest" }),
        ["UpdateMessageInteractionCallbackRequest"] = new(["type", "data"], new() { ["data"] = "IncomingWebhookUpdateForInteractionCallbackRequestPartial" }),
        ["ModalInteractionCallbackRequest"] = new(["type", "data"], new() { ["data"] = "ModalInteractionCallbackRequestData" }),
        ["ApplicationCommandAutocompleteCallbackRequest"] = new(["type", "data"], []),
        ["ModalInteractionCallbackRequestData"] = new(["custom_id", "title", "components"], new() { ["components"] = ModalComponent }),
        ["CreateTextThreadWithoutMessageRequest"] = new(["name", "auto_archive_duration", "rate_limit_per_user", "type", "invitable"], []),
        ["UpdateThreadRequestPartial"] = new(["name", "archived", "locked", "invitable", "auto_archive_duration", "rate_limit_per_user", "flags", "applied_tags", "bitrate", "user_limit", "rtc_region", "video_quality_mode"], []),
        ["CreatePrivateChannelRequest"] = new(["recipient_id", "access_tokens", "nicks"], []),
        ["ApplicationCommandUpdateRequest"] = new(["id", "name", "name_localizations", "description", "description_localizations", "options", "default_member_permissions", "dm_permission", "contexts", "integration_types", "handler", "type"], new() { ["options"] = CommandOption }),
        ["RichEmbed"] = new(["type", "url", "title", "color", "timestamp", "description", "author", "image", "thumbnail", "footer", "fields", "provider", "video"], new()
        {
            ["author"] = "RichEmbedAuthor", ["footer"] = "RichEmbedFooter", ["fields"] = "RichEmbedField",
            ["image"] = "RichEmbedImage", ["thumbnail"] = "RichEmbedImage", ["video"] = "RichEmbedImage", ["provider"] = "RichEmbedProvider",
        }),
        ["RichEmbedAuthor"] = new(["name", "url", "icon_url"], []),
        ["RichEmbedFooter"] = new(["text", "icon_url"], []),
        ["RichEmbedField"] = new(["name", "value", "inline"], []),
        ["RichEmbedImage"] = new(["url", "width", "height", "placeholder", "placeholder_version", "is_animated", "description"], []),
        ["RichEmbedProvider"] = new(["name", "url"], []),
        ["MessageAllowedMentionsRequest"] = new(["parse", "users", "roles", "replied_user"], []),
        ["MessageAttachmentRequest"] = new(["id", "filename", "description", "duration_secs", "waveform", "title", "is_remix", "is_spoiler"], []),
        ["MessageReferenceRequest"] = new(["guild_id", "channel_id", "message_id", "fail_if_not_exists", "type"], []),
        ["ActionRowComponentForMessageRequest"] = new(["type", "id", "components"], new() { ["components"] = MessageComponent }),
        ["ButtonComponentForMessageRequest"] = new(["type", "id", "custom_id", "style", "label", "disabled", "url", "sku_id", "emoji"], new() { ["emoji"] = "ComponentEmojiForRequest" }),
        ["StringSelectComponentForMessageRequest"] = new(["type", "id", "custom_id", "placeholder", "min_values", "max_values", "disabled", "required", "options"], new() { ["options"] = "StringSelectOptionForRequest" }),
        ["SnowflakeSelectComponentForMessageRequest"] = new(["type", "id", "custom_id", "placeholder", "min_values", "max_values", "disabled", "required", "default_values", "channel_types"], []),
        ["TextDisplayComponentForMessageRequest"] = new(["type", "id", "content"], []),
        ["ComponentEmojiForRequest"] = new(["id", "name"], []),
        ["StringSelectOptionForRequest"] = new(["label", "value", "description", "emoji", "default"], new() { ["emoji"] = "ComponentEmojiForRequest" }),
        ["ActionRowComponentForModalRequest"] = new(["type", "id", "components"], new() { ["components"] = ModalComponent }),
        ["LabelComponentForModalRequest"] = new(["type", "id", "label", "description", "component"], new() { ["component"] = ModalComponent }),
        ["TextDisplayComponentForModalRequest"] = new(["type", "id", "content"], []),
        ["TextInputComponentForModalRequest"] = new(["type", "id", "custom_id", "style", "label", "value", "placeholder", "required", "min_length", "max_length"], []),
        ["StringSelectComponentForModalRequest"] = new(["type", "id", "custom_id", "placeholder", "min_values", "max_values", "disabled", "required", "options"], new() { ["options"] = "StringSelectOptionForRequest" }),
        ["SnowflakeSelectComponentForModalRequest"] = new(["type", "id", "custom_id", "placeholder", "min_values", "max_values", "disabled", "required", "default_values", "channel_types"], []),
        ["FileUploadComponentForModalRequest"] = new(["type", "id", "custom_id", "min_values", "max_values", "required", "file_types"], []),
        ["RadioGroupComponentForModalRequest"] = new(["type", "id", "custom_id", "options", "required"], new() { ["options"] = "RadioGroupOptionForRequest" }),
        ["RadioGroupOptionForRequest"] = new(["value", "label", "description", "default"], []),
        ["CheckboxGroupComponentForModalRequest"] = new(["type", "id", "custom_id", "options", "min_values", "max_values", "required"], new() { ["options"] = "RadioGroupOptionForRequest" }),
        ["CheckboxComponentForModalRequest"] = new(["type", "id", "custom_id", "default"], []),
        ["SectionComponentForMessageRequest"] = new(["type", "id", "components", "accessory"], new() { ["components"] = MessageComponent, ["accessory"] = MessageComponent }),
        ["ThumbnailComponentForMessageRequest"] = new(["type", "id", "media", "description", "spoiler"], []),
        ["MediaGalleryComponentForMessageRequest"] = new(["type", "id", "items"], []),
        ["FileComponentForMessageRequest"] = new(["type", "id", "file", "spoiler"], []),
        ["SeparatorComponentForMessageRequest"] = new(["type", "id", "spacing", "divider"], []),
        ["ContainerComponentForMessageRequest"] = new(["type", "id", "accent_color", "components", "spoiler"], new() { ["components"] = MessageComponent }),
        ["ApplicationCommandSubcommandOption"] = new([.. OptionBase, "options"], new() { ["options"] = CommandOption }),
        ["ApplicationCommandStringOption"] = new([.. OptionBase, "autocomplete", "choices", "min_length", "max_length"], new() { ["choices"] = "ApplicationCommandOptionChoice" }),
        ["ApplicationCommandNumericOption"] = new([.. OptionBase, "autocomplete", "choices", "min_value", "max_value"], new() { ["choices"] = "ApplicationCommandOptionChoice" }),
        ["ApplicationCommandChannelOption"] = new([.. OptionBase, "channel_types"], []),
        ["ApplicationCommandPlainOption"] = new(OptionBase, []),
        ["ApplicationCommandOptionChoice"] = new(["name", "name_localizations", "value"], []),
    };

    /// <summary>The body shape of a request on <paramref name="route"/>; null for routes without a body the bot sends.</summary>
    public static string? BodyShape(string route, JsonNode? body) => route switch
    {
        DiscordRestRoutes.CreateMessage => "MessageCreateRequest",
        DiscordRestRoutes.EditMessage => "MessageEditRequestPartial",
        DiscordRestRoutes.CreateFollowup => "IncomingWebhookRequestPartial",
        DiscordRestRoutes.EditOriginal or DiscordRestRoutes.EditFollowup => "IncomingWebhookUpdateRequestPartial",
        DiscordRestRoutes.InteractionCallback => PayloadValidator.Int(body, "type") switch
        {
            4 or 5 => "CreateMessageInteractionCallbackRequest",
            6 or 7 => "UpdateMessageInteractionCallbackRequest",
            9 => "ModalInteractionCallbackRequest",
            8 => "ApplicationCommandAutocompleteCallbackRequest",
            _ => null,
        },
        DiscordRestRoutes.StartThread => "CreateTextThreadWithoutMessageRequest",
        DiscordRestRoutes.ModifyChannel => "UpdateThreadRequestPartial",
        DiscordRestRoutes.CreateDm => "CreatePrivateChannelRequest",
        DiscordRestRoutes.BulkOverwriteGuildCommands or DiscordRestRoutes.BulkOverwriteGlobalCommands => "ApplicationCommandUpdateRequest",
        _ => null,
    };

    /// <summary>The query parameters the spec defines per route (routes not listed take none).</summary>
    private static readonly Dictionary<string, string[]> QueryParameters = new(StringComparer.Ordinal)
    {
        [DiscordRestRoutes.GetMessages] = ["around", "before", "after", "limit"],
        [DiscordRestRoutes.InteractionCallback] = ["with_response"],
        [DiscordRestRoutes.GetGuildCommands] = ["with_localizations"],
        [DiscordRestRoutes.CreateFollowup] = ["wait", "thread_id", "with_components"],
        [DiscordRestRoutes.EditOriginal] = ["thread_id", "with_components"],
        [DiscordRestRoutes.EditFollowup] = ["thread_id", "with_components"],
        [DiscordRestRoutes.DeleteOriginal] = ["thread_id"],
        [DiscordRestRoutes.DeleteFollowup] = ["thread_id"],
    };

    /// <summary>
    /// Paths of body fields Discord's schema does not define for this route (e.g. <c>embeds.0.colour</c>), and
    /// query parameters it does not define (as <c>?name</c>).
    /// </summary>
    public static IReadOnlyList<string> UnknownFields(string route, JsonNode? body, IEnumerable<string> queryNames)
    {
        var unknown = new List<string>();
        var allowed = QueryParameters.GetValueOrDefault(route) ?? [];
        unknown.AddRange(queryNames.Where(q => !allowed.Contains(q, StringComparer.Ordinal)).Select(q => "?" + q));
        if (body is not null && BodyShape(route, body) is { } shape)
        {
            Check(shape, body, "", unknown);
        }

        return unknown;
    }

    private static Dictionary<string, string> MessageNested() => new()
    {
        ["embeds"] = "RichEmbed",
        ["allowed_mentions"] = "MessageAllowedMentionsRequest",
        ["components"] = MessageComponent,
        ["attachments"] = "MessageAttachmentRequest",
        ["message_reference"] = "MessageReferenceRequest",
    };

    private static void Check(string shape, JsonNode? node, string path, List<string> unknown)
    {
        switch (node)
        {
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Check(shape, array[i], Join(path, i.ToString(System.Globalization.CultureInfo.InvariantCulture)), unknown);
                }

                return;
            case JsonObject obj:
                var resolved = Resolve(shape, obj);
                if (resolved is null || !Shapes.TryGetValue(resolved, out var s))
                {
                    return;
                }

                foreach (var (name, value) in obj)
                {
                    if (!s.Fields.Contains(name, StringComparer.Ordinal))
                    {
                        unknown.Add(Join(path, name));
                    }
                    else if (s.Nested.TryGetValue(name, out var nested))
                    {
                        Check(nested, value, Join(path, name), unknown);
                    }
                }

                return;
        }
    }

    /// <summary>Components and command options are unions told apart by their <c>type</c>.</summary>
    private static string? Resolve(string shape, JsonObject obj) => shape switch
    {
        MessageComponent => PayloadValidator.Int(obj, "type") switch
        {
            1 => "ActionRowComponentForMessageRequest",
            2 => "ButtonComponentForMessageRequest",
            3 => "StringSelectComponentForMessageRequest",
            5 or 6 or 7 or 8 => "SnowflakeSelectComponentForMessageRequest",
            9 => "SectionComponentForMessageRequest",
            10 => "TextDisplayComponentForMessageRequest",
            11 => "ThumbnailComponentForMessageRequest",
            12 => "MediaGalleryComponentForMessageRequest",
            13 => "FileComponentForMessageRequest",
            14 => "SeparatorComponentForMessageRequest",
            17 => "ContainerComponentForMessageRequest",
            _ => null,
        },
        ModalComponent => PayloadValidator.Int(obj, "type") switch
        {
            1 => "ActionRowComponentForModalRequest",
            3 => "StringSelectComponentForModalRequest",
            4 => "TextInputComponentForModalRequest",
            5 or 6 or 7 or 8 => "SnowflakeSelectComponentForModalRequest",
            10 => "TextDisplayComponentForModalRequest",
            18 => "LabelComponentForModalRequest",
            19 => "FileUploadComponentForModalRequest",
            21 => "RadioGroupComponentForModalRequest",
            22 => "CheckboxGroupComponentForModalRequest",
            23 => "CheckboxComponentForModalRequest",
            _ => null,
        },
        CommandOption => PayloadValidator.Int(obj, "type") switch
        {
            1 or 2 => "ApplicationCommandSubcommandOption",
            3 => "ApplicationCommandStringOption",
            4 or 10 => "ApplicationCommandNumericOption",
            7 => "ApplicationCommandChannelOption",
            _ => "ApplicationCommandPlainOption",
        },
        _ => shape,
    };

    private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;

    private sealed record Shape(string[] Fields, Dictionary<string, string> Nested);
}
