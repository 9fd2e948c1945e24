using System.Collections.Concurrent;
using AstraBit.SupportBot.Core;
using AstraBit.SupportBot.Core.Text;
using AstraBit.SupportBot.Discord.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Bot.Languages;

/// <summary>"Support" section: the language of what several people read.</summary>
public sealed class SupportLanguageOptions
{
    public const string SectionName = "Support";

    /// <summary>
    /// The Discord locale of the staff channel, the log channel and a ticket's card and staff buttons ("de", "es-ES").
    /// Unset: the guild's <c>guild_locale</c> as its interactions carry it, else en-US.
    /// </summary>
    public string? StaffLocale { get; set; }
}

/// <summary>Support:StaffLocale, when set, is one of the locales Discord clients have (a typo would silently mean English).</summary>
public sealed class SupportLanguageOptionsValidator : IValidateOptions<SupportLanguageOptions>
{
    /// <summary>Discord's locales (reference/discord-api.md §13).</summary>
    public static IReadOnlyList<string> DiscordLocales { get; } =
    [
        "id", "da", "de", "en-GB", "en-US", "es-ES", "es-419", "fr", "hr", "it", "lt", "hu", "nl", "no", "pl", "pt-BR",
        "ro", "fi", "sv-SE", "vi", "tr", "cs", "el", "bg", "ru", "uk", "hi", "th", "zh-CN", "ja", "zh-TW", "ko",
    ];

    public ValidateOptionsResult Validate(string? name, SupportLanguageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.StaffLocale is not { Length: > 0 } locale || DiscordLocales.Contains(locale, StringComparer.Ordinal)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"Support:StaffLocale is '{locale}', which is not a Discord locale: use one of {string.Join(", ", SupportLocales.Shipped)} (or another Discord locale, read in English), or leave it empty for the server's language.");
    }
}

/// <summary>
/// Who reads what (PRODUCT.md §12): a reply one person sees follows their interaction's <c>locale</c>; a message sent
/// without an interaction follows the member's last seen locale (stored here as interactions arrive); what several
/// people read follows <see cref="SupportLanguageOptions.StaffLocale"/>. Every answer is a shipped locale's texts
/// (<see cref="SupportLocales.Resolve"/>: es-419 reads es-ES, ja reads en-US).
/// </summary>
public sealed partial class SupportLanguages(
    TextCatalog catalog,
    IMemberLocaleStore store,
    IOptions<SupportLanguageOptions> options,
    [FromKeyedServices(SupportClock.Key)] TimeProvider clock,
    ILogger<SupportLanguages> logger)
{
    // The locale this process last saw for each member (what its DMs follow), and what the store is known to hold, so
    // an interaction writes only when it changes; members whose stored locale /privacy deleted in the interaction under way.
    private readonly ConcurrentDictionary<ulong, string> known = new();
    private readonly ConcurrentDictionary<ulong, string> stored = new();
    private readonly ConcurrentDictionary<ulong, byte> forgotten = new();
    private volatile string? guildLocale;

    /// <summary>The catalogue every locale's texts come from.</summary>
    public TextCatalog Catalog => catalog;

    /// <summary>The texts of the person who made <paramref name="interaction"/>.</summary>
    public LocaleTexts For(Interaction interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        return catalog.For(interaction.Locale);
    }

    /// <summary>The shipped locale ("es-ES") the person who made <paramref name="interaction"/> reads.</summary>
    public string LocaleOf(Interaction interaction) => For(interaction).Locale;

    /// <summary>The texts of a member reached without an interaction: their last seen locale, else English.</summary>
    public async Task<LocaleTexts> ForMemberAsync(ulong memberId, CancellationToken cancellationToken = default) =>
        catalog.For(known.TryGetValue(memberId, out var locale) ? locale : await store.GetAsync(memberId, cancellationToken));

    /// <summary>The shipped locale ("pt-BR") a member reached without an interaction reads.</summary>
    public async Task<string> LocaleOfMemberAsync(ulong memberId, CancellationToken cancellationToken = default) =>
        (await ForMemberAsync(memberId, cancellationToken)).Locale;

    /// <summary>The texts of what several people read: <see cref="SupportLanguageOptions.StaffLocale"/>, else the guild's locale, else English.</summary>
    public LocaleTexts Staff => catalog.For(options.Value.StaffLocale is { Length: > 0 } configured ? configured : guildLocale);

    /// <summary>The shipped locale ("de") staff messages are written in.</summary>
    public string StaffLocale => Staff.Locale;

    /// <summary>
    /// Notes the locales <paramref name="interaction"/> carries, in memory: the guild's (for the staff default) and the
    /// member's, which whatever the bot sends the member later without an interaction follows from now on.
    /// </summary>
    public void Note(Interaction interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        if (interaction.GuildLocale is { Length: > 0 } guild)
        {
            guildLocale = guild;
        }

        if (interaction.Locale is { Length: > 0 } locale && interaction.User.Id != 0)
        {
            known[interaction.User.Id] = locale;
        }
    }

    /// <summary>
    /// Notes the locales <paramref name="interaction"/> carries (<see cref="Note"/>) and stores the member's when it
    /// differs from what is stored. The router calls it after the interaction is answered: the first interaction of
    /// each of hundreds of new members (a burst after an announcement) would otherwise wait for as many writes, one
    /// at a time. A handler that reads the stored locale (/privacy) calls it first. A failed write is logged, never
    /// the member's problem; nothing is written back in the interaction that deleted it.
    /// </summary>
    public async Task SeenAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        if (interaction.Locale is not { Length: > 0 } locale || interaction.User.Id == 0)
        {
            Note(interaction);
            return;
        }

        var memberId = interaction.User.Id;
        if (forgotten.TryRemove(memberId, out _))
        {
            return;
        }

        Note(interaction);
        if (stored.TryGetValue(memberId, out var previous) && previous == locale)
        {
            return;
        }

        try
        {
            if (previous is null && await store.GetAsync(memberId, cancellationToken) == locale)
            {
                stored[memberId] = locale;
                return;
            }

            await store.SetAsync(memberId, locale, clock.GetUtcNow(), cancellationToken);
            stored[memberId] = locale;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogNotStored(logger, memberId, ex);
        }
    }

    /// <summary>Forgets what this process knows of the member's locale (after /privacy deletes the stored one).</summary>
    public void Forget(ulong memberId)
    {
        known.TryRemove(memberId, out _);
        stored.TryRemove(memberId, out _);
        forgotten[memberId] = 0;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Member {MemberId}'s language could not be stored; their next DM without an interaction may be in English.")]
    private static partial void LogNotStored(ILogger logger, ulong memberId, Exception exception);
}
