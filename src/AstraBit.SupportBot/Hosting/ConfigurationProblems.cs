using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using AstraBit.SupportBot.Bybit;
using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Core.Limits;
using AstraBit.SupportBot.Bot.Languages;
using AstraBit.SupportBot.Core.Panel;
using AstraBit.SupportBot.Core.Text;
using AstraBit.SupportBot.Core.Tickets;
using AstraBit.SupportBot.Discord;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Hosting;

/// <summary>
/// Finds every configuration problem at once, each as one line naming the key and what to set. The host's own
/// ValidateOnStart stops at the first options class whose binding throws, wraps the rest in an AggregateException,
/// and knows nothing of the key behind an unparseable value; this reads the values itself first, then asks every
/// registered validator, so an operator fixes everything in one round.
/// </summary>
public static class ConfigurationProblems
{
    /// <summary>
    /// The sections the bot binds, with the options classes bound from each, then the options classes validated at
    /// start that no section binds. Each entry is typed, so reading and validating it needs no reflection beyond the
    /// public properties its type parameter keeps, and works the same in a Native AOT build.
    /// </summary>
    public static IReadOnlyList<OptionsCheck> Checks { get; } =
    [
        OptionsCheck.Section<DiscordClientOptions>(DiscordClientOptions.SectionName, static (c, o) => c.Bind(o)),
        OptionsCheck.Section<SupportDiscordOptions>(DiscordClientOptions.SectionName, static (c, o) => c.Bind(o)),
        OptionsCheck.Section<BybitClientOptions>(BybitClientOptions.SectionName, static (c, o) => c.Bind(o)),
        OptionsCheck.Section<GuideOptions>(GuideOptions.SectionName, static (c, o) => c.Bind(o)),
        OptionsCheck.Section<DiagnosticsOptions>(DiagnosticsOptions.SectionName, static (c, o) => c.Bind(o)),
        OptionsCheck.Section<LimitsOptions>(LimitsOptions.SectionName, static (c, o) => c.Bind(o)),
        OptionsCheck.Section<TicketOptions>(TicketOptions.SectionName, static (c, o) => c.Bind(o)),
        OptionsCheck.Section<StorageOptions>(StorageOptions.SectionName, static (c, o) => c.Bind(o)),
        OptionsCheck.Section<ContentOptions>(ContentOptions.SectionName, static (c, o) => c.Bind(o)),
        OptionsCheck.Section<LoggingOptions>(LoggingOptions.SectionName, static (c, o) => c.Bind(o)),
        OptionsCheck.Section<SupportLanguageOptions>(SupportLanguageOptions.SectionName, static (c, o) => c.Bind(o)),
        OptionsCheck.Validated<PanelFileOptions>(),
        OptionsCheck.Validated<TextFileOptions>(),
    ];

    /// <summary>
    /// A JSON file that can't be parsed, as one line naming the file, line and column (1-based); null when it
    /// parses or doesn't exist. Parsed as the configuration reader parses it (comments and trailing commas allowed).
    /// </summary>
    public static string? CheckJsonFile(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var stream = File.OpenRead(path);
            using var document = JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? null
                : $"{path}: the configuration must be a JSON object ({{ \"Discord\": {{ … }} }}), not a {document.RootElement.ValueKind.ToString().ToLowerInvariant()}.";
        }
        catch (JsonException exception)
        {
            var line = (exception.LineNumber ?? 0) + 1;
            var column = (exception.BytePositionInLine ?? 0) + 1;
            return string.Create(CultureInfo.InvariantCulture, $"{path}: not valid JSON at line {line}, column {column}: {Reason(exception.Message)}");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return $"{path}: the configuration file can't be read ({exception.Message}).";
        }
    }

    /// <summary>Every problem with the configuration: values that can't be read as their type, then what each validator reports.</summary>
    public static IReadOnlyList<string> Collect(IServiceProvider services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var problems = new List<string>();
        var unreadableKeys = new List<string>();
        var unreadable = new HashSet<OptionsCheck>();
        foreach (var name in Checks.Select(c => c.SectionName).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (configuration.GetSection(name).Value is { Length: > 0 } text)
            {
                problems.Add($"{name} is '{text}', which is not a JSON object: the {name} settings go inside {{ … }}.");
            }
        }

        foreach (var check in Checks.Where(c => c.SectionName is not null))
        {
            var before = unreadableKeys.Count;
            check.CheckValues(configuration.GetSection(check.SectionName!), problems, unreadableKeys);
            if (unreadableKeys.Count > before)
            {
                unreadable.Add(check);
            }
        }

        // A class with an unreadable value can't be bound as configured; bind it without those values so its
        // validator still reports everything else in the same round.
        var readable = unreadableKeys.Count == 0
            ? configuration
            : new ConfigurationBuilder()
                .AddConfiguration(configuration)
                .AddInMemoryCollection(unreadableKeys.Select(k => new KeyValuePair<string, string?>(k, null)))
                .Build();
        foreach (var check in Checks)
        {
            var failures = unreadable.Contains(check)
                ? check.ValidateBoundFrom(services, readable.GetSection(check.SectionName!))
                : check.Validate(services);
            foreach (var failure in failures)
            {
                // A key already reported as unreadable was bound as empty above: what its validator says about it is noise.
                var aboutUnreadable = unreadableKeys.Any(k => failure.StartsWith(k + " ", StringComparison.OrdinalIgnoreCase));
                if (!aboutUnreadable && !problems.Contains(failure, StringComparer.Ordinal))
                {
                    problems.Add(failure);
                }
            }
        }

        // A content folder that isn't there is one problem, said once: not again for each file that would be in it.
        if (ContentOptionsValidator.MissingDirectory(configuration) is { } missing)
        {
            var inside = Path.TrimEndingDirectorySeparator(missing) + Path.DirectorySeparatorChar;
            problems.RemoveAll(p => p.Contains(inside, StringComparison.Ordinal));
        }

        return problems;
    }

    private static string Reason(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        }

        var reason = (cut < 0 ? message : message[..cut]).Trim();
        return reason.EndsWith('.') ? reason : reason + ".";
    }
}

/// <summary>
/// One options class the configuration check reads: the section it is bound from (none for a class only validated),
/// how to bind it, and its validators, all through its type parameter.
/// </summary>
public abstract class OptionsCheck
{
    private const DynamicallyAccessedMemberTypes Kept = DynamicallyAccessedMemberTypes.PublicProperties | DynamicallyAccessedMemberTypes.PublicParameterlessConstructor;

    private protected OptionsCheck(string? sectionName) => SectionName = sectionName;

    /// <summary>The configuration section the class is bound from; null for a class that is only validated.</summary>
    public string? SectionName { get; }

    /// <summary>The options class.</summary>
    public abstract Type Options { get; }

    /// <summary>A class bound from <paramref name="sectionName"/>; <paramref name="bind"/> is the binding the host uses (source-generated).</summary>
    public static OptionsCheck Section<[DynamicallyAccessedMembers(Kept)] T>(string sectionName, Action<IConfiguration, T> bind)
        where T : class, new() => new Typed<T>(sectionName, bind);

    /// <summary>A class with validators but no section of its own (configured in code).</summary>
    public static OptionsCheck Validated<[DynamicallyAccessedMembers(Kept)] T>()
        where T : class, new() => new Typed<T>(null, null);

    internal abstract void CheckValues(IConfigurationSection section, List<string> problems, List<string> unreadable);

    internal abstract IEnumerable<string> Validate(IServiceProvider services);

    internal abstract IEnumerable<string> ValidateBoundFrom(IServiceProvider services, IConfiguration section);

    private sealed class Typed<[DynamicallyAccessedMembers(Kept)] T>(string? sectionName, Action<IConfiguration, T>? bind) : OptionsCheck(sectionName)
        where T : class, new()
    {
        public override Type Options => typeof(T);

        internal override void CheckValues(IConfigurationSection section, List<string> problems, List<string> unreadable)
        {
            var properties = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance);
            foreach (var child in section.GetChildren())
            {
                var property = Array.Find(properties, p => string.Equals(p.Name, child.Key, StringComparison.OrdinalIgnoreCase));
                if (property is { CanWrite: true } || property?.PropertyType is { } t && (ConfigurationValues.IsDictionary(t) || ConfigurationValues.IsCollection(t)))
                {
                    ConfigurationValues.Check(child, property!.PropertyType, problems, unreadable);
                }
            }
        }

        internal override IEnumerable<string> Validate(IServiceProvider services)
        {
            var factory = services.GetService<IOptionsFactory<T>>();
            if (factory is null)
            {
                return [];
            }

            try
            {
                factory.Create(Microsoft.Extensions.Options.Options.DefaultName);
                return [];
            }
            catch (OptionsValidationException validation)
            {
                return validation.Failures;
            }
            catch (Exception exception) when (exception is InvalidOperationException or FormatException or ArgumentException or IOException or UnauthorizedAccessException)
            {
                // Binding, or a validator that threw instead of reporting: its first line, as the reflection-based check did.
                return [FirstLine(exception.Message)];
            }
        }

        internal override IEnumerable<string> ValidateBoundFrom(IServiceProvider services, IConfiguration section)
        {
            var instance = new T();
            bind?.Invoke(section, instance);
            var failures = new List<string>();
            foreach (var validator in services.GetServices<IValidateOptions<T>>())
            {
                var result = validator.Validate(Microsoft.Extensions.Options.Options.DefaultName, instance);
                if (result.Failed)
                {
                    failures.AddRange(result.Failures ?? [result.FailureMessage]);
                }
            }

            return failures;
        }

        private static string FirstLine(string message)
        {
            var end = message.IndexOfAny(['\r', '\n']);
            return end < 0 ? message : message[..end];
        }
    }
}

/// <summary>
/// Reads a configuration value as the bot's (source-generated) binder will, to name a value that can't be read before
/// binding fails on it. The types are the ones options classes use; anything else is left to the binder.
/// </summary>
internal static class ConfigurationValues
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void Check(IConfigurationSection value, Type type, List<string> problems, List<string> unreadable)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        var element = IsDictionary(target) ? target.GetGenericArguments()[1]
            : target.IsArray ? target.GetElementType()
            : IsCollection(target) ? target.GetGenericArguments()[0]
            : null;
        if (value.Value is { } text)
        {
            // The binder skips a plain value where it expects a list or an object: said here, or it would go unnoticed.
            if (element is not null && text.Length > 0)
            {
                Unreadable(value, $"'{text}'", DescribeStructure(target), problems, unreadable);
                return;
            }

            if (element is not null || target == typeof(string) || text.Length == 0 && target != type || Reads(target, text) is not false)
            {
                return;
            }

            Unreadable(value, $"'{text}'", Describe(target), problems, unreadable);
            return;
        }

        var children = value.GetChildren().ToList();
        if (children.Count == 0 || element is null && !IsScalar(target))
        {
            // Nothing written, or an options object of its own: its values are its binder's to read.
            return;
        }

        // JSON lists arrive as children named 0, 1, 2, …; any other name means an object was written.
        var isList = children.All(c => int.TryParse(c.Key, NumberStyles.None, Inv, out _));
        if (element is null)
        {
            // An object or a list where one value belongs: the binder leaves the setting empty, which reads as "missing".
            Unreadable(value, isList ? "a JSON list" : "a JSON object", Describe(target), problems, unreadable);
            return;
        }

        if (!IsDictionary(target) && !isList)
        {
            Unreadable(value, "a JSON object", DescribeStructure(target), problems, unreadable);
            return;
        }

        foreach (var child in children)
        {
            Check(child, element, problems, unreadable);
        }
    }

    private static void Unreadable(IConfigurationSection value, string written, string expected, List<string> problems, List<string> unreadable)
    {
        problems.Add($"{value.Path} is {written}, which is not {expected}.");
        unreadable.Add(value.Path);
    }

    private static string DescribeStructure(Type type) => IsDictionary(type)
        ? "a JSON object of names and values, e.g. { \"name\": \"value\" }"
        : "a list: write it as a JSON list, e.g. [ \"first\", \"second\" ], or as environment variables ending __0, __1, …";

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan) || type == typeof(Uri)
        || type == typeof(DateTimeOffset) || type == typeof(DateTime) || type == typeof(Guid);

    public static bool IsDictionary(Type type) =>
        type.IsGenericType && type.GetGenericArguments().Length == 2 && typeof(IEnumerable).IsAssignableFrom(type) && type.GetGenericArguments()[0] == typeof(string);

    public static bool IsCollection(Type type) =>
        type.IsArray || type.IsGenericType && type.GetGenericArguments().Length == 1 && typeof(IEnumerable).IsAssignableFrom(type);

    /// <summary>Whether <paramref name="text"/> reads as <paramref name="type"/> the way the binder parses it; null for a type not checked here.</summary>
    private static bool? Reads(Type type, string text) => type switch
    {
        _ when type == typeof(int) => int.TryParse(text, NumberStyles.Integer, Inv, out _),
        _ when type == typeof(long) => long.TryParse(text, NumberStyles.Integer, Inv, out _),
        _ when type == typeof(uint) => uint.TryParse(text, NumberStyles.Integer, Inv, out _),
        _ when type == typeof(ulong) => ulong.TryParse(text, NumberStyles.Integer, Inv, out _),
        _ when type == typeof(decimal) => decimal.TryParse(text, NumberStyles.Float, Inv, out _),
        _ when type == typeof(double) => double.TryParse(text, NumberStyles.Float, Inv, out _),
        _ when type == typeof(float) => float.TryParse(text, NumberStyles.Float, Inv, out _),
        _ when type == typeof(bool) => bool.TryParse(text, out _),
        _ when type == typeof(TimeSpan) => TimeSpan.TryParse(text, Inv, out _),
        _ when type == typeof(Uri) => Uri.TryCreate(text, UriKind.RelativeOrAbsolute, out _),
        _ => null,
    };

    private static string Describe(Type type)
    {
        if (type == typeof(TimeSpan))
        {
            return "a duration: write it as a .NET TimeSpan, e.g. 00:00:10 (10 seconds) or 1.00:00:00 (one day)";
        }

        if (type == typeof(ulong))
        {
            return "an id: Discord ids are whole numbers (copy them with Developer Mode on)";
        }

        if (type == typeof(int) || type == typeof(long) || type == typeof(uint))
        {
            return "a whole number";
        }

        if (type == typeof(decimal) || type == typeof(double) || type == typeof(float))
        {
            return "a number (with a dot for decimals, e.g. 50.5)";
        }

        if (type == typeof(bool))
        {
            return "true or false";
        }

        if (type == typeof(string))
        {
            return "text";
        }

        return type == typeof(Uri) ? "a URL, e.g. https://example.com" : "a valid value";
    }
}

/// <summary>"Logging" section: how much the bot logs and in which form.</summary>
public sealed class LoggingOptions
{
    public const string SectionName = "Logging";

    /// <summary>Serilog's level names: Verbose, Debug, Information, Warning, Error, Fatal.</summary>
    public string MinimumLevel { get; set; } = "Information";

    /// <summary>"text" (one readable line per event) or "json" (one compact JSON object per line).</summary>
    public string Format { get; set; } = "text";
}

public sealed class LoggingOptionsValidator : IValidateOptions<LoggingOptions>
{
    private static readonly string[] Levels = ["Verbose", "Debug", "Information", "Warning", "Error", "Fatal"];

    public ValidateOptionsResult Validate(string? name, LoggingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!Levels.Contains(options.MinimumLevel, StringComparer.OrdinalIgnoreCase))
        {
            failures.Add($"Logging:MinimumLevel is '{options.MinimumLevel}': set it to one of {string.Join(", ", Levels)}.");
        }

        if (!string.Equals(options.Format, "text", StringComparison.OrdinalIgnoreCase) && !string.Equals(options.Format, "json", StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"Logging:Format is '{options.Format}': set it to text or json.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
