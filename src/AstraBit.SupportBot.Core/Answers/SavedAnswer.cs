using System.Globalization;
using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Core.Text;

namespace AstraBit.SupportBot.Core.Answers;

/// <summary>
/// A prepared answer staff post with /answer. <see cref="Text"/> may hold the holes {member}, {guideStep:N} and
/// {supportEmail}; <see cref="AnswerCatalog.Render"/> fills them.
/// </summary>
/// <param name="Name">The autocomplete value: lowercase letters, digits and '-'.</param>
/// <param name="Title">What staff see in the autocomplete list.</param>
/// <param name="Text">The message posted into the thread.</param>
public sealed record SavedAnswer(string Name, string Title, string Text);

/// <summary>The answers file is not valid; the message names the file, the answer and the field.</summary>
public sealed class AnswerCatalogException : Exception
{
    public AnswerCatalogException()
    {
    }

    public AnswerCatalogException(string message)
        : base(message)
    {
    }

    public AnswerCatalogException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>The loaded config/answers.json: lookup for /answer's autocomplete, and rendering with the holes filled.</summary>
public sealed class AnswerCatalog
{
    private readonly GuideContent guide;
    private readonly string supportEmail;
    private readonly string stepFormat;

    internal AnswerCatalog(IReadOnlyList<SavedAnswer> answers, GuideContent guide, string supportEmail, string stepFormat)
    {
        Answers = answers;
        this.guide = guide;
        this.supportEmail = supportEmail;
        this.stepFormat = stepFormat;
    }

    /// <summary>Every answer in file order.</summary>
    public IReadOnlyList<SavedAnswer> Answers { get; }

    public SavedAnswer? Get(string? name) => Answers.FirstOrDefault(a => string.Equals(a.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The choices for what staff typed so far: names starting with it first, then names or titles containing it, each
    /// in file order; the first <paramref name="max"/> answers for nothing typed. Case-insensitive. At most <paramref name="max"/>
    /// (the host's limit on suggestions).
    /// </summary>
    public IReadOnlyList<SavedAnswer> Find(string? typed, int max)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        var query = typed?.Trim() ?? string.Empty;
        if (query.Length == 0)
        {
            return Answers.Take(max).ToList();
        }

        var prefix = Answers.Where(a => a.Name.StartsWith(query, StringComparison.OrdinalIgnoreCase));
        var contains = Answers.Where(a => a.Name.Contains(query, StringComparison.OrdinalIgnoreCase) || a.Title.Contains(query, StringComparison.OrdinalIgnoreCase));
        return prefix.Concat(contains).Distinct().Take(max).ToList();
    }

    /// <summary>The answer's text for <paramref name="memberId"/>: {member} a mention, {guideStep:N} "step N (title)", {supportEmail} the address.</summary>
    public string Render(SavedAnswer answer, ulong memberId)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return AnswerTemplate.Fill(answer.Text, hole => hole.Kind switch
        {
            AnswerHoleKind.Member => $"<@{memberId.ToString(CultureInfo.InvariantCulture)}>",
            AnswerHoleKind.SupportEmail => supportEmail,
            _ => StepText(hole.Step!.Value),
        });
    }

    internal string StepText(int step) => AnswerTemplate.StepText(stepFormat, step, guide.Step(step).Title);
}

internal enum AnswerHoleKind
{
    Member,
    GuideStep,
    SupportEmail,
    Unknown,
}

internal readonly record struct AnswerHole(AnswerHoleKind Kind, string Raw, int? Step);

/// <summary>The holes an answer may use: {member}, {guideStep:N}, {supportEmail}. Anything else in braces is an error.</summary>
internal static class AnswerTemplate
{
    public const string Member = "member";
    public const string GuideStepPrefix = "guideStep:";
    public const string SupportEmail = "supportEmail";

    // How {guideStep:N} reads in each language of the answers files: {0} the step's number, {1} its title in that
    // language's guide. English is the default; a translated answers file is written around its language's form.
    private static readonly Dictionary<string, string> StepFormats = new(StringComparer.Ordinal)
    {
        ["en-US"] = "step {0} ({1})",
        ["es-ES"] = "paso {0} ({1})",
        ["pt-BR"] = "passo {0} ({1})",
        ["ru"] = "шаг {0} ({1})",
        ["tr"] = "{0}. adım ({1})",
        ["vi"] = "bước {0} ({1})",
        ["de"] = "Schritt {0} ({1})",
        ["fr"] = "étape {0} ({1})",
    };

    /// <summary>The form of {guideStep:N} in <paramref name="locale"/>'s answers; English's for any other.</summary>
    public static string StepFormat(string? locale) => StepFormats.GetValueOrDefault(locale ?? string.Empty) ?? StepFormats["en-US"];

    public static string StepText(string format, int step, string title) => string.Format(CultureInfo.InvariantCulture, format, step, title);

    public static IEnumerable<AnswerHole> Holes(string text) => TextHoles.In(text).Select(Parse);

    public static string Fill(string text, Func<AnswerHole, string> value) =>
        TextHoles.Fill(text, raw => Parse(raw) is { Kind: not AnswerHoleKind.Unknown } hole ? value(hole) : null);

    private static AnswerHole Parse(string raw)
    {
        if (raw == Member)
        {
            return new AnswerHole(AnswerHoleKind.Member, raw, null);
        }

        if (raw == SupportEmail)
        {
            return new AnswerHole(AnswerHoleKind.SupportEmail, raw, null);
        }

        if (raw.StartsWith(GuideStepPrefix, StringComparison.Ordinal)
            && int.TryParse(raw.AsSpan(GuideStepPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var step))
        {
            return new AnswerHole(AnswerHoleKind.GuideStep, raw, step);
        }

        return new AnswerHole(AnswerHoleKind.Unknown, raw, null);
    }
}
