namespace AstraBit.SupportBot.Core.Errors;

/// <summary>
/// One explanation from config/bybit-errors.json. An entry is found by one of its codes (a Bybit retCode such
/// as "10003", or "HTTP 403", stored in that canonical form) or by one of its match phrases appearing in the
/// pasted message. Each SeeAlso item is another entry's code or match phrase, so it can be fed back to /bybit-error.
/// </summary>
public sealed record ErrorCatalogEntry(
    IReadOnlyList<string> Codes,
    IReadOnlyList<string> Match,
    string Title,
    string Meaning,
    string Fix,
    int? GuideStep,
    IReadOnlyList<string> SeeAlso);
