using System.Text.Json.Nodes;

namespace AstraBit.SupportBot.Discord.Models;

/// <summary>A file to upload with a message (sent as multipart <c>files[n]</c>).</summary>
public sealed record FileUpload(string FileName, ReadOnlyMemory<byte> Content, string? Description = null, string ContentType = "application/octet-stream");

/// <summary>
/// A validated message body for channel messages, interaction responses, follow-ups and edits.
/// Build it with <see cref="MessageBuilder"/>. <see cref="AllowedMentions"/> is always sent.
/// </summary>
public sealed record MessagePayload
{
    internal MessagePayload(string? content, IReadOnlyList<Embed> embeds, IReadOnlyList<MessageComponent>? components, AllowedMentions allowedMentions, MessageFlags flags, IReadOnlyList<FileUpload> files)
    {
        Content = content;
        Embeds = embeds;
        Components = components;
        AllowedMentions = allowedMentions;
        Flags = flags;
        Files = files;
    }

    public string? Content { get; }

    public IReadOnlyList<Embed> Embeds { get; }

    /// <summary>
    /// The action rows, or with <see cref="MessageFlags.IsComponentsV2"/> the whole message's layout (containers,
    /// sections, text displays, separators, action rows); null leaves a message's components untouched on edit, empty
    /// removes them.
    /// </summary>
    public IReadOnlyList<MessageComponent>? Components { get; }

    /// <summary>Whether the message is a Components V2 message (its components are all it shows).</summary>
    public bool IsComponentsV2 => (Flags & MessageFlags.IsComponentsV2) != 0;

    public AllowedMentions AllowedMentions { get; }

    public MessageFlags Flags { get; }

    public IReadOnlyList<FileUpload> Files { get; }

    /// <summary>The message this one replies to (message_reference); whether its author is pinged is <see cref="AllowedMentions.RepliedUser"/>.</summary>
    public ulong? ReplyToMessageId { get; internal init; }

    /// <summary>
    /// Sent as <c>nonce</c> with <c>enforce_nonce: true</c>: Discord returns the message the bot already created with this
    /// nonce in the past few minutes instead of creating a second, so a post repeated after a crash or a lost answer
    /// shows once. At most 25 characters.
    /// </summary>
    public string? Nonce
    {
        get;
        init
        {
            if (value is { Length: 0 or > 25 })
            {
                throw new ArgumentException("A message nonce is 1 to 25 characters.", nameof(value));
            }

            field = value;
        }
    }

    /// <summary>This message, sent with <paramref name="nonce"/> enforced (see <see cref="Nonce"/>).</summary>
    public MessagePayload WithNonce(string nonce) => this with { Nonce = nonce };

    /// <summary>A plain text message that pings nobody.</summary>
    public static MessagePayload Text(string content, bool ephemeral = false) =>
        new MessageBuilder().WithContent(content).WithEphemeral(ephemeral).Build();

    /// <param name="edit">
    /// The body edits a message that exists (PATCH of a message or of @original, UPDATE_MESSAGE). A Components V2 edit
    /// then says <c>content: null</c> and <c>embeds: null</c>: the message it edits may be a legacy one (an older walkthrough
    /// page with an embed), and Discord upgrades a message to V2 in place only when the edit clears those fields (discord.js
    /// guide, "Components V2", discordjs/guide#1620; Discord.Net v3.18 upgrade notes, discord-net/Discord.Net#3162).
    /// </param>
    internal JsonObject ToJson(bool edit = false)
    {
        var o = new JsonObject();
        if (Content is not null)
        {
            o["content"] = Content;
        }
        else if (edit && IsComponentsV2)
        {
            o["content"] = null;
        }

        if (Embeds.Count > 0)
        {
            o["embeds"] = new JsonArray([.. Embeds.Select(e => (JsonNode)e.ToJson())]);
        }
        else if (edit && IsComponentsV2)
        {
            o["embeds"] = null;
        }

        if (Components is not null)
        {
            o["components"] = new JsonArray([.. Components.Select(c => (JsonNode)c.ToJson())]);
        }

        o["allowed_mentions"] = AllowedMentions.ToJson();
        if (ReplyToMessageId is { } replyTo)
        {
            // A reply to a message deleted meanwhile is still sent, as a plain message.
            o["message_reference"] = new JsonObject { ["message_id"] = JsonRead.Id(replyTo), ["fail_if_not_exists"] = false };
        }

        if (Flags != MessageFlags.None)
        {
            o["flags"] = (int)Flags;
        }

        if (Nonce is not null)
        {
            o["nonce"] = Nonce;
            o["enforce_nonce"] = true;
        }

        if (Files.Count > 0)
        {
            o["attachments"] = new JsonArray([.. Files.Select((f, i) =>
            {
                var a = new JsonObject { ["id"] = i, ["filename"] = f.FileName };
                if (f.Description is not null)
                {
                    a["description"] = f.Description;
                }

                return (JsonNode)a;
            })]);
        }

        return o;
    }
}

/// <summary>Builds a <see cref="MessagePayload"/>, enforcing Discord's message limits.</summary>
public sealed class MessageBuilder
{
    private readonly List<Embed> _embeds = [];
    private readonly List<FileUpload> _files = [];
    private List<MessageComponent>? _rows;
    private string? _content;
    private AllowedMentions _allowedMentions = AllowedMentions.None;
    private MessageFlags _flags;
    private ulong? _replyTo;

    /// <summary>A builder that starts from everything <paramref name="payload"/> holds (content, embeds, rows, mentions, flags, files), to add to it.</summary>
    public static MessageBuilder From(MessagePayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var builder = new MessageBuilder
        {
            _content = payload.Content,
            _rows = payload.Components is null ? null : [.. payload.Components],
            _allowedMentions = payload.AllowedMentions,
            _flags = payload.Flags,
            _replyTo = payload.ReplyToMessageId,
        };
        builder._embeds.AddRange(payload.Embeds);
        builder._files.AddRange(payload.Files);
        return builder;
    }

    public MessageBuilder WithContent(string? content)
    {
        DiscordLimits.MaxLength(content, DiscordLimits.MessageContent, "content");
        _content = content;
        return this;
    }

    public MessageBuilder AddEmbed(Embed embed)
    {
        ArgumentNullException.ThrowIfNull(embed);
        DiscordLimits.Count(_embeds.Count + 1, DiscordLimits.EmbedsPerMessage, "embeds");
        _embeds.Add(embed);
        return this;
    }

    public MessageBuilder AddActionRow(ActionRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        _rows ??= [];
        _rows.Add(row);
        return this;
    }

    /// <summary>Adds a top-level component: an action row, or for a Components V2 message a container, section, text display or separator.</summary>
    public MessageBuilder AddComponent(MessageComponent component)
    {
        ArgumentNullException.ThrowIfNull(component);
        if (component is not (ActionRow or LayoutComponent))
        {
            throw new ArgumentException("A message's top-level components are action rows, or with Components V2 layout components.", nameof(component));
        }

        _rows ??= [];
        _rows.Add(component);
        return this;
    }

    /// <summary>
    /// Makes this a Components V2 message (flag 1 &lt;&lt; 15): its components are everything it shows, so it carries no
    /// content or embeds, and once sent the flag cannot be removed by an edit.
    /// </summary>
    public MessageBuilder WithComponentsV2()
    {
        _flags |= MessageFlags.IsComponentsV2;
        return this;
    }

    /// <summary>Adds a row; shorthand for <c>AddActionRow(new ActionRow(components))</c>.</summary>
    public MessageBuilder AddActionRow(params IEnumerable<MessageComponent> components) => AddActionRow(new ActionRow(components));

    /// <summary>Sends an empty component list, which removes the buttons of an edited message.</summary>
    public MessageBuilder ClearComponents()
    {
        _rows = [];
        return this;
    }

    /// <summary>Replaces the default (no pings) mention policy.</summary>
    public MessageBuilder WithAllowedMentions(AllowedMentions allowedMentions)
    {
        _allowedMentions = allowedMentions ?? throw new ArgumentNullException(nameof(allowedMentions));
        return this;
    }

    /// <summary>Makes the message a reply to <paramref name="messageId"/> in the same channel.</summary>
    public MessageBuilder WithReplyTo(ulong messageId)
    {
        _replyTo = messageId;
        return this;
    }

    /// <summary>Sets or clears the EPHEMERAL flag (64); meaningful for interaction responses and follow-ups.</summary>
    public MessageBuilder WithEphemeral(bool ephemeral = true)
    {
        _flags = ephemeral ? _flags | MessageFlags.Ephemeral : _flags & ~MessageFlags.Ephemeral;
        return this;
    }

    public MessageBuilder WithFlags(MessageFlags flags)
    {
        _flags = flags;
        return this;
    }

    /// <summary>Attaches a file; the message is then sent as multipart/form-data.</summary>
    public MessageBuilder AddFile(FileUpload file)
    {
        ArgumentNullException.ThrowIfNull(file);
        DiscordLimits.Length(file.FileName, 1, 1024, "file name");
        DiscordLimits.Count(_files.Count + 1, 10, "files");
        _files.Add(file);
        return this;
    }

    /// <exception cref="ArgumentException">
    /// The embeds exceed 6000 characters in total; a legacy message has more than 5 action rows or a layout component;
    /// a Components V2 message has content or embeds, more than 40 components counting nested ones, or more than 4000
    /// characters of text displays.
    /// </exception>
    public MessagePayload Build()
    {
        DiscordLimits.Count(_embeds.Sum(e => e.TotalLength), DiscordLimits.EmbedTotal, "embed total characters");
        if ((_flags & MessageFlags.IsComponentsV2) != 0)
        {
            if (!string.IsNullOrEmpty(_content) || _embeds.Count > 0)
            {
                throw new ArgumentException("A Components V2 message carries no content or embeds: put the text in text displays.");
            }

            DiscordLimits.Count((_rows ?? []).Sum(ComponentsV2.CountOf), DiscordLimits.ComponentsV2Total, "components (nested included)");
            DiscordLimits.Count(ComponentsV2.TextLengthOf(_rows ?? []), DiscordLimits.ComponentsV2Text, "text display characters");
        }
        else if (_rows is not null)
        {
            if (_rows.Any(r => r is not ActionRow))
            {
                throw new ArgumentException("Containers, sections, text displays and separators need WithComponentsV2().");
            }

            DiscordLimits.Count(_rows.Count, DiscordLimits.ActionRowsPerMessage, "action rows");
        }

        return new MessagePayload(_content, [.. _embeds], _rows is null ? null : [.. _rows], _allowedMentions, _flags, [.. _files]) { ReplyToMessageId = _replyTo };
    }
}
