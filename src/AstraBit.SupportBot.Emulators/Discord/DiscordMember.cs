using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AstraBit.SupportBot.Emulators.Discord;

/// <summary>
/// One person acting in the emulated guild as Discord's client would: typing a slash command line, clicking a
/// button or picking an option on a message the bot sent, submitting the form the bot opened, writing a message.
/// The terminal sandbox (`discord`) and the browser sandbox both act through it.
/// </summary>
public sealed partial class DiscordMember(DiscordEmulator emulator, ulong userId)
{
    /// <summary>The most characters a member's message may have (Discord's limit without Nitro).</summary>
    public const int MessageLimit = 2000;

    public ulong UserId => userId;

    /// <summary>
    /// Runs a typed command line such as <c>/ticket close reason:fixed it</c> in <paramref name="channelId"/>. Option
    /// values take the types the bot registered for them (integer, boolean, user). Returns the interaction id.
    /// </summary>
    /// <exception cref="ArgumentException">The line is not a command the bot registered, or an option value doesn't fit.</exception>
    /// <exception cref="DiscordRefusedException">The member can't write in the channel (hidden, no permission, a locked thread).</exception>
    public Task<ulong> RunCommandAsync(string line, ulong channelId)
    {
        EnsureCanPost(channelId);
        if (!TryParseCommand(line, out var name, out var options))
        {
            throw new ArgumentException("A command starts with / followed by its name, e.g. /connect-bybit.", nameof(line));
        }

        var registered = Registered();
        if (registered.Count > 0)
        {
            var definition = registered.FirstOrDefault(c => c["name"]?.GetValue<string>() == name)
                ?? throw new ArgumentException($"The bot has no command /{name}. It registered: {string.Join(", ", registered.Select(c => "/" + c["name"]))}.", nameof(line));
            options = Typed(options, definition["options"] as JsonArray, name);
        }

        return emulator.RunSlashCommandAsync(userId, name, options, channelId);
    }

    /// <summary>Uses the user command <paramref name="name"/> (the Apps menu on a person) on <paramref name="targetUserId"/>.</summary>
    public Task<ulong> RunUserCommandAsync(string name, ulong targetUserId, ulong channelId)
    {
        emulator.Rest.EnsureCanView(userId, channelId);
        return emulator.RunUserCommandAsync(userId, name, targetUserId, channelId);
    }

    /// <summary>Clicks the button <paramref name="customId"/> on <paramref name="message"/>, in the message's channel or DM.</summary>
    public Task<ulong> ClickAsync(EmulatedMessage message, string customId)
    {
        ArgumentNullException.ThrowIfNull(message);
        emulator.Rest.EnsureCanView(userId, message.ChannelId);
        return emulator.ClickButtonAsync(userId, customId, message.Id, message.ChannelId, message.InDirectMessage);
    }

    /// <summary>Picks <paramref name="values"/> in the select <paramref name="customId"/> on <paramref name="message"/>.</summary>
    public Task<ulong> SelectAsync(EmulatedMessage message, string customId, IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(message);
        emulator.Rest.EnsureCanView(userId, message.ChannelId);
        return emulator.SelectAsync(userId, customId, values, message.Id, message.ChannelId, message.InDirectMessage);
    }

    /// <summary>
    /// Submits the form the bot opened in answer to interaction <paramref name="openedBy"/> (a callback of type 9),
    /// with input values by custom id, where that interaction happened.
    /// </summary>
    /// <exception cref="ArgumentException">The bot opened no form for that interaction.</exception>
    public Task<ulong> SubmitFormAsync(ulong openedBy, IReadOnlyDictionary<string, string> values)
    {
        var modal = emulator.Rest.Callbacks.FirstOrDefault(c => c.InteractionId == openedBy && c.Type == 9 && c.Accepted);
        if (modal?.Data?["custom_id"]?.GetValue<string>() is not { } customId || emulator.Rest.FindInteraction(openedBy) is not { } context)
        {
            throw new ArgumentException("The bot opened no form for that interaction.", nameof(openedBy));
        }

        return emulator.SubmitModalAsync(userId, customId, values, context.ChannelId, context.InDirectMessage, context.MessageId);
    }

    /// <summary>
    /// Submits the form the bot opened in answer to <paramref name="openedBy"/> with typed answers (text, a choice,
    /// files), each sent back with its input's type as Discord does.
    /// </summary>
    /// <exception cref="ArgumentException">The bot opened no form for that interaction, or an answer names no input of it.</exception>
    public Task<ulong> SubmitFormAsync(ulong openedBy, IReadOnlyList<ModalAnswer> answers)
    {
        var modal = emulator.Rest.Callbacks.FirstOrDefault(c => c.InteractionId == openedBy && c.Type == 9 && c.Accepted);
        if (modal?.Data?["custom_id"]?.GetValue<string>() is not { } customId || emulator.Rest.FindInteraction(openedBy) is not { } context)
        {
            throw new ArgumentException("The bot opened no form for that interaction.", nameof(openedBy));
        }

        return emulator.SubmitModalAsync(userId, customId, answers, modal.Data, context.ChannelId, context.InDirectMessage, context.MessageId);
    }

    /// <summary>Writes a message in a channel or thread; the bot gets MESSAGE_CREATE as from Discord.</summary>
    /// <exception cref="DiscordRefusedException">The member can't write there, or the message is longer than Discord takes.</exception>
    public Task SayAsync(ulong channelId, string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        EnsureCanPost(channelId);
        if (content.Length > MessageLimit)
        {
            throw new DiscordRefusedException(50035, $"Invalid Form Body: content must be {MessageLimit} or fewer in length ({content.Length} given)");
        }

        return emulator.Gateway.DispatchAsync("MESSAGE_CREATE", emulator.Rest.PostMemberMessage(userId, channelId, content));
    }

    /// <summary>A button (or, with <paramref name="button"/> false, a select) on the message whose label, placeholder or custom id contains <paramref name="what"/>.</summary>
    public static JsonObject? FindComponent(EmulatedMessage? message, string what, bool button) =>
        Components(message?.Components)
            .Where(c => (c["type"]?.GetValue<int>() == 2) == button && c["type"]?.GetValue<int>() is 2 or 3)
            .FirstOrDefault(c => Matches(c["label"], what) || Matches(c["custom_id"], what) || Matches(c["placeholder"], what));

    /// <summary>Every interactive component in a message's component tree (action rows, and Components V2 containers and sections).</summary>
    public static IEnumerable<JsonObject> Components(JsonArray? tree)
    {
        foreach (var node in tree?.OfType<JsonObject>() ?? [])
        {
            yield return node;
            foreach (var child in Components(node["components"] as JsonArray))
            {
                yield return child;
            }

            if (node["accessory"] is JsonObject accessory)
            {
                yield return accessory;
            }

            if (node["component"] is JsonObject wrapped)
            {
                yield return wrapped;
            }
        }
    }

    private void EnsureCanPost(ulong channelId)
    {
        if (emulator.Rest.WhyCannotPost(userId, channelId) is { } refused)
        {
            throw refused;
        }
    }

    /// <summary>"/ticket close reason:done" → name "ticket", a subcommand "close" with option reason.</summary>
    internal static bool TryParseCommand(string line, out string name, out IReadOnlyList<SlashOption> options)
    {
        name = "";
        options = [];
        var trimmed = line.Trim();
        if (!trimmed.StartsWith('/'))
        {
            return false;
        }

        var firstOption = trimmed.IndexOf(':', StringComparison.Ordinal);
        var head = firstOption < 0 ? trimmed[1..] : trimmed[1..Math.Max(1, trimmed.LastIndexOf(' ', firstOption))];
        var words = head.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return false;
        }

        name = words[0];
        var values = new List<SlashOption>();
        if (firstOption >= 0 && trimmed.LastIndexOf(' ', firstOption) > 0)
        {
            // Everything after "key:" up to the next " key:" is the value, so free text with spaces works.
            var rest = trimmed[(trimmed.LastIndexOf(' ', firstOption) + 1)..];
            foreach (var part in OptionStart().Split(rest))
            {
                var colon = part.IndexOf(':', StringComparison.Ordinal);
                values.Add(SlashOption.String(part[..colon], part[(colon + 1)..]));
            }
        }

        options = words.Length > 1 ? [new SlashOption(words[1], 1, null, values)] : values;
        return true;
    }

    private IReadOnlyList<SlashOption> Typed(IReadOnlyList<SlashOption> given, JsonArray? definitions, string path)
    {
        var defs = definitions?.OfType<JsonObject>().ToList() ?? [];
        var result = new List<SlashOption>();
        foreach (var option in given)
        {
            var def = defs.FirstOrDefault(d => d["name"]?.GetValue<string>() == option.Name)
                ?? throw new ArgumentException($"/{path} has no option or subcommand '{option.Name}'. It has: {string.Join(", ", defs.Select(d => d["name"]))}.");
            var type = def["type"]?.GetValue<int>() ?? 3;
            if (type is 1 or 2)
            {
                result.Add(new SlashOption(option.Name, type, null, Typed(option.Options ?? [], def["options"] as JsonArray, $"{path} {option.Name}")));
                continue;
            }

            var text = option.Value?.GetValue<string>() ?? "";
            result.Add(type switch
            {
                4 when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => SlashOption.Integer(option.Name, n),
                5 when bool.TryParse(text, out var b) => SlashOption.Boolean(option.Name, b),
                6 when ResolveUser(text) is { } user => SlashOption.User(option.Name, user),
                6 => throw new ArgumentException($"No member '{text}' in this server for {option.Name}: of /{path}. Members: {string.Join(", ", emulator.Rest.MemberNames)}."),
                7 when ResolveChannel(text) is { } channel => new SlashOption(option.Name, 7, JsonValue.Create(channel.ToString(CultureInfo.InvariantCulture))),
                7 => throw new ArgumentException($"No channel '{text}' in this server for {option.Name}: of /{path}. Channels: {string.Join(", ", emulator.Rest.Channels.Where(c => c.Type == 0).Select(c => "#" + c.Name))}."),
                3 => option,
                _ => throw new ArgumentException($"'{text}' doesn't fit option {option.Name} of /{path}."),
            });
        }

        var missing = defs.Where(d => d["required"]?.GetValue<bool>() == true && given.All(g => g.Name != d["name"]?.GetValue<string>())).Select(d => d["name"]).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"/{path} needs {string.Join(", ", missing.Select(m => m + ":"))}.");
        }

        return result;
    }

    // A user option takes a mention (<@id>), an id, or a user name with or without @, as Discord's picker does.
    private ulong? ResolveUser(string text) =>
        ulong.TryParse(text.Trim('<', '@', '>', '!'), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : emulator.Rest.FindUser(text.TrimStart('@'));

    private static bool Matches(JsonNode? value, string what) =>
        value?.GetValue<string>() is { } text && text.Contains(what, StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"\s(?=[a-z_-]+:)")]
    private static partial Regex OptionStart();
}
