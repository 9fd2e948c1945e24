using AstraBit.SupportBot.Core.Content;
using AstraBit.SupportBot.Discord.Models;

namespace AstraBit.SupportBot.Bot;

/// <summary>
/// Which language of the content files (guide, error explanations, saved answers, panel) a reader gets. The one
/// person an interaction answers reads its <c>locale</c> when that is a shipped name as Discord writes it ("es-ES",
/// "ru"); anything else is English. Messages several people read use <see cref="Shared"/>.
/// </summary>
public static class ContentLocale
{
    /// <summary>The language of what only the person behind <paramref name="interaction"/> sees.</summary>
    public static string Of(Interaction interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        return ContentVariants.Shipped(interaction.Locale);
    }

    /// <summary>The language of what several people read (the public panel, a ticket thread's saved answers until the member's language is kept).</summary>
    public const string Shared = ContentVariants.English;
}
