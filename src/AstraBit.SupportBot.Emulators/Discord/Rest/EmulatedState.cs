using System.Text.Json.Nodes;

namespace AstraBit.SupportBot.Emulators.Discord;

/// <summary>One request the emulator received (secrets are kept: this is a test double).</summary>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string? Route,
    string? Major,
    string? Authorization,
    string? UserAgent,
    string? AuditLogReason,
    string? ContentType,
    string? Body,
    IReadOnlyList<EmulatedAttachment> Files,
    DateTimeOffset ReceivedAt)
{
    /// <summary>The JSON body (or multipart payload_json), parsed; null when there was none.</summary>
    public JsonNode? Json => string.IsNullOrEmpty(Body) ? null : JsonNode.Parse(Body);

    /// <summary>Status the emulator answered with.</summary>
    public int Status { get; internal set; }

    /// <summary>Discord error code the emulator answered with, 0 on success.</summary>
    public int ErrorCode { get; internal set; }

    /// <summary>
    /// Body fields (as paths, e.g. <c>embeds.0.colour</c>) that Discord's OpenAPI schema does not define for this
    /// route. Discord ignores such a field without an error, so the request "works" but doesn't do what was meant.
    /// </summary>
    public IReadOnlyList<string> UnknownFields { get; internal set; } = [];
}

/// <summary>An uploaded file.</summary>
public sealed record EmulatedAttachment(ulong Id, string FileName, string? ContentType, byte[] Content);

/// <summary>A channel, DM channel or thread in the emulator.</summary>
public sealed class EmulatedChannel
{
    internal EmulatedChannel(ulong id, int type, ulong? guildId, ulong? parentId, string? name, ulong? recipientId)
    {
        Id = id;
        Type = type;
        GuildId = guildId;
        ParentId = parentId;
        Name = name;
        RecipientId = recipientId;
    }

    public ulong Id { get; }

    public int Type { get; }

    public ulong? GuildId { get; }

    public ulong? ParentId { get; }

    public string? Name { get; internal set; }

    /// <summary>For DM channels: the other user.</summary>
    public ulong? RecipientId { get; }

    public bool Archived { get; internal set; }

    public bool Locked { get; internal set; }

    public bool? Invitable { get; internal set; }

    public int AutoArchiveDuration { get; internal set; }

    public IReadOnlySet<ulong> Members => MemberSet;

    /// <summary>X-Audit-Log-Reason values sent with changes to this channel, in order.</summary>
    public IReadOnlyList<string> AuditLogReasons => Reasons;

    internal HashSet<ulong> MemberSet { get; } = [];

    /// <summary>Permission overwrites (guild channels).</summary>
    public IReadOnlyList<EmulatedOverwrite> Overwrites => OverwriteList;

    internal List<EmulatedOverwrite> OverwriteList { get; } = [];

    internal List<string> Reasons { get; } = [];

    public bool IsThread => Type is 10 or 11 or 12;
}

/// <summary>A message in the emulator, with the JSON the client sent for it.</summary>
public sealed class EmulatedMessage
{
    internal EmulatedMessage(ulong id, ulong channelId, ulong authorId, DateTimeOffset timestamp)
    {
        Id = id;
        ChannelId = channelId;
        AuthorId = authorId;
        Timestamp = timestamp;
    }

    public ulong Id { get; }

    public ulong ChannelId { get; }

    public ulong AuthorId { get; }

    public DateTimeOffset Timestamp { get; }

    /// <summary>The nonce the message was created with, when it was sent with <c>enforce_nonce</c> (what deduplication compares).</summary>
    public string? Nonce { get; internal set; }

    public string Content { get; internal set; } = "";

    public int Flags { get; internal set; }

    public JsonArray Embeds { get; internal set; } = [];

    public JsonArray Components { get; internal set; } = [];

    /// <summary>The last allowed_mentions the client sent for this message (null when it sent none).</summary>
    public JsonObject? AllowedMentions { get; internal set; }

    public IReadOnlyList<EmulatedAttachment> Attachments { get; internal set; } = [];

    /// <summary>The interaction whose response or follow-up this is.</summary>
    public ulong? InteractionId { get; internal set; }

    public bool IsEphemeral => (Flags & 64) != 0;

    /// <summary>Whether the message was sent as Components V2 (flag 1 &lt;&lt; 15): its components are all it shows.</summary>
    public bool IsComponentsV2 => (Flags & PayloadValidator.ComponentsV2Flag) != 0;

    /// <summary>What a reader sees of the message as words, embeds or Components V2 alike (<see cref="MessageText"/>).</summary>
    public string Text => MessageText.Of(Content, Embeds, Components);

    /// <summary>The message's buttons as (custom id, label), wherever they sit.</summary>
    public IReadOnlyList<(string CustomId, string Label)> Buttons => MessageText.Buttons(Components);

    public int EditCount { get; internal set; }

    /// <summary>True when the message is in a DM channel.</summary>
    public bool InDirectMessage { get; internal set; }
}

/// <summary>One interaction callback the emulator received.</summary>
public sealed record RecordedCallback(ulong InteractionId, int Type, JsonObject? Data, int Flags, TimeSpan SinceCreation, int Status, int ErrorCode)
{
    /// <summary>True when the emulator accepted the callback.</summary>
    public bool Accepted => ErrorCode == 0 && Status < 300;
}

/// <summary>An interaction as the emulator created it: who, where, and the message a component interaction came from.</summary>
public sealed record InteractionContext(ulong Id, int Type, ulong UserId, ulong ChannelId, bool InDirectMessage, ulong? MessageId);

/// <summary>An option of an emulated slash command invocation.</summary>
public sealed record SlashOption(string Name, int Type, JsonNode? Value = null, IReadOnlyList<SlashOption>? Options = null)
{
    public static SlashOption String(string name, string value) => new(name, 3, JsonValue.Create(value));

    public static SlashOption Integer(string name, long value) => new(name, 4, JsonValue.Create(value));

    public static SlashOption Boolean(string name, bool value) => new(name, 5, JsonValue.Create(value));

    /// <summary>A USER option; the user is added to <c>resolved</c>.</summary>
    public static SlashOption User(string name, ulong userId) => new(name, 6, JsonValue.Create(userId.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public static SlashOption Subcommand(string name, params SlashOption[] options) => new(name, 1, null, options);

    public static SlashOption SubcommandGroup(string name, params SlashOption[] subcommands) => new(name, 2, null, subcommands);

    /// <summary>The STRING option being typed in an autocomplete interaction (Discord marks it <c>focused</c>).</summary>
    public static SlashOption FocusedString(string name, string typed) => new(name, 3, JsonValue.Create(typed)) { Focused = true };

    /// <summary>Whether this is the option being typed (autocomplete interactions only).</summary>
    public bool Focused { get; init; }

    internal JsonObject ToJson()
    {
        var o = new JsonObject { ["name"] = Name, ["type"] = Type };
        if (Value is not null)
        {
            o["value"] = Value.DeepClone();
        }

        if (Options is not null)
        {
            o["options"] = new JsonArray([.. Options.Select(x => (JsonNode)x.ToJson())]);
        }

        if (Focused)
        {
            o["focused"] = true;
        }

        return o;
    }
}

internal sealed class EmulatedInteraction(ulong id, string token, int type, ulong userId, ulong channelId, bool inDm, ulong? messageId, DateTimeOffset createdAt)
{
    public ulong Id { get; } = id;

    public string Token { get; } = token;

    public int Type { get; } = type;

    public ulong UserId { get; } = userId;

    public ulong ChannelId { get; } = channelId;

    public bool InDm { get; } = inDm;

    public ulong? MessageId { get; } = messageId;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public bool Acknowledged { get; set; }

    public ulong? OriginalMessageId { get; set; }

    public HashSet<ulong> Followups { get; } = [];
}
