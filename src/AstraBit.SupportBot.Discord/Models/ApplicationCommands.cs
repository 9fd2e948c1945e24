using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AstraBit.SupportBot.Discord.Models;

/// <summary>Where a global command can be used (<c>contexts</c>).</summary>
public enum InteractionContextType
{
    Guild = 0,
    BotDm = 1,
    PrivateChannel = 2,
}

/// <summary>A fixed choice of a string option.</summary>
public sealed record CommandChoice
{
    public CommandChoice(string name, string value)
    {
        DiscordLimits.Length(name, 1, DiscordLimits.CommandChoiceText, "choice.name");
        DiscordLimits.Length(value, 1, DiscordLimits.CommandChoiceText, "choice.value");
        Name = name;
        Value = value;
    }

    public string Name { get; }

    public string Value { get; }

    /// <summary>The choice's name per Discord locale (<c>name_localizations</c>, 1–100 characters each); empty when it has none.</summary>
    public IReadOnlyDictionary<string, string> NameLocalizations { get; private init; } = CommandLocalizations.None;

    /// <summary>This choice with its name per locale from <paramref name="localizations"/>, asked by its path ("ticket.close.kind.duplicate": the option's path and the choice's value).</summary>
    internal CommandChoice Localize(string optionPath, CommandLocalizations localizations)
    {
        var path = optionPath + "." + Value;
        var names = localizations.Names(path);
        foreach (var (locale, name) in names)
        {
            DiscordLimits.Length(name, 1, DiscordLimits.CommandChoiceText, $"choice.name_localizations[{locale}] of {path}");
        }

        return new CommandChoice(Name, Value) { NameLocalizations = names };
    }
}

/// <summary>A validated command option (or subcommand). Create it with the static factories.</summary>
public sealed partial record CommandOptionDefinition
{
    private CommandOptionDefinition(CommandOptionType type, string name, string description, bool required, IReadOnlyList<CommandChoice> choices, IReadOnlyList<CommandOptionDefinition> options, int? maxLength, bool autocomplete)
    {
        ApplicationCommandDefinition.ValidateChatInputName(name, "option.name");
        DiscordLimits.Length(description, 1, DiscordLimits.CommandDescription, "option.description");
        DiscordLimits.Count(choices.Count, DiscordLimits.CommandChoices, "option.choices");
        if (autocomplete && choices.Count > 0)
        {
            throw new ArgumentException("An option cannot have both choices and autocomplete.", nameof(autocomplete));
        }

        if (maxLength is < 1 or > 6000)
        {
            throw new ArgumentException("option.max_length must be 1–6000.", nameof(maxLength));
        }

        ApplicationCommandDefinition.ValidateOptions(options, type == CommandOptionType.SubCommandGroup);
        Type = type;
        Name = name;
        Description = description;
        Required = required;
        Choices = choices;
        Options = options;
        MaxLength = maxLength;
        Autocomplete = autocomplete;
    }

    public CommandOptionType Type { get; }

    public string Name { get; }

    public string Description { get; }

    public bool Required { get; }

    public IReadOnlyList<CommandChoice> Choices { get; }

    public IReadOnlyList<CommandOptionDefinition> Options { get; }

    public int? MaxLength { get; }

    public bool Autocomplete { get; }

    /// <summary>The option's name per Discord locale (<c>name_localizations</c>); empty when it has none.</summary>
    public IReadOnlyDictionary<string, string> NameLocalizations { get; private init; } = CommandLocalizations.None;

    /// <summary>The option's description per Discord locale (<c>description_localizations</c>); empty when it has none.</summary>
    public IReadOnlyDictionary<string, string> DescriptionLocalizations { get; private init; } = CommandLocalizations.None;

    public static CommandOptionDefinition String(string name, string description, bool required = false, int? maxLength = null, IEnumerable<CommandChoice>? choices = null, bool autocomplete = false) =>
        new(CommandOptionType.String, name, description, required, [.. choices ?? []], [], maxLength, autocomplete);

    public static CommandOptionDefinition Integer(string name, string description, bool required = false) =>
        new(CommandOptionType.Integer, name, description, required, [], [], null, false);

    public static CommandOptionDefinition Boolean(string name, string description, bool required = false) =>
        new(CommandOptionType.Boolean, name, description, required, [], [], null, false);

    public static CommandOptionDefinition User(string name, string description, bool required = false) =>
        new(CommandOptionType.User, name, description, required, [], [], null, false);

    public static CommandOptionDefinition Channel(string name, string description, bool required = false) =>
        new(CommandOptionType.Channel, name, description, required, [], [], null, false);

    public static CommandOptionDefinition Subcommand(string name, string description, params IEnumerable<CommandOptionDefinition> options) =>
        new(CommandOptionType.SubCommand, name, description, false, [], [.. options], null, false);

    public static CommandOptionDefinition SubcommandGroup(string name, string description, params IEnumerable<CommandOptionDefinition> subcommands) =>
        new(CommandOptionType.SubCommandGroup, name, description, false, [], [.. subcommands], null, false);

    internal int Size => Name.Length + Description.Length + Choices.Sum(c => c.Name.Length + c.Value.Length) + Options.Sum(o => o.Size);

    /// <summary>This option and those under it with their names and descriptions per locale; <paramref name="path"/> names it ("ticket.close.reason").</summary>
    internal CommandOptionDefinition Localize(string path, CommandLocalizations localizations)
    {
        var names = localizations.Names(path);
        var descriptions = localizations.Descriptions(path);
        foreach (var (locale, name) in names)
        {
            ApplicationCommandDefinition.ValidateChatInputName(name, $"option.name_localizations[{locale}] of {path}");
        }

        foreach (var (locale, description) in descriptions)
        {
            DiscordLimits.Length(description, 1, DiscordLimits.CommandDescription, $"option.description_localizations[{locale}] of {path}");
        }

        var options = Options.Select(o => o.Localize(path + "." + o.Name, localizations)).ToList();
        CommandLocalizations.EnsureUnique(options.Select(o => (o.Name, o.NameLocalizations)), path);
        var choices = Choices.Select(c => c.Localize(path, localizations)).ToList();
        return new CommandOptionDefinition(Type, Name, Description, Required, choices, options, MaxLength, Autocomplete)
        {
            NameLocalizations = names,
            DescriptionLocalizations = descriptions,
        };
    }

    internal JsonObject ToJson()
    {
        var o = new JsonObject { ["type"] = (int)Type, ["name"] = Name, ["description"] = Description };
        CommandLocalizations.Write(o, NameLocalizations, DescriptionLocalizations);
        if (Required)
        {
            o["required"] = true;
        }

        if (Choices.Count > 0)
        {
            o["choices"] = new JsonArray([.. Choices.Select(Choice)]);
        }

        if (Options.Count > 0)
        {
            o["options"] = new JsonArray([.. Options.Select(x => (JsonNode)x.ToJson())]);
        }

        if (MaxLength is { } max)
        {
            o["max_length"] = max;
        }

        if (Autocomplete)
        {
            o["autocomplete"] = true;
        }

        return o;
    }

    private static JsonNode Choice(CommandChoice choice)
    {
        var o = new JsonObject { ["name"] = choice.Name, ["value"] = choice.Value };
        CommandLocalizations.Write(o, choice.NameLocalizations, CommandLocalizations.None);
        return o;
    }
}

/// <summary>A validated application command; build it with <see cref="SlashCommandBuilder"/> or <see cref="UserCommandBuilder"/>.</summary>
public sealed partial record ApplicationCommandDefinition
{
    internal ApplicationCommandDefinition(ApplicationCommandType type, string name, string? description, IReadOnlyList<CommandOptionDefinition> options, ulong? defaultMemberPermissions, IReadOnlyList<InteractionContextType>? contexts)
    {
        Type = type;
        Name = name;
        Description = description;
        Options = options;
        DefaultMemberPermissions = defaultMemberPermissions;
        Contexts = contexts;
    }

    public ApplicationCommandType Type { get; }

    public string Name { get; }

    /// <summary>1–100 characters for slash commands; null (omitted) for context-menu commands.</summary>
    public string? Description { get; }

    public IReadOnlyList<CommandOptionDefinition> Options { get; }

    /// <summary>Permission bits a member needs by default (sent as a decimal string); null = everyone.</summary>
    public ulong? DefaultMemberPermissions { get; }

    /// <summary>Global commands only; the guild bulk-overwrite route does not send it.</summary>
    public IReadOnlyList<InteractionContextType>? Contexts { get; }

    /// <summary>The command's name per Discord locale (<c>name_localizations</c>); empty when it has none.</summary>
    public IReadOnlyDictionary<string, string> NameLocalizations { get; private init; } = CommandLocalizations.None;

    /// <summary>The command's description per Discord locale (<c>description_localizations</c>); empty when it has none.</summary>
    public IReadOnlyDictionary<string, string> DescriptionLocalizations { get; private init; } = CommandLocalizations.None;

    /// <summary>
    /// The command with names and descriptions per locale for itself, its subcommands and options, from
    /// <paramref name="localizations"/> (asked by path: "ticket", "ticket.close", "ticket.close.reason"). The default
    /// names stay as they are.
    /// </summary>
    /// <exception cref="ArgumentException">A localized name breaks Discord's rules (1–32 characters, lowercase, unique among siblings per locale), or a description is not 1–100 characters.</exception>
    public ApplicationCommandDefinition Localize(CommandLocalizations localizations)
    {
        ArgumentNullException.ThrowIfNull(localizations);
        var names = localizations.Names(Name);
        foreach (var (locale, name) in names)
        {
            if (Type == ApplicationCommandType.ChatInput)
            {
                ValidateChatInputName(name, $"command.name_localizations[{locale}] of {Name}");
            }
            else
            {
                DiscordLimits.Length(name, 1, DiscordLimits.CommandName, $"command.name_localizations[{locale}] of {Name}");
            }
        }

        var descriptions = Description is null ? CommandLocalizations.None : localizations.Descriptions(Name);
        foreach (var (locale, description) in descriptions)
        {
            DiscordLimits.Length(description, 1, DiscordLimits.CommandDescription, $"command.description_localizations[{locale}] of {Name}");
        }

        var options = Options.Select(o => o.Localize(Name + "." + o.Name, localizations)).ToList();
        CommandLocalizations.EnsureUnique(options.Select(o => (o.Name, o.NameLocalizations)), Name);
        return new ApplicationCommandDefinition(Type, Name, Description, options, DefaultMemberPermissions, Contexts)
        {
            NameLocalizations = names,
            DescriptionLocalizations = descriptions,
        };
    }

    [GeneratedRegex(@"^[-_\p{L}\p{N}]{1,32}$")]
    private static partial Regex ChatInputName();

    internal static void ValidateChatInputName(string name, string what)
    {
        if (name is null || !ChatInputName().IsMatch(name) || name != name.ToLowerInvariant())
        {
            throw new ArgumentException($"{what} '{name}' must match ^[-_\\p{{L}}\\p{{N}}]{{1,32}}$ and be lowercase.", what);
        }
    }

    internal static void ValidateOptions(IReadOnlyList<CommandOptionDefinition> options, bool subcommandsOnly)
    {
        DiscordLimits.Count(options.Count, DiscordLimits.CommandOptions, "options");
        if (options.Select(o => o.Name).Distinct(StringComparer.Ordinal).Count() != options.Count)
        {
            throw new ArgumentException("Option names must be unique among siblings.", nameof(options));
        }

        var subs = options.Count(o => o.Type is CommandOptionType.SubCommand or CommandOptionType.SubCommandGroup);
        if (subs > 0 && subs != options.Count)
        {
            throw new ArgumentException("Subcommands cannot be mixed with plain options.", nameof(options));
        }

        if (subcommandsOnly && options.Any(o => o.Type != CommandOptionType.SubCommand))
        {
            throw new ArgumentException("A subcommand group holds only subcommands.", nameof(options));
        }

        var seenOptional = false;
        foreach (var o in options)
        {
            if (o.Required && seenOptional)
            {
                throw new ArgumentException($"Required option '{o.Name}' must come before optional ones.", nameof(options));
            }

            seenOptional |= !o.Required;
        }
    }

    internal JsonObject ToJson(bool includeContexts)
    {
        var o = new JsonObject { ["name"] = Name, ["type"] = (int)Type };
        if (Description is not null)
        {
            o["description"] = Description;
        }

        CommandLocalizations.Write(o, NameLocalizations, DescriptionLocalizations);

        if (Options.Count > 0)
        {
            o["options"] = new JsonArray([.. Options.Select(x => (JsonNode)x.ToJson())]);
        }

        if (DefaultMemberPermissions is { } perms)
        {
            o["default_member_permissions"] = perms.ToString(CultureInfo.InvariantCulture);
        }

        if (includeContexts && Contexts is not null)
        {
            o["contexts"] = new JsonArray([.. Contexts.Select(c => (JsonNode)(int)c)]);
        }

        return o;
    }
}

/// <summary>Builds a slash (CHAT_INPUT) command.</summary>
public sealed class SlashCommandBuilder
{
    private readonly List<CommandOptionDefinition> _options = [];
    private readonly string _name;
    private readonly string _description;
    private ulong? _permissions;
    private IReadOnlyList<InteractionContextType>? _contexts;

    public SlashCommandBuilder(string name, string description)
    {
        ApplicationCommandDefinition.ValidateChatInputName(name, "command.name");
        DiscordLimits.Length(description, 1, DiscordLimits.CommandDescription, "command.description");
        _name = name;
        _description = description;
    }

    public SlashCommandBuilder AddOption(CommandOptionDefinition option)
    {
        ArgumentNullException.ThrowIfNull(option);
        DiscordLimits.Count(_options.Count + 1, DiscordLimits.CommandOptions, "options");
        _options.Add(option);
        return this;
    }

    public SlashCommandBuilder AddSubcommand(string name, string description, params IEnumerable<CommandOptionDefinition> options) =>
        AddOption(CommandOptionDefinition.Subcommand(name, description, options));

    /// <summary>Permission bits a member needs by default; 0 means administrators only.</summary>
    public SlashCommandBuilder WithDefaultMemberPermissions(ulong permissions)
    {
        _permissions = permissions;
        return this;
    }

    public SlashCommandBuilder WithContexts(params IEnumerable<InteractionContextType> contexts)
    {
        _contexts = [.. contexts];
        return this;
    }

    /// <exception cref="ArgumentException">Options break Discord's rules, or the command is over 8000 characters.</exception>
    public ApplicationCommandDefinition Build()
    {
        ApplicationCommandDefinition.ValidateOptions(_options, subcommandsOnly: false);
        var size = _name.Length + _description.Length + _options.Sum(o => o.Size);
        DiscordLimits.Count(size, 8000, "command total characters");
        return new ApplicationCommandDefinition(ApplicationCommandType.ChatInput, _name, _description, [.. _options], _permissions, _contexts);
    }
}

/// <summary>Builds a user context-menu command (type 2: no description, no options).</summary>
public sealed class UserCommandBuilder
{
    private readonly string _name;
    private ulong? _permissions;
    private IReadOnlyList<InteractionContextType>? _contexts;

    public UserCommandBuilder(string name)
    {
        DiscordLimits.Length(name, 1, DiscordLimits.CommandName, "command.name");
        _name = name;
    }

    public UserCommandBuilder WithDefaultMemberPermissions(ulong permissions)
    {
        _permissions = permissions;
        return this;
    }

    public UserCommandBuilder WithContexts(params IEnumerable<InteractionContextType> contexts)
    {
        _contexts = [.. contexts];
        return this;
    }

    public ApplicationCommandDefinition Build() =>
        new(ApplicationCommandType.User, _name, null, [], _permissions, _contexts);
}

/// <summary>
/// Where a command's names and descriptions per Discord locale come from: asked by path ("diagnose", "ticket.close",
/// "ticket.close.reason"), each answers locale → text (empty for none).
/// </summary>
public sealed class CommandLocalizations(
    Func<string, IReadOnlyDictionary<string, string>> names,
    Func<string, IReadOnlyDictionary<string, string>> descriptions)
{
    internal static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string> Names(string path) => names(path);

    public IReadOnlyDictionary<string, string> Descriptions(string path) => descriptions(path);

    /// <summary>Siblings' names must differ in every locale, as their default names do (Discord refuses the command otherwise).</summary>
    /// <exception cref="ArgumentException">Two siblings share a name in one locale.</exception>
    public static void EnsureUnique(IEnumerable<(string Name, IReadOnlyDictionary<string, string> Localized)> siblings, string under)
    {
        ArgumentNullException.ThrowIfNull(siblings);
        var list = siblings.ToList();
        foreach (var locale in list.SelectMany(s => s.Localized.Keys).Distinct(StringComparer.Ordinal))
        {
            var clash = list.Select(s => s.Localized.GetValueOrDefault(locale) ?? s.Name)
                .GroupBy(n => n, StringComparer.Ordinal)
                .FirstOrDefault(g => g.Count() > 1);
            if (clash is not null)
            {
                throw new ArgumentException($"Two names under {under} are both '{clash.Key}' in locale {locale}: names must be unique per locale.", nameof(siblings));
            }
        }
    }

    /// <summary>
    /// A guild's or an application's commands: two of one type may not share a name in any locale, as their default
    /// names may not (Discord refuses the whole overwrite otherwise).
    /// </summary>
    /// <exception cref="ArgumentException">Two commands of one type share a name in one locale.</exception>
    public static void EnsureUnique(IEnumerable<ApplicationCommandDefinition> commands)
    {
        ArgumentNullException.ThrowIfNull(commands);
        foreach (var kind in commands.GroupBy(c => c.Type))
        {
            EnsureUnique(kind.Select(c => (c.Name, c.NameLocalizations)), $"the {kind.Key} commands");
        }
    }

    internal static void Write(JsonObject o, IReadOnlyDictionary<string, string> names, IReadOnlyDictionary<string, string> descriptions)
    {
        if (names.Count > 0)
        {
            o["name_localizations"] = Object(names);
        }

        if (descriptions.Count > 0)
        {
            o["description_localizations"] = Object(descriptions);
        }
    }

    private static JsonObject Object(IReadOnlyDictionary<string, string> values)
    {
        var o = new JsonObject();
        foreach (var (locale, text) in values.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            o[locale] = text;
        }

        return o;
    }
}
