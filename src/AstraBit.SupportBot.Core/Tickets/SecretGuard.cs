using System.Text;
using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Secrets;

namespace AstraBit.SupportBot.Core.Tickets;

/// <summary>
/// Keeps secrets out of tickets, transcripts and the audit log, with the key-leak guard's notion of a secret
/// (<see cref="KeyLeakDetector"/>): what the guard would delete from a channel is never kept here either.
/// </summary>
public static class SecretGuard
{
    public const string Hidden = "[hidden]";

    /// <summary>A masked key is "…" plus at most 4 characters; anything longer could be a real key.</summary>
    public static bool IsMaskedKey(string? key) => key is { Length: >= 1 and <= 5 } && key[0] == '…';

    public static bool LooksLikeSecret(string? text) => KeyLeakDetector.ContainsSecret(text);

    /// <summary>Replaces every secret with "[hidden]" and every full API key with its masked form ("…Xy12").</summary>
    public static string Scrub(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var scan = KeyLeakDetector.Scan(text);
        if (scan.Secrets.Count == 0 && scan.Keys.Count == 0)
        {
            return text;
        }

        var replacements = scan.Secrets.Select(s => (s.Span, Text: Hidden))
            .Concat(scan.Keys.Select(k => (Span: k, Text: CredentialInput.MaskedKey(KeyLeakDetector.Joined(text, k)))))
            .OrderBy(r => r.Span.Start);
        var result = new StringBuilder(text.Length);
        var at = 0;
        foreach (var (span, replacement) in replacements)
        {
            result.Append(text, at, span.Start - at).Append(replacement);
            at = span.End;
        }

        return result.Append(text, at, text.Length - at).ToString();
    }

    internal static string? RequireMaskedKey(string? key, string parameter) =>
        key is null || IsMaskedKey(key)
            ? key
            : throw new ArgumentException("Only a masked key (\"…\" and at most 4 characters) may be kept with a ticket.", parameter);

    internal static string RequireNoSecret(string text, string parameter) =>
        LooksLikeSecret(text)
            ? throw new ArgumentException("The text holds something that looks like an API secret or a private key; it may not be kept.", parameter)
            : text;

    internal static string? RequireNoSecretOrNull(string? text, string parameter) => text is null ? null : RequireNoSecret(text, parameter);
}
