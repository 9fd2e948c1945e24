using System.Globalization;
using System.Text.Json.Nodes;

namespace AstraBit.SupportBot.Emulators.Discord;

/// <summary>One suggestion under the message box: what the popup shows, and what picking it puts in the option.</summary>
public sealed record OptionSuggestion(string Name, string Value);

public sealed partial class DiscordMember
{
    private static readonly TimeSpan AutocompleteWait = TimeSpan.FromSeconds(3);

    /// <summary>
    /// What Discord's client offers for the last option of a command line being typed: for an option the bot marked
    /// autocomplete, the bot's own answer to an APPLICATION_COMMAND_AUTOCOMPLETE interaction (type 4, answered with
    /// type 8); for a user or channel option, the guild's members or the channels this person can see (Discord's
    /// pickers). Empty when the line ends in no option, or its option suggests nothing.
    /// </summary>
    public async Task<IReadOnlyList<OptionSuggestion>> SuggestAsync(string line, ulong channelId)
    {
        if (!TryParseCommand(line, out var name, out var options)
            || Registered().FirstOrDefault(c => c["name"]?.GetValue<string>() == name) is not { } definition)
        {
            return [];
        }

        var definitions = definition["options"] as JsonArray;
        var leaf = options;
        SlashOption? subcommand = null;
        if (options is [{ Type: 1 } sub])
        {
            subcommand = sub;
            definitions = Definition(definitions, sub.Name)?["options"] as JsonArray;
            leaf = sub.Options ?? [];
        }

        if (leaf.Count == 0 || Definition(definitions, leaf[^1].Name) is not { } focusedDefinition)
        {
            return [];
        }

        var typed = leaf[^1].Value?.GetValue<string>() ?? "";
        switch (focusedDefinition["type"]?.GetValue<int>() ?? 3)
        {
            case 6:
                return [.. emulator.Rest.MemberNames.Where(n => n.Contains(typed.TrimStart('@'), StringComparison.OrdinalIgnoreCase)).Select(n => new OptionSuggestion("@" + n, n))];
            case 7:
                return [.. emulator.Rest.Channels
                    .Where(c => c.Type == 0 && c.Name is { } n && n.Contains(typed.TrimStart('#'), StringComparison.OrdinalIgnoreCase) && emulator.Rest.CanView(userId, c.Id))
                    .Select(c => new OptionSuggestion("#" + c.Name, c.Name!))];
            case 3 when focusedDefinition["autocomplete"]?.GetValue<bool>() == true:
                break;
            default:
                return [];
        }

        // As Discord sends it: the options typed so far (strings as typed), the one being typed marked focused.
        List<SlashOption> sent = [.. leaf.SkipLast(1).Where(o => (Definition(definitions, o.Name)?["type"]?.GetValue<int>() ?? 3) == 3), SlashOption.FocusedString(leaf[^1].Name, typed)];
        IReadOnlyList<SlashOption> all = subcommand is null ? sent : [new SlashOption(subcommand.Name, 1, null, sent)];
        var id = await emulator.TypeAutocompleteAsync(userId, name, all, channelId).ConfigureAwait(false);
        var answer = await emulator.Rest.WaitForCallbackAsync(id, AutocompleteWait).ConfigureAwait(false);
        return answer.Accepted && answer.Data?["choices"] is JsonArray choices
            ? [.. choices.OfType<JsonObject>().Select(c => new OptionSuggestion(c["name"]?.GetValue<string>() ?? "", Text(c["value"])))]
            : [];
    }

    private static JsonObject? Definition(JsonArray? definitions, string name) =>
        definitions?.OfType<JsonObject>().FirstOrDefault(d => d["name"]?.GetValue<string>() == name);

    private static string Text(JsonNode? value) => value is JsonValue v && v.TryGetValue<string>(out var s)
        ? s
        : value?.ToJsonString() ?? "";

    private List<JsonObject> Registered() =>
        [.. emulator.Rest.GetRegisteredCommands(emulator.Options.GuildId).OfType<JsonObject>().Where(c => (c["type"]?.GetValue<int>() ?? 1) == 1)];

    // A channel option takes a mention (<#id>), an id, or a channel's name with or without #, as Discord's picker does.
    private ulong? ResolveChannel(string text) =>
        ulong.TryParse(text.Trim('<', '#', '>'), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : emulator.Rest.Channels.FirstOrDefault(c => c.Type == 0 && string.Equals(c.Name, text.TrimStart('#'), StringComparison.OrdinalIgnoreCase))?.Id;
}
