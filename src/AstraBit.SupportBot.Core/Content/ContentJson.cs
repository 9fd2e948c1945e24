using System.Globalization;
using System.Text.Json;

namespace AstraBit.SupportBot.Core.Content;

/// <summary>
/// The one reader of the hand-edited content files (guide, panel, answers, error catalogue): comments and trailing
/// commas allowed, and every problem thrown as the file's own exception naming the file, the field and what is wrong.
/// </summary>
internal static class ContentJson
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>Parses <paramref name="json"/>; broken JSON becomes <paramref name="error"/> naming the line.</summary>
    public static JsonDocument Parse(Stream json, string sourceName, Func<string, Exception, Exception> error)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceName);
        try
        {
            return JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException exception)
        {
            var line = (exception.LineNumber ?? 0) + 1;
            throw error($"{sourceName}: is not valid JSON near line {line.ToString(CultureInfo.InvariantCulture)}: {exception.Message}", exception);
        }
    }
}

/// <summary>One value in a content file with its path ("parts[1].steps[0].body"), for messages naming the field.</summary>
internal readonly record struct ContentNode(JsonElement Element, string Path, string Source, Func<string, Exception> Error)
{
    public static ContentNode Root(JsonDocument document, string source, Func<string, Exception> error) =>
        new(document.RootElement, string.Empty, source, error);

    public Exception Fail(string problem) => Error(Path.Length == 0 ? $"{Source}: {problem}" : $"{Source}: {Path} {problem}");

    public ContentNode Child(string name) => this with { Element = Element.GetProperty(name), Path = Named(name) };

    public ContentNode Index(int index) =>
        this with { Element = Element[index], Path = string.Create(CultureInfo.InvariantCulture, $"{Path}[{index}]") };

    public void RequireObject()
    {
        if (Element.ValueKind != JsonValueKind.Object)
        {
            throw Fail("must be an object in curly braces: { ... }");
        }
    }

    public void AllowOnly(params string[] names)
    {
        foreach (var property in Element.EnumerateObject())
        {
            if (!names.Contains(property.Name, StringComparer.Ordinal))
            {
                throw Fail($"has an unknown field '{property.Name}' (the fields are: {string.Join(", ", names)})");
            }
        }
    }

    public ContentNode Property(string name)
    {
        if (!Element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            throw Error($"{Source}: {Named(name)} is missing");
        }

        return Child(name);
    }

    public ContentNode? Optional(string name) =>
        Element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? Child(name) : null;

    public List<ContentNode> Items()
    {
        if (Element.ValueKind != JsonValueKind.Array)
        {
            throw Fail("must be a list in square brackets: [ ... ]");
        }

        var self = this;
        return Enumerable.Range(0, Element.GetArrayLength()).Select(self.Index).ToList();
    }

    /// <summary>The text, trimmed; not text or empty is a failure.</summary>
    public string String()
    {
        if (Element.ValueKind != JsonValueKind.String)
        {
            throw Fail("must be text in double quotes");
        }

        var text = Element.GetString()!.Trim();
        return text.Length == 0 ? throw Fail("is empty") : text;
    }

    private string Named(string name) => Path.Length == 0 ? name : $"{Path}.{name}";
}
