using System.Globalization;
using System.Text;

namespace AstraBit.SupportBot.Core.Guide;

/// <summary>One page of the guide, shaped like a Discord embed but free of Discord types; Header is "Part 2 of 3 · Step 5 of 6" on a step.</summary>
public sealed record GuidePage(string Header, string Title, string Description, IReadOnlyList<GuideField> Fields)
{
    /// <summary>The characters Discord counts toward its 6000 per message.</summary>
    public int TotalLength => Header.Length + Title.Length + Description.Length + Fields.Sum(f => f.Name.Length + f.Value.Length);
}

public sealed record GuideField(string Name, string Value);

internal static class GuidePages
{
    public const string BeforeYouBeginHeader = "Connect Bybit to AstraBit";
    public const string FinalCheckHeader = "Final check";
    public const string DoneHeader = "All done";
    public const string TipsName = "Tips";

    public static string StepHeader(GuideContent guide, int step)
    {
        var part = guide.PartOf(step);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"Part {part.Number} of {guide.Parts.Count} · Step {step} of {guide.Parts.Sum(p => p.Steps.Count)}");
    }

    public static GuidePage Render(GuideContent guide, GuidePosition position, AccountType accountType, Func<string, string> fill)
    {
        switch (position)
        {
            case GuidePosition.BeforeYouBegin:
                {
                    var intro = guide.BeforeYouBegin;
                    var description = Join(fill(guide.Intro), fill(intro.Body), Bullets(intro.Items, fill), $"_{fill(guide.Disclaimer)}_");
                    return new GuidePage(BeforeYouBeginHeader, fill(intro.Title), description, [Field(guide.Referral, fill)]);
                }

            case GuidePosition.FinalCheck:
                {
                    var final = guide.FinalCheck;
                    var description = Join(fill(final.Body), Bullets(final.Items, fill, "☐ "));
                    return new GuidePage(FinalCheckHeader, fill(final.Title), description, [Field(guide.SecurityPromise, fill)]);
                }

            case GuidePosition.Done:
                return new GuidePage(
                    DoneHeader,
                    fill(guide.NextStep.Title),
                    fill(guide.NextStep.Text),
                    [Field(guide.SecurityPromise, fill), Field(guide.Help, fill)]);

            default:
                {
                    var step = guide.Step(position.StepNumber() ?? throw new ArgumentOutOfRangeException(nameof(position), position, "Not a guide position."));
                    var fields = new List<GuideField>();
                    var types = step.AccountTypeFor(accountType) is { } chosen ? [chosen] : step.AccountTypes;
                    fields.AddRange(types.Select(t => AccountTypeField(t, fill)));
                    if (step.Tips.Count > 0)
                    {
                        fields.Add(new GuideField(TipsName, Bullets(step.Tips, fill)));
                    }

                    return new GuidePage(StepHeader(guide, step.Number), fill(step.Title), fill(step.Body), fields);
                }
        }
    }

    public static GuideField AccountTypeField(GuideAccountType type, Func<string, string> fill)
    {
        var value = new StringBuilder();
        value.Append("Turn on: ").Append(string.Join(", ", type.TurnOn.Select(fill)));
        value.Append('\n').Append("Leave off: ").Append(string.Join(", ", type.LeaveOff.Select(fill)));
        return new GuideField(fill(type.Label), value.ToString());
    }

    private static GuideField Field(GuideSection section, Func<string, string> fill) => new(fill(section.Title), fill(section.Text));

    private static string Bullets(IEnumerable<string> items, Func<string, string> fill, string mark = "• ") =>
        string.Join("\n", items.Select(i => mark + fill(i)));

    private static string Join(params string[] paragraphs) => string.Join("\n\n", paragraphs.Where(p => p.Length > 0));
}
