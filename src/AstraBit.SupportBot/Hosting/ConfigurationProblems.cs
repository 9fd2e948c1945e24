using System.Collections;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using AstraBit.SupportBot.Bybit;
using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Core.Limits;
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
    private const DynamicallyAccessedMemberTypes ReflectedMembers =
        DynamicallyAccessedMemberTypes.PublicProperties | DynamicallyAccessedMemberTypes.PublicParameterlessConstructor;

    /// <summary>The sections the bot binds, with the options classes bound from each.</summary>
    public static IReadOnlyList<(string Section, Type Options)> Sections { get; } =
    [
        (DiscordClientOptions.SectionName, typeof(DiscordClientOptions)),
        (DiscordClientOptions.SectionName, typeof(SupportDiscordOptions)),
        (BybitClientOptions.SectionName, typeof(BybitClientOptions)),
        (GuideOptions.SectionName, typeof(GuideOptions)),
        (DiagnosticsOptions.SectionName, typeof(DiagnosticsOptions)),
        (LimitsOptions.SectionName, typeof(LimitsOptions)),
        (TicketOptions.SectionName, typeof(TicketOptions)),
        (StorageOptions.SectionName, typeof(StorageOptions)),
        ("Content", typeof(ContentOptions)),
        (LoggingOptions.SectionName, typeof(LoggingOptions)),
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
    /// <remarks>
    /// The options classes are read by reflection (their properties, and a fresh instance to bind without the
    /// unreadable values). A Native AOT publish keeps only what the code names: the attributes below keep those
    /// members, so a bad value is reported the same way there (measured: same lines, same exit code).
    /// </remarks>
    [DynamicDependency(ReflectedMembers, typeof(DiscordClientOptions))]
    [DynamicDependency(ReflectedMembers, typeof(SupportDiscordOptions))]
    [DynamicDependency(ReflectedMembers, typeof(BybitClientOptions))]
    [DynamicDependency(ReflectedMembers, typeof(GuideOptions))]
    [DynamicDependency(ReflectedMembers, typeof(DiagnosticsOptions))]
    [DynamicDependency(ReflectedMembers, typeof(LimitsOptions))]
    [DynamicDependency(ReflectedMembers, typeof(TicketOptions))]
    [DynamicDependency(ReflectedMembers, typeof(StorageOptions))]
    [DynamicDependency(ReflectedMembers, typeof(ContentOptions))]
    [DynamicDependency(ReflectedMembers, typeof(LoggingOptions))]
    public static IReadOnlyList<string> Collect(IServiceProvider services, IConfiguration configuration, IEnumerable<Type> validatedOptions)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var problems = new List<string>();
        var unreadableKeys = new List<string>();
        var unreadable = new HashSet<Type>();
        foreach (var (section, type) in Sections)
        {
            var before = unreadableKeys.Count;
            CheckValues(configuration.GetSection(section), type, problems, unreadableKeys);
            if (unreadableKeys.Count > before)
            {
                unreadable.Add(type);
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
        foreach (var type in validatedOptions.Concat(Sections.Select(s => s.Options)).Distinct())
        {
            var failures = unreadable.Contains(type)
                ? ValidateWithoutUnreadable(services, readable.GetSection(Sections.First(s => s.Options == type).Section), type)
                : Validate(services, type);
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

        return problems;
    }

    /// <summary>The options classes with a validator registered in <paramref name="services"/>.</summary>
    public static IReadOnlyList<Type> ValidatedOptions(IServiceCollection services) =>
        services
            .Where(d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IValidateOptions<>))
            .Select(d => d.ServiceType.GetGenericArguments()[0])
            .Distinct()
            .ToList();

    private static IEnumerable<string> Validate(IServiceProvider services, Type type)
    {
        var contract = typeof(IOptionsFactory<>).MakeGenericType(type);
        var factory = services.GetService(contract);
        if (factory is null)
        {
            return [];
        }

        try
        {
            contract.GetMethod(nameof(IOptionsFactory<object>.Create))!.Invoke(factory, [Options.DefaultName]);
            return [];
        }
        catch (TargetInvocationException wrapped) when (wrapped.InnerException is OptionsValidationException validation)
        {
            return validation.Failures;
        }
        catch (TargetInvocationException wrapped) when (wrapped.InnerException is { } inner)
        {
            return [FirstLine(inner.Message)];
        }
    }

    private static IEnumerable<string> ValidateWithoutUnreadable(IServiceProvider services, IConfiguration section, Type type)
    {
        var instance = Activator.CreateInstance(type)!;
        section.Bind(instance);
        var failures = new List<string>();
        var contract = typeof(IValidateOptions<>).MakeGenericType(type);
        var validate = contract.GetMethod(nameof(IValidateOptions<object>.Validate))!;
        foreach (var validator in services.GetServices(contract))
        {
            var result = (ValidateOptionsResult)validate.Invoke(validator, [Options.DefaultName, instance])!;
            if (result.Failed)
            {
                failures.AddRange(result.Failures ?? [result.FailureMessage]);
            }
        }

        return failures;
    }

    private static void CheckValues(IConfigurationSection section, Type type, List<string> problems, List<string> unreadable)
    {
        foreach (var child in section.GetChildren())
        {
            var property = type.GetProperty(child.Key, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is { CanWrite: true } || property?.PropertyType is { } t && (IsDictionary(t) || IsCollection(t)))
            {
                CheckValue(child, property!.PropertyType, problems, unreadable);
            }
        }
    }

    private static void CheckValue(IConfigurationSection value, Type type, List<string> problems, List<string> unreadable)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (value.Value is { } text)
        {
            if (target == typeof(string) || text.Length == 0 && target != type)
            {
                return;
            }

            var converter = TypeDescriptor.GetConverter(target);
            if (!converter.CanConvertFrom(typeof(string)))
            {
                return;
            }

            try
            {
                _ = converter.ConvertFromInvariantString(text);
            }
            catch (Exception exception) when (exception is FormatException or ArgumentException or OverflowException or NotSupportedException)
            {
                problems.Add($"{value.Path} is '{text}', which is not {Describe(target)}.");
                unreadable.Add(value.Path);
            }

            return;
        }

        if (IsDictionary(target))
        {
            var element = target.GetGenericArguments()[1];
            foreach (var child in value.GetChildren())
            {
                CheckValue(child, element, problems, unreadable);
            }
        }
        else if (IsCollection(target))
        {
            var element = target.IsArray ? target.GetElementType()! : target.GetGenericArguments()[0];
            foreach (var child in value.GetChildren())
            {
                CheckValue(child, element, problems, unreadable);
            }
        }
        else if (target.IsClass && target != typeof(string))
        {
            CheckValues(value, target, problems, unreadable);
        }
    }

    private static bool IsDictionary(Type type) =>
        type.IsGenericType && type.GetGenericArguments().Length == 2 && typeof(IEnumerable).IsAssignableFrom(type) && type.GetGenericArguments()[0] == typeof(string);

    private static bool IsCollection(Type type) =>
        type.IsArray || type.IsGenericType && type.GetGenericArguments().Length == 1 && typeof(IEnumerable).IsAssignableFrom(type);

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

        if (type == typeof(Uri))
        {
            return "a URL, e.g. https://example.com";
        }

        if (type.IsEnum)
        {
            return "one of " + string.Join(", ", Enum.GetNames(type));
        }

        return "a valid value";
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

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
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
