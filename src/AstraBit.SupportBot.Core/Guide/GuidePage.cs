using System.Text;
using AstraBit.SupportBot.Core.Text;

namespace AstraBit.SupportBot.Core.Guide;

/// <summary>One page of the guide, shaped like a Discord embed but free of Discord types; Header is "Part 2 of 3 · Step 5 of 6" on a step.</summary>
public sealed record GuidePage(string Header, string Title, string Description, IReadOnlyList<GuideField> Fields)
{
    /// <summary>The characters Discord counts toward its 6000 per message.</summary>
    public int TotalLength => Header.Length + Title.Length + Description.Length + Fields.Sum(f => f.Name.Length + f.Value.Length);
}

public sealed record GuideField(string Name, string Value);

/// <summary>
/// The words a page adds around the guide's own texts (headers, "Tips", "Turn on:"), in the reader's language: the
/// catalogue's <see cref="TextIds.GuidePage"/> texts. The guide file's check measures pages with <see cref="Longest"/>.
/// </summary>
public sealed record GuideWords(
    string BeforeYouBegin,
    string FinalCheck,
    string Done,
    string Tips,
    Func<int, int, int, int, string> StepHeader,
    Func<string, string> TurnOn,
    Func<string, string> LeaveOff)
{
    // Longer than any shipped language writes them, so a guide that passes its check fits in every language.
    private const int LongestHeader = 60;
    private const int LongestLead = 30;

    public static GuideWords From(LocaleTexts texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return new GuideWords(
            texts.Get(TextIds.GuidePage.BeforeYouBeginHeader),
            texts.Get(TextIds.GuidePage.FinalCheckHeader),
            texts.Get(TextIds.GuidePage.DoneHeader),
            texts.Get(TextIds.GuidePage.Tips),
            (part, parts, step, steps) => texts.Get(
                TextIds.GuidePage.StepHeader,
                ("part", texts.Number(part)),
                ("parts", texts.Number(parts)),
                ("step", texts.Number(step)),
                ("steps", texts.Number(steps))),
            permissions => texts.Get(TextIds.GuidePage.TurnOn, ("permissions", permissions)),
            permissions => texts.Get(TextIds.GuidePage.LeaveOff, ("permissions", permissions)));
    }

    /// <summary>Every word at the longest a language may write it, for the guide file's limit check.</summary>
    internal static GuideWords Longest { get; } = new(
        new string('x', LongestHeader),
        new string('x', LongestHeader),
        new string('x', LongestHeader),
        new string('x', LongestHeader),
        (_, _, _, _) => new string('x', LongestHeader),
        permissions => new string('x', LongestLead) + permissions,
        permissions => new string('x', LongestLead) + permissions);
}

internal static class GuidePages
{
    public static string StepHeader(GuideContent guide, int step, GuideWords words)
    {
        var part = guide.PartOf(step);
        return words.StepHeader(part.Number, guide.Parts.Count, step, guide.Parts.Sum(p => p.Steps.Count));
    }

    public static GuidePage Render(GuideContent guide, GuidePosition position, AccountType accountType, Func<string, string> fill, GuideWords words)
    {
        switch (position)
        {
            case GuidePosition.BeforeYouBegin:
                {
                    var intro = guide.BeforeYouBegin;
                    var description = Join(fill(guide.Intro), fill(intro.Body), Bullets(intro.Items, fill), $"_{fill(guide.Disclaimer)}_");
                    return new GuidePage(words.BeforeYouBegin, fill(intro.Title), description, [Field(guide.Referral, fill)]);
                }

            case GuidePosition.FinalCheck:
                {
                    var final = guide.FinalCheck;
                    var description = Join(fill(final.Body), Bullets(final.Items, fill, "☐ "));
                    return new GuidePage(words.FinalCheck, fill(final.Title), description, [Field(guide.SecurityPromise, fill)]);
                }

            case GuidePosition.Done:
                return new GuidePage(
                    words.Done,
                    fill(guide.NextStep.Title),
                    fill(guide.NextStep.Text),
                    [Field(guide.SecurityPromise, fill), Field(guide.Help, fill)]);

            default:
                {
                    var step = guide.Step(position.StepNumber() ?? throw new ArgumentOutOfRangeException(nameof(position), position, "Not a guide position."));
                    var fields = new List<GuideField>();
                    var types = step.AccountTypeFor(accountType) is { } chosen ? [chosen] : step.AccountTypes;
                    fields.AddRange(types.Select(t => AccountTypeField(t, fill, words)));
                    if (step.Tips.Count > 0)
                    {
                        fields.Add(new GuideField(words.Tips, Bullets(step.Tips, fill)));
                    }

                    return new GuidePage(StepHeader(guide, step.Number, words), fill(step.Title), fill(step.Body), fields);
                }
        }
    }

    public static GuideField AccountTypeField(GuideAccountType type, Func<string, string> fill, GuideWords words)
    {
        var value = new StringBuilder();
        value.Append(words.TurnOn(string.Join(", ", type.TurnOn.Select(fill))));
        value.Append('\n').Append(words.LeaveOff(string.Join(", ", type.LeaveOff.Select(fill))));
        return new GuideField(fill(type.Label), value.ToString());
    }

    private static GuideField Field(GuideSection section, Func<string, string> fill) => new(fill(section.Title), fill(section.Text));

    private static string Bullets(IEnumerable<string> items, Func<string, string> fill, string mark = "• ") =>
        string.Join("\n", items.Select(i => mark + fill(i)));

    private static string Join(params string[] paragraphs) => string.Join("\n\n", paragraphs.Where(p => p.Length > 0));
}
