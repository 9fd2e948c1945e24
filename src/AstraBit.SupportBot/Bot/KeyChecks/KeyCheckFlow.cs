using AstraBit.SupportBot.Bot.Languages;
using AstraBit.SupportBot.Core.KeyChecks;
using AstraBit.SupportBot.Discord.Models;
using AstraBit.SupportBot.Discord.Rest;

namespace AstraBit.SupportBot.Bot.KeyChecks;

/// <summary>
/// The way into the key check a handler calls: it opens the key form for <see cref="KeyCheckOrigin"/>; the submit comes
/// back to <see cref="KeyFormHandler"/>, which starts the check (<see cref="KeyCheckStart{TOrigin}"/>).
/// </summary>
public sealed class KeyCheckFlow(DiscordRestClient rest, SupportLanguages languages)
{
    /// <summary>Opens the key form; its submit comes back to <see cref="KeyFormHandler"/> with <see cref="KeyFormId.For"/> of <paramref name="origin"/> as custom_id.</summary>
    public Task OpenFormAsync(Interaction interaction, KeyCheckOrigin origin, CancellationToken cancellationToken) =>
        rest.OpenModalAsync(interaction, KeyModal.Build(KeyFormId.For(origin).Build(), languages.For(interaction)), cancellationToken);
}
