namespace AstraBit.SupportBot.Core.Errors;

/// <summary>
/// The answer to /bybit-error. Known is false when the catalog has nothing for the input; then the text says
/// so and what to do next, and never guesses a meaning. Code is the Bybit code or HTTP status read from the
/// input ("10001", "HTTP 403"), if any; MatchedPhrase is set when the explanation came from the message text
/// rather than the code; GuideStep is the setup-guide step (1–6) that fixes it, or null when no single step does.
/// </summary>
public sealed record ErrorExplanation(
    bool Known,
    string? Code,
    string? MatchedPhrase,
    string Title,
    string Meaning,
    string Fix,
    int? GuideStep,
    IReadOnlyList<string> SeeAlso);
