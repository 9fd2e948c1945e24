using System.Text;
using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Guide;
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
    public const string SiteField = "bybit-site";

    /// <param name="customId">Says what the submit is for (<see cref="KeyFormId"/>).</param>
    /// <param name="texts">The member's language.</param>
    /// <param name="sites">
    /// The guide's Bybit sites in the member's language: the form asks for the site in a select beside the key, so the
    /// check goes to the right host without a step of its own; none leaves the site to the member's walkthrough.
    /// </param>
    /// <param name="chosenSite">The site the member chose before (walkthrough or last form); bybit.com when none.</param>
    public static Modal Build(string customId, LocaleTexts texts, IReadOnlyList<GuideRegion>? sites = null, string? chosenSite = null)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var builder = new ModalBuilder(customId, texts.Get(TextIds.KeyForm.FormTitle))
            .AddTextInput(
                texts.Get(TextIds.KeyForm.KeyLabel),
                new TextInput(KeyField, TextInputStyle.Short, minLength: 1, maxLength: 200, placeholder: texts.Get(TextIds.KeyForm.KeyPlaceholder)),
                texts.Get(TextIds.KeyForm.KeyHint))
            .AddTextInput(
                texts.Get(TextIds.KeyForm.SecretLabel),
                new TextInput(SecretField, TextInputStyle.Short, minLength: 1, maxLength: 200, placeholder: texts.Get(TextIds.KeyForm.SecretPlaceholder)),
                texts.Get(TextIds.KeyForm.SecretHint));
        if (sites is { Count: > 0 })
        {
            var chosen = sites.Any(s => s.Key == chosenSite) ? chosenSite : GuideRegions.Mainnet;
            builder.AddSelect(
                texts.Get(TextIds.KeyFormSite.Label),
                new StringSelect(
                    SiteField,
                    sites.Take(DiscordLimits.SelectOptions).Select(s => new SelectOption(s.Label, s.Key, Short(s.Description), s.Key == chosen)),
                    minValues: 1,
                    maxValues: 1,
                    required: true),
                texts.Get(TextIds.KeyFormSite.Hint));
        }

        return builder.Build();
    }

    public static (string? Key, string? Secret) Read(ModalSubmitData submit) =>
        (submit.GetTextInput(KeyField), submit.GetTextInput(SecretField));

    /// <summary>The site chosen in the form's select, or null when the form had none (a form opened before the select existed).</summary>
    public static string? ReadSite(ModalSubmitData? submit) => submit?.GetValues(SiteField) is [var site, ..] && site.Length > 0 ? site : null;

    private static string? Short(string? text) => text is { Length: > DiscordLimits.SelectOptionText } ? text[..(DiscordLimits.SelectOptionText - 1)] + "…" : text;

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
            text.Append('\n').Append(texts.Get(TextIds.KeyForm.Problem, ("field", FieldName(problem.Field, texts)), ("message", CredentialProblemTexts.Describe(problem, texts))));
        }

        text.Append('\n').Append(texts.Get(TextIds.KeyForm.ProblemsTryAgain, ("tryAgain", texts.Get(entry.TryAgainId))));
        return MessagePayload.Text(text.ToString(), ephemeral: true);
    }

    // The member reads the label of their own form.
    private static string FieldName(CredentialField field, LocaleTexts texts) => field switch
    {
        CredentialField.Key => texts.Get(TextIds.KeyForm.KeyLabel),
        CredentialField.Secret => texts.Get(TextIds.KeyForm.SecretLabel),
        _ => texts.List([texts.Get(TextIds.KeyForm.KeyLabel), texts.Get(TextIds.KeyForm.SecretLabel)]),
    };
}
