using System.Text;
using AstraBit.SupportBot.Storage;
using AstraBit.SupportBot.Core.Text;
using AstraBit.SupportBot.Emulators.Discord;
using AstraBit.SupportBot.Storage.Languages;
using Microsoft.Extensions.DependencyInjection;

namespace AstraBit.SupportBot.IntegrationTests.Languages;

/// <summary>The member's last seen Discord language is kept for DMs without an interaction, and /privacy shows, exports and deletes it.</summary>
public sealed class StoredLanguageTests
{
    private const ulong Member = 1_400_000_000_000_002_401;

    [Fact]
    public async Task Privacy_MemberSeenInEs419_ListsExportsAndDeletesTheStoredLanguage()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Discord.Rest.AddMember(Member, [], "lucia");
        bot.Discord.Rest.SetLocale(Member, "es-419");

        var privacy = await bot.Discord.RunSlashCommandAsync(Member, "privacy", [], bot.SupportChannelId);
        var overview = await bot.Discord.Rest.WaitForMessageAsync(m => m.InteractionId == privacy, BotHarness.Timeout);
        // The overview is updated in place by the buttons below: what it listed first.
        var listed = overview.Content;
        var exportClick = await bot.Discord.ClickButtonAsync(Member, "pv:export", overview.Id, bot.SupportChannelId);
        var export = await bot.Discord.Rest.WaitForMessageAsync(m => m.InteractionId == exportClick && m.Attachments.Count == 1, BotHarness.Timeout);
        await bot.Discord.Rest.WaitForCallbackAsync(await bot.Discord.ClickButtonAsync(Member, "pv:delete", overview.Id, bot.SupportChannelId), BotHarness.Timeout);
        var confirm = await bot.Discord.ClickButtonAsync(Member, "pv:confirm", overview.Id, bot.SupportChannelId);
        await bot.Discord.Rest.WaitForCallbackAsync(confirm, BotHarness.Timeout);
        var deleted = (await bot.Discord.Rest.WaitForMessageAsync(m => m.Id == overview.Id && m.Content.StartsWith("Borrado:", StringComparison.Ordinal), BotHarness.Timeout)).Content;

        // In the member's own language: es-419 reads the Spanish texts.
        Assert.Contains("Tu idioma de Discord visto por última vez: español (Latinoamérica) (es-419)", listed, StringComparison.Ordinal);
        Assert.Contains("\"locale\": \"es-419\"", Encoding.UTF8.GetString(export.Attachments[0].Content), StringComparison.Ordinal);
        Assert.Contains(" También se ha borrado tu idioma de Discord visto por última vez.", deleted, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Privacy_DeleteConfirmed_TheClickThatDeletedItDoesNotStoreTheLanguageAgain()
    {
        var storage = Path.Combine(Path.GetTempPath(), "supportbot-lang-" + Guid.NewGuid().ToString("N") + ".db");
        try
        {
            await using (var bot = await BotHarness.StartAsync(s => s["Storage:Path"] = storage))
            {
                bot.Discord.Rest.AddMember(Member, [], "lucia");
                bot.Discord.Rest.SetLocale(Member, "fr");
                // /privacy answers in the member's language: French here.
                var privacy = await bot.Discord.RunSlashCommandAsync(Member, "privacy", [], bot.SupportChannelId);
                var overview = await bot.Discord.Rest.WaitForMessageAsync(m => m.InteractionId == privacy, BotHarness.Timeout);
                await bot.Discord.Rest.WaitForCallbackAsync(await bot.Discord.ClickButtonAsync(Member, "pv:delete", overview.Id, bot.SupportChannelId), BotHarness.Timeout);
                await bot.Discord.ClickButtonAsync(Member, "pv:confirm", overview.Id, bot.SupportChannelId);
                await bot.Discord.Rest.WaitForMessageAsync(m => m.Id == overview.Id && m.Content.Contains("est également supprimée", StringComparison.Ordinal), BotHarness.Timeout);
                await bot.StopAsync();
            }

            using var database = new SupportDatabase(storage);
            Assert.Null(await new LiteMemberLocaleStore(database).GetAsync(Member));
        }
        finally
        {
            File.Delete(storage);
        }
    }

    [Fact]
    public async Task NewMembers_DataFileSlowToStoreTheirLanguages_EveryoneIsAnsweredAndTheLanguagesAreStoredTogether()
    {
        var storage = Path.Combine(Path.GetTempPath(), "supportbot-lang-" + Guid.NewGuid().ToString("N") + ".db");
        HeldLocaleStore? held = null;
        var members = Enumerable.Range(0, 20).Select(i => Member + 1 + (ulong)i).ToArray();
        try
        {
            await using (var bot = await BotHarness.StartAsync(
                s => s["Storage:Path"] = storage,
                configureHost: host => host.Services.AddSingleton<IMemberLocaleStore>(sp =>
                    held = new HeldLocaleStore(new LiteMemberLocaleStore(sp.GetRequiredService<SupportDatabase>())))))
            {
                foreach (var member in members)
                {
                    bot.Discord.Rest.AddMember(member, [], "member" + member);
                    bot.Discord.Rest.SetLocale(member, "pt-BR");
                }

                // Every member is answered while the data file has not yet taken a single language.
                var asked = await Task.WhenAll(members.Select(m => bot.Discord.RunSlashCommandAsync(m, "bybit-error", [SlashOption.String("code", "10003")])));
                var answers = await Task.WhenAll(asked.Select(id => bot.Discord.Rest.WaitForMessageAsync(m => m.InteractionId == id, BotHarness.Timeout)));
                Assert.All(answers, a => Assert.True(a.IsEphemeral));
                Assert.Equal(0, held!.Stored);

                held.Release();
                await bot.StopAsync();
                Assert.InRange(held.Writes, 1, 2);
            }

            using var database = new SupportDatabase(storage);
            var store = new LiteMemberLocaleStore(database);
            foreach (var member in members)
            {
                Assert.Equal("pt-BR", await store.GetAsync(member));
            }
        }
        finally
        {
            File.Delete(storage);
        }
    }

    [Fact]
    public async Task Privacy_LanguageChangesBetweenInteractions_TheLatestIsStored()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Discord.Rest.AddMember(Member, [], "lucia");
        bot.Discord.Rest.SetLocale(Member, "de");
        await bot.Discord.Rest.WaitForCallbackAsync(await bot.Discord.RunSlashCommandAsync(Member, "privacy", [], bot.SupportChannelId), BotHarness.Timeout);

        bot.Discord.Rest.SetLocale(Member, "pt-BR");
        var privacy = await bot.Discord.RunSlashCommandAsync(Member, "privacy", [], bot.SupportChannelId);
        var overview = await bot.Discord.Rest.WaitForMessageAsync(m => m.InteractionId == privacy, BotHarness.Timeout);

        Assert.Contains("Seu idioma do Discord visto por último: português (Brasil) (pt-BR)", overview.Content, StringComparison.Ordinal);
    }
}

/// <summary>The data file's language store with its writes held until <see cref="Release"/>: a data file slow to write.</summary>
internal sealed class HeldLocaleStore(IMemberLocaleStore inner) : IMemberLocaleStore
{
    private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int stored;
    private int writes;

    public int Stored => Volatile.Read(ref stored);

    public int Writes => Volatile.Read(ref writes);

    public void Release() => released.TrySetResult();

    public Task<string?> GetAsync(ulong memberId, CancellationToken cancellationToken = default) => inner.GetAsync(memberId, cancellationToken);

    public Task SetAsync(ulong memberId, string locale, DateTimeOffset seenAt, CancellationToken cancellationToken = default) =>
        SetManyAsync([new MemberLocale(memberId, locale, seenAt)], cancellationToken);

    public async Task SetManyAsync(IReadOnlyCollection<MemberLocale> locales, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref writes);
        await released.Task.WaitAsync(cancellationToken);
        await inner.SetManyAsync(locales, cancellationToken);
        Interlocked.Add(ref stored, locales.Count);
    }

    public Task<bool> DeleteAsync(ulong memberId, CancellationToken cancellationToken = default) => inner.DeleteAsync(memberId, cancellationToken);
}
