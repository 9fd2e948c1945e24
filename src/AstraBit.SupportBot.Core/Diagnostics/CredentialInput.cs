using System.Text.RegularExpressions;

namespace AstraBit.SupportBot.Core.Diagnostics;

/// <summary>A key and secret cleaned of paste noise and plausible enough to send to Bybit.</summary>
public sealed record Credentials(string ApiKey, string ApiSecret)
{
    // The secret must never reach a log or a message through a record's generated ToString.
    public override string ToString() => $"Credentials {{ ApiKey = {CredentialInput.MaskedKey(ApiKey)} }}";
}

/// <param name="Field">"API key", "API secret", or both when they look swapped.</param>
/// <param name="Message">A plain sentence that names the field; never contains the secret.</param>
public sealed record CredentialProblem(string Field, string Message);

/// <summary>Either cleaned credentials or the problems to show the member; never both.</summary>
public sealed record CredentialValidation
{
    private CredentialValidation(Credentials? credentials, IReadOnlyList<CredentialProblem> problems)
    {
        Credentials = credentials;
        Problems = problems;
    }

    public Credentials? Credentials { get; }

    /// <summary>The cleaned key when valid.</summary>
    public string? ApiKey => Credentials?.ApiKey;

    /// <summary>The cleaned secret when valid.</summary>
    public string? ApiSecret => Credentials?.ApiSecret;

    public IReadOnlyList<CredentialProblem> Problems { get; }

    public bool IsValid => Credentials is not null;

    // The generated ToString would print ApiSecret.
    public override string ToString() => IsValid
        ? $"CredentialValidation {{ Valid, ApiKey = {CredentialInput.MaskedKey(ApiKey)} }}"
        : $"CredentialValidation {{ Problems = {string.Join("; ", Problems.Select(p => p.Message))} }}";

    internal static CredentialValidation Valid(Credentials credentials) => new(credentials, []);

    internal static CredentialValidation Invalid(IReadOnlyList<CredentialProblem> problems) => new(null, problems);
}

/// <summary>Cleans and checks what a member pasted before any request is sent with it.</summary>
public static partial class CredentialInput
{
    public const string KeyField = "API key";
    public const string SecretField = "API secret";

    /// <summary>The field a problem names when key and secret look swapped.</summary>
    public const string BothFields = KeyField + " and " + SecretField;

    // Bybit's system-generated HMAC keys are 18 characters and secrets 36; the ranges leave room for format changes.
    public const int MinKeyLength = 16;
    public const int MaxKeyLength = 32;
    public const int MinSecretLength = 32;
    public const int MaxSecretLength = 64;

    private static readonly char[] Quotes = ['"', '\'', '`', '“', '”', '‘', '’', '«', '»'];

    public static CredentialValidation Validate(string? rawKey, string? rawSecret)
    {
        var key = Clean(rawKey);
        var secret = Clean(rawSecret);
        var problems = new List<CredentialProblem>();

        var keyShapeOk = CheckShape(KeyField, key, MinKeyLength, MaxKeyLength, "18", problems);
        var secretShapeOk = CheckShape(SecretField, secret, MinSecretLength, MaxSecretLength, "36", problems);

        if (LooksSwapped(key, secret))
        {
            problems.Clear();
            problems.Add(new CredentialProblem(
                BothFields,
                "The API key and API secret look swapped: what you entered as the key is as long as a secret, and the secret is as long as a key. Put the API Key in the key field and the Secret Key in the secret field."));
        }
        else if (keyShapeOk && secretShapeOk && string.Equals(key, secret, StringComparison.Ordinal))
        {
            problems.Add(new CredentialProblem(
                SecretField,
                "The API secret is the same as the API key. Paste the Secret Key that Bybit showed once when you created the key (guide step 4)."));
        }

        return problems.Count == 0
            ? CredentialValidation.Valid(new Credentials(key, secret))
            : CredentialValidation.Invalid(problems);
    }

    /// <summary>The key as members and staff may see it: "…" and its last 4 characters.</summary>
    public static string MaskedKey(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return "…";
        }

        return "…" + key[^Math.Min(4, key.Length)..];
    }

    /// <summary>Strips surrounding whitespace, quotes and labels like "API key:" or "Secret Key -", and line breaks.</summary>
    public static string Clean(string? raw)
    {
        if (raw is null)
        {
            return string.Empty;
        }

        var value = raw;
        string previous;
        do
        {
            previous = value;
            value = TrimNoise(value);
            value = StripQuotes(value);
            value = LabelPrefix().Replace(value, string.Empty, 1);
        }
        while (value != previous);

        // A secret copied from a narrow window can arrive wrapped over lines.
        return value.Replace("\r", string.Empty, StringComparison.Ordinal)
            .Replace("\n", string.Empty, StringComparison.Ordinal)
            .Replace("\t", string.Empty, StringComparison.Ordinal);
    }

    private static string TrimNoise(string value) => value.Trim().Trim('\u200B', '\u200C', '\u200D', '\uFEFF', '\u00A0').Trim();

    private static string StripQuotes(string value)
    {
        if (value.StartsWith("```", StringComparison.Ordinal) && value.EndsWith("```", StringComparison.Ordinal) && value.Length >= 6)
        {
            return value[3..^3];
        }

        if (value.Length >= 2 && Quotes.Contains(value[0]) && Quotes.Contains(value[^1]))
        {
            return value[1..^1];
        }

        return value;
    }

    private static bool CheckShape(string field, string value, int min, int max, string usual, List<CredentialProblem> problems)
    {
        if (value.Length == 0)
        {
            problems.Add(new CredentialProblem(field, $"The {field} is empty."));
            return false;
        }

        var kinds = BadCharacterKinds(value);
        if (kinds.Count > 0)
        {
            problems.Add(new CredentialProblem(
                field,
                $"The {field} contains {string.Join(" and ", kinds)}; it should be only letters A–Z and digits 0–9. Copy it again from Bybit's API Management page."));
            return false;
        }

        if (value.Length < min || value.Length > max)
        {
            problems.Add(new CredentialProblem(
                field,
                $"The {field} is {value.Length} characters long, but a Bybit {field} is usually {usual} ({min}–{max} accepted). Check that you copied all of it and nothing else."));
            return false;
        }

        return true;
    }

    private static List<string> BadCharacterKinds(string value)
    {
        // Kinds only: naming the character itself could leak part of a secret.
        var kinds = new List<string>();
        if (value.Any(char.IsWhiteSpace))
        {
            kinds.Add("spaces");
        }

        if (value.Any(c => !char.IsWhiteSpace(c) && !char.IsLetterOrDigit(c) && !char.IsControl(c)))
        {
            kinds.Add("symbols or punctuation");
        }

        if (value.Any(c => char.IsLetterOrDigit(c) && !char.IsAscii(c)))
        {
            kinds.Add("non-Latin letters or digits");
        }

        if (value.Any(c => char.IsControl(c) && !char.IsWhiteSpace(c)))
        {
            kinds.Add("invisible control characters");
        }

        return kinds;
    }

    private static bool LooksSwapped(string key, string secret) =>
        key.Length > MaxKeyLength && key.Length <= MaxSecretLength
        && secret.Length >= MinKeyLength && secret.Length < MinSecretLength
        && key.All(char.IsAsciiLetterOrDigit) && secret.All(char.IsAsciiLetterOrDigit);

    // "API key:", "Api Key -", "key=", "apiKey =", "Secret:", "Secret Key:", "API secret:", "api_secret=".
    [GeneratedRegex(@"^(?:api[\s_-]*)?(?:secret(?:[\s_-]*key)?|key)\s*(?:[:=]|-(?=\s)|–)\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LabelPrefix();
}
