using AstraBit.SupportBot.Bot.Languages;
using AstraBit.SupportBot.Core.Content;
using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Core.KeyChecks;
using AstraBit.SupportBot.Core.Walkthrough;
using AstraBit.SupportBot.Discord.Models;
using AstraBit.SupportBot.Discord.Rest;

namespace AstraBit.SupportBot.Bot.KeyChecks;

/// <summary>
/// The way into the key check a handler calls: it opens the key form for <see cref="KeyCheckOrigin"/>, which asks for
/// the Bybit site beside the key (the site the member chose before is preselected); the submit comes back to
/// <see cref="KeyFormHandler"/>, which starts the check (<see cref="KeyCheckStart{TOrigin}"/>).
/// </summary>
public sealed class KeyCheckFlow(DiscordRestClient rest, SupportLanguages languages, LocalizedContent<GuideContent> guides, IWalkthroughStore progress)
{
    /// <summary>Opens the key form; its submit comes back to <see cref="KeyFormHandler"/> with <see cref="KeyFormId.For"/> of <paramref name="origin"/> as custom_id.</summary>
    public async Task OpenFormAsync(Interaction interaction, KeyCheckOrigin origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        var chosen = (await progress.GetAsync(interaction.User.Id, cancellationToken))?.RegionKey;
        var sites = guides.For(ContentLocale.Of(interaction)).Regions.Options;
        await rest.OpenModalAsync(interaction, KeyModal.Build(KeyFormId.For(origin).Build(), languages.For(interaction), sites, chosen), cancellationToken);
    }
}
