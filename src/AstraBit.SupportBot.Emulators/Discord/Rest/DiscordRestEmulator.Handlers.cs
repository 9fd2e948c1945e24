using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AstraBit.SupportBot.Emulators.Discord;

public sealed partial class DiscordRestEmulator
{
    private const int LoadingFlag = 1 << 7;

    private Reply GatewayBot() => new(200, new JsonObject
    {
        ["url"] = (_options.GatewayUrl ?? new Uri("ws://127.0.0.1:1/")).AbsoluteUri,
        ["shards"] = 1,
        ["session_start_limit"] = new JsonObject { ["total"] = 1000, ["remaining"] = 999, ["reset_after"] = 14_400_000, ["max_concurrency"] = 1 },
    });

    private Reply BulkOverwrite(Match m, JsonNode? json)
    {
        if (m.Args["application_id"] != Id(_options.ApplicationId))
        {
            return Error(403, 50001, "Missing Access");
        }

        if (json is not JsonArray commands)
        {
            var e = new FormErrors();
            e.Add("", "BASE_TYPE_ARRAY", "Expected an array of commands.");
            return Invalid(e);
        }

        var errors = new FormErrors();
        PayloadValidator.Commands(commands, errors);
        if (errors.Any)
        {
            return Invalid(errors);
        }

        var stored = new JsonArray();
        foreach (var c in commands)
        {
            var copy = (JsonObject)c!.DeepClone();
            copy["id"] = Id(NextId());
            copy["application_id"] = Id(_options.ApplicationId);
            copy["type"] ??= 1;
            copy["version"] = Id(NextId());
            if (m.Args.TryGetValue("guild_id", out var g))
            {
                copy["guild_id"] = g;
            }

            stored.Add(copy);
        }

        var guild = m.Args.TryGetValue("guild_id", out var gid) ? ulong.Parse(gid, CultureInfo.InvariantCulture) : 0;
        _guildCommands[guild] = stored;
        return new Reply(200, stored.DeepClone());
    }

    private Reply Callback(Match m, JsonObject? body, IReadOnlyList<EmulatedAttachment> files, bool withResponse)
    {
        var now = _clock.GetUtcNow();
        if (!ulong.TryParse(m.Args["interaction_id"], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || !_interactions.TryGetValue(id, out var interaction) || interaction.Token != m.Args["interaction_token"])
        {
            return Error(404, 10062, "Unknown interaction");
        }

        var type = PayloadValidator.Int(body, "type") ?? 0;
        var data = body?["data"] as JsonObject;
        var flags = PayloadValidator.Int(data, "flags") ?? 0;
        var elapsed = now - interaction.CreatedAt;
        Reply reply;
        if (interaction.Acknowledged)
        {
            reply = Error(400, 40060, "Interaction has already been acknowledged.");
        }
        else if (elapsed > _options.InteractionResponseDeadline)
        {
            reply = Error(404, 10062, "Unknown interaction");
        }
        else
        {
            reply = AcceptCallback(interaction, type, data, flags, files, withResponse);
        }

        _callbacks.Add(new RecordedCallback(id, type, (JsonObject?)data?.DeepClone(), flags, elapsed, reply.Status, reply.ErrorCode));
        return reply;
    }

    // Type 8: data.choices, at most 25, each a name (1–100) and a value; only for autocomplete interactions (type 4).
    private static void AutocompleteResult(EmulatedInteraction interaction, JsonObject? data, FormErrors errors)
    {
        if (interaction.Type != 4)
        {
            errors.Add("type", "INTERACTION_RESPONSE_TYPE_INVALID", "APPLICATION_COMMAND_AUTOCOMPLETE_RESULT is only valid for autocomplete interactions.");
        }

        if (data?["choices"] is not JsonArray choices)
        {
            errors.Add("data.choices", "BASE_TYPE_REQUIRED", "This field is required");
            return;
        }

        if (choices.Count > 25)
        {
            errors.Add("data.choices", "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.");
        }

        for (var i = 0; i < choices.Count; i++)
        {
            var name = choices[i]?["name"] is JsonValue n && n.TryGetValue<string>(out var text) ? text : null;
            if (name is null || name.Length is < 1 or > 100)
            {
                errors.Add($"data.choices.{i}.name", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.");
            }

            if (choices[i]?["value"] is null)
            {
                errors.Add($"data.choices.{i}.value", "BASE_TYPE_REQUIRED", "This field is required");
            }
        }
    }

    private Reply AcceptCallback(EmulatedInteraction interaction, int type, JsonObject? data, int flags, IReadOnlyList<EmulatedAttachment> files, bool withResponse)
    {
        var errors = new FormErrors();
        if (interaction.Type == 4 && type != 8)
        {
            errors.Add("type", "INTERACTION_RESPONSE_TYPE_INVALID", "An autocomplete interaction is answered only with APPLICATION_COMMAND_AUTOCOMPLETE_RESULT (8).");
        }

        switch (type)
        {
            case 8:
                AutocompleteResult(interaction, data, errors);
                break;
            case 4 or 7:
                if (data is null)
                {
                    errors.Add("data", "BASE_TYPE_REQUIRED", "This field is required");
                }
                else if (type == 7 && interaction.MessageId is { } updated && _messages.FirstOrDefault(x => x.Id == updated) is { } onMessage)
                {
                    // UPDATE_MESSAGE edits the component's message: a V2 message stays V2.
                    PayloadValidator.Edit(data, onMessage, errors);
                }
                else
                {
                    PayloadValidator.Message(data, errors);
                }

                if (type == 7 && interaction.Type != 3)
                {
                    errors.Add("type", "INTERACTION_RESPONSE_TYPE_INVALID", "UPDATE_MESSAGE is only valid for component interactions.");
                }

                break;
            case 5:
                // A deferred response carries only EPHEMERAL (1 << 6); a Components V2 message comes by editing the
                // original response afterwards (reference/discord-api.md §13).
                if ((flags & ~64) != 0)
                {
                    errors.Add("data.flags", "INTERACTION_RESPONSE_FLAGS_INVALID", "A deferred response may only carry the EPHEMERAL flag.");
                }

                break;
            case 6:
                if (interaction.Type is not (3 or 5))
                {
                    errors.Add("type", "INTERACTION_RESPONSE_TYPE_INVALID", "DEFERRED_UPDATE_MESSAGE is only valid for component interactions.");
                }

                break;
            case 9:
                if (interaction.Type == 5)
                {
                    errors.Add("type", "INTERACTION_RESPONSE_TYPE_INVALID", "A modal cannot answer a modal submit.");
                }

                PayloadValidator.Modal(data, errors);
                break;
            default:
                errors.Add("type", "BASE_TYPE_CHOICES", "Value must be one of (1, 4, 5, 6, 7, 8, 9, 12, 13).");
                break;
        }

        if (errors.Any)
        {
            return Invalid(errors);
        }

        interaction.Acknowledged = true;
        EmulatedMessage? message = null;
        if (type is 4 or 5)
        {
            message = NewMessage(interaction.ChannelId);
            message.InteractionId = interaction.Id;
            if (type == 4)
            {
                ApplyMessage(message, data!, files);
            }
            else
            {
                message.Flags = (flags & 64) | LoadingFlag;
                message.AllowedMentions = data?["allowed_mentions"]?.DeepClone() as JsonObject;
            }

            message.Flags = (message.Flags & ~64) | (flags & 64);
            interaction.OriginalMessageId = message.Id;
        }
        else if (type == 7 && interaction.MessageId is { } mid && _messages.FirstOrDefault(x => x.Id == mid) is { } existing)
        {
            ApplyMessage(existing, data!, files);
            existing.EditCount++;
            message = existing;
        }

        if (type is 6 or 7 && interaction.MessageId is { } componentMessage)
        {
            // For a component (or a modal opened from one), Discord's "original response" is the message it came from.
            interaction.OriginalMessageId = componentMessage;
        }

        if (!withResponse)
        {
            return new Reply(204, null);
        }

        var response = new JsonObject
        {
            ["interaction"] = new JsonObject { ["id"] = Id(interaction.Id), ["type"] = interaction.Type },
        };
        if (message is not null)
        {
            response["resource"] = new JsonObject { ["type"] = type, ["message"] = MessageJson(message) };
        }

        return new Reply(200, response);
    }

    private Reply? FindWebhookInteraction(Match m, out EmulatedInteraction interaction)
    {
        interaction = null!;
        var token = m.Args["interaction_token"];
        var found = _interactions.Values.FirstOrDefault(i => i.Token == token);
        if (m.Args["application_id"] != Id(_options.ApplicationId) || found is null || !found.Acknowledged)
        {
            return Error(404, 10015, "Unknown Webhook");
        }

        if (_clock.GetUtcNow() - found.CreatedAt > _options.InteractionTokenLifetime)
        {
            return Error(401, 50027, "Invalid Webhook Token");
        }

        interaction = found;
        return null;
    }

    private Reply Followup(Match m, JsonObject? body, IReadOnlyList<EmulatedAttachment> files)
    {
        if (FindWebhookInteraction(m, out var interaction) is { } failure)
        {
            return failure;
        }

        if (ValidateNewMessage(body, files) is { } invalid)
        {
            return invalid;
        }

        var message = NewMessage(interaction.ChannelId);
        message.InteractionId = interaction.Id;
        ApplyMessage(message, body!, files);
        interaction.Followups.Add(message.Id);
        return new Reply(200, MessageJson(message));
    }

    private Reply EditWebhookMessage(Match m, JsonObject? body, IReadOnlyList<EmulatedAttachment> files, bool original)
    {
        if (FindWebhookInteraction(m, out var interaction) is { } failure)
        {
            return failure;
        }

        ulong? id = original ? interaction.OriginalMessageId
            : ulong.TryParse(m.Args["message_id"], NumberStyles.None, CultureInfo.InvariantCulture, out var mid) && interaction.Followups.Contains(mid) ? mid : null;
        var message = id is { } x ? _messages.FirstOrDefault(msg => msg.Id == x) : null;
        if (message is null)
        {
            return Error(404, 10008, "Unknown Message");
        }

        var errors = new FormErrors();
        PayloadValidator.Edit(body ?? [], message, errors);
        if (errors.Any)
        {
            return Invalid(errors);
        }

        ApplyMessage(message, body ?? [], files);
        message.Flags &= ~LoadingFlag;
        message.EditCount++;
        return new Reply(200, MessageJson(message));
    }

    private Reply DeleteWebhookMessage(Match m)
    {
        if (FindWebhookInteraction(m, out var interaction) is { } failure)
        {
            return failure;
        }

        var arg = m.Args.GetValueOrDefault("message_id");
        ulong? id = arg is null ? interaction.OriginalMessageId
            : ulong.TryParse(arg, NumberStyles.None, CultureInfo.InvariantCulture, out var mid) && interaction.Followups.Contains(mid) ? mid : null;
        var removed = id is { } x ? _messages.RemoveAll(msg => msg.Id == x) : 0;
        return removed == 0 ? Error(404, 10008, "Unknown Message") : new Reply(204, null);
    }

    private Reply CreateDm(JsonObject? body)
    {
        var recipient = PayloadValidator.Str(body, "recipient_id");
        if (!ulong.TryParse(recipient, NumberStyles.None, CultureInfo.InvariantCulture, out var userId))
        {
            var e = new FormErrors();
            e.Add("recipient_id", "BASE_TYPE_REQUIRED", "This field is required");
            return Invalid(e);
        }

        var dm = DmChannel(userId);
        return new Reply(200, ChannelJson(dm));
    }

    private EmulatedChannel DmChannel(ulong userId)
    {
        var dm = _channels.Values.FirstOrDefault(c => c.Type == 1 && c.RecipientId == userId);
        if (dm is null)
        {
            dm = new EmulatedChannel(NextId(), 1, null, null, null, userId);
            _channels[dm.Id] = dm;
            _users.TryAdd(userId, "user" + Id(userId));
        }

        return dm;
    }

    private Reply? ValidateNewMessage(JsonObject? body, IReadOnlyList<EmulatedAttachment> files)
    {
        if (body is null)
        {
            return Error(400, 50006, "Cannot send an empty message");
        }

        var errors = new FormErrors();
        PayloadValidator.Message(body, errors);
        if (errors.Any)
        {
            return Invalid(errors);
        }

        var empty = string.IsNullOrEmpty(PayloadValidator.Str(body, "content"))
            && body["embeds"] is not JsonArray { Count: > 0 }
            && body["components"] is not JsonArray { Count: > 0 }
            && files.Count == 0;
        return empty ? Error(400, 50006, "Cannot send an empty message") : null;
    }

    private Reply CreateMessage(Match m, JsonObject? body, IReadOnlyList<EmulatedAttachment> files)
    {
        if (Channel(m) is not { } channel)
        {
            return Error(404, 10003, "Unknown Channel");
        }

        if (channel.Type == 1 && channel.RecipientId is { } r && _closedDms.Contains(r))
        {
            return Error(403, 50007, "Cannot send messages to this user");
        }

        if (BotCannot(channel, channel.IsThread ? SendMessagesInThreads : SendMessages) is { } refused)
        {
            return refused;
        }

        if (ValidateNewMessage(body, files) is { } invalid)
        {
            return invalid;
        }

        if (channel.IsThread && channel.Archived)
        {
            if (channel.Locked)
            {
                return Error(403, 160005, "Thread is locked");
            }

            // Sending in an archived thread unarchives it.
            channel.Archived = false;
        }

        // enforce_nonce (reference §Create Message): a nonce the same author used in the past few minutes returns that
        // message instead of creating another, so a sender that retries after a lost answer posts once.
        var nonce = body!["nonce"] is JsonValue value ? value.ToString() : null;
        var enforced = nonce is not null && body["enforce_nonce"] is JsonValue enforce && enforce.GetValueKind() == JsonValueKind.True;
        if (enforced && _messages.LastOrDefault(x => x.Nonce == nonce && x.AuthorId == _options.BotUserId && _clock.GetUtcNow() - x.Timestamp < NonceWindow) is { } earlier)
        {
            return new Reply(200, MessageJson(earlier));
        }

        var message = NewMessage(channel.Id);
        ApplyMessage(message, body!, files);
        message.Flags &= ~64;
        message.Nonce = enforced ? nonce : null;
        return new Reply(200, MessageJson(message));
    }

    private Reply EditMessage(Match m, JsonObject? body, IReadOnlyList<EmulatedAttachment> files)
    {
        if (Channel(m) is not { } channel)
        {
            return Error(404, 10003, "Unknown Channel");
        }

        var message = ulong.TryParse(m.Args["message_id"], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? _messages.FirstOrDefault(x => x.Id == id && x.ChannelId == channel.Id) : null;
        if (message is null)
        {
            return Error(404, 10008, "Unknown Message");
        }

        if (BotCannot(channel, ViewChannel) is { } hidden)
        {
            return hidden;
        }

        if (message.AuthorId != _options.BotUserId)
        {
            return Error(403, 50005, "Cannot edit a message authored by another user");
        }

        var errors = new FormErrors();
        PayloadValidator.Edit(body ?? [], message, errors);
        if (errors.Any)
        {
            return Invalid(errors);
        }

        ApplyMessage(message, body ?? [], files);
        message.EditCount++;
        return new Reply(200, MessageJson(message));
    }

    private Reply GetMessages(Match m, string limitText, string beforeText)
    {
        if (Channel(m) is not { } channel)
        {
            return Error(404, 10003, "Unknown Channel");
        }

        // Without View Channel Discord refuses; without Read Message History it answers with no messages.
        if (BotCannot(channel, ViewChannel) is { } refused)
        {
            return refused;
        }

        var limit = int.TryParse(limitText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l : 50;
        if (limit is < 1 or > 100)
        {
            var e = new FormErrors();
            e.Add("limit", "NUMBER_TYPE_MAX", "Must be between 1 and 100.");
            return Invalid(e);
        }

        ulong? before = ulong.TryParse(beforeText, NumberStyles.None, CultureInfo.InvariantCulture, out var b) ? b : null;
        var history = channel.GuildId is null || (ComputePermissions(_options.BotUserId, channel.Id) & ReadMessageHistory) != 0;
        var list = _messages.Where(x => history && x.ChannelId == channel.Id && (before is null || x.Id < before) && !x.IsEphemeral)
            .OrderByDescending(x => x.Id).Take(limit).Select(x => (JsonNode)ForReader(MessageJson(x), x, channel));
        return new Reply(200, new JsonArray([.. list]));
    }

    private Reply StartThread(Match m, JsonObject? body, string? reason)
    {
        if (Channel(m) is not { } parent)
        {
            return Error(404, 10003, "Unknown Channel");
        }

        var errors = new FormErrors();
        var name = PayloadValidator.Str(body, "name");
        errors.Length(name, 1, 100, "name");
        var duration = PayloadValidator.Int(body, "auto_archive_duration") ?? 4320;
        if (duration is not (60 or 1440 or 4320 or 10080))
        {
            errors.Add("auto_archive_duration", "BASE_TYPE_CHOICES", "Value must be one of (60, 1440, 4320, 10080).");
        }

        var type = PayloadValidator.Int(body, "type") ?? 12;
        if (type is not (10 or 11 or 12))
        {
            errors.Add("type", "BASE_TYPE_CHOICES", "Value must be one of (10, 11, 12).");
        }

        if (errors.Any)
        {
            return Invalid(errors);
        }

        if (parent.Type != 0 && type == 12)
        {
            return Error(400, 50024, "Cannot execute action on this channel type");
        }

        if (BotCannot(parent, type == 12 ? CreatePrivateThreads : ViewChannel) is { } refused)
        {
            return refused;
        }

        var thread = new EmulatedChannel(NextId(), type, parent.GuildId, parent.Id, name, null)
        {
            AutoArchiveDuration = duration,
            Invitable = type == 12 ? (body?["invitable"] is JsonValue v && v.TryGetValue<bool>(out var inv) ? inv : true) : null,
        };
        thread.MemberSet.Add(_options.BotUserId);
        if (reason is not null)
        {
            thread.Reasons.Add(reason);
        }

        _channels[thread.Id] = thread;
        return new Reply(201, ChannelJson(thread));
    }

    private Reply AddThreadMember(Match m)
    {
        if (Channel(m) is not { IsThread: true } thread)
        {
            return Error(404, 10003, "Unknown Channel");
        }

        if (thread.Archived)
        {
            return Error(400, 50083, "Thread is archived");
        }

        thread.MemberSet.Add(ulong.Parse(m.Args["user_id"], CultureInfo.InvariantCulture));
        return new Reply(204, null);
    }

    private Reply ModifyChannel(Match m, JsonObject? body, string? reason)
    {
        if (Channel(m) is not { } channel)
        {
            return Error(404, 10003, "Unknown Channel");
        }

        var errors = new FormErrors();
        if (body?["name"] is not null)
        {
            errors.Length(PayloadValidator.Str(body, "name"), 1, 100, "name");
        }

        if (errors.Any)
        {
            return Invalid(errors);
        }

        static bool? Flag(JsonObject? o, string name) => o?[name] is JsonValue v && v.TryGetValue<bool>(out var b) ? b : null;
        if (PayloadValidator.Str(body, "name") is { } name)
        {
            channel.Name = name;
        }

        if (Flag(body, "archived") is { } archived)
        {
            channel.Archived = archived;
        }

        if (Flag(body, "locked") is { } locked)
        {
            channel.Locked = locked;
        }

        if (Flag(body, "invitable") is { } invitable)
        {
            channel.Invitable = invitable;
        }

        if (reason is not null)
        {
            channel.Reasons.Add(reason);
        }

        return new Reply(200, ChannelJson(channel));
    }

    private Reply GetMember(Match m)
    {
        if (m.Args["guild_id"] != Id(_options.GuildId))
        {
            return Error(404, 10004, "Unknown Guild");
        }

        var userId = ulong.Parse(m.Args["user_id"], CultureInfo.InvariantCulture);
        return _members.ContainsKey(userId) ? new Reply(200, MemberJson(userId, withUser: true)) : Error(404, 10007, "Unknown Member");
    }

    private EmulatedChannel? Channel(Match m) =>
        ulong.TryParse(m.Args["channel_id"], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? _channels.GetValueOrDefault(id) : null;

    private EmulatedMessage NewMessage(ulong channelId)
    {
        var message = new EmulatedMessage(NextId(), channelId, _options.BotUserId, _clock.GetUtcNow())
        {
            InDirectMessage = _channels.GetValueOrDefault(channelId)?.Type == 1,
        };
        _messages.Add(message);
        return message;
    }

    private static void ApplyMessage(EmulatedMessage message, JsonObject body, IReadOnlyList<EmulatedAttachment> files)
    {
        if (body.ContainsKey("content"))
        {
            message.Content = PayloadValidator.Str(body, "content") ?? "";
        }

        if (body["embeds"] is JsonArray embeds)
        {
            message.Embeds = (JsonArray)embeds.DeepClone();
        }
        else if (body.ContainsKey("embeds"))
        {
            // embeds: null removes them (what an edit upgrading a message to Components V2 sends).
            message.Embeds = [];
        }

        if (body["components"] is JsonArray components)
        {
            message.Components = (JsonArray)components.DeepClone();
        }

        if (body.ContainsKey("allowed_mentions"))
        {
            message.AllowedMentions = body["allowed_mentions"]?.DeepClone() as JsonObject;
        }

        // An edit's flags replace the editable ones; whether the message is ephemeral was settled when it was sent.
        if (PayloadValidator.Int(body, "flags") is { } flags)
        {
            message.Flags = flags | (message.Flags & 64);
        }

        if (files.Count > 0)
        {
            message.Attachments = files;
        }
    }

    private JsonObject UserJson(ulong userId) => new()
    {
        ["id"] = Id(userId),
        ["username"] = _users.GetValueOrDefault(userId) ?? "user" + Id(userId),
        ["global_name"] = null,
        ["discriminator"] = "0",
        ["avatar"] = null,
        ["bot"] = userId == _options.BotUserId,
    };

    private JsonObject MemberJson(ulong userId, bool withUser)
    {
        var (roles, permissions) = _members.TryGetValue(userId, out var m) ? m : ([], 0UL);
        var o = new JsonObject
        {
            ["roles"] = new JsonArray([.. roles.Select(r => (JsonNode)Id(r))]),
            ["nick"] = null,
            ["joined_at"] = "2024-01-01T00:00:00.000000+00:00",
            ["deaf"] = false,
            ["mute"] = false,
            ["flags"] = 0,
            ["pending"] = false,
            ["permissions"] = Id(permissions),
        };
        if (withUser)
        {
            o["user"] = UserJson(userId);
        }

        return o;
    }

    private JsonObject MessageJson(EmulatedMessage m) => WithMemberExtras(new()
    {
        ["id"] = Id(m.Id),
        ["channel_id"] = Id(m.ChannelId),
        ["type"] = 0,
        ["author"] = UserJson(m.AuthorId),
        ["content"] = m.Content,
        ["embeds"] = m.Embeds.DeepClone(),
        ["components"] = m.Components.DeepClone(),
        ["flags"] = m.Flags,
        ["mention_everyone"] = false,
        ["mentions"] = new JsonArray([.. MentionedUsers(m.Content).Select(id => (JsonNode)UserJson(id))]),
        ["attachments"] = AttachmentsJson(m.ChannelId, m.Id, m.Attachments),
        ["timestamp"] = m.Timestamp.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffffzzz", CultureInfo.InvariantCulture),
    }, m);

    private JsonObject ChannelJson(EmulatedChannel c)
    {
        var o = new JsonObject { ["id"] = Id(c.Id), ["type"] = c.Type };
        if (c.GuildId is { } g)
        {
            o["guild_id"] = Id(g);
        }

        if (c.ParentId is { } p)
        {
            o["parent_id"] = Id(p);
        }

        if (c.Name is not null)
        {
            o["name"] = c.Name;
        }

        if (c.GuildId is not null && !c.IsThread)
        {
            o["permission_overwrites"] = OverwritesJson(c);
        }

        if (c.RecipientId is { } r)
        {
            o["recipients"] = new JsonArray(UserJson(r));
        }

        if (c.IsThread)
        {
            o["owner_id"] = Id(_options.BotUserId);
            o["member_count"] = c.MemberSet.Count;
            var meta = new JsonObject
            {
                ["archived"] = c.Archived,
                ["auto_archive_duration"] = c.AutoArchiveDuration,
                ["archive_timestamp"] = _clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
                ["locked"] = c.Locked,
            };
            if (c.Invitable is { } inv)
            {
                meta["invitable"] = inv;
            }

            o["thread_metadata"] = meta;
        }

        return o;
    }
}
