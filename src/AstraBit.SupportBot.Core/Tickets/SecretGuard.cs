using System.Text.RegularExpressions;

namespace AstraBit.SupportBot.Core.Tickets;

/// <summary>
/// Keeps secrets out of tickets, transcripts and the audit log. A Bybit secret is 36 letters and digits (keys 18),
/// and no word or id a ticket legitimately holds has 30 of them in a row, so such a run is treated as a secret.
/// </summary>
public static partial class SecretGuard
{
    public const string Hidden = "[hidden]";

    /// <summary>A masked key is "…" plus at most 4 characters; anything longer could be a real key.</summary>
    public static bool IsMaskedKey(string? key) => key is { Length: >= 1 and <= 5 } && key[0] == '…';

    public static bool LooksLikeSecret(string? text) => text is not null && SecretRun().IsMatch(text);

    /// <summary>Replaces every run that looks like a secret with "[hidden]".</summary>
    public static string Scrub(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return SecretRun().Replace(text, Hidden);
    }

    internal static string? RequireMaskedKey(string? key, string parameter) =>
        key is null || IsMaskedKey(key)
            ? key
            : throw new ArgumentException("Only a masked key (\"…\" and at most 4 characters) may be kept with a ticket.", parameter);

    internal static string RequireNoSecret(string text, string parameter) =>
        LooksLikeSecret(text)
            ? throw new ArgumentException("The text holds something that looks like an API secret (30 or more letters and digits in a row); it may not be kept.", parameter)
            : text;

    internal static string? RequireNoSecretOrNull(string? text, string parameter) => text is null ? null : RequireNoSecret(text, parameter);

    [GeneratedRegex("[A-Za-z0-9]{30,}", RegexOptions.CultureInvariant)]
    private static partial Regex SecretRun();
}
