using System.Globalization;
using System.Text.Json;

namespace AstraBit.SupportBot.Discord.Models;

/// <summary>Interaction types (<c>type</c> of INTERACTION_CREATE).</summary>
public enum InteractionType
{
    Ping = 1,
    ApplicationCommand = 2,
    MessageComponent = 3,
    ApplicationCommandAutocomplete = 4,
    ModalSubmit = 5,
}

/// <summary>
/// An interaction (INTERACTION_CREATE <c>d</c>). In a guild <see cref="Member"/> is set; in a DM only
/// <see cref="User"/>. <see cref="User"/> is always the invoking user.
/// </summary>
public sealed record Interaction(
    ulong Id,
    ulong ApplicationId,
    InteractionType Type,
    string Token,
    ulong? GuildId,
    ulong? ChannelId,
    GuildMember? Member,
    DiscordUser User,
    string? Locale,
    ulong? MessageId,
    InteractionData? Data)
{
    /// <summary>How long an interaction's token works for follow-ups and edits of the original response (15 minutes).</summary>
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(15);

    /// <summary>True when the interaction happened in a DM (no guild, no member).</summary>
    public bool IsInDirectMessage => GuildId is null;

    /// <summary>When Discord created the interaction: the time in its snowflake id.</summary>
    public DateTimeOffset CreatedAt => DateTimeOffset.FromUnixTimeMilliseconds((long)(Id >> 22) + 1_420_070_400_000);

    /// <summary>From then on Discord refuses the token (<see cref="TokenLifetime"/> after <see cref="CreatedAt"/>).</summary>
    public DateTimeOffset TokenExpiresAt => CreatedAt + TokenLifetime;

    /// <summary>Slash / user command data, or null for other types.</summary>
    public ApplicationCommandData? Command => Data as ApplicationCommandData;

    /// <summary>Button / select data, or null for other types.</summary>
    public ComponentInteractionData? Component => Data as ComponentInteractionData;

    /// <summary>Modal submit data, or null for other types.</summary>
    public ModalSubmitData? Modal => Data as ModalSubmitData;

    /// <summary>
    /// The message a button or select was on (for a form, the message of the button that opened it): its flags and the
    /// custom_ids of its components, so a handler can tell whose message it is. Null when the interaction has none.
    /// </summary>
    public InteractionMessage? Message { get; init; }

    /// <summary>The guild's preferred locale (<c>guild_locale</c>), on interactions in a guild; <see cref="Locale"/> is the user's own.</summary>
    public string? GuildLocale { get; init; }

    /// <summary>Parses an INTERACTION_CREATE payload (the dispatch's <c>d</c>).</summary>
    /// <exception cref="JsonException">A required field is missing.</exception>
    public static Interaction Parse(JsonElement d)
    {
        var type = (InteractionType)(d.Int("type") ?? throw new JsonException("Interaction has no type."));
        var member = d.Prop("member") is { } m ? GuildMember.Parse(m) : null;
        var user = member?.User
            ?? (d.Prop("user") is { } u ? DiscordUser.Parse(u) : null)
            ?? (type == InteractionType.Ping ? new DiscordUser(0, "", null, false) : throw new JsonException("Interaction has neither member.user nor user."));
        var data = d.Prop("data") is { } dd
            ? type switch
            {
                InteractionType.ApplicationCommand or InteractionType.ApplicationCommandAutocomplete => ApplicationCommandData.Parse(dd),
                InteractionType.MessageComponent => ComponentInteractionData.Parse(dd),
                InteractionType.ModalSubmit => ModalSubmitData.Parse(dd),
                _ => (InteractionData?)null,
            }
            : null;
        return new Interaction(
            d.RequiredSnowflake("id"),
            d.RequiredSnowflake("application_id"),
            type,
            d.Str("token") ?? throw new JsonException("Interaction has no token."),
            d.Snowflake("guild_id"),
            d.Snowflake("channel_id") ?? d.Prop("channel")?.Snowflake("id"),
            member,
            user,
            d.Str("locale"),
            d.Prop("message")?.Snowflake("id"),
            data)
        {
            Message = d.Prop("message") is { } message ? InteractionMessage.Parse(message) : null,
            GuildLocale = d.Str("guild_locale"),
        };
    }
}

/// <summary>What an interaction says about the message it came from (<c>message</c>: flags, components).</summary>
public sealed record InteractionMessage(ulong Id, MessageFlags Flags, IReadOnlyList<string> CustomIds)
{
    /// <summary>Only the person it was sent to sees it.</summary>
    public bool IsEphemeral => Flags.HasFlag(MessageFlags.Ephemeral);

    /// <summary>Whether a component on the message carries exactly <paramref name="customId"/>.</summary>
    public bool Carries(string customId) => CustomIds.Contains(customId, StringComparer.Ordinal);

    internal static InteractionMessage Parse(JsonElement message)
    {
        var ids = new List<string>();
        Collect(message.Array("components"), ids);
        return new(message.Snowflake("id") ?? 0, (MessageFlags)(message.Int("flags") ?? 0), ids);
    }

    // Action rows hold buttons and selects; Components V2 nest them in containers and put them beside sections.
    private static void Collect(IEnumerable<JsonElement> components, List<string> ids)
    {
        foreach (var component in components)
        {
            if (component.Str("custom_id") is { Length: > 0 } id)
            {
                ids.Add(id);
            }

            Collect(component.Array("components"), ids);
            if (component.Prop("accessory") is { } accessory)
            {
                Collect([accessory], ids);
            }

            if (component.Prop("component") is { } wrapped)
            {
                Collect([wrapped], ids);
            }
        }
    }
}

/// <summary>The <c>data</c> of an interaction; see the derived records.</summary>
public abstract record InteractionData;

/// <summary>Application command types.</summary>
public enum ApplicationCommandType
{
    ChatInput = 1,
    User = 2,
    Message = 3,
}

/// <summary>Application command option types.</summary>
public enum CommandOptionType
{
    SubCommand = 1,
    SubCommandGroup = 2,
    String = 3,
    Integer = 4,
    Boolean = 5,
    User = 6,
    Channel = 7,
    Role = 8,
    Mentionable = 9,
    Number = 10,
    Attachment = 11,
}

/// <summary>One option the user filled in (or a subcommand / group holding further options).</summary>
public sealed record CommandOptionValue(string Name, CommandOptionType Type, JsonElement? Value, IReadOnlyList<CommandOptionValue> Options, bool Focused)
{
    /// <summary>The value as a string (string options, or the raw text of any scalar).</summary>
    public string? AsString() => Value is { } v ? (v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText()) : null;

    /// <summary>The value of an INTEGER option.</summary>
    public long? AsInt64() => Value is { ValueKind: JsonValueKind.Number } v && v.TryGetInt64(out var l) ? l : null;

    /// <summary>The value of a NUMBER option.</summary>
    public double? AsDouble() => Value is { ValueKind: JsonValueKind.Number } v ? v.GetDouble() : null;

    /// <summary>The value of a BOOLEAN option.</summary>
    public bool? AsBoolean() => Value is { ValueKind: JsonValueKind.True or JsonValueKind.False } v ? v.GetBoolean() : null;

    /// <summary>The id of a USER, CHANNEL, ROLE, MENTIONABLE or ATTACHMENT option.</summary>
    public ulong? AsSnowflake() => Value is { } v ? JsonRead.ToSnowflake(v) : null;

    internal static CommandOptionValue Parse(JsonElement e) =>
        new(
            e.Str("name") ?? "",
            (CommandOptionType)(e.Int("type") ?? 3),
            e.Prop("value")?.Clone(),
            [.. e.Array("options").Select(Parse)],
            e.Bool("focused") ?? false);
}

/// <summary>Data of a slash command, user or message context-menu command, or autocomplete.</summary>
public sealed record ApplicationCommandData(
    ulong Id,
    string Name,
    ApplicationCommandType CommandType,
    IReadOnlyList<CommandOptionValue> Options,
    ulong? TargetId,
    IReadOnlyDictionary<ulong, DiscordUser> ResolvedUsers,
    IReadOnlyDictionary<ulong, GuildMember> ResolvedMembers) : InteractionData
{
    /// <summary>The invoked subcommand (and its group, if any): e.g. <c>open</c> for <c>/ticket open</c>.</summary>
    public string? SubcommandName => Leaf()?.Name;

    /// <summary>The subcommand group, when the command uses one.</summary>
    public string? SubcommandGroupName => Options.FirstOrDefault(o => o.Type == CommandOptionType.SubCommandGroup)?.Name;

    /// <summary>The options of the invoked leaf (inside the subcommand when there is one).</summary>
    public IReadOnlyList<CommandOptionValue> LeafOptions => Leaf()?.Options ?? Options;

    /// <summary>Finds an option by name in <see cref="LeafOptions"/>.</summary>
    public CommandOptionValue? GetOption(string name) => LeafOptions.FirstOrDefault(o => o.Name == name);

    /// <summary>A user from the resolved data (a user command's target, or a USER option's value).</summary>
    public DiscordUser? GetResolvedUser(ulong id) => ResolvedUsers.GetValueOrDefault(id);

    private CommandOptionValue? Leaf()
    {
        var first = Options.FirstOrDefault(o => o.Type is CommandOptionType.SubCommand or CommandOptionType.SubCommandGroup);
        return first?.Type == CommandOptionType.SubCommandGroup
            ? first.Options.FirstOrDefault(o => o.Type == CommandOptionType.SubCommand)
            : first;
    }

    internal static ApplicationCommandData Parse(JsonElement e)
    {
        var resolved = e.Prop("resolved");
        var users = new Dictionary<ulong, DiscordUser>();
        var members = new Dictionary<ulong, GuildMember>();
        if (resolved?.Prop("users") is { ValueKind: JsonValueKind.Object } us)
        {
            foreach (var p in us.EnumerateObject())
            {
                var user = DiscordUser.Parse(p.Value);
                users[user.Id] = user;
            }
        }

        if (resolved?.Prop("members") is { ValueKind: JsonValueKind.Object } ms)
        {
            foreach (var p in ms.EnumerateObject())
            {
                if (ulong.TryParse(p.Name, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                {
                    // Resolved members are partial (no user); attach the resolved user with the same id.
                    members[id] = GuildMember.Parse(p.Value, users.GetValueOrDefault(id));
                }
            }
        }

        return new ApplicationCommandData(
            e.Snowflake("id") ?? 0,
            e.Str("name") ?? "",
            (ApplicationCommandType)(e.Int("type") ?? 1),
            [.. e.Array("options").Select(CommandOptionValue.Parse)],
            e.Snowflake("target_id"),
            users,
            members);
    }
}

/// <summary>Data of a button click or select.</summary>
public sealed record ComponentInteractionData(string CustomId, ComponentType ComponentType, IReadOnlyList<string> Values) : InteractionData
{
    internal static ComponentInteractionData Parse(JsonElement e) =>
        new(
            e.Str("custom_id") ?? "",
            (ComponentType)(e.Int("component_type") ?? 0),
            [.. e.Array("values").Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : v.GetRawText())]);
}

/// <summary>
/// Data of a modal submit: the modal's custom id and each answer by its input's custom id, read from the tree Discord
/// sends back (<c>data.components[].component</c> for Labels): text inputs and radio groups as text, selects, checkbox
/// groups and file uploads as values (an upload's values are attachment ids, resolved in <see cref="Attachments"/>).
/// </summary>
public sealed record ModalSubmitData(string CustomId, IReadOnlyDictionary<string, string> TextInputs) : InteractionData
{
    /// <summary>Multi-valued answers (string select, checkbox group, file upload) by custom id.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Values { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The files of the form's uploads (<c>data.resolved.attachments</c>), by attachment id; temporary on Discord's side.</summary>
    public IReadOnlyDictionary<ulong, MessageAttachment> Attachments { get; init; } = new Dictionary<ulong, MessageAttachment>();

    /// <summary>The submitted value of a text input (or the chosen value of a radio group), or null when the modal had no such input or none was chosen.</summary>
    public string? GetTextInput(string customId) => TextInputs.GetValueOrDefault(customId);

    /// <summary>The values chosen in a select or checkbox group, or the attachment ids of an upload; empty when none.</summary>
    public IReadOnlyList<string> GetValues(string customId) => Values.GetValueOrDefault(customId) ?? [];

    /// <summary>The files attached to an upload, in the order the member gave them.</summary>
    public IReadOnlyList<MessageAttachment> GetUploads(string customId) =>
        [.. GetValues(customId)
            .Select(v => ulong.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? Attachments.GetValueOrDefault(id) : null)
            .OfType<MessageAttachment>()];

    internal static ModalSubmitData Parse(JsonElement e)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var values = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var top in e.Array("components"))
        {
            switch ((ComponentType)(top.Int("type") ?? 0))
            {
                // Current layout: Label { component: … }.
                case ComponentType.Label when top.Prop("component") is { } inner:
                    Collect(inner, texts, values);
                    break;
                // Legacy layout: ActionRow { components: [TextInput] }.
                case ComponentType.ActionRow:
                    foreach (var inner in top.Array("components"))
                    {
                        Collect(inner, texts, values);
                    }

                    break;
                default:
                    break;
            }
        }

        var attachments = new Dictionary<ulong, MessageAttachment>();
        if (e.Prop("resolved")?.Prop("attachments") is { ValueKind: JsonValueKind.Object } resolved)
        {
            foreach (var file in resolved.EnumerateObject())
            {
                var attachment = MessageAttachment.Parse(file.Value);
                attachments[attachment.Id] = attachment;
            }
        }

        return new ModalSubmitData(e.Str("custom_id") ?? "", texts) { Values = values, Attachments = attachments };
    }

    private static void Collect(JsonElement component, Dictionary<string, string> texts, Dictionary<string, IReadOnlyList<string>> values)
    {
        if (component.Str("custom_id") is not { } id)
        {
            return;
        }

        switch ((ComponentType)(component.Int("type") ?? 0))
        {
            case ComponentType.TextInput:
                texts[id] = component.Str("value") ?? "";
                break;
            case ComponentType.RadioGroup when component.Str("value") is { } chosen:
                texts[id] = chosen;
                break;
            case ComponentType.Checkbox when component.Bool("value") is { } ticked:
                texts[id] = ticked ? "true" : "false";
                break;
            case ComponentType.StringSelect or ComponentType.UserSelect or ComponentType.RoleSelect or ComponentType.MentionableSelect
                or ComponentType.ChannelSelect or ComponentType.CheckboxGroup or ComponentType.FileUpload:
                values[id] = [.. component.Array("values").Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : v.GetRawText())];
                break;
            default:
                break;
        }
    }
}
