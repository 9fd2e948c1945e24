using AstraBit.SupportBot.Core.Text;

namespace AstraBit.SupportBot.Core.Diagnostics;

/// <summary>
/// A <see cref="CredentialProblem"/> as a sentence in the reader's language (<c>keyInput.*</c>): the key form's answer
/// and the CLI's <c>diagnose --locale</c> both word it here. The sentence names the field; it never quotes what was pasted.
/// </summary>
public static class CredentialProblemTexts
{
    public static string Describe(CredentialProblem problem, LocaleTexts texts)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(texts);
        var secret = problem.Field == CredentialField.Secret;
        return problem.Kind switch
        {
            CredentialProblemKind.Empty => texts.Get(secret ? TextIds.KeyInput.SecretEmpty : TextIds.KeyInput.KeyEmpty),
            CredentialProblemKind.BadCharacters => texts.Get(
                secret ? TextIds.KeyInput.SecretCharacters : TextIds.KeyInput.KeyCharacters,
                ("characters", Characters(problem.Characters, texts))),
            CredentialProblemKind.WrongLength => texts.Count(
                secret ? TextIds.KeyInput.SecretLength : TextIds.KeyInput.KeyLength,
                problem.Length,
                ("usual", texts.Number(problem.UsualLength)),
                ("min", texts.Number(problem.MinLength)),
                ("max", texts.Number(problem.MaxLength))),
            CredentialProblemKind.Swapped => texts.Get(TextIds.KeyInput.Swapped),
            CredentialProblemKind.SameAsKey => texts.Get(TextIds.KeyInput.SameAsKey),
            _ => throw new ArgumentOutOfRangeException(nameof(problem), problem.Kind, "Unknown credential problem."),
        };
    }

    private static string Characters(CredentialCharacters kinds, LocaleTexts texts)
    {
        var names = new List<string>(4);
        if (kinds.HasFlag(CredentialCharacters.Spaces))
        {
            names.Add(texts.Get(TextIds.KeyInput.Spaces));
        }

        if (kinds.HasFlag(CredentialCharacters.Symbols))
        {
            names.Add(texts.Get(TextIds.KeyInput.Symbols));
        }

        if (kinds.HasFlag(CredentialCharacters.NonLatin))
        {
            names.Add(texts.Get(TextIds.KeyInput.NonLatin));
        }

        if (kinds.HasFlag(CredentialCharacters.Control))
        {
            names.Add(texts.Get(TextIds.KeyInput.Control));
        }

        return texts.List(names);
    }
}
