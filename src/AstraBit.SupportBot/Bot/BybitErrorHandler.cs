using AstraBit.SupportBot.Bot.Interactions;
using AstraBit.SupportBot.Bot.Languages;
using AstraBit.SupportBot.Core.Content;
using AstraBit.SupportBot.Core.Errors;
using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Core.Text;
using AstraBit.SupportBot.Discord.Models;
using AstraBit.SupportBot.Discord.Rest;

namespace AstraBit.SupportBot.Bot;

/// <summary>
/// `/bybit-error code:&lt;text&gt;`: the explanation from config/bybit-errors.json, privately; the code option is
/// autocompleted from the catalog (code and title), and anything else typed is still explained. Both in the language of
/// the member who asks (config/bybit-errors.es-ES.json, …), English where there is none.
/// </summary>
public sealed class BybitErrorHandler(LocalizedContent<BybitErrorCatalog> catalogs, SupportLanguages languages, DiscordRestClient rest) : ICommandHandler, IAutocompleteHandler
{
    public IReadOnlyList<string> Commands { get; } = [SupportCommands.BybitError];

    public Task HandleAsync(Interaction interaction, ApplicationCommandData command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var input = command.GetOption("code")?.AsString() ?? "";
        return rest.RespondAsync(interaction, Render(catalogs.For(ContentLocale.Of(interaction)).Explain(input), languages.For(interaction)), cancellationToken);
    }

    public Task AutocompleteAsync(Interaction interaction, ApplicationCommandData command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var typed = command.LeafOptions.FirstOrDefault(o => o.Focused)?.AsString();
        var choices = catalogs.For(ContentLocale.Of(interaction)).Suggest(typed, DiscordLimits.CommandChoices).Select(Choice).ToList();
        return rest.AutocompleteAsync(interaction, choices, cancellationToken);
    }

    /// <summary>The explanation as a private embed, its headings in <paramref name="texts"/>' language (the explanation's own words come from the content file of that language).</summary>
    public static MessagePayload Render(ErrorExplanation? explanation, LocaleTexts texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (explanation is null)
        {
            return MessagePayload.Text(texts.Get(TextIds.ErrorExplanation.Usage), ephemeral: true);
        }

        return new MessageBuilder().AddEmbed(ExplanationEmbed(explanation, texts)).WithEphemeral().Build();
    }

    /// <summary>One explanation's embed (a pasted error's reply holds up to three).</summary>
    public static Embed ExplanationEmbed(ErrorExplanation explanation, LocaleTexts texts)
    {
        ArgumentNullException.ThrowIfNull(explanation);
        ArgumentNullException.ThrowIfNull(texts);
        var embed = new EmbedBuilder()
            .WithTitle(Truncate(explanation.Title, 256))
            .WithDescription(Truncate(explanation.Meaning, 4096))
            .WithColor(explanation.Known ? Replies.BrandColor : Replies.WarningColor)
            .AddField(texts.Get(TextIds.ErrorExplanation.WhatToDo), Truncate(explanation.Fix, 1024))
            .WithFooter(texts.Get(TextIds.ErrorExplanation.Footer));
        if (explanation.GuideStep is { } step)
        {
            embed.AddField(
                texts.Get(TextIds.ErrorExplanation.GuideStep),
                texts.Get(TextIds.ErrorExplanation.GuideStepValue, ("step", texts.Number(step)), ("steps", texts.Number(GuidePositions.StepCount))),
                inline: true);
        }

        if (explanation.Code is { Length: > 0 } code)
        {
            embed.AddField(texts.Get(TextIds.ErrorExplanation.Code), code, inline: true);
        }

        return embed.Build();
    }

    // Shown: "10003 · The API key is wrong"; sent: the code (or, for an entry without one, its first phrase).
    private static CommandChoice Choice(ErrorCatalogEntry entry)
    {
        var shown = entry.Codes.Count > 0 ? $"{string.Join(", ", entry.Codes)} · {entry.Title}" : entry.Title;
        var sent = entry.Codes.FirstOrDefault() ?? entry.Match.FirstOrDefault() ?? entry.Title;
        return new CommandChoice(Truncate(shown, DiscordLimits.CommandChoiceText), Truncate(sent, DiscordLimits.CommandChoiceText));
    }

    private static string Truncate(string value, int max) => SafeText.Fit(value, max);
}
