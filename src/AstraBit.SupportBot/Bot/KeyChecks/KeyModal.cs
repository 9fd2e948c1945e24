using System.Text;
using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Text;
using AstraBit.SupportBot.Discord.Models;

namespace AstraBit.SupportBot.Bot.KeyChecks;

/// <summary>
/// The modal that asks for API key and secret. The secret is typed here, never into chat; the bot keeps
/// it only in memory (PRODUCT.md §5).
/// </summary>
public static class KeyModal
{
    public const string KeyField = "api-key";
    public const string SecretField = "api-secret";

    /// <param name="customId">Says what the submit is for (<see cref="KeyFormId"/>).</param>
    /// <param name="texts">The member's language.</param>
    public static Modal Build(string customId, LocaleTexts texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return new ModalBuilder(customId, texts.Get(TextIds.KeyForm.FormTitle))
            .AddTextInput(
                texts.Get(TextIds.KeyForm.KeyLabel),
                new TextInput(KeyField, TextInputStyle.Short, minLength: 1, maxLength: 200, placeholder: texts.Get(TextIds.KeyForm.KeyPlaceholder)),
                texts.Get(TextIds.KeyForm.KeyHint))
            .AddTextInput(
                texts.Get(TextIds.KeyForm.SecretLabel),
                new TextInput(SecretField, TextInputStyle.Short, minLength: 1, maxLength: 200, placeholder: texts.Get(TextIds.KeyForm.SecretPlaceholder)),
                texts.Get(TextIds.KeyForm.SecretHint))
            .Build();
    }

    public static (string? Key, string? Secret) Read(ModalSubmitData submit) =>
        (submit.GetTextInput(KeyField), submit.GetTextInput(SecretField));

    /// <summary>
    /// The private answer to a key form whose input can't be used: each problem with its field, and how to try
    /// again from where the form came from. Nothing has been sent to Bybit at this point.
    /// </summary>
    /// <param name="problems">From <see cref="CredentialInput.Validate"/>.</param>
    /// <param name="entry">Where the form came from, to say how to open it again.</param>
    /// <param name="texts">The member's language.</param>
    public static MessagePayload InputProblems(IReadOnlyList<CredentialProblem> problems, KeyCheckEntry entry, LocaleTexts texts)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(texts);
        var text = new StringBuilder(texts.Count(TextIds.KeyForm.Problems, problems.Count));
        foreach (var problem in problems)
        {
            text.Append('\n').Append(texts.Get(TextIds.KeyForm.Problem, ("field", FieldName(problem.Field, texts)), ("message", problem.Message)));
        }

        text.Append('\n').Append(texts.Get(TextIds.KeyForm.ProblemsTryAgain, ("tryAgain", texts.Get(entry.TryAgainId))));
        return MessagePayload.Text(text.ToString(), ephemeral: true);
    }

    // Core names the field as the form labels it in English; the member reads the label of their own form.
    private static string FieldName(string field, LocaleTexts texts) => field switch
    {
        "API key" => texts.Get(TextIds.KeyForm.KeyLabel),
        "API secret" => texts.Get(TextIds.KeyForm.SecretLabel),
        _ => field,
    };
}
