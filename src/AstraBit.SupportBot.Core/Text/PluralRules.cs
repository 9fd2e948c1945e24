namespace AstraBit.SupportBot.Core.Text;

/// <summary>
/// Which plural form a whole number takes in a shipped language (Unicode CLDR's cardinal rules for integers), so a
/// counted text can say "1 problem" / "2 problems" and Russian's "1 проблема / 2 проблемы / 5 проблем".
/// </summary>
public static class PluralRules
{
    public const string One = "one";
    public const string Few = "few";
    public const string Many = "many";
    public const string Other = "other";

    /// <summary>The forms a counted text may have; <see cref="Other"/> is required in each.</summary>
    public static IReadOnlyList<string> Forms { get; } = [One, Few, Many, Other];

    /// <summary>The CLDR category of <paramref name="count"/> in <paramref name="locale"/> (a shipped locale).</summary>
    public static string Category(string locale, long count)
    {
        var n = Math.Abs(count);
        return locale switch
        {
            "ru" => (n % 10, n % 100) switch
            {
                (1, not 11) => One,
                ( >= 2 and <= 4, not (>= 12 and <= 14)) => Few,
                _ => Many,
            },
            "vi" => Other,
            // Portuguese (Brazil) and French count 0 as singular: "0 problema", "0 problème".
            "pt-BR" or "fr" => n is 0 or 1 ? One : Other,
            _ => n == 1 ? One : Other,
        };
    }
}
