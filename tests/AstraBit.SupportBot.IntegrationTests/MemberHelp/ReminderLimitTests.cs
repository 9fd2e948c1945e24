using System.Globalization;
using System.Text.Json.Nodes;
using AstraBit.SupportBot.Core.Reminders;
using AstraBit.SupportBot.Emulators.Discord;
using AstraBit.SupportBot.Storage;
using AstraBit.SupportBot.Storage.MemberHelp;
using Microsoft.Extensions.Time.Testing;
using static AstraBit.SupportBot.IntegrationTests.Diagnose.DiagnoseMember;

namespace AstraBit.SupportBot.IntegrationTests.MemberHelp;

/// <summary>
/// The limits of /reminders: a member with many reminders (50, kept from before the cap) pages through them within
/// Discord's limits and stops every one; a new one past the cap is refused with the reason; a forged site is refused.
/// </summary>
public sealed class ReminderLimitTests
{
    private const ulong Member = 1_600_000_000_000_000_141;
    private const int UpdateMessage = 7;
    private const int MaxContent = 2000;

    [Fact]
    public async Task Reminders_FiftyKept_EveryPageWithinDiscordsLimits_EachOneStoppedFromTheList()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var dataFile = Path.Combine(Path.GetTempPath(), $"{BotHarness.DataFolderPrefix}{Guid.NewGuid():N}", "supportbot.db");
        await using var bot = await BotHarness.StartAsync(s => s["Storage:Path"] = dataFile, supportClock: clock);
        await bot.StopAsync();
        var kept = await SeedAsync(dataFile, clock.GetUtcNow(), 50);
        await bot.RestartAsync();

        // Page through with Next: every reminder is listed once, every page is a message Discord accepts.
        var id = await bot.Discord.RunSlashCommandAsync(Member, "reminders", channelId: bot.SupportChannelId);
        var page = await bot.Discord.Rest.WaitForCallbackAsync(id, BotHarness.Timeout);
        var messageId = bot.Discord.Rest.Messages.Single(m => m.InteractionId == id).Id;
        var listed = new List<string>();
        for (var number = 1; ; number++)
        {
            AssertWithinLimits(page);
            Assert.Contains($"page {number} of 5", Content(page), StringComparison.Ordinal);
            listed.AddRange(ButtonsOf(page).Where(b => b.CustomId.StartsWith("rm:stop:", StringComparison.Ordinal)).Select(b => b.Label));
            var next = ButtonsOf(page).Single(b => b.Label == "Next");
            if (next.Disabled)
            {
                break;
            }

            page = await ClickAsync(bot, next.CustomId, messageId);
            Assert.Equal(UpdateMessage, page.Type);
        }

        Assert.Equal(kept.Select(k => "Stop " + k).Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));

        // Stop each one from the list: the list shows again in place, one fewer, until none is left.
        for (var left = kept.Count; left > 0; left--)
        {
            var stop = ButtonsOf(page).First(b => b.CustomId.StartsWith("rm:stop:", StringComparison.Ordinal));
            page = await ClickAsync(bot, stop.CustomId, messageId);
            Assert.Equal(UpdateMessage, page.Type);
            AssertWithinLimits(page);
            Assert.StartsWith($"Done: no more reminders for key {stop.Label["Stop ".Length..]}", Content(page), StringComparison.Ordinal);
            Assert.DoesNotContain(ButtonsOf(page), b => b.CustomId == stop.CustomId);
        }

        Assert.Contains("You have no key-expiry reminders", Content(page), StringComparison.Ordinal);
        Assert.Contains("You have no key-expiry reminders", Content(await RemindersAsync(bot)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RemindMe_PastTheCap_RefusedWithTheReason_AndAForgedSiteIsRefused()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var dataFile = Path.Combine(Path.GetTempPath(), $"{BotHarness.DataFolderPrefix}{Guid.NewGuid():N}", "supportbot.db");
        await using var bot = await BotHarness.StartAsync(s => { s["Storage:Path"] = dataFile; s["Diagnostics:Cooldown"] = "00:00:00"; }, supportClock: clock);
        bot.Discord.Rest.AddMember(Member, [], "rita");
        var account = bot.Bybit.Scenario("healthy-unified");
        var (checkId, _) = await SubmitKeyAsync(bot, Member, account.ApiKey, account.ApiSecret);
        var result = await WaitForResultAsync(bot, checkId);
        var remind = Assert.Single(Buttons(result), b => b.Label == "Remind me before this key expires").CustomId;

        // A custom_id naming a site the bot doesn't know (forged, or from a site since removed) sets nothing.
        var parts = remind.Split(':');
        var forged = string.Join(':', parts[0], parts[1], "atlantis", parts[3], parts[4]);
        var refused = await bot.Discord.Rest.WaitForCallbackAsync(await bot.Discord.ClickButtonAsync(Member, forged, result.Id, bot.SupportChannelId), BotHarness.Timeout);
        Assert.Equal(Ephemeral, refused.Flags & Ephemeral);
        Assert.Contains("\"atlantis\" isn't one of the Bybit sites", refused.Data!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("You have no key-expiry reminders", Content(await RemindersAsync(bot)), StringComparison.Ordinal);

        // The member already keeps the most reminders one member may: this key's is refused, saying why.
        await bot.StopAsync();
        await SeedAsync(dataFile, clock.GetUtcNow(), KeyReminderService.MaxPerMember);
        await bot.RestartAsync();
        var capped = await bot.Discord.Rest.WaitForCallbackAsync(await bot.Discord.ClickButtonAsync(Member, remind, result.Id, bot.SupportChannelId), BotHarness.Timeout);
        Assert.Equal(Ephemeral, capped.Flags & Ephemeral);
        Assert.Contains($"You already have {KeyReminderService.MaxPerMember} key-expiry reminders, the most one member can keep", capped.Data!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("…" + account.ApiKey[^4..], Content(await RemindersAsync(bot)), StringComparison.Ordinal);
    }

    /// <summary>Writes <paramref name="count"/> reminders for the member straight into the (stopped) bot's data file.</summary>
    private static async Task<List<string>> SeedAsync(string dataFile, DateTimeOffset now, int count)
    {
        using var database = new SupportDatabase(dataFile);
        var store = new LiteKeyReminderStore(database);
        var keys = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var masked = "…" + i.ToString("X4", CultureInfo.InvariantCulture);
            keys.Add(masked);
            await store.SaveAsync(new KeyReminder(Member, masked, now.AddDays(30).AddHours(i), i % 2 == 0 ? "mainnet" : "eu", now, []));
        }

        return keys;
    }

    private static async Task<RecordedCallback> ClickAsync(BotHarness bot, string customId, ulong messageId)
    {
        var callback = await bot.Discord.Rest.WaitForCallbackAsync(await bot.Discord.ClickButtonAsync(Member, customId, messageId, bot.SupportChannelId), BotHarness.Timeout);
        Assert.True(callback.Accepted, $"Discord refused the answer to {customId}: {callback.ErrorCode}");
        return callback;
    }

    private static async Task<RecordedCallback> RemindersAsync(BotHarness bot)
    {
        var callback = await bot.Discord.Rest.WaitForCallbackAsync(await bot.Discord.RunSlashCommandAsync(Member, "reminders", channelId: bot.SupportChannelId), BotHarness.Timeout);
        Assert.Equal(Ephemeral, callback.Flags & Ephemeral);
        return callback;
    }

    /// <summary>Discord's limits for a message with buttons (discord-api.md §12): content, rows, buttons per row, custom_ids.</summary>
    private static void AssertWithinLimits(RecordedCallback page)
    {
        Assert.True(page.Accepted);
        Assert.InRange(Content(page).Length, 1, MaxContent);
        var rows = page.Data!["components"]?.AsArray() ?? [];
        Assert.InRange(rows.Count, 0, 5);
        Assert.All(rows, row => Assert.InRange(row!["components"]!.AsArray().Count, 1, 5));
        var ids = ButtonsOf(page).Select(b => b.CustomId).ToList();
        Assert.All(ids, customId => Assert.InRange(customId.Length, 1, 100));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    private static string Content(RecordedCallback callback) => callback.Data!["content"]!.GetValue<string>();

    private static List<(string CustomId, string Label, bool Disabled)> ButtonsOf(RecordedCallback callback) =>
        [.. (callback.Data!["components"]?.AsArray() ?? []).OfType<JsonObject>()
            .SelectMany(row => row["components"]!.AsArray().OfType<JsonObject>())
            .Select(b => (b["custom_id"]!.GetValue<string>(), b["label"]!.GetValue<string>(), b["disabled"]?.GetValue<bool>() ?? false))];
}
