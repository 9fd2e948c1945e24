using System.Globalization;
using System.Text.Json;
using AstraBit.SupportBot.Core.Content;
using AstraBit.SupportBot.Core.Text;

namespace AstraBit.SupportBot.Core.Errors;

/// <summary>
/// Reads and validates config/bybit-errors.json. Support staff edit that file by hand, so every problem is
/// reported as "file: entry N (code X): 'field' what is wrong", and nothing half-valid is ever loaded.
/// </summary>
internal static class ErrorCatalogReader
{
    // A shorter phrase ("ip", "key") would turn up inside unrelated messages.
    public const int MinPhraseLength = 4;

    private static readonly string[] Fields = ["codes", "match", "title", "meaning", "fix", "guideStep", "seeAlso"];

    // An entry is shown as a page: its title as the page's title, its meaning and fix each as a field.
    public static IReadOnlyList<ErrorCatalogEntry> Read(Stream json, string sourceName, ContentLimits limits)
    {
        using (var document = ContentJson.Parse(json, sourceName, static (message, inner) => new ErrorCatalogException(message, inner)))
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array)
            {
                throw new ErrorCatalogException($"{sourceName}: must be a list of entries in square brackets: [ {{ ... }}, {{ ... }} ]");
            }

            if (root.GetArrayLength() == 0)
            {
                throw new ErrorCatalogException($"{sourceName}: has no entries");
            }

            var entries = new List<ErrorCatalogEntry>();
            var codeOwners = new Dictionary<string, int>(StringComparer.Ordinal);
            var phraseOwners = new Dictionary<string, int>(StringComparer.Ordinal);
            var number = 0;
            foreach (var element in root.EnumerateArray())
            {
                number++;
                var where = new Where(sourceName, number, Label(element));
                entries.Add(ReadEntry(element, where, codeOwners, phraseOwners, limits));
            }

            for (var i = 0; i < entries.Count; i++)
            {
                var where = new Where(sourceName, i + 1, LabelOf(entries[i]));
                CheckSeeAlso(entries[i], where, codeOwners, phraseOwners);
            }

            return entries;
        }
    }

    private static ErrorCatalogEntry ReadEntry(
        JsonElement element,
        Where where,
        Dictionary<string, int> codeOwners,
        Dictionary<string, int> phraseOwners,
        ContentLimits limits)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw where.Fail("must be an object in curly braces: { \"codes\": [...], \"title\": ..., ... }");
        }

        foreach (var property in element.EnumerateObject())
        {
            if (!Fields.Contains(property.Name, StringComparer.Ordinal))
            {
                throw where.Fail($"unknown field '{property.Name}' (the fields are: {string.Join(", ", Fields)})");
            }
        }

        var codes = new List<string>();
        var rawCodes = ReadList(element, "codes", where);
        for (var i = 0; i < rawCodes.Count; i++)
        {
            var code = ErrorCode.Normalize(rawCodes[i])
                ?? throw where.Fail($"'codes' item {Ordinal(i)} ('{rawCodes[i]}') is neither a Bybit code (digits, e.g. \"10003\") nor an HTTP status (e.g. \"HTTP 403\")");
            if (codeOwners.TryGetValue(code, out var owner))
            {
                throw where.Fail($"'codes' item {Ordinal(i)}: code '{code}' is already used by entry {Ordinal(owner - 1)}");
            }

            codeOwners[code] = where.Number;
            codes.Add(code);
        }

        var match = ReadList(element, "match", where);
        for (var i = 0; i < match.Count; i++)
        {
            var phrase = MatchText.Normalize(match[i]);
            if (phrase.Length < MinPhraseLength)
            {
                throw where.Fail($"'match' item {Ordinal(i)} ('{match[i]}') is too short: use at least {MinPhraseLength} characters so it can't turn up in unrelated messages");
            }

            if (phraseOwners.TryGetValue(phrase, out var owner))
            {
                throw where.Fail($"'match' item {Ordinal(i)}: phrase '{match[i]}' is already used by entry {Ordinal(owner - 1)}");
            }

            phraseOwners[phrase] = where.Number;
        }

        if (codes.Count == 0 && match.Count == 0)
        {
            throw where.Fail("'codes' and 'match' are both empty: give at least one code or one phrase");
        }

        return new ErrorCatalogEntry(
            codes,
            match,
            ReadText(element, "title", limits.Title.Length, where),
            ReadText(element, "meaning", limits.Field.Length, where),
            ReadText(element, "fix", limits.Field.Length, where),
            ReadGuideStep(element, where),
            ReadList(element, "seeAlso", where));
    }

    private static string ReadText(JsonElement entry, string field, int maxLength, Where where)
    {
        if (!entry.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            throw where.Fail($"'{field}' is missing");
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw where.Fail($"'{field}' must be text in double quotes");
        }

        var text = value.GetString()!.Trim();
        if (text.Length == 0)
        {
            throw where.Fail($"'{field}' is empty");
        }

        if (text.Length > maxLength)
        {
            throw where.Fail($"'{field}' is longer than {maxLength.ToString(CultureInfo.InvariantCulture)} characters");
        }

        return text;
    }

    private static int? ReadGuideStep(JsonElement entry, Where where)
    {
        if (!entry.TryGetProperty("guideStep", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var step) && step is >= 1 and <= 6)
        {
            return step;
        }

        throw where.Fail("'guideStep' must be a step number from 1 to 6, or null");
    }

    private static List<string> ReadList(JsonElement entry, string field, Where where)
    {
        var items = new List<string>();
        if (!entry.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return items;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw where.Fail($"'{field}' must be a list in square brackets, e.g. [\"10003\"]");
        }

        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                throw where.Fail($"'{field}' item {Ordinal(index)} must be text in double quotes");
            }

            var text = item.GetString()!.Trim();
            if (text.Length == 0)
            {
                throw where.Fail($"'{field}' item {Ordinal(index)} is empty");
            }

            items.Add(text);
            index++;
        }

        return items;
    }

    // seeAlso items are offered as further /bybit-error inputs, so each must lead to an entry.
    private static void CheckSeeAlso(
        ErrorCatalogEntry entry,
        Where where,
        Dictionary<string, int> codeOwners,
        Dictionary<string, int> phraseOwners)
    {
        for (var i = 0; i < entry.SeeAlso.Count; i++)
        {
            var item = entry.SeeAlso[i];
            var code = ErrorCode.Normalize(item);
            var found = code is not null
                ? codeOwners.ContainsKey(code)
                : phraseOwners.ContainsKey(MatchText.Normalize(item));
            if (!found)
            {
                throw where.Fail($"'seeAlso' item {Ordinal(i)} ('{item}') is not a code or match phrase of any entry");
            }
        }
    }

    // The label makes "entry 12" findable in a long file; it is read before validation, so it is best effort.
    private static string? Label(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        return FirstString(element, "codes") is { } code
            ? $"code {code}"
            : FirstString(element, "match") is { } phrase ? $"match '{Shorten(phrase)}'" : null;
    }

    private static string? LabelOf(ErrorCatalogEntry entry) =>
        entry.Codes.Count > 0 ? $"code {entry.Codes[0]}" : $"match '{Shorten(entry.Match[0])}'";

    private static string? FirstString(JsonElement element, string field)
    {
        if (!element.TryGetProperty(field, out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(item.GetString()))
            {
                return item.GetString()!.Trim();
            }
        }

        return null;
    }

    private static string Shorten(string text) => SafeText.Fit(text, 41);

    private static string Ordinal(int zeroBased) => (zeroBased + 1).ToString(CultureInfo.InvariantCulture);

    private readonly record struct Where(string SourceName, int Number, string? Label)
    {
        public ErrorCatalogException Fail(string problem)
        {
            var label = Label is null ? string.Empty : $" ({Label})";
            return new ErrorCatalogException(
                $"{SourceName}: entry {Number.ToString(CultureInfo.InvariantCulture)}{label}: {problem}");
        }
    }
}
