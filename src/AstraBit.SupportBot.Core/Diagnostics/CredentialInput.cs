using System.Text.RegularExpressions;

namespace AstraBit.SupportBot.Core.Diagnostics;

/// <summary>A key and secret cleaned of paste noise and plausible enough to send to Bybit.</summary>
public sealed record Credentials(string ApiKey, string ApiSecret)
{
    // The secret must never reach a log or a message through a record's generated ToString.
    public override string ToString() => $"Credentials {{ ApiKey = {CredentialInput.MaskedKey(ApiKey)} }}";
}

/// <summary>Which of the form's fields a problem is about.</summary>
public enum CredentialField
{
    Key,
    Secret,

    /// <summary>Both, when they look swapped.</summary>
    Both,
}

/// <summary>What is wrong with what was pasted; the reader's language words it (<see cref="CredentialProblemTexts"/>).</summary>
public enum CredentialProblemKind
{
    Empty,

    /// <summary>Characters a key never has; <see cref="CredentialProblem.Characters"/> says which kinds.</summary>
    BadCharacters,

    /// <summary>Too short or too long; <see cref="CredentialProblem.Length"/> is how long it was.</summary>
    WrongLength,

    /// <summary>The key is as long as a secret and the secret as long as a key.</summary>
    Swapped,

    /// <summary>The secret is the key pasted twice.</summary>
    SameAsKey,
}

/// <summary>The kinds of characters found that a key or secret never has (kinds only: naming one could leak part of a secret).</summary>
[Flags]
public enum CredentialCharacters
{
    None = 0,
    Spaces = 1,
    Symbols = 2,
    NonLatin = 4,
    Control = 8,
}

/// <summary>One problem with a pasted key or secret: its field, its kind and the facts the sentence needs; never the secret itself.</summary>
/// <param name="Field">Which field: the sentence names it, and the answer shows its label.</param>
/// <param name="Kind">What is wrong.</param>
/// <param name="Length">How long the field was, for <see cref="CredentialProblemKind.WrongLength"/>.</param>
/// <param name="Characters">What kinds of characters were found, for <see cref="CredentialProblemKind.BadCharacters"/>.</param>
public sealed record CredentialProblem(
    CredentialField Field,
    CredentialProblemKind Kind,
    int Length = 0,
    CredentialCharacters Characters = CredentialCharacters.None)
{
    /// <summary>How long Bybit's system-generated key or secret is.</summary>
    public int UsualLength => Field == CredentialField.Secret ? CredentialInput.UsualSecretLength : CredentialInput.UsualKeyLength;

    public int MinLength => Field == CredentialField.Secret ? CredentialInput.MinSecretLength : CredentialInput.MinKeyLength;

    public int MaxLength => Field == CredentialField.Secret ? CredentialInput.MaxSecretLength : CredentialInput.MaxKeyLength;
}

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
        : $"CredentialValidation {{ Problems = {string.Join("; ", Problems.Select(p => $"{p.Field} {p.Kind}"))} }}";

    internal static CredentialValidation Valid(Credentials credentials) => new(credentials, []);

    internal static CredentialValidation Invalid(IReadOnlyList<CredentialProblem> problems) => new(null, problems);
}

/// <summary>Cleans and checks what a member pasted before any request is sent with it.</summary>
public static partial class CredentialInput
{
    // Bybit's system-generated HMAC keys are 18 characters and secrets 36; the ranges leave room for format changes.
    public const int UsualKeyLength = 18;
    public const int UsualSecretLength = 36;
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

        var keyShapeOk = CheckShape(CredentialField.Key, key, MinKeyLength, MaxKeyLength, problems);
        var secretShapeOk = CheckShape(CredentialField.Secret, secret, MinSecretLength, MaxSecretLength, problems);

        if (LooksSwapped(key, secret))
        {
            problems.Clear();
            problems.Add(new CredentialProblem(CredentialField.Both, CredentialProblemKind.Swapped));
        }
        else if (keyShapeOk && secretShapeOk && string.Equals(key, secret, StringComparison.Ordinal))
        {
            problems.Add(new CredentialProblem(CredentialField.Secret, CredentialProblemKind.SameAsKey));
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

    private static bool CheckShape(CredentialField field, string value, int min, int max, List<CredentialProblem> problems)
    {
        if (value.Length == 0)
        {
            problems.Add(new CredentialProblem(field, CredentialProblemKind.Empty));
            return false;
        }

        var kinds = BadCharacterKinds(value);
        if (kinds != CredentialCharacters.None)
        {
            problems.Add(new CredentialProblem(field, CredentialProblemKind.BadCharacters, Characters: kinds));
            return false;
        }

        if (value.Length < min || value.Length > max)
        {
            problems.Add(new CredentialProblem(field, CredentialProblemKind.WrongLength, Length: value.Length));
            return false;
        }

        return true;
    }

    private static CredentialCharacters BadCharacterKinds(string value)
    {
        var kinds = CredentialCharacters.None;
        if (value.Any(char.IsWhiteSpace))
        {
            kinds |= CredentialCharacters.Spaces;
        }

        if (value.Any(c => !char.IsWhiteSpace(c) && !char.IsLetterOrDigit(c) && !char.IsControl(c)))
        {
            kinds |= CredentialCharacters.Symbols;
        }

        if (value.Any(c => char.IsLetterOrDigit(c) && !char.IsAscii(c)))
        {
            kinds |= CredentialCharacters.NonLatin;
        }

        if (value.Any(c => char.IsControl(c) && !char.IsWhiteSpace(c)))
        {
            kinds |= CredentialCharacters.Control;
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
