using System.Text;
using AstraBit.SupportBot.Storage;
using AstraBit.SupportBot.Storage.Languages;

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
        var deleted = (await bot.Discord.Rest.WaitForMessageAsync(m => m.Id == overview.Id && m.Content.StartsWith("Deleted:", StringComparison.Ordinal), BotHarness.Timeout)).Content;

        Assert.Contains("Your Discord language as last seen: es-419", listed, StringComparison.Ordinal);
        Assert.Contains("\"locale\": \"es-419\"", Encoding.UTF8.GetString(export.Attachments[0].Content), StringComparison.Ordinal);
        Assert.Contains(" Your Discord language as last seen is deleted too.", deleted, StringComparison.Ordinal);
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
                var privacy = await bot.Discord.RunSlashCommandAsync(Member, "privacy", [], bot.SupportChannelId);
                var overview = await bot.Discord.Rest.WaitForMessageAsync(m => m.InteractionId == privacy, BotHarness.Timeout);
                await bot.Discord.Rest.WaitForCallbackAsync(await bot.Discord.ClickButtonAsync(Member, "pv:delete", overview.Id, bot.SupportChannelId), BotHarness.Timeout);
                await bot.Discord.ClickButtonAsync(Member, "pv:confirm", overview.Id, bot.SupportChannelId);
                await bot.Discord.Rest.WaitForMessageAsync(m => m.Id == overview.Id && m.Content.Contains("deleted too", StringComparison.Ordinal), BotHarness.Timeout);
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
    public async Task Privacy_LanguageChangesBetweenInteractions_TheLatestIsStored()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Discord.Rest.AddMember(Member, [], "lucia");
        bot.Discord.Rest.SetLocale(Member, "de");
        await bot.Discord.Rest.WaitForCallbackAsync(await bot.Discord.RunSlashCommandAsync(Member, "privacy", [], bot.SupportChannelId), BotHarness.Timeout);

        bot.Discord.Rest.SetLocale(Member, "pt-BR");
        var privacy = await bot.Discord.RunSlashCommandAsync(Member, "privacy", [], bot.SupportChannelId);
        var overview = await bot.Discord.Rest.WaitForMessageAsync(m => m.InteractionId == privacy, BotHarness.Timeout);

        Assert.Contains("Your Discord language as last seen: pt-BR", overview.Content, StringComparison.Ordinal);
    }
}
