namespace AstraBit.SupportBot.Bot.Interactions;

/// <summary>
/// The words a typed id writes for its kinds ("pv:confirm" for <c>PrivacyIdKind.ConfirmDelete</c>), both ways, for ids
/// whose action is one of an enum's values.
/// </summary>
public sealed class ActionWords<TKind>(params (TKind Kind, string Word)[] words)
    where TKind : struct, Enum
{
    /// <summary>The word for <paramref name="kind"/>.</summary>
    public string Word(TKind kind)
    {
        foreach (var (k, word) in words)
        {
            if (EqualityComparer<TKind>.Default.Equals(k, kind))
            {
                return word;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(kind), kind, "No custom_id word for this kind.");
    }

    /// <summary>The kind written as <paramref name="word"/>, or null.</summary>
    public TKind? Kind(string word)
    {
        foreach (var (kind, w) in words)
        {
            if (string.Equals(w, word, StringComparison.Ordinal))
            {
                return kind;
            }
        }

        return null;
    }
}
