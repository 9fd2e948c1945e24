namespace AstraBit.SupportBot.Core.Errors;

/// <summary>
/// A known error found in a chat message. Key names the catalog entry ("10003", "HTTP 403", or the phrase of an entry
/// without codes) and stays the same however the member wrote it, so the throttle counts "10003" and
/// "API key is invalid" as one error.
/// </summary>
public sealed record PastedErrorMatch(string Key, ErrorCatalogEntry Entry, ErrorExplanation Explanation);
