using AstraBit.SupportBot.Core.Content;
using AstraBit.SupportBot.Core.Text;
using AstraBit.SupportBot.Discord.Models;

namespace AstraBit.SupportBot.Bot;

/// <summary>
/// Which language of the content files (guide, error explanations, saved answers, panel) a reader gets. The one
/// person an interaction answers reads its <c>locale</c> resolved as the bot's texts resolve it ("es-419" reads
/// "es-ES"; <see cref="SupportLocales.Resolve"/>); anything else is English. Messages several people read use <see cref="Shared"/>.
/// </summary>
public static class ContentLocale
{
    /// <summary>The language of what only the person behind <paramref name="interaction"/> sees.</summary>
    public static string Of(Interaction interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        // The same fallbacks as the bot's own texts (es-419 reads es-ES, pt-PT reads pt-BR): SupportLocales.Resolve.
        return ContentVariants.Shipped(SupportLocales.Resolve(interaction.Locale));
    }

    /// <summary>The language of what several people read (the public panel, a ticket thread's saved answers until the member's language is kept).</summary>
    public const string Shared = ContentVariants.English;
}
