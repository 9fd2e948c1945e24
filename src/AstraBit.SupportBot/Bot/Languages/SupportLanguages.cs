using System.Collections.Concurrent;
using System.Threading.Channels;
using AstraBit.SupportBot.Core;
using AstraBit.SupportBot.Core.Text;
using AstraBit.SupportBot.Discord.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
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
    // What the store is known to hold for members seen lately (so an interaction queues a write only when it changes),
    // kept to a few thousand members: a year of a large community's members would otherwise stay in memory for good.
    private const int StoredKept = 10_000;

    // The locale seen for each member whose write is queued or failed (what their DMs follow until the store has it);
    // what the store holds for members seen lately; the writes queued and not yet made; one batch written at a time.
    private readonly ConcurrentDictionary<ulong, string> known = new();
    private readonly ConcurrentDictionary<ulong, string> stored = new();
    private readonly ConcurrentDictionary<ulong, MemberLocale> queued = new();
    private readonly Channel<bool> wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly SemaphoreSlim writing = new(1, 1);
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
    /// Notes the locales <paramref name="interaction"/> carries: the guild's (for the staff default) and the member's,
    /// which whatever the bot sends the member later without an interaction follows from now on. A member's locale
    /// that differs from what is stored is queued for <see cref="WriteQueuedAsync"/>, which stores a burst in one
    /// write: the router calls this first for every interaction, and the first interactions of hundreds of new members
    /// (a burst after an announcement) must not wait for, or hold threads on, as many writes of the data file.
    /// </summary>
    public void Note(Interaction interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        if (interaction.GuildLocale is { Length: > 0 } guild)
        {
            guildLocale = guild;
        }

        if (interaction.Locale is not { Length: > 0 } locale || interaction.User.Id == 0)
        {
            return;
        }

        var memberId = interaction.User.Id;
        known[memberId] = locale;
        if (stored.TryGetValue(memberId, out var previous) && previous == locale)
        {
            queued.TryRemove(memberId, out _);
            return;
        }

        queued[memberId] = new MemberLocale(memberId, locale, clock.GetUtcNow());
        wake.Writer.TryWrite(true);
    }

    /// <summary>
    /// Notes <paramref name="interaction"/> and stores the member's locale now rather than with the next batch: for a
    /// handler that shows what is stored (/privacy lists the language this very interaction carries).
    /// </summary>
    public async Task SeenAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        Note(interaction);
        await writing.WaitAsync(cancellationToken);
        try
        {
            if (queued.TryRemove(interaction.User.Id, out var locale))
            {
                await WriteAsync([locale], cancellationToken);
            }
        }
        finally
        {
            writing.Release();
        }
    }

    /// <summary>
    /// Forgets what this process knows of the member's locale and drops a queued write of it, waiting for a batch
    /// being written: /privacy calls it before it deletes the stored one, so nothing writes it back.
    /// </summary>
    public async Task ForgetAsync(ulong memberId, CancellationToken cancellationToken)
    {
        await writing.WaitAsync(cancellationToken);
        try
        {
            queued.TryRemove(memberId, out _);
            known.TryRemove(memberId, out _);
            stored.TryRemove(memberId, out _);
        }
        finally
        {
            writing.Release();
        }
    }

    /// <summary>
    /// Stores the queued locales, all that have gathered in one write each time, until <paramref name="stopping"/>;
    /// then stores what is left (<see cref="MemberLocaleWriter"/> runs it for the host's lifetime).
    /// </summary>
    public async Task WriteQueuedAsync(CancellationToken stopping)
    {
        try
        {
            while (await wake.Reader.WaitToReadAsync(stopping))
            {
                wake.Reader.TryRead(out _);
                await WriteBatchAsync(CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }

        await WriteBatchAsync(CancellationToken.None);
    }

    private async Task WriteBatchAsync(CancellationToken cancellationToken)
    {
        await writing.WaitAsync(cancellationToken);
        try
        {
            var batch = new List<MemberLocale>(queued.Count);
            foreach (var memberId in queued.Keys)
            {
                if (queued.TryRemove(memberId, out var locale))
                {
                    batch.Add(locale);
                }
            }

            await WriteAsync(batch, cancellationToken);
        }
        finally
        {
            writing.Release();
        }
    }

    private async Task WriteAsync(List<MemberLocale> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            await store.SetManyAsync(batch, cancellationToken);
            if (stored.Count + batch.Count > StoredKept)
            {
                stored.Clear();
            }

            foreach (var written in batch)
            {
                stored[written.MemberId] = written.Locale;
                // The store answers for this member now, unless a newer locale arrived meanwhile.
                known.TryRemove(new KeyValuePair<ulong, string>(written.MemberId, written.Locale));
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogNotStored(logger, batch.Count, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Members} members' languages could not be stored; their next DM without an interaction may be in English.")]
    private static partial void LogNotStored(ILogger logger, int members, Exception exception);
}

/// <summary>Stores members' languages as <see cref="SupportLanguages.Note"/> queues them, for the host's lifetime; what is queued at stop is stored before the data file closes.</summary>
public sealed class MemberLocaleWriter(SupportLanguages languages) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => languages.WriteQueuedAsync(stoppingToken);
}
