using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Text;

namespace AstraBit.SupportBot.Core.Guide;

/// <summary>What fills the holes of the guide's texts; all of it comes from configuration.</summary>
public sealed record GuideValues(decimal MinimumBalanceUsd, decimal RecommendedBalanceUsd, Uri ReferralUrl, string SupportEmail)
{
    public static GuideValues From(DiagnosticsOptions diagnostics, GuideOptions guide)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        ArgumentNullException.ThrowIfNull(guide);
        return new GuideValues(diagnostics.MinimumBalanceUsd, diagnostics.RecommendedBalanceUsd, guide.ReferralUrl!, guide.SupportEmail!);
    }

    // Amounts as the reader's language writes dollars ("$50", "50 US$").
    internal string Fill(string text, LocaleTexts texts) => GuideTemplate.Fill(text, hole => hole switch
    {
        GuideTemplate.MinimumBalanceUsd => texts.Money(MinimumBalanceUsd),
        GuideTemplate.RecommendedBalanceUsd => texts.Money(RecommendedBalanceUsd),
        GuideTemplate.ReferralUrl => ReferralUrl.AbsoluteUri,
        GuideTemplate.SupportEmail => SupportEmail,
        _ => throw new InvalidOperationException($"Unknown hole {{{hole}}}."),
    });
}

/// <summary>The holes guide texts may use, and how long their values may be so the pages stay within Discord's limits.</summary>
public static class GuideTemplate
{
    public const string MinimumBalanceUsd = "minimumBalanceUsd";
    public const string RecommendedBalanceUsd = "recommendedBalanceUsd";
    public const string ReferralUrl = "referralUrl";
    public const string SupportEmail = "supportEmail";

    public const int MaxAmountLength = 16;
    public const int MaxReferralUrlLength = 200;
    public const int MaxSupportEmailLength = 100;

    public static IReadOnlyList<string> Holes { get; } = [MinimumBalanceUsd, RecommendedBalanceUsd, ReferralUrl, SupportEmail];

    internal static int MaxLength(string hole) => hole switch
    {
        ReferralUrl => MaxReferralUrlLength,
        SupportEmail => MaxSupportEmailLength,
        _ => MaxAmountLength,
    };

    /// <summary>The holes a text uses that aren't in <see cref="Holes"/>, e.g. a typo like {referalUrl}.</summary>
    internal static IEnumerable<string> UnknownHoles(string text) => HolesIn(text).Where(h => !Holes.Contains(h, StringComparer.Ordinal));

    // Fills the worst case so the loader can check the longest page a valid configuration could produce.
    internal static string FillLongest(string text) => Fill(text, hole => new string('x', MaxLength(hole)));

    internal static string Fill(string text, Func<string, string> value) =>
        TextHoles.Fill(text, hole => IsHoleName(hole) ? value(hole) : null);

    private static IEnumerable<string> HolesIn(string text) => TextHoles.In(text).Where(IsHoleName);

    private static bool IsHoleName(string hole) => hole.Length > 0 && hole.All(char.IsAsciiLetterOrDigit);
}
