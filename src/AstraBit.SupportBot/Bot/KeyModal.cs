using AstraBit.SupportBot.Discord.Models;

namespace AstraBit.SupportBot.Bot;

/// <summary>
/// The modal that asks for API key and secret. The secret is typed here, never into chat; the bot keeps
/// it only in memory (PRODUCT.md §5).
/// </summary>
public static class KeyModal
{
    public const string KeyField = "api-key";
    public const string SecretField = "api-secret";

    /// <param name="customId">Says what the submit is for, e.g. "dx:key" for /diagnose or "wt:key:5" for the walkthrough.</param>
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
}
