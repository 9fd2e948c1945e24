using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace AstraBit.SupportBot.Emulators.Discord;

public sealed partial class DiscordRestEmulator
{
    /// <summary>
    /// Builds the INTERACTION_CREATE payload of a member running a slash command, registers the
    /// interaction (its 3-second clock starts now) and returns the payload for the gateway to dispatch.
    /// </summary>
    public JsonObject CreateSlashCommand(ulong userId, string name, IEnumerable<SlashOption>? options = null, ulong? channelId = null, bool inDm = false)
    {
        ArgumentNullException.ThrowIfNull(name);
        lock (_lock)
        {
            var list = options?.ToList() ?? [];
            var data = new JsonObject
            {
                ["id"] = CommandId(name, 1),
                ["name"] = name,
                ["type"] = 1,
            };
            if (list.Count > 0)
            {
                data["options"] = new JsonArray([.. list.Select(o => (JsonNode)o.ToJson())]);
            }

            var userIds = Flatten(list).Where(o => o.Type == 6 && o.Value is not null).Select(o => ulong.Parse(o.Value!.GetValue<string>(), CultureInfo.InvariantCulture)).Distinct().ToList();
            if (userIds.Count > 0)
            {
                data["resolved"] = Resolved(userIds);
            }

            if (!inDm)
            {
                data["guild_id"] = Id(_options.GuildId);
            }

            return Register(2, userId, channelId, inDm, data, null);
        }
    }

    /// <summary>
    /// Builds an APPLICATION_COMMAND_AUTOCOMPLETE interaction (type 4): the member is typing a slash command's option;
    /// one option in <paramref name="options"/> is <see cref="SlashOption.Focused"/>. Answered only by callback type 8.
    /// </summary>
    public JsonObject CreateAutocomplete(ulong userId, string name, IEnumerable<SlashOption> options, ulong? channelId = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(options);
        lock (_lock)
        {
            var data = new JsonObject
            {
                ["id"] = CommandId(name, 1),
                ["name"] = name,
                ["type"] = 1,
                ["options"] = new JsonArray([.. options.Select(o => (JsonNode)o.ToJson())]),
                ["guild_id"] = Id(_options.GuildId),
            };
            return Register(4, userId, channelId, inDm: false, data, null);
        }
    }

    /// <summary>Builds a user context-menu command (type 2) on <paramref name="targetUserId"/>.</summary>
    public JsonObject CreateUserCommand(ulong userId, string name, ulong targetUserId, ulong? channelId = null)
    {
        lock (_lock)
        {
            var data = new JsonObject
            {
                ["id"] = CommandId(name, 2),
                ["name"] = name,
                ["type"] = 2,
                ["target_id"] = Id(targetUserId),
                ["resolved"] = Resolved([targetUserId]),
                ["guild_id"] = Id(_options.GuildId),
            };
            return Register(2, userId, channelId, inDm: false, data, null);
        }
    }

    /// <summary>Builds a button click on message <paramref name="messageId"/>.</summary>
    public JsonObject CreateButtonClick(ulong userId, string customId, ulong messageId, ulong? channelId = null, bool inDm = false)
    {
        lock (_lock)
        {
            var data = new JsonObject { ["custom_id"] = customId, ["component_type"] = 2 };
            return Register(3, userId, channelId, inDm, data, messageId);
        }
    }

    /// <summary>Builds a string-select choice on message <paramref name="messageId"/>.</summary>
    public JsonObject CreateSelect(ulong userId, string customId, IEnumerable<string> values, ulong messageId, ulong? channelId = null, bool inDm = false)
    {
        ArgumentNullException.ThrowIfNull(values);
        lock (_lock)
        {
            var data = new JsonObject
            {
                ["custom_id"] = customId,
                ["component_type"] = 3,
                ["values"] = new JsonArray([.. values.Select(v => (JsonNode)v)]),
            };
            return Register(3, userId, channelId, inDm, data, messageId);
        }
    }

    /// <summary>
    /// Builds a modal submit with text input values by custom id: Label-wrapped (type 18) like
    /// Discord sends today, or legacy action rows when <paramref name="legacyActionRows"/> is set.
    /// </summary>
    public JsonObject CreateModalSubmit(ulong userId, string customId, IReadOnlyDictionary<string, string> values, ulong? channelId = null, bool inDm = false, bool legacyActionRows = false, ulong? messageId = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (!legacyActionRows)
        {
            return CreateModalSubmit(userId, customId, [.. values.Select(v => ModalAnswer.Typed(v.Key, v.Value))], modal: null, channelId, inDm, messageId);
        }

        lock (_lock)
        {
            var components = new JsonArray();
            var n = 1;
            foreach (var (inputId, value) in values)
            {
                var input = new JsonObject { ["type"] = 4, ["id"] = n + 1, ["custom_id"] = inputId, ["value"] = value };
                components.Add(new JsonObject { ["type"] = 1, ["id"] = n, ["components"] = new JsonArray(input) });
                n += 2;
            }

            var data = new JsonObject { ["custom_id"] = customId, ["components"] = components };
            return Register(5, userId, channelId, inDm, data, messageId);
        }
    }

    /// <summary>
    /// Builds a modal submit as Discord sends it today: <c>data.components</c> mirrors the modal's tree (a Label per
    /// input, <c>component</c> with the input's type and its <c>value</c> or <c>values</c>), and an upload's files become
    /// temporary attachments: their ids are the upload's values, <c>data.resolved.attachments</c> describes them, and the
    /// emulator serves their bytes from its own host (<see cref="AttachmentRoute"/>). <paramref name="modal"/> is the form
    /// the bot opened (its callback's <c>data</c>), so each answer carries its input's type; without it, a text answer is
    /// a text input, values a string select and files an upload.
    /// </summary>
    /// <exception cref="ArgumentException">An answer names no input of <paramref name="modal"/>, or gives more files than its upload takes.</exception>
    public JsonObject CreateModalSubmit(ulong userId, string customId, IReadOnlyList<ModalAnswer> answers, JsonObject? modal, ulong? channelId = null, bool inDm = false, ulong? messageId = null)
    {
        ArgumentNullException.ThrowIfNull(answers);
        lock (_lock)
        {
            var inputs = (modal?["components"] as JsonArray ?? [])
                .Select(c => c?["component"] as JsonObject)
                .OfType<JsonObject>()
                .Where(c => PayloadValidator.Str(c, "custom_id") is not null)
                .ToDictionary(c => PayloadValidator.Str(c, "custom_id")!, StringComparer.Ordinal);
            var components = new JsonArray();
            var uploads = new List<EmulatedAttachment>();
            var n = 1;
            foreach (var answer in answers)
            {
                var defined = inputs.GetValueOrDefault(answer.CustomId);
                if (modal is not null && defined is null)
                {
                    throw new ArgumentException($"The form has no input '{answer.CustomId}'.", nameof(answers));
                }

                var type = PayloadValidator.Int(defined, "type")
                    ?? (answer.Files is not null ? 19 : answer.Values is not null ? 3 : answer.Ticked is not null ? 23 : 4);
                var input = new JsonObject { ["type"] = type, ["id"] = n + 1, ["custom_id"] = answer.CustomId };
                switch (type)
                {
                    case 19:
                        var files = answer.Files ?? [];
                        if (files.Count > (PayloadValidator.Int(defined, "max_values") ?? 10))
                        {
                            throw new ArgumentException($"The upload '{answer.CustomId}' takes at most {PayloadValidator.Int(defined, "max_values")} files.", nameof(answers));
                        }

                        var attached = files.Select(f => new EmulatedAttachment(NextId(), f.FileName, f.ContentType, f.Content)).ToList();
                        uploads.AddRange(attached);
                        input["values"] = new JsonArray([.. attached.Select(a => (JsonNode)Id(a.Id))]);
                        break;
                    case 3 or 5 or 6 or 7 or 8 or 22:
                        input["values"] = new JsonArray([.. (answer.Values ?? []).Select(v => (JsonNode)v)]);
                        break;
                    case 23:
                        input["value"] = answer.Ticked ?? false;
                        break;
                    default:
                        // A text input's text; a radio group's chosen value (null when none was chosen).
                        input["value"] = answer.Text ?? answer.Values?.FirstOrDefault();
                        break;
                }

                components.Add(new JsonObject { ["type"] = 18, ["id"] = n, ["component"] = input });
                n += 2;
            }

            var data = new JsonObject { ["custom_id"] = customId, ["components"] = components };
            var payload = Register(5, userId, channelId, inDm, data, messageId);
            if (uploads.Count > 0)
            {
                var interactionId = ulong.Parse(payload["id"]!.GetValue<string>(), CultureInfo.InvariantCulture);
                var channel = ulong.Parse(payload["channel_id"]!.GetValue<string>(), CultureInfo.InvariantCulture);
                _modalUploads[interactionId] = new EmulatedSnapshot(interactionId, channel, "", uploads, _clock.GetUtcNow(), 0);
                var resolved = new JsonObject();
                foreach (var file in AttachmentsJson(channel, interactionId, uploads))
                {
                    file!["ephemeral"] = true;
                    resolved[file["id"]!.GetValue<string>()] = file.DeepClone();
                }

                data["resolved"] = new JsonObject { ["attachments"] = resolved };
            }

            return payload;
        }
    }

    private static IEnumerable<SlashOption> Flatten(IEnumerable<SlashOption> options) =>
        options.SelectMany(o => new[] { o }.Concat(Flatten(o.Options ?? [])));

    private string CommandId(string name, int type)
    {
        var registered = _guildCommands.Values.SelectMany(a => a).FirstOrDefault(c =>
            PayloadValidator.Str(c, "name") == name && (PayloadValidator.Int(c, "type") ?? 1) == type);
        return PayloadValidator.Str(registered, "id") ?? Id(NextId());
    }

    private JsonObject Resolved(IEnumerable<ulong> userIds)
    {
        var users = new JsonObject();
        var members = new JsonObject();
        foreach (var id in userIds)
        {
            users[Id(id)] = UserJson(id);
            if (_members.ContainsKey(id))
            {
                members[Id(id)] = MemberJson(id, withUser: false);
            }
        }

        return new JsonObject { ["users"] = users, ["members"] = members };
    }

    private JsonObject Register(int type, ulong userId, ulong? channelId, bool inDm, JsonObject data, ulong? messageId)
    {
        _users.TryAdd(userId, "user" + Id(userId));
        var channel = inDm ? DmChannel(userId).Id : channelId ?? _options.DefaultChannelId;
        var id = NextId();
        var token = "aW50ZXJhY3Rpb246" + Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        _interactions[id] = new EmulatedInteraction(id, token, type, userId, channel, inDm, messageId, _clock.GetUtcNow());

        var payload = new JsonObject
        {
            ["id"] = Id(id),
            ["application_id"] = Id(_options.ApplicationId),
            ["type"] = type,
            ["data"] = data,
            ["token"] = token,
            ["version"] = 1,
            ["channel_id"] = Id(channel),
            ["channel"] = new JsonObject { ["id"] = Id(channel), ["type"] = inDm ? 1 : _channels.GetValueOrDefault(channel)?.Type ?? 0 },
            ["locale"] = _locales.GetValueOrDefault(userId) ?? "en-US",
            ["app_permissions"] = "2248473465835073",
            ["entitlements"] = new JsonArray(),
            ["attachment_size_limit"] = 10_485_760,
            ["context"] = inDm ? 1 : 0,
        };
        if (inDm)
        {
            payload["user"] = UserJson(userId);
            payload["authorizing_integration_owners"] = new JsonObject { ["0"] = Id(_options.GuildId) };
        }
        else
        {
            payload["guild_id"] = Id(_options.GuildId);
            payload["guild_locale"] = _guildLocale;
            payload["member"] = MemberJson(userId, withUser: true);
            payload["authorizing_integration_owners"] = new JsonObject { ["0"] = Id(_options.GuildId) };
        }

        if (messageId is { } mid)
        {
            var message = _messages.FirstOrDefault(m => m.Id == mid);
            payload["message"] = message is not null
                ? MessageJson(message)
                : new JsonObject { ["id"] = Id(mid), ["channel_id"] = Id(channel), ["content"] = "", ["flags"] = 0 };
        }

        return payload;
    }
}
