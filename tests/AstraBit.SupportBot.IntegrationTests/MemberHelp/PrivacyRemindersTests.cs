using System.Text;
using static AstraBit.SupportBot.IntegrationTests.Diagnose.DiagnoseMember;

namespace AstraBit.SupportBot.IntegrationTests.MemberHelp;

/// <summary>`/privacy` tells the truth about key-expiry reminders: it lists them, exports them, and deletes them.</summary>
public sealed class PrivacyRemindersTests
{
    private const ulong Member = 1_600_000_000_000_000_141;

    [Fact]
    public async Task Privacy_MemberWithAReminder_ListsItExportsItAndDeletesIt()
    {
        await using var bot = await BotHarness.StartAsync(s => s["Diagnostics:Cooldown"] = "00:00:00");
        bot.Discord.Rest.AddMember(Member, [], "rita");
        var account = bot.Bybit.Scenario("healthy-unified");
        var masked = "…" + account.ApiKey[^4..];
        var expiry = account.ExpiresAt!.Value.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var (check, _) = await SubmitKeyAsync(bot, Member, account.ApiKey, account.ApiSecret);
        var result = await WaitForResultAsync(bot, check);
        var remind = Buttons(result).Single(b => b.Label == "Remind me before this key expires").CustomId;
        await bot.Discord.Rest.WaitForCallbackAsync(await bot.Discord.ClickButtonAsync(Member, remind, result.Id, bot.SupportChannelId), BotHarness.Timeout);

        var privacy = await bot.Discord.RunSlashCommandAsync(Member, "privacy", [], bot.SupportChannelId);
        var overview = await bot.Discord.Rest.WaitForMessageAsync(m => m.InteractionId == privacy, BotHarness.Timeout);
        Assert.Contains($"Key-expiry reminders: 1 (your member id, the masked key, its expiry and the Bybit site): key {masked} on mainnet, expires <t:{account.ExpiresAt!.Value.ToUnixTimeSeconds()}:D>", overview.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("not stored", overview.Content, StringComparison.Ordinal);

        var exportClick = await bot.Discord.ClickButtonAsync(Member, "pv:export", overview.Id, bot.SupportChannelId);
        var export = await bot.Discord.Rest.WaitForMessageAsync(m => m.InteractionId == exportClick && m.Attachments.Count == 1, BotHarness.Timeout);
        var json = Encoding.UTF8.GetString(export.Attachments[0].Content);
        Assert.Contains($"\"apiKey\": \"{masked}\",\n      \"expiresAt\": \"{expiry}", json, StringComparison.Ordinal);
        Assert.Contains("\"site\": \"mainnet\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain(account.ApiSecret, json, StringComparison.Ordinal);

        var delete = await bot.Discord.ClickButtonAsync(Member, "pv:delete", overview.Id, bot.SupportChannelId);
        Assert.Contains("your key-expiry reminders", (await bot.Discord.Rest.WaitForCallbackAsync(delete, BotHarness.Timeout)).Data!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        var confirm = await bot.Discord.ClickButtonAsync(Member, "pv:confirm", overview.Id, bot.SupportChannelId);
        Assert.Equal(6, (await bot.Discord.Rest.WaitForCallbackAsync(confirm, BotHarness.Timeout)).Type);
        var deleted = await bot.Discord.Rest.WaitForMessageAsync(m => m.Id == overview.Id && m.Content.StartsWith("Deleted:", StringComparison.Ordinal), BotHarness.Timeout);
        Assert.Contains("1 key-expiry reminder,", deleted.Content, StringComparison.Ordinal);
        Assert.Empty(deleted.Components);

        var reminders = await bot.Discord.RunSlashCommandAsync(Member, "reminders", [], bot.SupportChannelId);
        Assert.Contains("You have no key-expiry reminders", (await bot.Discord.Rest.WaitForCallbackAsync(reminders, BotHarness.Timeout)).Data!["content"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
