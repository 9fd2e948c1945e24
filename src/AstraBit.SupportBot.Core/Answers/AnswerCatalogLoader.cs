using System.Globalization;
using System.Text.Json;
using AstraBit.SupportBot.Core.Content;
using AstraBit.SupportBot.Core.Guide;

namespace AstraBit.SupportBot.Core.Answers;

/// <summary>
/// Reads and validates config/answers.json, like the guide: support staff edit it by hand, so each problem is reported
/// as "file: answers[3] (\"expired-key\").text what is wrong", and every text is measured with its holes at their longest
/// so a valid file can never make a message Discord refuses.
/// </summary>
public static class AnswerCatalogLoader
{
    public const string FileName = "answers.json";

    /// <summary>Room left in the message for the line naming the staff member who sent the answer.</summary>
    public const int SenderRoom = 200;

    // A mention of the longest snowflake: <@18446744073709551615>.
    private const int LongestMention = 23;

    /// <summary>How long an answer's text may be with its holes filled: a message less <see cref="SenderRoom"/>.</summary>
    public static int MaxTextLength(ContentLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return limits.Message - SenderRoom;
    }

    /// <summary>
    /// Reads the answers from <paramref name="json"/>; <paramref name="locale"/> names the language they are written in
    /// (a translation beside answers.json), which decides how {guideStep:N} reads ("step 5 (…)", "paso 5 (…)").
    /// </summary>
    public static AnswerCatalog Load(Stream json, string sourceName, GuideContent guide, string supportEmail, ContentLimits limits, string? locale = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceName);
        ArgumentNullException.ThrowIfNull(guide);
        ArgumentNullException.ThrowIfNull(supportEmail);
        ArgumentNullException.ThrowIfNull(limits);

        using (var document = ContentJson.Parse(json, sourceName, static (message, inner) => new AnswerCatalogException(message, inner)))
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new AnswerCatalogException($"{sourceName}: must be an object in curly braces with an \"answers\" list");
            }

            foreach (var property in root.EnumerateObject().Where(p => p.Name != "answers"))
            {
                throw new AnswerCatalogException($"{sourceName}: has an unknown field '{property.Name}' (the fields are: answers)");
            }

            if (!root.TryGetProperty("answers", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                throw new AnswerCatalogException($"{sourceName}: answers is missing or not a list in square brackets: [ ... ]");
            }

            if (list.GetArrayLength() == 0)
            {
                throw new AnswerCatalogException($"{sourceName}: answers is empty; give at least one answer");
            }

            var answers = new List<SavedAnswer>();
            var stepFormat = AnswerTemplate.StepFormat(locale);
            var index = 0;
            foreach (var item in list.EnumerateArray())
            {
                var answer = ReadAnswer(item, $"{sourceName}: answers[{index.ToString(CultureInfo.InvariantCulture)}]", guide, supportEmail, limits, stepFormat);
                if (answers.Any(a => string.Equals(a.Name, answer.Name, StringComparison.OrdinalIgnoreCase)))
                {
                    throw new AnswerCatalogException($"{sourceName}: answers[{index.ToString(CultureInfo.InvariantCulture)}] (\"{answer.Name}\").name is used by an earlier answer too; names must be unique");
                }

                answers.Add(answer);
                index++;
            }

            return new AnswerCatalog(answers, guide, supportEmail.Trim(), stepFormat);
        }
    }

    /// <summary>Loads the file at <paramref name="path"/>, naming it as given in errors.</summary>
    public static AnswerCatalog LoadFile(string path, GuideContent guide, string supportEmail, ContentLimits limits, string? locale = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new AnswerCatalogException($"{path}: the saved answers file is missing");
        }

        using var stream = File.OpenRead(path);
        return Load(stream, path, guide, supportEmail, limits, locale);
    }

    private static SavedAnswer ReadAnswer(JsonElement item, string where, GuideContent guide, string supportEmail, ContentLimits limits, string stepFormat)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new AnswerCatalogException($"{where} must be an object: {{ \"name\": …, \"title\": …, \"text\": … }}");
        }

        var nameText = item.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()!.Trim() : null;
        var label = nameText is { Length: > 0 } ? $"{where} (\"{nameText}\")" : where;
        foreach (var property in item.EnumerateObject())
        {
            if (property.Name is not ("name" or "title" or "text"))
            {
                throw new AnswerCatalogException($"{label} has an unknown field '{property.Name}' (the fields are: name, title, text)");
            }
        }

        var name = Text(item, "name", label, limits.Suggestion);
        if (!name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            throw new AnswerCatalogException($"{label}.name must be lowercase letters, digits and '-' (it is what staff type after /answer)");
        }

        var title = Text(item, "title", label, limits.Suggestion);
        var text = Text(item, "text", label, int.MaxValue);
        var steps = guide.Steps.Count;
        foreach (var hole in AnswerTemplate.Holes(text))
        {
            if (hole.Kind == AnswerHoleKind.Unknown)
            {
                throw new AnswerCatalogException($"{label}.text uses the unknown hole {{{hole.Raw}}}; the holes are {{member}}, {{guideStep:N}} (N from 1 to {steps.ToString(CultureInfo.InvariantCulture)}) and {{supportEmail}}");
            }

            if (hole.Kind == AnswerHoleKind.GuideStep && (hole.Step < 1 || hole.Step > steps))
            {
                throw new AnswerCatalogException($"{label}.text uses {{{hole.Raw}}}, but the guide has steps 1 to {steps.ToString(CultureInfo.InvariantCulture)}");
            }

            if (hole.Kind == AnswerHoleKind.SupportEmail && string.IsNullOrWhiteSpace(supportEmail))
            {
                throw new AnswerCatalogException($"{label}.text uses {{supportEmail}}, but Guide:SupportEmail is not set");
            }
        }

        var longest = AnswerTemplate.Fill(text, hole => hole.Kind switch
        {
            AnswerHoleKind.Member => new string('x', LongestMention),
            AnswerHoleKind.SupportEmail => supportEmail.Trim(),
            _ => AnswerTemplate.StepText(stepFormat, hole.Step!.Value, guide.Step(hole.Step!.Value).Title),
        }).Length;
        var maxLength = MaxTextLength(limits);
        if (longest > maxLength)
        {
            throw new AnswerCatalogException($"{label}.text is {longest.ToString(CultureInfo.InvariantCulture)} characters long with its holes filled; keep it to {maxLength.ToString(CultureInfo.InvariantCulture)} (Discord allows {limits.Message.ToString(CultureInfo.InvariantCulture)} in one message, and the bot adds who sent it)");
        }

        return new SavedAnswer(name, title, text);
    }

    private static string Text(JsonElement item, string field, string label, int maxLength)
    {
        if (!item.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            throw new AnswerCatalogException($"{label}.{field} is missing");
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw new AnswerCatalogException($"{label}.{field} must be text in double quotes");
        }

        var text = value.GetString()!.Trim();
        if (text.Length == 0)
        {
            throw new AnswerCatalogException($"{label}.{field} is empty");
        }

        if (text.Length > maxLength)
        {
            throw new AnswerCatalogException($"{label}.{field} is longer than {maxLength.ToString(CultureInfo.InvariantCulture)} characters");
        }

        return text;
    }
}
