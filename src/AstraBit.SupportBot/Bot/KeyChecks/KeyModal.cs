using System.Text;
using AstraBit.SupportBot.Core.Diagnostics;
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
    public static Modal Build(string customId) =>
        new ModalBuilder(customId, "Check your Bybit API key")
            .AddTextInput(
                "API key",
                new TextInput(KeyField, TextInputStyle.Short, minLength: 1, maxLength: 200, placeholder: "The key from Bybit's API Management"),
                "Read-only check: the bot never trades, withdraws or transfers.")
            .AddTextInput(
                "API secret",
                new TextInput(SecretField, TextInputStyle.Short, minLength: 1, maxLength: 200, placeholder: "Shown once by Bybit when you created the key"),
                "Kept in memory for a few minutes at most, never stored or shown.")
            .Build();

    public static (string? Key, string? Secret) Read(ModalSubmitData submit) =>
        (submit.GetTextInput(KeyField), submit.GetTextInput(SecretField));

    /// <summary>
    /// The private answer to a key form whose input can't be used: each problem with its field, and how to try
    /// again from where the form came from. Nothing has been sent to Bybit at this point.
    /// </summary>
    /// <param name="problems">From <see cref="CredentialInput.Validate"/>.</param>
    /// <param name="tryAgain">How to open the form again, e.g. "Run `/diagnose` again".</param>
    public static MessagePayload InputProblems(IReadOnlyList<CredentialProblem> problems, string tryAgain)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var text = new StringBuilder("I haven't sent anything to Bybit: ");
        text.Append(problems.Count == 1 ? "one thing in what you entered needs fixing." : "some things in what you entered need fixing.");
        foreach (var problem in problems)
        {
            text.Append("\n• **").Append(problem.Field).Append(":** ").Append(problem.Message);
        }

        text.Append('\n').Append(tryAgain).Append(" to enter the key and secret from Bybit's API Management page (steps 1–4 of `/connect-bybit`).");
        return MessagePayload.Text(text.ToString(), ephemeral: true);
    }
}
